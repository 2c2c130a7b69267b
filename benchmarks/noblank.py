"""Real resolutions with their blank lines taken out: does each still parse into the same paragraphs?

    .venv/bin/python benchmarks/noblank.py [--shared ../shared] [--sc 60]

Copied text and one-paragraph-per-line corpora come without blank lines (pipeline/structure/dense.py). The damage
suite checks 8 files; this runs the 35 English GA resolutions of the 80th session and a fixed random sample of the
CR-UNSC Security Council resolutions (print line breaks kept, so a packed file is wrapped text with no blank line)
from the shared corpus, parses each file as it is and with every blank line removed, and prints the share of
paragraphs (type, number, text with whitespace folded) of the larger parse that the other has, and the files that
differ most. The parse of the file as it is is the reference, not a gold: where it is wrong itself (an annex cut
by page breaks) the figure counts that as a difference too.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.structure.parse import parse_document  # noqa: E402


def shape(raw: str, fmt: str) -> list[tuple]:
    return [(p.type, p.number, " ".join(p.text.split())) for p in parse_document(raw, lang="en", fmt=fmt).paragraphs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--sc", type=int, default=60, help="CR-UNSC resolutions to sample (seeded)")
    args = ap.parse_args()
    corpus = args.shared / "corpus"
    sc = sorted((corpus / "unsc-resolutions-en").glob("*.txt"))
    random.Random(7).shuffle(sc)
    files = sorted((corpus / "ga80-resolutions-en").glob("*.md")) + sc[:args.sc]
    total = same = 0
    worst = []
    for f in files:
        raw = f.read_text(encoding="utf-8")
        fmt = "md" if f.suffix == ".md" else "txt"
        a = shape(raw, fmt)
        b = shape("\n".join(line for line in raw.split("\n") if line.strip()), fmt)
        n, k = max(len(a), len(b)), sum(1 for x in a if x in b)
        total, same = total + n, same + k
        worst.append((k / n if n else 1.0, f.name, k, n))
    print(f"{len(files)} files ({len(files) - args.sc} GA, {args.sc} SC): paragraph agreement {same}/{total} = "
          f"{same / total:.3f}")
    for share, name, k, n in sorted(worst)[:10]:
        print(f"  {name}: {k}/{n}")


if __name__ == "__main__":
    main()
