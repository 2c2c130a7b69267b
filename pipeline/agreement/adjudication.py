"""Adjudication: the gold a majority of annotators agrees on, every version kept in its meta."""
from __future__ import annotations

from typing import Any

from ..records import Span, Unit, gold_record
from .base import Annotations, _key, _unit_order, _votes


def adjudicate(ann: Annotations) -> list[dict[str, Any]]:
    """Gold units in the gold JSONL shape (records.gold_record): spans and the class a strict majority of the unit's
    annotators chose (with two annotators: what both chose). `meta.adjudication` is `agreed`, `majority`
    (differences outvoted), `needs review` (a tie, as whenever two annotators differ, or no class with a
    majority) or `single annotator`; `meta.annotators` keeps every version."""
    gold = []
    for uid in _unit_order(ann):
        names, spans, strengths = _votes(ann, uid)
        first = ann[names[0]][uid]
        text = first["text"]
        half = len(names) / 2
        kept = sorted(k for k, c in spans.items() if c > half)
        strength = next((v for v, c in strengths.items() if c > half), None)
        if len(names) == 1:
            status = "single annotator"
        elif all(c == len(names) for c in spans.values()) and len(strengths) == 1:
            status = "agreed"
        elif any(c == half for c in spans.values()) or all(c <= half for c in strengths.values()):
            status = "needs review"  # a tie (always, with two annotators) or no class with a majority
        else:
            status = "majority"
        meta = dict(first.get("meta") or {})
        meta["adjudication"] = status
        meta["annotators"] = {n: {"entities": [dict(zip(("start", "end", "label"), _key(e)))
                                               for e in sorted(ann[n][uid]["entities"], key=_key)],
                                  "strength": ann[n][uid]["strength"]} for n in names}
        gold.append(gold_record(Unit(id=uid, text=text, lang=first.get("lang"),
                                     entities=[Span(start=s, end=e, label=lab) for s, e, lab in kept],
                                     type=first.get("type") or ("operative" if strength else None),
                                     strength=strength, meta=meta)))
    return gold
