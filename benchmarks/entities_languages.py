"""Entity figures of the shipped French, Spanish, Russian and Arabic pipelines on their hand-made gold
(annotations/entities/new/<lang>.jsonl, one split at a time) or on the blind sets made after the rules
(`--split fresh5`: annotations/entities/fresh/test_fresh5.<lang>.jsonl): per-label P/R/F1 (strict), micro-F1 with
its 95% bootstrap interval, and id accuracy on the correctly found spans.

    .venv/bin/python benchmarks/entities_languages.py [--split test|dev|train|fresh5|fresh8|fresh9|fresh10] [--lang fr es ru ar]
        [--model-dir models] [--errors]
"""
import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import models  # noqa: E402
from pipeline.evaluation import run  # noqa: E402

GOLD = ROOT / "annotations" / "entities" / "new"


def units_of(lang: str, split: str) -> list[dict]:
    if split.startswith("fresh"):
        return run.read_gold(GOLD.parent / "fresh" / f"test_{split}.{lang}.jsonl")
    path = GOLD / f"{lang}.jsonl"
    ids = {r["id"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
           if r.get("meta", {}).get("split") == split}
    return [u for u in run.read_gold(path) if u["id"] in ids]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test")
    ap.add_argument("--lang", nargs="+", default=["fr", "es", "ru", "ar"])
    ap.add_argument("--model-dir", type=Path, default=None, help="a folder of unap-<lang>/ pipelines (default: shipped)")
    ap.add_argument("--errors", action="store_true", help="list every missed and spurious span")
    args = ap.parse_args()
    labels = ["RESOLUTION", "TREATY", "DATE", "ORG"]
    print(f"| lang ({args.split}) | units / spans | " + " | ".join(f"{lb} P / R" for lb in labels)
          + " | micro-F1 [95% CI] | id accuracy |")
    print("|---" * (4 + len(labels)) + "|")
    for lang in args.lang:
        units = units_of(lang, args.split)
        nlp = models.load(models.resolve(str(args.model_dir) if args.model_dir else None, lang))
        preds = run.predict(nlp, units)
        s, _ = run.score(units, preds)
        e = s["entities"]
        per = e["per_label"]["strict"]
        cells = [f"{per[lb]['p']:.2f} / {per[lb]['r']:.2f}" if lb in per else "–" for lb in labels]
        lo, hi = e["ci"]["strict_f"]["low"], e["ci"]["strict_f"]["high"]
        print(f"| {lang} | {len(units)} / {sum(len(u['entities']) for u in units)} | " + " | ".join(cells)
              + f" | **{e['strict']['f']:.3f}** [{lo:.3f}, {hi:.3f}] | {e['id_accuracy']:.3f} |")
        if args.errors:
            for u, p in zip(units, preds):
                g = {(x["start"], x["end"], x["label"]) for x in u["entities"]}
                q = {(x["start"], x["end"], x["label"]) for x in p["entities"]}
                for kind, spans in (("missed", g - q), ("spurious", q - g)):
                    for a, b, lb in sorted(spans):
                        print(f"  {kind:8s} {lb:10s} {u['text'][a:b]!r} in {u['id']}", file=sys.stderr)


if __name__ == "__main__":
    main()
