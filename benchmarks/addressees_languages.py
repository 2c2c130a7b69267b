"""Addressees in French, Spanish, Russian and Arabic, measured against English on aligned UNPC operative lines
(annotations/addressees/aligned/unpc.jsonl; span gold for 90 lines per language: benchmarks/addressees_eval.py). For each line, the
multiset of addressee types of the opening verb in the language is compared with the one the English pipeline
finds on the aligned English line, and with the English gold where the line is in annotations/addressees/: line
agreement (the multisets are equal) and micro P/R/F1 of the types (English as reference), per language and split.

    .venv/bin/python benchmarks/addressees_languages.py [--split dev|test|all] [--lang fr] [--errors] [--show N]
"""
import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402
from spacy.tokens import Span  # noqa: E402

import pipeline.components  # noqa: E402,F401  (registers the factories)
from pipeline import models  # noqa: E402
from pipeline.evaluation import run  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ALIGNED = ROOT / "annotations" / "addressees" / "aligned" / "unpc.jsonl"
GOLD = ROOT / "annotations" / "addressees"
LANGS = ("fr", "es", "ru", "ar")


def pipeline_for(lang: str, entities: bool = True):
    """The language's annotate steps that addressees depend on: entity rules (ORG names typed through their English
    id), the opener lexicon, the addressee rules. The paragraph is given (each line is one operative paragraph)."""
    nlp = spacy.blank(lang)
    if entities:
        try:
            nlp.add_pipe("unap_entity_rules")
            nlp("1. Test.")
        except Exception as e:  # this language's entity rules do not run (yet): measure without them, and say so
            print(f"({lang}: entity rules not available, measured without them: {type(e).__name__}: {e})")
            nlp.remove_pipe("unap_entity_rules")
    nlp.add_pipe("unap_opverbs", config={"mode": "lexicon"})
    nlp.add_pipe("unap_addressees", config={"use_parse": False})
    return nlp


def annotate(nlp, text: str) -> tuple[str | None, list[tuple[str, str]], list[str]]:
    """(opening verb, [(span text, type)] of the opener, types of the later clauses) of one operative line."""
    doc = nlp.make_doc(text)
    doc.spans["paragraphs"] = [Span(doc, 0, len(doc), label="operative")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    verb = next((v.text for v in doc.spans.get("opverbs", []) if not v._.clause), None)
    return (verb, [(a.text, a._.addressee_type) for a in doc.spans.get("addressees", [])],
            [a._.addressee_type for a in doc.spans.get("clause_addressees", [])])


def english(rows: list[dict]) -> tuple[list[list[tuple[str, str]]], list[list[str]]]:
    """The English pipeline's opener addressees per line, and the types of its later clauses' addressees."""
    nlp = models.load(models.default_model("en"))
    preds = run.predict(nlp, [{"text": r["en"], "type": "operative"} for r in rows])
    return ([[(r["en"][a["start"]:a["end"]], a["type"]) for a in p["addressees"]] for r, p in zip(rows, preds)],
            [[a["type"] for c in p["clauses"][1:] for a in c["addressees"]] for p in preds])


def english_gold() -> dict[int, list[str]]:
    out = {}
    for split in ("train", "dev", "test"):
        for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            u = json.loads(line)
            if u["id"].startswith("unpc:") and u["lang"] == "en":
                out[int(u["id"].split(":")[1])] = [a["type"] for a in u["addressees"]]
    return out


def compare(pred: list[Counter], ref: list[Counter]) -> dict:
    tp = sum(sum((p & r).values()) for p, r in zip(pred, ref))
    np_, nr = sum(sum(p.values()) for p in pred), sum(sum(r.values()) for r in ref)
    prec, rec = (tp / np_ if np_ else 0.0), (tp / nr if nr else 0.0)
    return {"n": len(ref), "agree": sum(p == r for p, r in zip(pred, ref)) / len(ref) if ref else 0.0,
            "p": prec, "r": rec, "f": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def row(name: str, s: dict) -> str:
    return f"| {name} | {s['n']} | {s['agree']:.3f} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} |"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test", choices=("dev", "test", "all"))
    ap.add_argument("--lang", action="append", choices=LANGS, help="a language (repeatable); default all four")
    ap.add_argument("--errors", action="store_true", help="print every line whose types differ from English")
    ap.add_argument("--show", type=int, default=0, help="print the spans of the first N lines with addressees")
    ap.add_argument("--no-entities", action="store_true", help="without the entity rules (ORG names typed by id)")
    args = ap.parse_args()
    rows = [json.loads(line) for line in ALIGNED.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if args.split == "all" or r["split"] == args.split]
    en, en_later = english(rows)
    gold = english_gold()
    en_types = [Counter(t for _, t in a) for a in en]
    with_gold = [i for i, r in enumerate(rows) if r["line"] in gold]
    gold_types = [Counter(gold[rows[i]["line"]]) for i in with_gold]
    print(f"{len(rows)} aligned operative lines ({args.split}), {len({r['doc'] for r in rows})} documents; "
          f"{len(with_gold)} have English gold\n")
    print("| language vs reference | lines | type multiset agreement | type P | type R | type F1 |")
    print("|---|---|---|---|---|---|")
    print(row("en pipeline vs en gold", compare([en_types[i] for i in with_gold], gold_types)))
    for lang in args.lang or LANGS:
        nlp = pipeline_for(lang, entities=not args.no_entities)
        found = [annotate(nlp, r[lang]) for r in rows]
        types = [Counter(t for _, t in a) for _, a, _ in found]
        print(row(f"{lang} vs en pipeline", compare(types, en_types)))
        print(row(f"{lang} vs en gold", compare([types[i] for i in with_gold], gold_types)))
        print(row(f"{lang} vs en pipeline, every verb (opener and later clauses)",
                  compare([t + Counter(c) for t, (_, _, c) in zip(types, found)],
                          [t + Counter(c) for t, c in zip(en_types, en_later)])))
        print(f"|   ({lang}: opening verb found in {sum(v is not None for v, *_ in found)}/{len(rows)} lines) |||||")
        for i, (r, (verb, spans, _)) in enumerate(zip(rows, found)):
            if (args.errors and types[i] != en_types[i]) or (args.show and spans and args.show > 0):
                if not args.errors:
                    args.show -= 1
                print(f"   {r['line']} {lang} verb={verb!r}: {r[lang][:160]!r}\n      {lang} {spans}\n      en {en[i]}")


if __name__ == "__main__":
    main()
