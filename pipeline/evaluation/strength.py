"""Evaluate operative-verb strength: lexicon alone, classifier alone and the shipped combination, on a split
of annotations/strength/, optionally on text damaged the way PDF extraction and OCR damage it."""
from __future__ import annotations

import random
from typing import Any

from spacy.language import Language

from ..scheme import INTENSITIES, STRENGTH_CLASSES
from ..augment import damage
from . import run
from .classes import score_classes


# opener modes of unap_opverbs -> the evaluation configuration that sets them
OPENER_CONFIG = {"lexicon": "rules", "model": "model", "combined": "combined"}


def predict(nlp: Language, rows: list[dict[str, Any]], mode: str) -> list[dict[str, Any]]:
    """Run the pipeline configured with opener mode `mode` on each row's text as an operative paragraph unit."""
    return run.predict(nlp, [{**r, "type": "operative"} for r in rows], OPENER_CONFIG[mode])


def evaluate(nlp: Language, rows: list[dict[str, Any]], mode: str) -> dict[str, Any]:
    preds = predict(nlp, rows, mode)
    res = score_classes([r["strength"] for r in rows], [p["strength"] for p in preds], STRENGTH_CLASSES)
    res["intensity_accuracy"] = (sum(p["intensity"] == r["intensity"] for p, r in zip(preds, rows)) / len(rows)
                                 if rows else 0.0)
    res["intensity"] = score_classes([r["intensity"] for r in rows], [p["intensity"] for p in preds], INTENSITIES)
    res["errors"] = [{"id": r["id"], "gold": r["strength"], "pred": p["strength"], "verb": p["verb"],
                      "text": r["text"][:80]} for r, p in zip(rows, preds) if p["strength"] != r["strength"]]
    res["predictions"] = preds
    return res


def damaged_rows(rows: list[dict[str, Any]], lang: str, seed: int = 0) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    return [{**r, "text": damage(r["text"], lang, rnd)} for r in rows]
