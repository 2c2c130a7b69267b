"""Clause figures of the shipped pipelines on the hand-annotated clause gold (annotations/clauses/): clause verb
span P/R/F1 (exact), class and intensity accuracy on the clauses found, clause addressee span F1 (all clauses and
later clauses only), paragraph max_strength accuracy; per language, with the seed's paragraphs counted apart.

    .venv/bin/python benchmarks/clauses_eval.py [--split dev|test] [--errors] [--no-clauses] [--stanza [--parse]]
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import models  # noqa: E402
from pipeline.evaluation import run  # noqa: E402
from pipeline.evaluation.clauses import errors, score_clauses  # noqa: E402

GOLD = Path(__file__).resolve().parent.parent / "annotations" / "clauses"


def load(lang: str, stanza: bool):
    if stanza:  # its own pipeline, built on stanza: the shared cached one is never changed
        from pipeline.backbones import stanza_backbone
        return stanza_backbone.load(models.default_model(lang))
    return models.load(models.default_model(lang))


def line(name: str, s: dict) -> str:
    d, ld, a, la = s["detection"], s["later_detection"], s["addressees"], s["later_addressees"]
    return (f"| {name} | {s['units']} | {s['gold_clauses']} | {d['p']:.3f} | {d['r']:.3f} | **{d['f']:.3f}** | "
            f"{ld['f']:.3f} | **{s['class_accuracy']:.3f}** | {s['intensity_accuracy']:.3f} | **{a['f']:.3f}** | "
            f"{la['f']:.3f} | {s['max_strength_accuracy']:.3f} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--no-clauses", action="store_true", help="clause detection off (the opener only)")
    ap.add_argument("--stanza", action="store_true", help="the stanza backbone (dependency parse)")
    ap.add_argument("--parse", action="store_true", help="with --stanza: drop clauses the parse subordinates")
    args = ap.parse_args()
    units = run.read_gold(GOLD / f"{args.split}.jsonl")
    print(f"| lang / set | paragraphs | gold clauses | verb P | verb R | verb F1 | later-clause F1 | class acc | "
          f"intensity acc | addressee F1 | later-clause addressee F1 | max_strength acc |")
    print("|---" * 12 + "|")
    for lang in ("zh", "en"):
        gold = [u for u in units if u["lang"] == lang]
        if not gold:
            continue
        nlp = load(lang, args.stanza)
        nlp.get_pipe("unap_opverbs").clauses_use_parse = args.parse
        if args.no_clauses:
            nlp.get_pipe("unap_opverbs").clauses = False
        preds = run.predict(nlp, gold)
        print(line(f"{lang} {args.split}", score_clauses([u["clauses"] for u in gold], [p["clauses"] for p in preds])))
        seed = [i for i, u in enumerate(gold) if u["id"].startswith("A/RES/79/138")]
        if seed:
            s = score_clauses([gold[i]["clauses"] for i in seed], [preds[i]["clauses"] for i in seed])
            right = sum(not errors(gold[i]["clauses"], preds[i]["clauses"]) for i in seed)
            print(line(f"{lang} seed ({right}/{len(seed)} paragraphs all right)", s))
            rest = [i for i in range(len(gold)) if i not in set(seed)]  # the seed was looked at: the rest apart
            print(line(f"{lang} {args.split} without the seed",
                       score_clauses([gold[i]["clauses"] for i in rest], [preds[i]["clauses"] for i in rest])))
        if args.errors:
            for u, p in zip(gold, preds):
                e = errors(u["clauses"], p["clauses"])
                if e:
                    print(f"\n{u['id']}: {u['text'][:300]}\n  " + "\n  ".join(e), file=sys.stderr)


if __name__ == "__main__":
    main()
