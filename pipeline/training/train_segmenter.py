"""Train the Chinese word segmenter (spacy-pkuseg) offline and save it to models/pkuseg-un/.

    python -m pipeline.training.train_segmenter [--output models/pkuseg-un] [--iterations 20]

spacy-pkuseg ships no model and its named models are downloaded from GitHub, so we train our own CRF:

* General Chinese: UD Chinese GSDSimp **dev** (annotations/ud-zh-gsdsimp/, CC BY-SA 4.0). The last
  HELD_OUT sentences are held out as pkuseg's testFile (its per-iteration f-score goes to meta.json).
  UD **test** is never trained on; benchmarks/segmentation.py scores on it.
* UN domain, injected in two ways, each for a reason:
  (a) Synthetic training sentences (SYNTHETIC): UN-resolution templates whose slots take the operative and
      preambular openers (opverbs.zh.tsv), UN names (built-in NAMES plus the zh `name`s of
      gazetteer.tsv when that file exists), resolution numbers (46/182, 2175(2014)), document symbols
      (A/79/149, S/RES/2719(2023)), dates split as 2024 年 12 月 9 日, and `第 46/182 号 决议`. pkuseg's
      CRF features are lexicalised (a word feature exists only for a word seen in training), so a domain
      word must occur in training sentences for the model to learn it; and the number/symbol patterns
      cannot be put in a dictionary at all. Names are also written before common heads as separate
      tokens (联合国 人员, 联合国 系统), so an ORG that starts a longer compound still ends on a token
      boundary. No silver (self-segmented) UN text: it would only repeat the model's own errors.
  (b) A user dictionary (user_dict.txt in the model folder) of the domain words of >= MIN_DICT_CHARS
      characters. pkuseg applies it as forced longest-match before the CRF, which guarantees those
      boundaries whatever the context; shorter words (决定, 大会, 请) are left to the CRF because forcing
      them would split ordinary words (申请 -> 申|请, 扩大会议 -> 扩|大会|议). The dictionary is kept
      prefix-free to avoid a pkuseg matching bug (see dictionary_words()): 联合国日内瓦办事处 is cut
      联合国|日内瓦办事处, both pieces forced, so an ORG and the longer ORG it starts both align.
      Long or punctuated names (treaties with 、 or 和 inside) are left to the dictionary alone:
      written as single training tokens they would teach the CRF to join words across 和 or 、.
  pkuseg's default post-processor (merging neighbours found in its 390k-word general dictionary) is
  switched off: it costs 7 F1 points on UD and can glue a name to its head again.

Load the result with `blank_pipeline(path)` or `load_into(nlp, path)`, which set the user dictionary and
disable the post-processor; `nlp.to_disk()` then carries the model, the dictionary and that setting.
(spaCy's `[initialize.tokenizer] pkuseg_model/pkuseg_user_dict` alone would leave the post-processor on.)
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from .. import models
from .records import dir_size as _dir_size, rel as _rel, version as _version
from .segmenter.load import DEFAULT_OUTPUT, USER_DICT, blank_pipeline
from .segmenter.synthesis import SYNTHETIC, synthetic_sentences
from .segmenter.words import (LEXICONS, MIN_DICT_CHARS, NAMES, TERMS, _unique, default_user_words, gazetteer_names,
                              opverb_phrases, trainable_name, write_user_dict)

UD_DIR = models.ROOT / "annotations" / "ud-zh-gsdsimp"
UD_DEV = UD_DIR / "zh_gsdsimp-ud-dev.conllu"
UD_TEST = UD_DIR / "zh_gsdsimp-ud-test.conllu"

HELD_OUT = 50            # last UD dev sentences: pkuseg's testFile, never trained on
DEFAULT_ITERATIONS = 20

# hand-segmented UN phrases: checked after training and recorded in meta.json
UN_CHECKS = [
    ("第 46/182 号决议", ["第", "46/182", "号", "决议"]),
    ("第46/182号决议", ["第", "46/182", "号", "决议"]),
    ("联合国人员", ["联合国", "人员"]),
    ("2024年12月9日", ["2024", "年", "12", "月", "9", "日"]),
    ("第 2175(2014) 号决议", ["第", "2175(2014)", "号", "决议"]),
    ("（见A/79/149）", ["（", "见", "A/79/149", "）"]),
    ("安全理事会第2730(2024)号决议", ["安全理事会", "第", "2730(2024)", "号", "决议"]),
]


# ---------------------------------------------------------------------------------------------- data
def read_conllu_words(path: Path) -> list[list[str]]:
    """One list of word FORMs per sentence; multiword-token ranges (1-2) and empty nodes (1.1) skipped."""
    sents: list[list[str]] = []
    cur: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2 or "-" in cols[0] or "." in cols[0]:
                continue
            form = "".join(cols[1].split())   # pkuseg's format cannot hold a space inside a word
            if form:
                cur.append(form)
    if cur:
        sents.append(cur)
    return sents


def write_pkuseg_file(sentences: list[list[str]], path: Path) -> None:
    """pkuseg's training format: one sentence a line, words separated by single spaces."""
    with open(path, "w", encoding="utf-8") as f:
        for words in sentences:
            if words:
                f.write(" ".join(words) + "\n")


def train(out_dir: Path, *, iterations: int = DEFAULT_ITERATIONS, user_words: list[str] | None = None,
          ud_dev: Path = UD_DEV, max_ud_sentences: int | None = None, synthetic: int = SYNTHETIC,
          held_out: int = HELD_OUT, seed: int = 0, lexicons: Path = LEXICONS, quiet: bool = True) -> Path:
    """Train pkuseg into `out_dir` (features.msgpack, weights.npz, user_dict.txt, meta.json); return it.

    `user_words`: the UN-domain words (default: default_user_words()); the short plain ones that are
    not openers fill the name slots of the synthetic sentences (openers always come from opverbs.zh.tsv),
    and those of MIN_DICT_CHARS characters or more make the user dictionary (dictionary_words()). `max_ud_sentences` limits the UD dev sentences used (for fast tests).
    """
    import spacy_pkuseg

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.time()
    ud = read_conllu_words(ud_dev)
    if max_ud_sentences is not None:
        ud = ud[:max_ud_sentences]
    n_held = min(held_out, max(1, len(ud) // 10))
    ud_train, ud_held = ud[:-n_held], ud[-n_held:]

    opverbs = opverb_phrases(lexicons)
    words = default_user_words(lexicons) if user_words is None else _unique(user_words)
    opverb_set = set(opverbs)
    names = [w for w in words if w not in opverb_set and w not in TERMS and trainable_name(w)] or NAMES
    synth = synthetic_sentences(opverbs, names, n=synthetic, seed=seed)
    train_sents = ud_train + synth
    random.Random(seed).shuffle(train_sents)

    log = io.StringIO()
    with tempfile.TemporaryDirectory() as tmp:
        train_file, test_file = Path(tmp) / "train.txt", Path(tmp) / "held_out.txt"
        write_pkuseg_file(train_sents, train_file)
        write_pkuseg_file(ud_held, test_file)
        random.seed(seed)   # pkuseg shuffles with the global `random`
        redirect = contextlib.redirect_stdout(log) if quiet else contextlib.nullcontext()
        with redirect:
            spacy_pkuseg.train(str(train_file), str(test_file), str(out_dir), train_iter=iterations)
    dict_words = write_user_dict(words, out_dir / USER_DICT)
    seconds = time.time() - start

    scores = [float(x) for x in re.findall(r"f-score=([\d.]+)%", log.getvalue())]
    meta = {
        "name": "pkuseg-un",
        "trained": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "spacy_pkuseg": _version("spacy-pkuseg"),
        "iterations": iterations,
        "seed": seed,
        "train_seconds": round(seconds, 1),
        "data": {
            "ud_dev": {"file": _rel(ud_dev), "sha256": hashlib.sha256(ud_dev.read_bytes()).hexdigest()[:16],
                       "train_sentences": len(ud_train), "held_out_sentences": len(ud_held)},
            "synthetic_sentences": len(synth),
            "domain_words": len(words),
            "gazetteer_names": len(gazetteer_names(lexicons)),
            "user_dict_words": len(dict_words),
            "user_dict_min_chars": MIN_DICT_CHARS,
        },
        "held_out_f1_per_iteration": scores,
        "postprocessor": "off",
        "licence": "trained on UD Chinese GSDSimp (CC BY-SA 4.0)",
    }
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    try:   # record the UN checks (loading needs the folder complete, so after meta.json exists)
        nlp = blank_pipeline(out_dir)
        meta["un_checks"] = {text: [t.text for t in nlp.make_doc(text)] == gold for text, gold in UN_CHECKS}
    except Exception as exc:  # pragma: no cover - the checks are informative only
        meta["un_checks"] = {"error": repr(exc)}
    meta["size_bytes"] = _dir_size(out_dir)
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out_dir


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="model folder (default %(default)s)")
    ap.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS)
    ap.add_argument("--synthetic", type=int, default=SYNTHETIC, help="synthetic UN sentences (at least)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--verbose", action="store_true", help="show pkuseg's training log")
    args = ap.parse_args(argv)
    out = train(args.output, iterations=args.iterations, synthetic=args.synthetic, seed=args.seed,
                quiet=not args.verbose)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    d = meta["data"]
    f1 = meta["held_out_f1_per_iteration"]
    print(f"saved {out} ({meta['size_bytes'] / 1e6:.1f} MB) in {meta['train_seconds']} s: "
          f"{d['ud_dev']['train_sentences']} UD dev + {d['synthetic_sentences']} synthetic sentences, "
          f"{d['user_dict_words']} user-dictionary words ({d['gazetteer_names']} from the gazetteer); "
          f"held-out UD dev F1 {f1[-1] if f1 else float('nan'):.2f}%")
    failed = [t for t, ok in meta["un_checks"].items() if ok is not True]
    print("UN checks: " + ("all pass" if not failed else "FAILED " + ", ".join(failed)))


if __name__ == "__main__":
    main(sys.argv[1:])
