"""Per-label strict P/R/F1 of one pipeline on a gold file, each with a 95% bootstrap interval over units.

    .venv/bin/python benchmarks/results/entities-fresh6/per_label.py GOLD --lang zh [--model-dir DIR]
        [--config combined] [--only-lang zh] [--predictions OUT.jsonl]

`unap evaluate` and benchmarks/entities_eval.py give an interval for micro-F1 only; on a small blind set the
per-label figures (ORG against its 0.92 target) need theirs too. Resampling is by unit, as in
pipeline/evaluation/bootstrap.py, whose `interval` is used.
"""
import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from pipeline import models
from pipeline.evaluation import run
from pipeline.evaluation.bootstrap import interval
from pipeline.scheme import ENTITY_LABELS


def unit_counts(gold: list[dict], pred: list[dict]) -> Counter:
    """tp/fp/fn per label (and 'micro') of one unit, strict span and label match."""
    g = {(e["start"], e["end"], e["label"]) for e in gold}
    p = {(e["start"], e["end"], e["label"]) for e in pred}
    c = Counter()
    for kind, spans in (("tp", g & p), ("fp", p - g), ("fn", g - p)):
        for *_, lab in spans:
            c[lab, kind] += 1
            c["micro", kind] += 1
    return c


def prf(rows: list[Counter], label: str, idx, what: str) -> float:
    tp = sum(rows[i][label, "tp"] for i in idx)
    fp = sum(rows[i][label, "fp"] for i in idx)
    fn = sum(rows[i][label, "fn"] for i in idx)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}[what]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--lang", required=True)
    ap.add_argument("--model-dir", default=None, help="a pipeline folder, or a folder with unap-<lang>/")
    ap.add_argument("--config", default="combined", choices=["rules", "model", "combined"])
    ap.add_argument("--only-lang", default=None, help="score only the units of this language")
    ap.add_argument("--predictions", type=Path, default=None, help="write the predicted spans here")
    ap.add_argument("--rounds", type=int, default=1000)
    a = ap.parse_args()
    units = [u for u in run.read_gold(a.gold) if u["lang"] == (a.only_lang or a.lang)]
    if not units:
        sys.exit(f"{a.gold}: no {a.only_lang or a.lang} units")
    nlp = models.load(models.resolve(a.model_dir, a.lang))
    preds = run.predict(nlp, units, a.config)
    rows = [unit_counts(u["entities"], p["entities"]) for u, p in zip(units, preds)]
    n_gold = sum(len(u["entities"]) for u in units)
    print(f"{a.gold} ({len(units)} units, {n_gold} spans), {a.lang} pipeline {a.model_dir or 'models/'}, "
          f"{a.config}, {a.rounds} bootstrap rounds over units\n")
    print("| label | P [95% CI] | R [95% CI] | F1 [95% CI] | gold | predicted |\n|---|---|---|---|---|---|")
    for lab in [l for l in ENTITY_LABELS if any(r[l, k] for r in rows for k in ("tp", "fp", "fn"))] + ["micro"]:
        cells = []
        for what in ("p", "r", "f"):
            ci = interval(lambda idx, lab=lab, what=what: prf(rows, lab, idx, what), len(rows), rounds=a.rounds)
            cells.append(f"{ci['value']:.3f} [{ci['low']:.3f}, {ci['high']:.3f}]")
        gold = sum(r[lab, "tp"] + r[lab, "fn"] for r in rows)
        pred = sum(r[lab, "tp"] + r[lab, "fp"] for r in rows)
        name = f"**{lab}**" if lab == "micro" else lab
        print(f"| {name} | {' | '.join(cells)} | {gold} | {pred} |")
    if a.predictions:
        with a.predictions.open("w", encoding="utf-8") as f:
            for u, p in zip(units, preds):
                f.write(json.dumps({"id": u["id"], "text": u["text"], "gold": u["entities"],
                                    "pred": p["entities"]}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
