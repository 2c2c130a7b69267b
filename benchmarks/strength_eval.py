"""Print the strength figures of the shipped pipelines on the test split: lexicon alone, classifier alone and
the combination that ships, per language, with confusion matrices, the remaining errors, and the same on
text whose opening words were damaged (OCR/extraction faults).

    .venv/bin/python benchmarks/strength_eval.py [--split test] [--model-dir models]
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import models  # noqa: E402
from pipeline.evaluation.classes import confusion_table  # noqa: E402
from pipeline.evaluation.strength import damaged_rows, evaluate  # noqa: E402
from pipeline.training.train import read_split  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test")
    ap.add_argument("--model-dir", default=None)
    ap.add_argument("--json", default=None, help="also write all figures to this file")
    args = ap.parse_args()
    report = {}
    for lang in ("zh", "en"):
        nlp = models.load(models.resolve(args.model_dir, lang))
        rows = read_split(args.split, lang)
        print(f"\n## {lang}: {len(rows)} operative paragraphs ({args.split} split)\n")
        print("| mode | accuracy | macro-F1 | intensity acc | damaged: accuracy | damaged: macro-F1 |")
        print("|---|---|---|---|---|---|")
        bad = damaged_rows(rows, lang)
        for mode in ("lexicon", "model", "combined"):
            r = evaluate(nlp, rows, mode)
            d = evaluate(nlp, bad, mode)
            report[f"{lang}/{mode}"] = {k: r[k] for k in ("n", "accuracy", "macro_f1", "intensity_accuracy",
                                                          "confusion", "errors")}
            report[f"{lang}/{mode}/damaged"] = {k: d[k] for k in ("n", "accuracy", "macro_f1", "confusion")}
            print(f"| {mode} | {r['accuracy']:.3f} | {r['macro_f1']:.3f} | {r['intensity_accuracy']:.3f} "
                  f"| {d['accuracy']:.3f} | {d['macro_f1']:.3f} |")
        shipped = evaluate(nlp, rows, nlp.get_pipe("unap_opverbs").mode)
        print(f"\nconfusion matrix, shipped ({nlp.get_pipe('unap_opverbs').mode}):\n")
        print(confusion_table(shipped["confusion"]))
        print("\nerrors of the shipped pipeline:", len(shipped["errors"]))
        for e in shipped["errors"][:15]:
            print(f"  {e['id']}: gold {e['gold']} pred {e['pred']} verb {e['verb']!r}: {e['text']}")
        dmg = evaluate(nlp, bad, "combined")
        print("\nerrors on damaged text (combined):", len(dmg["errors"]))
        for e in dmg["errors"][:8]:
            print(f"  {e['id']}: gold {e['gold']} pred {e['pred']} verb {e['verb']!r}: {e['text']}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
