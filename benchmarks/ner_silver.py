"""Does silver data make the NER generalize? Retrain only the NER of the shipped pipeline on the gold train split
plus N silver units (<silver dir>/<lang>.jsonl, made by `python -m pipeline.training.silver`: the rules over
unlabelled UN text, no document of any gold or fresh set), optionally with static vectors (a folder made by
`spacy init vectors`, e.g. by pipeline.training.vectors) and another tok2vec width, keep its best epoch on dev,
and score it alone (`model`) and in the shipped combination on dev; with --test also on the test split (report
only, never choose on it). Prints one JSON line per run.

    .venv/bin/python benchmarks/ner_silver.py --lang en --silver 0 2000 --epochs 6 [--vectors DIR] [--test]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy import util  # noqa: E402

from pipeline import models  # noqa: E402
from pipeline.evaluation import run  # noqa: E402
from pipeline.training import train as T  # noqa: E402

GOLD = ROOT / "annotations" / "entities"


def scores(nlp, units: list[dict], tag: str) -> dict:
    """Strict micro-F1 and per-label F1 of the NER alone and of the shipped combination on `units`."""
    out = {}
    for config in ("model", "combined"):
        s, _ = run.score(units, run.predict(nlp, units, config), rounds=0)
        out[f"{tag}_{config}"] = round(s["entities"]["strict"]["f"], 3)
        if config == "model":
            out[f"{tag}_{config}_per_label"] = {k: round(v["f"], 3)
                                                for k, v in s["entities"]["per_label"]["strict"].items()}
    return out


def one(lang: str, n: int, epochs: int, silver_dir: Path, vectors: Path | None, width: int | None,
        test: bool, save: Path | None = None) -> dict:
    cfg = util.load_config(models.CONFIG_DIR / f"{lang}.cfg")
    tcfg = {**dict(cfg.get("unap_training", {})), "ner_epochs": epochs}
    util.fix_random_seed(0)
    nlp = spacy.load(models.default_model(lang), config={"nlp.disabled": []})  # its NER too (shipped disabled)
    t2v, over = "components.ner.model.tok2vec.", {}
    if vectors is not None:
        nlp.vocab.vectors = spacy.load(vectors).vocab.vectors
        over[t2v + "pretrained_vectors"] = True
    if width:
        over[t2v + "width"] = width
    silver = [json.loads(x) for x in (silver_dir / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()][:n]
    units = T.read_entities("train", lang) + silver
    T.fresh_component(nlp, lang, "ner", T.ner_examples(nlp, units), over)  # every label, also one only silver has
    t0 = time.time()
    info = T.train_ner(nlp, lang, tcfg, random.Random(0), epochs=epochs, quiet=True, train_units=units)
    out = {"lang": lang, "silver": len(silver), "epochs": epochs, "vectors": str(vectors) if vectors else None,
           "width": width, "best_epoch": info["best_epoch"], "dev_f1": info["dev_f1"],
           "train_s": round(time.time() - t0)}
    if save is not None:  # the pipeline with this NER (enabled), to score later without retraining
        save.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(save / f"{lang}-{len(silver)}")
    for split in ("dev", "test") if test else ("dev",):
        out.update(scores(nlp, [u for u in run.read_gold(GOLD / f"{split}.jsonl") if u["lang"] == lang], split))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", nargs="+", default=["zh", "en"])
    ap.add_argument("--silver", nargs="+", type=int, default=[0, 4000])
    ap.add_argument("--silver-dir", type=Path, default=GOLD / "silver")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--vectors", type=Path, default=None, help="spaCy vectors folder; {lang} is replaced")
    ap.add_argument("--width", type=int, default=None, help="tok2vec width (the config's if not given)")
    ap.add_argument("--test", action="store_true", help="also score the test split (final candidates only)")
    ap.add_argument("--save", type=Path, default=None, help="save each run's pipeline to SAVE/<lang>-<silver>")
    args = ap.parse_args()
    for lang in args.lang:
        vectors = Path(str(args.vectors).format(lang=lang)) if args.vectors else None
        for n in args.silver:
            print(json.dumps(one(lang, n, args.epochs, args.silver_dir, vectors, args.width, args.test,
                                 args.save),
                             ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
