"""French, Spanish, Russian and Arabic names for the gazetteer ids the English pipeline finds and the L one misses.

project_zh.py for the spaced languages: on an aligned UNPC line, an ORG/TREATY id of the English gazetteer that
the English pipeline finds and the L pipeline does not points at an L name (or form) the gazetteer lacks. For
each such id this lists candidate word n-grams of the L lines outside every L span that has an id (a span the L
rules found without an id is a candidate too), ranked by Dice between "missed there" and "the line holds the
n-gram" (project_zh.rank). Run by hand; a person checks each candidate against the body's official UN name in
the language and writes the dictionary form into names.<lang>.tsv (inflected forms come from inflection.py).

Left out: every line of a document with a unit in the test or dev split (of any language) or in a fresh set,
and the documents of --exclude (a JSON file with "docs", e.g. a blind set being made).

    .venv/bin/python annotations/gazetteer/project.py fr [--exclude /tmp/blind8/selection.json] > /tmp/fr.tsv
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from project_zh import entities, held_out, rank  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from crosslingual_ids import pooled_jaccard  # noqa: E402

from pipeline.entities.gazetteer import Gazetteer  # noqa: E402

LANGS = ("fr", "es", "ru", "ar")
WORD = re.compile(r"[^\W\d_][\w'’-]*")
CUT = re.compile(r"[,.;:()«»\"“”<>\[\]!?،؛]|\d|\s[-–—]\s")


def aligned_lines(unpc: Path, lang: str, exclude: set[str]) -> list[tuple[str, str, str]]:
    """(line id, en, L) of every UNPC dev-set line outside the held-out documents and `exclude`."""
    docs = [line.split()[0] for line in (unpc / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()]
    en = (unpc / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    other = (unpc / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines()
    if not len(docs) == len(en) == len(other):
        sys.exit(f"{unpc}: ids, en and {lang} have different line counts")
    lines_out = held_out()[1] | {int(r["id"].split(":")[1]) for path in (ROOT / "annotations/entities/new").glob("*.jsonl")
                                 for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
                                 if r["meta"]["split"] in ("test", "dev")}
    out_docs = {docs[n - 1] for n in lines_out} | exclude
    return [(f"unpc:{i + 1}", e.strip(), o.strip()) for i, (d, e, o) in enumerate(zip(docs, en, other))
            if d not in out_docs and e.strip() and o.strip()]


def grams(text: str, ents: list[dict], top: int = 8) -> set[str]:
    """Word n-grams of `text` outside its spans that carry an id, within stretches cut at punctuation and digits."""
    masked = list(text)
    for e in ents:
        if e["id"]:
            masked[e["start"]:e["end"]] = "|" * (e["end"] - e["start"])
    out = set()
    for part in CUT.split("".join(masked).replace("|", ",")):
        words = WORD.findall(part)
        out |= {" ".join(words[i:i + n]) for n in range(1, top + 1) for i in range(len(words) - n + 1)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=LANGS)
    ap.add_argument("--unpc", type=Path, default=ROOT.parent / "shared" / "corpus" / "unpc-devset")
    ap.add_argument("--exclude", type=Path, action="append", default=[], help="JSON with 'docs' to leave out")
    ap.add_argument("--show", type=int, default=3, help="candidates per id")
    a = ap.parse_args()
    exclude = {d for p in a.exclude for d in json.loads(p.read_text(encoding="utf-8"))["docs"]}
    lines = aligned_lines(a.unpc, a.lang, exclude)
    print(f"{len(lines)} aligned lines outside the held-out documents", file=sys.stderr)
    english_ids = {(r["label"], r["id"]) for r in Gazetteer.load().rows if r["lang"] == "en"}
    known = collections.defaultdict(list)
    for r in Gazetteer.load().rows:
        if r["lang"] == a.lang:
            known[r["id"]].append(r["name"])
    en_ents = entities("en", [e for _, e, _ in lines])
    l_ents = entities(a.lang, [o for _, _, o in lines])
    missed: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    forms: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for i, (ee, le) in enumerate(zip(en_ents, l_ents)):
        found = {e["id"] for e in le}
        for e in ee:
            key = (e["label"], e["id"])
            if key in english_ids and e["id"] not in found:
                if not missed[key] or missed[key][-1] != i:
                    missed[key].append(i)
                forms[key][lines[i][1][e["start"]:e["end"]]] += 1
    total = sum(1 for ee in en_ents for e in ee if (e["label"], e["id"]) in english_ids)
    print(f"{a.lang}: {total - sum(sum(f.values()) for f in forms.values())}/{total} English gazetteer mentions "
          f"have their id in the aligned {a.lang} line", file=sys.stderr)
    bags = [(collections.Counter((e["label"], e["id"] or "") for e in le),
             collections.Counter((e["label"], e["id"] or "") for e in ee)) for le, ee in zip(l_ents, en_ents)]
    print(f"{a.lang}: (label, id) Jaccard with the English pipeline's line, pooled over the lines: "
          f"{pooled_jaccard(bags):.3f}", file=sys.stderr)
    cands = {i: grams(lines[i][2], l_ents[i]) for idx in missed.values() for i in idx}
    print(f"label\tid\tmissed lines\tEnglish forms\t{a.lang} names in the gazetteer\tcandidate\tDice\tlines with it"
          f"\texample line\t{a.lang} line")
    for (label, eid), idx in sorted(missed.items(), key=lambda kv: -len(kv[1])):
        eng = ", ".join(f for f, _ in forms[label, eid].most_common(3))
        for s, dice, df in rank(idx, cands, lines)[:a.show]:
            ex = next((i for i in idx if s in lines[i][2]), idx[0])
            print(f"{label}\t{eid}\t{len(idx)}\t{eng}\t{' | '.join(known.get(eid, [])[:4])}\t{s}\t{dice:.2f}\t{df}"
                  f"\t{lines[ex][0]}\t{lines[ex][2][:200]}")


if __name__ == "__main__":
    main()
