"""Candidate fr/es/ru/ar names for gazetteer ids, from the aligned UNPC development set (run by hand, not at run time).

For every gazetteer id the English gazetteer finds in the English lines, count the word n-grams of the aligned
lines of LANG and print those most associated with the id (Dice coefficient over lines). A person checks each
candidate against the body's official name before it becomes a row of names.<lang>.tsv (see README.md).

    .venv/bin/python annotations/gazetteer/mine.py ../shared/corpus/unpc-devset fr [--min 2] > /tmp/fr.txt
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from pipeline.entities.gazetteer import Gazetteer

WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def ngrams(line: str, top: int = 8) -> set[str]:
    words = WORD.findall(line)
    return {" ".join(words[i:i + n]) for n in range(1, top + 1) for i in range(len(words) - n + 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="folder with UNv1.0.devset.{en,LANG}")
    ap.add_argument("lang")
    ap.add_argument("--min", type=int, default=2, help="English lines an id must occur in")
    ap.add_argument("--show", type=int, default=4, help="candidates per id")
    a = ap.parse_args()
    en = (a.corpus / "UNv1.0.devset.en").read_text(encoding="utf-8").split("\n")
    other = (a.corpus / f"UNv1.0.devset.{a.lang}").read_text(encoding="utf-8").split("\n")
    if len(en) != len(other):
        sys.exit(f"{a.corpus}: en and {a.lang} are not aligned ({len(en)} vs {len(other)} lines)")
    gaz = Gazetteer.load()
    lines_of: dict[tuple[str, str], set[int]] = collections.defaultdict(set)
    for i, line in enumerate(en):
        for c in gaz.find(line, "en"):
            if c.source == "gazetteer" and c.key:
                lines_of[(c.label, c.key)].add(i)
    grams = [ngrams(line) for line in other]
    freq = collections.Counter(g for gs in grams for g in gs)
    for (label, ident), lines in sorted(lines_of.items(), key=lambda kv: -len(kv[1])):
        if len(lines) < a.min:
            continue
        inside = collections.Counter(g for i in lines for g in grams[i])
        scored = sorted(((2 * k / (freq[g] + len(lines)), len(g), g) for g, k in inside.items() if k >= 2),
                        reverse=True)[:a.show]
        print(f"{label}\t{ident}\t{len(lines)}\t" + " | ".join(f"{g} ({d:.2f})" for d, _, g in scored))


if __name__ == "__main__":
    main()
