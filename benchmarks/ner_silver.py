"""Does silver data make the NER generalize? Retrain only the NER of the shipped pipeline on the gold train split
plus N silver units (annotations/entities/silver/<lang>.jsonl, made by `python -m pipeline.training.silver`:
the rules over unlabelled UN text, no document of any gold or fresh set), keep its best epoch on dev, and score
it alone (`model`) and in the shipped combination on the test split. Prints one line per run.

    .venv/bin/python benchmarks/ner_silver.py --lang en --silver 0 2000 --epochs 6
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


def one(lang: str, n: int, epochs: int) -> dict:
    cfg = util.load_config(models.CONFIG_DIR / f"{lang}.cfg")
    tcfg = {**dict(cfg.get("unap_training", {})), "ner_epochs": epochs}
    util.fix_random_seed(0)
    nlp = spacy.load(models.default_model(lang), config={"nlp.disabled": []})  # its NER too (shipped disabled)
    silver_path = ROOT / "annotations" / "entities" / "silver" / f"{lang}.jsonl"
    silver = [json.loads(x) for x in silver_path.read_text(encoding="utf-8").splitlines()][:n]
    units = T.read_entities("train", lang) + silver
    T.fresh_component(nlp, lang, "ner", T.ner_examples(nlp, units[:500]))
    t0 = time.time()
    info = T.train_ner(nlp, lang, tcfg, random.Random(0), epochs=epochs, quiet=True, train_units=units)
    test = [u for u in run.read_gold(ROOT / "annotations" / "entities" / "test.jsonl") if u["lang"] == lang]
    out = {"lang": lang, "silver": len(silver), "epochs": epochs, "best_epoch": info["best_epoch"],
           "dev_f1": info["dev_f1"], "train_s": round(time.time() - t0)}
    for config in ("model", "combined"):
        s, _ = run.score(test, run.predict(nlp, test, config), rounds=0)
        out[config] = round(s["entities"]["strict"]["f"], 3)
        out[f"{config}_per_label"] = {k: round(v["f"], 3) for k, v in s["entities"]["per_label"]["strict"].items()}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", nargs="+", default=["zh", "en"])
    ap.add_argument("--silver", nargs="+", type=int, default=[0, 4000])
    ap.add_argument("--epochs", type=int, default=6)
    args = ap.parse_args()
    for lang in args.lang:
        for n in args.silver:
            print(json.dumps(one(lang, n, args.epochs), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
