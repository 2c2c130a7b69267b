"""Strength and intensity accuracy per language on a split of annotations/strength/, with 95% bootstrap intervals
(resampling paragraphs), for the opener modes a pipeline has: lexicon alone, and with a trained classifier the
classifier alone and the combination.

    .venv/bin/python benchmarks/strength_languages.py [--split test] [--langs fr,es,ru,ar] [--model-dir models]
                                                       [--repo-lexicon] [--errors 10] [--ceiling]

--clauses adds, for want of clause gold in these languages, how often the later clauses the rules find in a
paragraph (", et prie", "، ويطلب") agree with those found in its aligned English line (the English clause rules score
F1 0.995 on their gold): same number of clauses, and same classes in order.

--ceiling adds what the opener itself allows: the labels come from the English opener, and some openers translate
several English ones (Russian "призывает" is both "calls upon", urge, and "encourages"). Over every aligned line of all
splits, it groups the lines by the opener phrase the lexicon finds and counts the lines of each phrase's most frequent
class: no classifier that reads only the opener can score higher (the majorities are taken from the labels, so this
is an upper bound, not a result).

A language with a shipped pipeline (models/unap-<lang>) is measured with it; one without gets the rules alone
(a blank pipeline with unap_paragraphs and unap_opverbs). --repo-lexicon swaps the lexicon the pipeline saved for
the one in pipeline/lexicons/ (a pipeline trained before a lexicon change keeps its own copy).
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402

from pipeline import models  # noqa: E402
from pipeline.components.clauses import find_clauses  # noqa: E402
from pipeline.components.lexicon import OpenerLexicon  # noqa: E402
from pipeline.evaluation.bootstrap import interval  # noqa: E402
from pipeline.evaluation.strength import evaluate  # noqa: E402
from pipeline.training.train import read_split  # noqa: E402


def pipeline_for(lang: str, model_dir, repo_lexicon: bool):
    """(nlp, what it is, the modes it can run)."""
    path = models.resolve(model_dir, lang)
    if (path / "config.cfg").is_file():
        nlp, what = models.load(path), str(path)
        trained = "unap_strength_textcat" in nlp.pipe_names
    else:
        nlp, what, trained = spacy.blank(lang), "rules only (no trained pipeline)", False
        nlp.add_pipe("unap_paragraphs")
        nlp.add_pipe("unap_opverbs", config={"mode": "lexicon"})
    if repo_lexicon:
        nlp.get_pipe("unap_opverbs").lexicon = OpenerLexicon.load(lang)
        what += ", lexicon of pipeline/lexicons/"
    return nlp, what, ("lexicon", "model", "combined") if trained else ("lexicon",)


def later_clauses(text: str, lang: str) -> list[str]:
    lex = OpenerLexicon.load(lang)
    opener = lex.find(text, "operative")
    return [c.cls for c in find_clauses(text, opener.end, lex, lang, opener.cls or "")] if opener else []


def clause_agreement(split: str, langs: list[str]) -> None:
    english = {r["id"].rsplit(":", 1)[0]: r["text"] for r in read_split(split, "en") if r["id"].startswith("unpc:")}
    print("\n| language | n | same clause count as English (95% CI) | same clause classes (95% CI) | "
          "paragraphs with later clauses (lang / en) |")
    print("|---|---|---|---|---|")
    for lang in langs:
        pairs = [(later_clauses(r["text"], lang), later_clauses(english[r["id"].rsplit(":", 1)[0]], "en"))
                 for r in read_split(split, lang) if r["id"].rsplit(":", 1)[0] in english]
        if not pairs:
            continue
        count, same = ci([len(a) == len(b) for a, b in pairs]), ci([a == b for a, b in pairs])
        print(f"| {lang} | {len(pairs)} | {count} | {same} "
              f"| {sum(bool(a) for a, _ in pairs)} / {sum(bool(b) for _, b in pairs)} |")


def opener_ceiling(langs: list[str]) -> None:
    print("\n| language | aligned lines (all splits) | opener-majority ceiling | openers with several classes |")
    print("|---|---|---|---|")
    for lang in langs:
        rows = [r for split in ("train", "dev", "test") for r in read_split(split, lang) if r["id"].startswith("unpc:")]
        if not rows:
            continue
        lex = OpenerLexicon.load(lang)
        by_phrase: dict = {}
        for r in rows:
            found = lex.find(r["text"], "operative")
            counts = by_phrase.setdefault(found.phrase if found else "", {})
            counts[r["strength"]] = counts.get(r["strength"], 0) + 1
        best = sum(max(c.values()) for c in by_phrase.values())
        mixed = "; ".join(f"{p or '(none)'}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: -kv[1]))
                          for p, c in sorted(by_phrase.items()) if len(c) > 1)
        print(f"| {lang} | {len(rows)} | {best / len(rows):.3f} | {mixed or '-'} |")


def ci(hits: list[bool]) -> str:
    r = interval(lambda idx: sum(hits[i] for i in idx) / len(idx) if idx else 0.0, len(hits))
    return f"{r['value']:.3f} [{r['low']:.3f}, {r['high']:.3f}]"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test")
    ap.add_argument("--langs", default="fr,es,ru,ar")
    ap.add_argument("--model-dir", default=None)
    ap.add_argument("--repo-lexicon", action="store_true")
    ap.add_argument("--errors", type=int, default=10, help="errors to list per language (lexicon mode)")
    ap.add_argument("--clauses", action="store_true", help="also the later clauses' agreement with English")
    ap.add_argument("--ceiling", action="store_true", help="also the accuracy the openers themselves allow")
    args = ap.parse_args()
    print("| language | pipeline | n | mode | strength accuracy (95% CI) | intensity accuracy (95% CI) |")
    print("|---|---|---|---|---|---|")
    listed = []
    for lang in args.langs.split(","):
        rows = read_split(args.split, lang)
        if not rows:
            print(f"| {lang} | - | 0 | - | no rows in the {args.split} split | |")
            continue
        nlp, what, modes = pipeline_for(lang, args.model_dir, args.repo_lexicon)
        for mode in modes:
            r = evaluate(nlp, rows, mode)
            preds = r["predictions"]
            strength = [p["strength"] == g["strength"] for p, g in zip(preds, rows)]
            intensity = [p["intensity"] == g["intensity"] for p, g in zip(preds, rows)]
            print(f"| {lang} | {what} | {len(rows)} | {mode} | {ci(strength)} | {ci(intensity)} |")
            if mode == "lexicon":
                listed += [(lang, g, p) for g, p, ok, oki in zip(rows, preds, strength, intensity) if not (ok and oki)]
    if args.ceiling:
        opener_ceiling(args.langs.split(","))
    if args.clauses:
        clause_agreement(args.split, args.langs.split(","))
    if args.errors:
        print("\nerrors (lexicon mode): gold class/intensity -> predicted, verb, text")
        for lang in args.langs.split(","):
            for _, g, p in [e for e in listed if e[0] == lang][:args.errors]:
                print(f"  {g['id']}: {g['strength']}/{g['intensity']} -> {p['strength']}/{p['intensity']} "
                      f"{p['verb']!r}: {g['text'][:70]}")


if __name__ == "__main__":
    main()
