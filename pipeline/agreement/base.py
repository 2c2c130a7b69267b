"""What every part of the agreement package shares: the annotation set (annotator -> unit id -> unit), its
error, the vote counting per unit, and the atomic writes of the report and the adjudicated gold."""
from __future__ import annotations

import json
import os
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any, Iterable

Annotations = dict[str, dict[str, dict[str, Any]]]  # annotator -> unit id -> unit


class AgreementError(ValueError):
    pass


def _pairs(ann: Annotations) -> list[tuple[str, str, list[str]]]:
    """Annotator pairs with the units both have, in a stable order."""
    out = []
    for a, b in combinations(sorted(ann), 2):
        out.append((a, b, [u for u in ann[a] if u in ann[b]]))
    return out


def _unit_order(ann: Annotations) -> list[str]:
    order: dict[str, None] = {}
    for name in sorted(ann):
        order.update(dict.fromkeys(ann[name]))
    return list(order)


def _key(e: dict) -> tuple[int, int, str]:
    return e["start"], e["end"], e["label"]


def _votes(ann: Annotations, uid: str) -> tuple[list[str], Counter, Counter]:
    """Annotators who have the unit, how many of them have each span, and each strength value."""
    names = [n for n in sorted(ann) if uid in ann[n]]
    spans = Counter(k for n in names for k in {_key(e) for e in ann[n][uid]["entities"]})
    strengths = Counter(ann[n][uid]["strength"] for n in names)
    return names, spans, strengths


def write_text(path: Path, text: str) -> None:
    """Atomically: a crash leaves the old file or the new one, never half of one."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
