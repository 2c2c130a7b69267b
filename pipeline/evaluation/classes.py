"""Scores for a single-label classification (strength class, intensity, paragraph type): accuracy,
per-class precision/recall/F1, macro-F1 and the confusion matrix, computed from aligned gold/pred lists."""
from __future__ import annotations

from typing import Any, Sequence


def score_classes(gold: Sequence[str | None], pred: Sequence[str | None], labels: Sequence[str]) -> dict[str, Any]:
    """`pred` may hold None (no prediction): it counts as wrong and appears as column '∅' in the matrix."""
    if len(gold) != len(pred):
        raise ValueError("gold and predictions differ in length")
    n = len(gold)
    correct = sum(g == p for g, p in zip(gold, pred))
    per: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = {"p": prec, "r": rec, "f": f, "support": tp + fn}
    present = [lab for lab in labels if per[lab]["support"] > 0]
    cols = list(labels) + ["∅"]
    matrix = {g: {c: 0 for c in cols} for g in labels}
    for g, p in zip(gold, pred):
        if g in matrix:
            matrix[g][p if p in matrix else "∅"] += 1
    return {
        "n": n,
        "accuracy": correct / n if n else 0.0,
        "macro_f1": sum(per[lab]["f"] for lab in present) / len(present) if present else 0.0,
        "per_class": per,
        "confusion": matrix,
    }


def confusion_table(matrix: dict[str, dict[str, int]]) -> str:
    """The confusion matrix as a Markdown table (rows gold, columns predicted)."""
    cols = [c for c in next(iter(matrix.values())) if c != "∅" or any(r["∅"] for r in matrix.values())]
    lines = ["| gold \\ pred | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for g, row in matrix.items():
        lines.append(f"| {g} | " + " | ".join(str(row[c]) for c in cols) + " |")
    return "\n".join(lines)
