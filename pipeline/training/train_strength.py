"""Train the strength classifier of a language's pipeline from annotations/strength/ and save the pipeline.

    python -m pipeline.training.train_strength zh [--output models/unap-zh]

Trains on the train split, keeps the epoch that scores best on dev (macro-F1 of the classifier alone),
and records data hashes and dev scores in the pipeline's meta.json.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Any

from spacy import util
from spacy.training import Example
from spacy.util import minibatch

from .. import models
from ..evaluation.classes import score_classes
from ..scheme import STRENGTH_CLASSES
from .augment import damage

DATA = models.ROOT / "annotations" / "strength"


def read_split(split: str, lang: str, folder: Path = DATA) -> list[dict[str, Any]]:
    with open(folder / f"{split}.jsonl", encoding="utf-8") as f:
        return [r for r in map(json.loads, f) if r["lang"] == lang and r.get("strength")]


def make_examples(nlp, rows: list[dict[str, Any]]) -> list[Example]:
    out = []
    for r in rows:
        doc = nlp.make_doc(r["text"])
        out.append(Example.from_dict(doc, {"cats": {c: float(c == r["strength"]) for c in STRENGTH_CLASSES}}))
    return out


def classifier_predictions(nlp, rows: list[dict[str, Any]]) -> list[str]:
    tc = nlp.get_pipe("unap_strength_textcat")
    docs = [tc.window_doc(nlp.make_doc(r["text"])[:]) for r in rows]
    scores = tc.model.ops.to_numpy(tc.model.predict(docs)) if docs else []
    return [tc.labels[int(row.argmax())] for row in scores]


def data_hash(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def train(lang: str, output: Path | None = None, *, data: Path = DATA, epochs: int | None = None,
          quiet: bool = False, train_rows: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    cfg = util.load_config(models.CONFIG_DIR / f"{lang}.cfg")
    tcfg = dict(cfg.get("unap_training", {}))
    epochs = epochs or int(tcfg.get("epochs", 12))
    util.fix_random_seed(int(tcfg.get("seed", 0)))
    rnd = random.Random(int(tcfg.get("seed", 0)))
    nlp = util.load_model_from_config(cfg, auto_fill=True, validate=True)
    rows = train_rows if train_rows is not None else read_split("train", lang, data)
    dev_rows = read_split("dev", lang, data)
    # damaged copies (OCR/extraction faults in the opening words) teach the classifier to read through them
    augmented = list(rows)
    for k in range(int(tcfg.get("augment", 0))):
        rnd_k = random.Random(1000 + k)
        augmented += [{**r, "text": damage(r["text"], lang, rnd_k)} for r in rows]
    train_ex = make_examples(nlp, augmented)
    optimizer = nlp.initialize(lambda: train_ex)
    optimizer.learn_rate = float(tcfg.get("learn_rate", 0.002))
    best: tuple[float, bytes | None, int] = (-1.0, None, 0)
    for epoch in range(1, epochs + 1):
        rnd.shuffle(train_ex)
        losses: dict[str, float] = {}
        for batch in minibatch(train_ex, size=int(tcfg.get("batch_size", 16))):
            nlp.update(batch, drop=float(tcfg.get("dropout", 0.2)), sgd=optimizer, losses=losses)
        dev = score_classes([r["strength"] for r in dev_rows], classifier_predictions(nlp, dev_rows),
                            STRENGTH_CLASSES) if dev_rows else {"macro_f1": 0.0, "accuracy": 0.0}
        if not quiet:
            print(f"epoch {epoch:2d} loss {losses.get('unap_strength_textcat', 0):8.3f} "
                  f"dev acc {dev['accuracy']:.3f} macro-F1 {dev['macro_f1']:.3f}", file=sys.stderr)
        if dev["macro_f1"] > best[0] or best[1] is None:
            best = (dev["macro_f1"], nlp.get_pipe("unap_strength_textcat").to_bytes(), epoch)
    nlp.get_pipe("unap_strength_textcat").from_bytes(best[1])
    nlp.meta.update({
        "name": f"unap_{lang}", "version": "0.2.0",
        "description": "UN resolution pipeline: paragraph structure, operative-verb strength (lexicon + classifier)",
        "built": datetime.date.today().isoformat(),
        "unap": {"strength_train": {"units": len(rows), "augmented_copies": int(tcfg.get("augment", 0)), "data_sha256": data_hash(data / "train.jsonl",
                                                                                  data / "dev.jsonl"),
                                    "best_epoch": best[2], "dev_macro_f1": round(best[0], 4)}},
    })
    out = output if output is not None else models.default_model(lang)
    nlp.to_disk(out)
    return {"path": str(out), "best_epoch": best[2], "dev_macro_f1": best[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lang", choices=["zh", "en"])
    ap.add_argument("--output", type=Path, default=None)
    ap.add_argument("--epochs", type=int, default=None)
    args = ap.parse_args()
    print(train(args.lang, args.output, epochs=args.epochs))


if __name__ == "__main__":
    main()
