"""Static vectors learned here from the unlabelled UN text, for the NER's tok2vec (include_static_vectors).

    pip install floret==0.10.5; python -m pipeline.training.vectors zh [--output models/vectors-zh]

The text is the silver units (annotations/entities/silver/<lang>.jsonl: every held-out document already left
out), tokenized as the pipeline tokenizes (zh: the trained pkuseg segmenter). floret (fastText with hashed
subword rows, spaCy's floret mode) learns them, so a word never seen in training still gets a vector from its
characters (zh) or character n-grams (en); `spacy init vectors --mode floret` does the conversion. Settings:
the language config's [unap_training] keys vectors_dim, vectors_bucket, vectors_minn, vectors_maxn, vectors_epochs.
Measured on dev, these vectors did not help the NER (benchmarks/results/ner-silver/), so training does not use
them: `benchmarks/ner_silver.py --vectors DIR` retrains the NER with a folder this script made.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from spacy import util

from .. import models
from ..languages import UN_LANGUAGES
from .silver import OUT_DIR as SILVER_DIR

DEFAULTS = {"vectors_dim": 64, "vectors_bucket": 20000, "vectors_minn": 3, "vectors_maxn": 5, "vectors_epochs": 10}
LANG_DEFAULTS = {"zh": {"vectors_minn": 1, "vectors_maxn": 2}}  # a Chinese word's characters and character pairs


def tokenizer(lang: str):
    """The tokenizer the pipeline of `lang` uses (zh: the trained segmenter in models/pkuseg-un)."""
    import spacy

    if lang == "zh":
        from .segmenter.load import blank_pipeline
        return blank_pipeline().tokenizer
    return spacy.blank(lang).tokenizer


def corpus(lang: str, silver: Path, out: Path) -> int:
    """Write the silver texts one per line, tokens separated by spaces; returns the number of tokens."""
    tok = tokenizer(lang)
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for line in silver.read_text(encoding="utf-8").splitlines():
            words = [t.text for t in tok(json.loads(line)["text"]) if not t.is_space]
            n += len(words)
            f.write(" ".join(words) + "\n")
    return n


def build(lang: str, output: Path, silver: Path | None = None) -> dict[str, int]:
    import floret
    import spacy
    from spacy.training.initialize import convert_vectors

    cfg = util.load_config(models.CONFIG_DIR / f"{lang}.cfg")
    defaults = {**DEFAULTS, **LANG_DEFAULTS.get(lang, {})}
    opts = {k: int(cfg.get("unap_training", {}).get(k, v)) for k, v in defaults.items()}
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "text.txt"
        tokens = corpus(lang, silver or SILVER_DIR / f"{lang}.jsonl", text)
        model = floret.train_unsupervised(
            str(text), model="cbow", mode="floret", hashCount=2, bucket=opts["vectors_bucket"],
            minn=opts["vectors_minn"], maxn=opts["vectors_maxn"], dim=opts["vectors_dim"],
            epoch=opts["vectors_epochs"], minCount=2, thread=1, verbose=0)  # one thread: the same vectors every run
        model.save_floret_vectors(str(Path(tmp) / "vectors.floret"))
        nlp = spacy.blank(lang)
        convert_vectors(nlp, Path(tmp) / "vectors.floret", truncate=0, prune=-1, mode="floret")
    nlp.to_disk(output)
    return {"tokens": tokens, **opts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lang", choices=UN_LANGUAGES)
    ap.add_argument("--output", type=Path, default=None, help="default: models/vectors-<lang>")
    ap.add_argument("--silver", type=Path, default=None, help="silver JSONL (default: the committed file)")
    args = ap.parse_args()
    out = args.output or models.MODELS_DIR / f"vectors-{args.lang}"
    print(json.dumps(build(args.lang, out, args.silver)))


if __name__ == "__main__":
    main()
