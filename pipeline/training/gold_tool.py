"""Gold entity data: pre-annotation, review files, validation, and conversion to doccano JSONL.

Annotators (people or helpers) correct *review files*: one JSON object per line,
    {"id", "lang", "doc", "split", "text", "entities": [[surface, LABEL, id, occurrence], ...]}
where `surface` is the exact text of the span and `occurrence` counts which appearance of that surface in the
text is meant (0 = first). Strings are easier to check by eye than offsets; `check` turns them into offsets
and reports every problem; `export` writes doccano JSONL (`label` as [start, end, LABEL], ids in `entities`).

    python -m pipeline.training.gold_tool check FILE...
    python -m pipeline.training.gold_tool export FILE... -o annotations/entities/
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..scheme import ENTITY_LABELS


def offsets(text: str, surface: str, occurrence: int) -> tuple[int, int] | None:
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(surface)


def to_spans(rec: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """Review record -> entity dicts with offsets, and the list of problems found."""
    problems: list[str] = []
    spans: list[dict[str, Any]] = []
    for ent in rec.get("entities", []):
        if not isinstance(ent, list) or len(ent) not in (3, 4):
            problems.append(f"entity {ent!r}: expected [surface, LABEL, id, occurrence]")
            continue
        surface, label, ident = ent[0], ent[1], ent[2]
        occ = ent[3] if len(ent) == 4 else 0
        if label not in ENTITY_LABELS:
            problems.append(f"{surface!r}: unknown label {label!r}")
            continue
        if not surface or surface != surface.strip():
            problems.append(f"{surface!r}: empty or padded with spaces")
            continue
        off = offsets(rec["text"], surface, int(occ))
        if off is None:
            problems.append(f"{surface!r} (occurrence {occ}) not found in the text")
            continue
        if label in ("RESOLUTION", "DATE", "DOCUMENT") and not ident:
            problems.append(f"{surface!r}: {label} needs an id")
        spans.append({"start": off[0], "end": off[1], "label": label, "text": surface, "id": ident or None})
    spans.sort(key=lambda s: s["start"])
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            problems.append(f"{a['text']!r} and {b['text']!r} overlap")
    return spans, problems


def read_review(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def check(paths: list[Path]) -> int:
    bad = 0
    for p in paths:
        for n, rec in enumerate(read_review(p), start=1):
            _, problems = to_spans(rec)
            for msg in problems:
                print(f"{p}:{n}: {rec.get('id')}: {msg}")
                bad += 1
    print(f"{bad} problems", file=sys.stderr)
    return 1 if bad else 0


def doc_year(doc: str | None) -> int | None:
    """The year of a unit's document, for dates written without one: UNPC ids start with the year,
    SC symbols carry it in brackets, GA symbols give the session (session n opened in 1945 + n)."""
    import re

    doc = doc or ""
    if m := re.match(r"^(19|20)\d\d", doc):
        return int(m.group(0))
    if m := re.search(r"\((\d{4})\)", doc):
        return int(m.group(1))
    if m := re.match(r"^A/RES/(\d+)/(\d+)", doc):
        return 1945 + int(m.group(1))
    return None


def doccano_record(rec: dict[str, Any]) -> dict[str, Any]:
    spans, problems = to_spans(rec)
    if problems:
        raise ValueError(f"{rec.get('id')}: {problems[0]}")
    return {"id": rec["id"], "text": rec["text"], "lang": rec["lang"],
            "label": [[s["start"], s["end"], s["label"]] for s in spans], "entities": spans,
            "meta": {"doc": rec.get("doc"), "split": rec.get("split"), "source": rec.get("source"),
                     "year": doc_year(rec.get("doc"))}}


def export(paths: list[Path], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    by_split: dict[str, list[dict[str, Any]]] = {}
    for p in paths:
        for rec in read_review(p):
            by_split.setdefault(rec["split"], []).append(doccano_record(rec))
    for split, recs in by_split.items():
        recs.sort(key=lambda r: (r["lang"], r["id"]))
        tmp = out_dir / f"{split}.jsonl.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        tmp.replace(out_dir / f"{split}.jsonl")
        print(f"{split}: {len(recs)} units", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("files", nargs="+", type=Path)
    e = sub.add_parser("export")
    e.add_argument("files", nargs="+", type=Path)
    e.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    if args.cmd == "check":
        sys.exit(check(args.files))
    export(args.files, args.output)


if __name__ == "__main__":
    main()
