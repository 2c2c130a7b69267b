"""Structure under PDF-extraction damage: does every damaged variant parse like its clean file?

    .venv/bin/python benchmarks/damage.py [--details]

Reads the damage suite (`tests/fixtures/damage/manifest.json`, made by `benchmarks/make_damage.py`), parses
each variant and its clean file, and prints per damage kind: variants, paragraph-level agreement with the clean
parse (paragraphs with the same type, number, text and footnote links, over the larger of the two paragraph
counts), variants whose footnotes all came back the same, footnote texts found inside a paragraph (leaks), and
variants that warned. `--details` lists every paragraph that differs.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_damage import clean_parse  # noqa: E402

from pipeline.structure.agreement import compare  # noqa: E402
from pipeline.structure.parse import parse_document  # noqa: E402

SUITE = ROOT / "tests" / "fixtures" / "damage"


def parse(path: Path, lang: str, fmt: str):
    return parse_document(path.read_text(encoding="utf-8"), lang=lang, fmt=fmt, source=path.name)


def run(suite: Path = SUITE):
    """(manifest row, Comparison) for every damaged variant."""
    manifest = json.loads((suite / "manifest.json").read_text(encoding="utf-8"))
    clean = {}
    out = []
    for row in manifest:
        if row["clean"] not in clean:
            name = row["clean"]
            clean[name] = clean_parse(name)  # as make_damage.py read it (the language fixtures' # lines left out)
        damaged = parse(suite / row["file"], row["lang"], row["fmt"])
        out.append((row, compare(clean[row["clean"]], damaged)))
    return out


def table(results) -> list[str]:
    by_kind = defaultdict(list)
    for row, c in results:
        by_kind[row["kind"]].append(c)
    by_kind["all"] = [c for _, c in results]
    lines = ["| damage kind | variants | paragraphs | agreement | footnotes and links identical | footnote leaks | "
             "variants with a new warning |", "|---|---|---|---|---|---|---|"]
    for kind, cs in by_kind.items():
        paras = sum(c.paragraphs for c in cs)
        agreed = sum(c.agreed for c in cs)
        denom = sum(c.paragraphs + c.extra for c in cs)
        same = sum(c.footnotes_same and c.links_same for c in cs)
        lines.append(f"| {'**all**' if kind == 'all' else kind} | {len(cs)} | {paras} | {agreed / denom:.4f} | "
                     f"{same}/{len(cs)} | {sum(len(c.leaks) for c in cs)} | {sum(bool(c.new_warnings) for c in cs)} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--details", action="store_true", help="print every paragraph that differs")
    ap.add_argument("--suite", type=Path, default=SUITE, help="a suite made by make_damage.py --out (default: %(default)s)")
    args = ap.parse_args(argv)
    results = run(args.suite)
    print("\n".join(table(results)))
    if args.details:
        for row, c in results:
            if c.perfect and c.links_same and not c.new_warnings:
                continue
            print(f"\n{row['file']}: agreement {c.agreement:.3f}, footnotes same {c.footnotes_same}, "
                  f"links same {c.links_same}, leaks {c.leaks}, new warnings {c.new_warnings}")
            for a, b in c.diffs[:6]:
                print("  clean:  ", str(a)[:300])
                print("  damaged:", str(b)[:300])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
