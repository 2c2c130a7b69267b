"""Addressee scores over operative paragraphs: span P/R/F (exact offsets, and overlap), type accuracy on the
exactly found spans, labelled F1 per type (span and type both right), and paragraph accuracy (the paragraph's
multiset of addressee types, "none" when empty, equals the gold one). Spans: dicts with start, end, type."""
from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

from ..addressees.lexicon import TYPES
from .entities import _overlap_matches, _prf


def score_addressees(gold_units: Sequence[list[dict]], pred_units: Sequence[list[dict]]) -> dict[str, Any]:
    if len(gold_units) != len(pred_units):
        raise ValueError("gold and predictions cover a different number of units")
    span = [0, 0, 0]
    overlap = [0, 0, 0]
    typed = {t: [0, 0, 0] for t in TYPES}
    type_ok = paragraphs_ok = 0
    for gold, pred in zip(gold_units, pred_units):
        g = {(a["start"], a["end"]): a["type"] for a in gold}
        p = {(a["start"], a["end"]): a["type"] for a in pred}
        hits = set(g) & set(p)
        span[0] += len(hits)
        span[1] += len(p) - len(hits)
        span[2] += len(g) - len(hits)
        type_ok += sum(g[k] == p[k] for k in hits)
        ov = _overlap_matches([dict(a, label="A") for a in gold], [dict(a, label="A") for a in pred])
        overlap[0] += ov
        overlap[1] += len(p) - ov
        overlap[2] += len(g) - ov
        for t in TYPES:
            gt = {k for k, v in g.items() if v == t}
            pt = {k for k, v in p.items() if v == t}
            typed[t][0] += len(gt & pt)
            typed[t][1] += len(pt - gt)
            typed[t][2] += len(gt - pt)
        paragraphs_ok += Counter(g.values()) == Counter(p.values())
    return {
        "paragraphs": len(gold_units),
        "span": _prf(*span),
        "overlap": _prf(*overlap),
        "type_accuracy": type_ok / span[0] if span[0] else 0.0,
        "per_type": {t: _prf(*c) for t, c in typed.items()},
        "paragraph_accuracy": paragraphs_ok / len(gold_units) if gold_units else 0.0,
        "none_paragraphs": sum(1 for g in gold_units if not g),
    }
