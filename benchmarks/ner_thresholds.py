"""Does a confident NER help combined mode? Train the NER (gold train + N silver units, `unap_ner`: beam-scored),
choose per-label thresholds and the overlap policy on dev (pipeline/training/thresholds.py), and score rules alone,
the shipped policy (NER adds TREATY only) and the chosen thresholds on the test split and the fresh sets
(strict span+label micro-F1 of the combination, ids not counted). Saves the trained NER to --save.

    .venv/bin/python benchmarks/ner_thresholds.py --lang zh --silver 4000 --epochs 6 --save /tmp/ner-zh
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
from pipeline.training import thresholds as TH  # noqa: E402
from pipeline.training import train as T  # noqa: E402
import pipeline.components.scored_ner  # noqa: E402,F401

FRESH = {"zh": ["test_fresh3.zh.jsonl", "test_fresh4.zh.jsonl"],
         "en": ["test_fresh.jsonl", "test_fresh2.jsonl", "test_fresh3.en.jsonl"]}


def build(lang: str, n: int, epochs: int, save: Path | None):
    cfg = util.load_config(models.CONFIG_DIR / f"{lang}.cfg")
    tcfg = {**dict(cfg.get("unap_training", {})), "ner_epochs": epochs}
    util.fix_random_seed(0)
    nlp = spacy.load(models.default_model(lang), config={"nlp.disabled": []})  # its NER too (shipped disabled)
    silver = [json.loads(x) for x in (ROOT / "annotations/entities/silver" / f"{lang}.jsonl")
              .read_text(encoding="utf-8").splitlines()][:n]
    units = T.read_entities("train", lang) + silver
    conf = {k: v for k, v in cfg["components"]["ner"].items() if k != "factory"}
    nlp.remove_pipe("ner")
    nlp.add_pipe("unap_ner", name="ner", before="unap_entities", config=conf)
    examples = T.ner_examples(nlp, units[:500])
    nlp.get_pipe("ner").initialize(lambda: examples, nlp=nlp)
    t0 = time.time()
    info = T.train_ner(nlp, lang, tcfg, random.Random(0), epochs=epochs, quiet=True, train_units=units)
    info["train_s"] = round(time.time() - t0)
    if save:
        save.mkdir(parents=True, exist_ok=True)
        nlp.get_pipe("ner").to_disk(save / "ner")
    return nlp, info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", required=True)
    ap.add_argument("--silver", type=int, default=4000)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--save", type=Path, default=None)
    args = ap.parse_args()
    lang = args.lang
    nlp, info = build(lang, args.silver, args.epochs, args.save)
    print(json.dumps({"lang": lang, **info}), flush=True)
    labels = ["ORG", "TREATY", "DATE", "RESOLUTION", "DOCUMENT"]
    dev = TH.candidates(nlp, T.read_entities("dev", lang))
    choice = TH.choose(dev, labels)
    print(json.dumps({"lang": lang, "choice": choice}), flush=True)
    shipped = {"TREATY": 0.0}
    sets = {"test": [u for u in run.read_gold(ROOT / "annotations/entities/test.jsonl") if u["lang"] == lang]}
    for f in FRESH[lang]:
        sets[f] = run.read_gold(ROOT / "annotations/entities/fresh" / f)
    for name, units in sets.items():
        c = TH.candidates(nlp, units)
        print(json.dumps({"lang": lang, "set": name, "units": len(units),
                          "rules": round(TH.micro_f1(c, {}), 4),
                          "shipped_policy": round(TH.micro_f1(c, shipped), 4),
                          "chosen": round(TH.micro_f1(c, choice["thresholds"], choice["policy"], choice["override"]), 4),
                          "model_alone": round(TH.micro_f1([{**u, "rules": []} for u in c],
                                                           {lb: 0.5 for lb in labels}), 4)}), flush=True)


if __name__ == "__main__":
    main()
