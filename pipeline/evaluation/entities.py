"""Entity scores over units: per label and micro/macro precision, recall, F1, strict (same start, end and label)
and boundary-overlap (same label, spans share a character; one-to-one), and normalized-id accuracy on the
strictly correct spans. Spans are dicts with start, end, label and optionally id."""
from __future__ import annotations

from typing import Any, Iterable, Sequence


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def _overlap_matches(gold: list[dict], pred: list[dict]) -> int:
    """Greedy one-to-one matching of same-label spans that share at least one character."""
    used: set[int] = set()
    hits = 0
    for p in sorted(pred, key=lambda s: (s["start"], s["end"])):
        for i, g in enumerate(gold):
            if i in used or g["label"] != p["label"]:
                continue
            if p["start"] < g["end"] and g["start"] < p["end"]:
                used.add(i)
                hits += 1
                break
    return hits


def score_entities(gold_units: Sequence[Iterable[dict[str, Any]]], pred_units: Sequence[Iterable[dict[str, Any]]],
                   labels: Sequence[str] | None = None) -> dict[str, Any]:
    if len(gold_units) != len(pred_units):
        raise ValueError("gold and predictions cover a different number of units")
    golds = [list(g) for g in gold_units]
    preds = [list(p) for p in pred_units]
    found = {s["label"] for u in golds + preds for s in u}
    labels = list(labels) if labels else sorted(found)
    counts = {lab: {"strict": [0, 0, 0], "overlap": [0, 0, 0]} for lab in set(labels) | found}
    id_total = id_ok = 0
    for g, p in zip(golds, preds):
        gkeys = {(s["start"], s["end"], s["label"]): s for s in g}
        pkeys = {(s["start"], s["end"], s["label"]): s for s in p}
        for lab in counts:
            gl = [s for s in g if s["label"] == lab]
            pl = [s for s in p if s["label"] == lab]
            tp = sum(1 for k in pkeys if k[2] == lab and k in gkeys)
            c = counts[lab]["strict"]
            c[0] += tp
            c[1] += len(pl) - tp
            c[2] += len(gl) - tp
            ov = _overlap_matches(gl, pl)
            c = counts[lab]["overlap"]
            c[0] += ov
            c[1] += len(pl) - ov
            c[2] += len(gl) - ov
        for k, ps in pkeys.items():
            if k in gkeys:
                id_total += 1
                id_ok += (ps.get("id") or "") == (gkeys[k].get("id") or "")
    out: dict[str, Any] = {"labels": labels, "per_label": {}, "n_units": len(golds)}
    for mode in ("strict", "overlap"):
        per = {lab: _prf(*counts[lab][mode]) for lab in labels}
        tot = [sum(counts[lab][mode][i] for lab in labels) for i in range(3)]
        present = [lab for lab in labels if counts[lab][mode][0] + counts[lab][mode][2] > 0]
        out["per_label"][mode] = per
        out[mode] = {**_prf(*tot), "macro_f": sum(per[lab]["f"] for lab in present) / len(present) if present else 0.0}
    out["id_accuracy"] = id_ok / id_total if id_total else 0.0
    out["id_checked"] = id_total
    return out
