"""Print the entity figures of the shipped pipelines on the gold test split (annotations/entities/test.jsonl):
rules alone, NER alone and the combination, per label (strict P/R/F1), micro-F1, id accuracy, and the share
of gold entity boundaries that fall inside a token of the segmenter (before the rules split tokens).

    .venv/bin/python benchmarks/entities_eval.py [--split test] [--model-dir models]
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import models  # noqa: E402
from pipeline.evaluation import run  # noqa: E402
from pipeline.scheme import ENTITY_LABELS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def boundary_inside_token(nlp, units) -> tuple[int, int]:
    inside = total = 0
    for u in units:
        doc = nlp.make_doc(u["text"])
        starts = {t.idx for t in doc}
        ends = {t.idx + len(t.text) for t in doc}
        for e in u["entities"]:
            total += 2
            inside += (e["start"] not in starts) + (e["end"] not in ends)
    return inside, total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test")
    ap.add_argument("--gold", default=None, help="a gold JSONL instead of the split (e.g. "
                    "annotations/entities/fresh/test_fresh.jsonl)")
    ap.add_argument("--model-dir", default=None)
    ap.add_argument("--errors", type=int, default=8, help="examples of remaining errors to print")
    args = ap.parse_args()
    path = Path(args.gold) if args.gold else ROOT / "annotations" / "entities" / f"{args.split}.jsonl"
    gold = run.read_gold(path)
    raw = {json.loads(l)["id"]: json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()}
    for u in gold:
        u["year"] = raw[u["id"]]["meta"].get("year")
    for lang in ("zh", "en"):
        units = [u for u in gold if u["lang"] == lang]
        if not units:
            continue
        nlp = models.load(models.resolve(args.model_dir, lang))
        inside, total = boundary_inside_token(nlp, units)
        n_spans = sum(len(u["entities"]) for u in units)
        print(f"\n## {lang}: {len(units)} units, {n_spans} gold spans ({args.split} split)\n")
        print(f"gold entity boundaries inside a token of the segmenter: {inside}/{total} = {inside / max(total, 1):.2%}\n")
        print("| configuration | label | P | R | F1 | gold |")
        print("|---|---|---|---|---|---|")
        results = {}
        for cfg in ("rules", "model", "combined"):
            preds = run.predict(nlp, units, cfg)
            s, _ = run.score(units, preds, rounds=200)
            e = s["entities"]
            results[cfg] = (e, preds)
            for lab in [l for l in ENTITY_LABELS if l in e["per_label"]["strict"]]:
                v = e["per_label"]["strict"][lab]
                print(f"| {cfg} | {lab} | {v['p']:.3f} | {v['r']:.3f} | {v['f']:.3f} | {v['tp'] + v['fn']} |")
            ci = e["ci"]["strict_f"]
            print(f"| **{cfg}** | **micro** | {e['strict']['p']:.3f} | {e['strict']['r']:.3f} | **{e['strict']['f']:.3f}** "
                  f"[{ci['low']:.3f}, {ci['high']:.3f}] | {n_spans} |")
        print("\n| configuration | micro-F1 strict | micro-F1 overlap | macro-F1 | id accuracy (on correct spans) |")
        print("|---|---|---|---|---|")
        for cfg, (e, _) in results.items():
            print(f"| {cfg} | {e['strict']['f']:.3f} | {e['overlap']['f']:.3f} | {e['strict']['macro_f']:.3f} "
                  f"| {e['id_accuracy']:.3f} ({e['id_checked']}) |")
        e, preds = results["combined"]
        if args.errors <= 0:  # --errors 0: figures only, no line of the gold (a held-out set stays unread)
            continue
        print("\nremaining errors (combined):")
        shown = 0
        for u, p in zip(units, preds):
            g = {(s["start"], s["end"], s["label"]) for s in u["entities"]}
            q = {(s["start"], s["end"], s["label"]) for s in p["entities"]}
            for s, t, lab in sorted(g - q):
                if shown < args.errors:
                    print(f"  missed   {lab:10s} {u['text'][s:t]!r:50s} in {u['id']}")
                    shown += 1
            for s, t, lab in sorted(q - g):
                if shown < 2 * args.errors:
                    print(f"  spurious {lab:10s} {u['text'][s:t]!r:50s} in {u['id']}")
                    shown += 1
        print("\nwrong ids on correctly found spans (combined):")
        shown = 0
        for u, p in zip(units, preds):
            q = {(s["start"], s["end"], s["label"]): s.get("id") for s in p["entities"]}
            for g in u["entities"]:
                key = (g["start"], g["end"], g["label"])
                if key in q and g.get("id") is not None and q[key] != g["id"] and shown < args.errors:
                    shown += 1
                    print(f"  {g['label']:10s} {u['text'][g['start']:g['end']]!r:40s} gold {g['id']!r} got {q[key]!r} in {u['id']}")


if __name__ == "__main__":
    main()
