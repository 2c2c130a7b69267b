"""Clause scores (annotations/GUIDELINES.md, "Clauses"): every directive or declaratory clause of an operative
paragraph, matched by its verb span (exact offsets).

- detection: precision, recall, F1 of clause verb spans;
- class accuracy and intensity accuracy over the clauses found exactly;
- addressees: exact span-and-type P/R/F1 of each clause's addressees, an addressee counting only under the
  clause it belongs to (keyed by the clause verb's start); over all clauses, and over later clauses alone
  (the opener's addressees are also scored by the addressee figures);
- paragraph max_strength accuracy.
"""
from __future__ import annotations

from typing import Any, Sequence

RANK = {"decide": 5, "urge": 4, "request": 3, "encourage": 2, "declare": 1}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def _max(clauses: list[dict]) -> str | None:
    classes = [c.get("strength") for c in clauses if c.get("strength")]
    return max(classes, key=RANK.get) if classes else None


def unit_counts(gold: list[dict], pred: list[dict]) -> dict[str, int]:
    """Per-paragraph tallies (summed over units; bootstrap-friendly)."""
    gv = {(c["verb"]["start"], c["verb"]["end"]): (k, c) for k, c in enumerate(gold)}
    pv = {(c["verb"]["start"], c["verb"]["end"]): (k, c) for k, c in enumerate(pred)}
    both = [key for key in pv if key in gv]
    out = {"tp": len(both), "fp": len(pv) - len(both), "fn": len(gv) - len(both),
           "class_ok": sum(gv[k][1]["strength"] == pv[k][1]["strength"] for k in both),
           "intensity_ok": sum(gv[k][1].get("intensity") == pv[k][1].get("intensity") for k in both),
           "later_tp": sum(gv[k][0] > 0 for k in both), "later_fp": sum(pv[k][0] > 0 for k in pv if k not in gv),
           "later_fn": sum(gv[k][0] > 0 for k in gv if k not in pv),
           "max_ok": int(_max(gold) == _max(pred))}
    for scope in ("all", "later"):
        def keys(clauses, scope=scope):
            return {(c["verb"]["start"], a["start"], a["end"], a["type"]) for k, c in enumerate(clauses)
                    for a in c.get("addressees", []) if scope == "all" or k > 0}
        g, p = keys(gold), keys(pred)
        out[f"addr_{scope}_tp"], out[f"addr_{scope}_fp"], out[f"addr_{scope}_fn"] = len(g & p), len(p - g), len(g - p)
    return out


def score_clauses(gold: Sequence[list[dict]], pred: Sequence[list[dict]]) -> dict[str, Any]:
    tot: dict[str, int] = {}
    for g, p in zip(gold, pred):
        for k, v in unit_counts(g, p).items():
            tot[k] = tot.get(k, 0) + v
    n = len(gold)
    return {
        "units": n,
        "gold_clauses": tot.get("tp", 0) + tot.get("fn", 0),
        "detection": _prf(tot.get("tp", 0), tot.get("fp", 0), tot.get("fn", 0)),
        "later_detection": _prf(tot.get("later_tp", 0), tot.get("later_fp", 0), tot.get("later_fn", 0)),
        "class_accuracy": tot["class_ok"] / tot["tp"] if tot.get("tp") else 0.0,
        "intensity_accuracy": tot["intensity_ok"] / tot["tp"] if tot.get("tp") else 0.0,
        "addressees": _prf(tot.get("addr_all_tp", 0), tot.get("addr_all_fp", 0), tot.get("addr_all_fn", 0)),
        "later_addressees": _prf(tot.get("addr_later_tp", 0), tot.get("addr_later_fp", 0),
                                 tot.get("addr_later_fn", 0)),
        "max_strength_accuracy": tot.get("max_ok", 0) / n if n else 0.0,
    }


def errors(gold: list[dict], pred: list[dict]) -> list[str]:
    """Readable differences of one paragraph's clauses."""
    fmt = lambda c: (f"{c['verb']['text']}@{c['verb']['start']}/{c['strength']}/{c.get('intensity')}"  # noqa: E731
                     f"/{[a['text'] + ':' + a['type'] for a in c.get('addressees', [])]}")
    g, p = [fmt(c) for c in gold], [fmt(c) for c in pred]
    return [] if g == p else [f"gold: {' | '.join(g)}", f"pred: {' | '.join(p)}"]
