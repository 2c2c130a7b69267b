"""Write the hand-checked fr/es/ru/ar names (names.<lang>.tsv) into pipeline/lexicons/gazetteer.tsv, and check them.

Every row of the names files must carry an id the gazetteer already has (one entity, one id, any language); the
English and Chinese rows are kept as they are, the rows of the other languages are replaced by names.fr.tsv, names.es.tsv, names.ru.tsv and
names.ar.tsv (one file per language, so that each can be reviewed and extended on its own).
With --check CORPUS, for every id the English gazetteer finds in the aligned UNPC lines, print how often the
rules find the same id in the aligned line of each language (names to add or fix show up as misses).

    .venv/bin/python annotations/gazetteer/build.py [--check ../shared/corpus/unpc-devset]
"""
from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from pipeline.entities.gazetteer import Gazetteer

LANGS = ("fr", "es", "ru", "ar")
NAMES = [Path(__file__).with_name(f"names.{lang}.tsv") for lang in LANGS]
GAZETTEER = ROOT / "pipeline" / "lexicons" / "gazetteer.tsv"


def build() -> Gazetteer:
    old = Gazetteer.load(GAZETTEER)
    known = {(r["label"], r["id"]) for r in old.rows if r["lang"] not in LANGS}
    new = []
    for path in NAMES:
        with open(path, encoding="utf-8") as f:
            new += [r for r in csv.DictReader(f, delimiter="\t")]
    bad = [r for r in new if r["lang"] not in LANGS or not r["name"].strip() or r["label"] not in ("ORG", "TREATY")]
    if bad:
        sys.exit("names.<lang>.tsv: rows with no name, a label other than ORG/TREATY or a lang not fr/es/ru/ar:\n"
                 + "\n".join("\t".join(r.values()) for r in bad[:20]))
    # an id no English row has is the English name itself (GUIDELINES: a name no list knows is its own id)
    own = sorted({r["id"] for r in new if (r["label"], r["id"]) not in known})
    if own:
        print(f"ids that are English names, not gazetteer rows ({len(own)}): " + "; ".join(own), file=sys.stderr)
    seen, rows = set(), [r for r in old.rows if r["lang"] not in LANGS]
    for r in new:
        if (r["lang"], r["name"]) not in seen:
            seen.add((r["lang"], r["name"]))
            rows.append(r)
    gaz = Gazetteer(rows)
    gaz.write(GAZETTEER)
    print(f"{GAZETTEER.relative_to(ROOT)}: {len(rows)} rows, {sum(r['lang'] in LANGS for r in rows)} from the names files")
    return gaz


def check(gaz: Gazetteer, corpus: Path) -> None:
    en = (corpus / "UNv1.0.devset.en").read_text(encoding="utf-8").split("\n")
    lines = {lg: (corpus / f"UNv1.0.devset.{lg}").read_text(encoding="utf-8").split("\n") for lg in LANGS}
    where = collections.defaultdict(list)
    for i, line in enumerate(en):
        for c in gaz.find(line, "en"):
            if c.source == "gazetteer" and c.key:
                where[(c.label, c.key)].append(i)
    total = collections.Counter()
    for key, idx in sorted(where.items(), key=lambda kv: -len(kv[1])):
        hits = {lg: sum(any(c.key == key[1] for c in gaz.find(lines[lg][i], lg)) for i in idx) for lg in LANGS}
        for lg in LANGS:
            total[lg] += hits[lg]
        print(f"{len(idx)}\t" + "\t".join(f"{lg} {hits[lg]}" for lg in LANGS) + f"\t{key[0]} {key[1]}")
    n = sum(len(v) for v in where.values())
    print("found in the aligned line: " + ", ".join(f"{lg} {total[lg]}/{n}" for lg in LANGS))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", type=Path, help="folder with the aligned UNv1.0.devset.{en,fr,es,ru,ar}")
    a = ap.parse_args()
    g = build()
    if a.check:
        check(g, a.check)
