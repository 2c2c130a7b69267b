"""Addressee figures of the shipped pipelines on the hand-annotated gold (annotations/addressees/): span P/R/F
(exact and overlap), type accuracy on exactly found spans, labelled F1 per type, and paragraph accuracy, per
language, for the default backbone (rules) and, in zh/en, the stanza backbone (dependency parse + rules) when
installed. fr/es/ru/ar: the aligned UNPC operative lines of the strength dev/test splits (spans.languages.txt).

    .venv/bin/python benchmarks/addressees_eval.py [--split test] [--lang zh en fr es ru ar] [--errors]
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import models  # noqa: E402
from pipeline.addressees.lexicon import TYPES  # noqa: E402
from pipeline.evaluation import run  # noqa: E402
from pipeline.evaluation.addressees import score_addressees  # noqa: E402

GOLD = Path(__file__).resolve().parent.parent / "annotations" / "addressees"


def backbones(lang: str):
    yield "spacy (rules)", models.load(models.default_model(lang))
    if lang not in ("zh", "en"):  # stanza models are trained here for zh and en only
        return
    try:
        from pipeline.backbones import stanza_backbone
    except ImportError as e:
        print(f"(stanza backbone not available: {e})")
        return
    try:
        nlp = stanza_backbone.load(models.default_model(lang))
    except Exception as e:  # no models trained yet: say so and score the default backbone only
        print(f"(stanza backbone not available: {e})")
        return
    yield "stanza (parse + rules)", nlp
    nlp.get_pipe("unap_addressees").use_parse = False
    yield "stanza (rules only)", nlp
    nlp.get_pipe("unap_addressees").use_parse = True


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test")
    ap.add_argument("--lang", nargs="+", default=["zh", "en"])
    ap.add_argument("--errors", action="store_true", help="print every paragraph the pipeline gets wrong")
    args = ap.parse_args()
    units = run.read_gold(GOLD / f"{args.split}.jsonl")
    for lang in args.lang:
        gold = [u for u in units if u["lang"] == lang]
        print(f"\n## {lang}: {len(gold)} operative paragraphs ({args.split} split), "
              f"{sum(len(u['addressees']) for u in gold)} addressees, {sum(not u['addressees'] for u in gold)} none\n")
        print("| backbone | span P | span R | span F1 | overlap F1 | type acc | paragraph acc | "
              + " | ".join(f"{t} F1" for t in TYPES) + " |")
        print("|---" * (7 + len(TYPES)) + "|")
        for name, nlp in backbones(lang):
            preds = run.predict(nlp, gold)
            s = score_addressees([u["addressees"] for u in gold], [p["addressees"] for p in preds])
            print(f"| {name} | {s['span']['p']:.3f} | {s['span']['r']:.3f} | {s['span']['f']:.3f} | "
                  f"{s['overlap']['f']:.3f} | {s['type_accuracy']:.3f} | {s['paragraph_accuracy']:.3f} | "
                  + " | ".join(f"{s['per_type'][t]['f']:.3f}" for t in TYPES) + " |")
            if args.errors:
                for u, p in zip(gold, preds):
                    g = {(a["start"], a["end"], a["type"]) for a in u["addressees"]}
                    q = {(a["start"], a["end"], a["type"]) for a in p["addressees"]}
                    if g != q:
                        print(f"   {u['id']}: {u['text'][:120]!r}\n      gold {[(u['text'][a:b], t) for a, b, t in sorted(g)]}"
                              f"\n      pred {[(u['text'][a:b], t) for a, b, t in sorted(q)]}")


if __name__ == "__main__":
    main()
