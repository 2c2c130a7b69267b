"""Do corrections teach? The hand-made fresh entity sets, pooled per language and split by document into folds:
for each fold, retrain through the code behind `unap train --gold` with 0/25/50/100% of the other folds' units
as pulled gold, and score the shipped pipeline on the held-out fold. Prints a table, the paired
bootstrap of 100% vs 0% over all held-out units, and writes a plot and JSON into --out.

    .venv/bin/python benchmarks/correction_curve.py [--components corrections|all] [--folds 3] [--lang zh en fr ...]

--components corrections (default) replaces only the learned corrections table of the shipped pipeline
(seconds per retraining); `all` also retrains the classifier and the NER (about 4 minutes per retraining).
--heads none scores without head words (learned names and removals only), `all` adds the gazetteer's heads.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.evaluation import run  # noqa: E402
from pipeline.training.retrain import retrain  # noqa: E402

FRESH = ROOT / "annotations" / "entities" / "fresh"
POOLS = {"zh": ["test_fresh3.zh.jsonl", "test_fresh4.zh.jsonl", "test_fresh6.zh.jsonl"],
         "en": ["test_fresh.jsonl", "test_fresh2.jsonl", "test_fresh3.en.jsonl", "test_fresh6.en.jsonl"],
         # the aligned UNPC fresh sets of the other languages (fresh10 stays out: it is scored summary-only)
         **{lang: [f"test_fresh{n}.{lang}.jsonl" for n in (5, 8, 9)] for lang in ("fr", "es", "ru", "ar")}}
SHARES = (0.0, 0.25, 0.5, 1.0)


def document(rec: dict) -> str:
    meta = rec.get("meta") or {}
    return str(meta.get("doc") or meta.get("document") or rec["id"])


def pool(lang: str) -> list[dict]:
    units = []
    for name in POOLS[lang]:
        path = FRESH / name
        raw = {json.loads(x)["id"]: json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()}
        for u in run.read_gold(path):
            if u["lang"] == lang:
                units.append({**u, "gold": f"annotations/entities/fresh/{name}", "doc": document(raw[u["id"]])})
    return units


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", nargs="+", default=["zh", "en"])
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--components", choices=["corrections", "all"], default="corrections")
    ap.add_argument("--rounds", type=int, default=1000)
    ap.add_argument("--heads", choices=["none", "learned", "all"], default=None,
                    help="which head words find names (unap_entity_rules.heads; default: the pipeline's config)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "correction-curve")
    args = ap.parse_args()
    import spacy

    args.out.mkdir(parents=True, exist_ok=True)
    results = {}
    for lang in args.lang:
        units = pool(lang)
        docs = sorted({u["doc"] for u in units})
        random.Random(0).shuffle(docs)
        fold = {d: i % args.folds for i, d in enumerate(docs)}
        held: dict[float, list] = {s: [] for s in SHARES}  # share -> (unit, prediction) over all folds
        learned: dict[float, list[int]] = {s: [] for s in SHARES}
        for k in range(args.folds):
            test = [u for u in units if fold[u["doc"]] == k]
            train = [u for u in units if fold[u["doc"]] != k]
            random.Random(k).shuffle(train)
            for share in SHARES:
                extra = train[:int(round(len(train) * share))]
                with tempfile.TemporaryDirectory() as tmp:
                    out = Path(tmp) / f"unap-{lang}"
                    info = retrain(lang, extra, out, quiet=True, components=args.components)
                    nlp = spacy.load(out, config={"components": {"unap_entity_rules": {"heads": args.heads}}}
                                     if args.heads else {})
                    held[share] += list(zip(test, run.predict(nlp, test)))
                learned[share].append(info["corrections"])
                print(f"{lang} fold {k} share {share:.0%}: {len(extra)} units added, {info['corrections']} "
                      f"corrections learned", file=sys.stderr)
        rows, tallies = [], {}
        for share in SHARES:
            us, ps = [u for u, _ in held[share]], [p for _, p in held[share]]
            s, tallies[share] = run.score(us, ps, rounds=args.rounds)
            ent = s["entities"]
            ci = ent["ci"]["strict_f"]
            rows.append({"share": share, "f": ent["strict"]["f"], "ci": [ci["low"], ci["high"]],
                         "org_f": ent["per_label"]["strict"].get("ORG", {}).get("f"), "corrections": learned[share]})
        cmp = run.compare(tallies[1.0], tallies[0.0], rounds=args.rounds)["entities_strict_f"]
        results[lang] = {"units": len(units), "documents": len(docs), "folds": args.folds,
                         "components": args.components, "heads": args.heads or "config", "pools": POOLS[lang],
                         "curve": rows, "gain_100_vs_0": cmp}
    (args.out / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print("| lang | units / documents | added | micro-F1 [95% CI] | ORG F1 | corrections learned (per fold) |")
    print("|---|---|---|---|---|---|")
    for lang, r in results.items():
        for row in r["curve"]:
            ci = f" [{row['ci'][0]:.3f}, {row['ci'][1]:.3f}]" if row["ci"] else ""
            print(f"| {lang} | {r['units']} / {r['documents']} | {row['share']:.0%} | {row['f']:.3f}{ci} | "
                  f"{row['org_f']:.3f} | {', '.join(map(str, row['corrections']))} |")
    for lang, r in results.items():
        g = r["gain_100_vs_0"]
        print(f"{lang}: 100% vs 0%: {json.dumps(g)}")
    plot(results, args.out / "curve.png")


def plot(results: dict, path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 3.2))
    for lang, r in results.items():
        xs = [row["share"] * 100 for row in r["curve"]]
        ax.plot(xs, [row["f"] for row in r["curve"]], marker="o", label=lang)
    ax.set_xlabel("% of the other folds' units added as pulled gold")
    ax.set_ylabel("micro-F1 on held-out folds")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)


if __name__ == "__main__":
    main()
