"""Rank the gazetteer ids that still lack a name in some languages by how often English UN text cites them
(run by hand, not at run time): the ids to write into names.<lang>.tsv first are the ones users meet most.

Reads every English UN text of a corpus folder laid out as ../shared/corpus (GA and SC resolutions, SC drafts, the
English side of the zh-en pairs and of the UNPC development set; the UD treebank is no UN text and is skipped),
counts per (label, id) the mentions the English gazetteer finds and the texts they are in, and prints the ids
that have no row in at least one of LANGS, most cited first, with their English names (what to translate).

    .venv/bin/python annotations/gazetteer/rank.py ../shared/corpus --langs fr es > /tmp/rank.fr-es.tsv
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from pipeline.entities.gazetteer import Gazetteer


def english_texts(root: Path) -> Iterator[tuple[str, str]]:
    """(source, text) for every English UN text under root; one UNPC line or zh-en pair is one text."""
    for pattern in ("ga80-resolutions-en/*.md", "unsc-resolutions-en/*.txt"):
        for path in sorted(root.glob(pattern)):
            yield path.parent.name, path.read_text(encoding="utf-8")
    drafts = root / "unsc-drafts-en" / "task3.json"
    if drafts.exists():
        for text in json.loads(drafts.read_text(encoding="utf-8"))["drafts"]:
            yield drafts.parent.name, text
    pairs = root / "un-zh-en-pairs-2023" / "corpus.json"
    if pairs.exists():
        for pair in json.loads(pairs.read_text(encoding="utf-8"))["data"]:
            yield pairs.parent.name, pair["en"]
    unpc = root / "unpc-devset" / "UNv1.0.devset.en"
    if unpc.exists():
        for line in unpc.read_text(encoding="utf-8").split("\n"):
            yield unpc.parent.name, line


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="folder laid out as ../shared/corpus")
    ap.add_argument("--langs", nargs="+", default=["fr", "es", "ru", "ar"], help="languages whose rows to look for")
    ap.add_argument("--min", type=int, default=1, help="mentions an id needs to be listed (0: every id)")
    a = ap.parse_args()
    gaz = Gazetteer.load()
    have = collections.defaultdict(set)  # (label, id) -> languages with a row
    english = collections.defaultdict(list)  # (label, id) -> its English names (full name, acronym, short forms)
    for r in gaz.rows:
        have[(r["label"], r["id"])].add(r["lang"])
        if r["lang"] == "en":
            english[(r["label"], r["id"])].append(r["name"])
    mentions, texts, sources = collections.Counter(), collections.Counter(), collections.defaultdict(set)
    n = 0
    for source, text in english_texts(a.corpus):
        n += 1
        found = [(c.label, c.key) for c in gaz.find(text, "en") if c.source == "gazetteer" and c.key]
        mentions.update(found)
        for key in set(found):
            texts[key] += 1
            sources[key].add(source)
    if not n:
        sys.exit(f"{a.corpus}: no English UN text found (expected folders such as unsc-resolutions-en, unpc-devset)")
    print("mentions\ttexts\tmissing\tlabel\tid\tenglish names\tsources")
    listed = 0
    for key in sorted(english, key=lambda key: (-mentions[key], -texts[key], key)):
        k = mentions[key]
        missing = [lg for lg in a.langs if lg not in have[key]]
        if k < a.min or not missing:
            continue
        listed += 1
        print(f"{k}\t{texts[key]}\t{','.join(missing)}\t{key[0]}\t{key[1]}\t{' | '.join(english[key])}\t"
              + ",".join(sorted(sources[key])))
    print(f"{listed} ids lack a row in {' or '.join(a.langs)}; {n} English texts read", file=sys.stderr)


if __name__ == "__main__":
    main()
