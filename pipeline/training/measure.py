"""What training buys, measured with the evaluation scorers (training uses evaluation, never the reverse):
the learning curve of `unap evaluate --learning-curve` and the before/after test-split scores of `unap train`."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Sequence

from spacy.language import Language

from ..evaluation import run
from .train import ENTITY_DATA, read_entities, read_split, train


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr)


def learning_curve(units: Sequence[dict[str, Any]], langs: Sequence[str], *, epochs: int,
                   log: Callable[[str], None] = _stderr) -> list[dict[str, Any]]:
    """Retrain on 25/50/75/100% of the train split and score each model on the gold units."""
    import spacy

    points = []
    for share in (0.25, 0.5, 0.75, 1.0):
        point: dict[str, Any] = {"share": share, "units": 0}
        for lang in langs:
            rows = read_split("train", lang)
            ents = read_entities("train", lang)
            k_rows, k_ents = max(1, int(len(rows) * share)), max(1, int(len(ents) * share)) if ents else 0
            with tempfile.TemporaryDirectory() as tmp:
                info = train(lang, Path(tmp) / "m", epochs=epochs, quiet=True,
                             train_rows=rows[:k_rows], train_units=ents[:k_ents] if ents else None)
                nlp = spacy.load(info["path"])
                mine = [u for u in units if u["lang"] == lang]
                s, _ = run.score(mine, run.predict(nlp, mine), rounds=0)
            point["units"] += k_rows + k_ents
            if "entities" in s:
                point["entity_f"] = s["entities"]["strict"]["f"]
            if "strength" in s:
                point["strength_accuracy"] = s["strength"]["accuracy"]
        points.append(point)
        log(f"learning curve: {share:.0%} of train -> {point}")
    return points


def test_split(lang: str) -> list[dict[str, Any]]:
    """The entity gold's test split of one language, as evaluation units (with a new language's test rows of
    new/<lang>.jsonl not yet merged into the split file)."""
    units = [u for u in run.read_gold(ENTITY_DATA / "test.jsonl") if u["lang"] == lang]
    new = ENTITY_DATA / "new" / f"{lang}.jsonl"
    if new.exists():
        test = {r["id"] for r in read_entities("test", lang) if r.get("id")}
        have = {u["id"] for u in units}
        units += [u for u in run.read_gold(new) if u["id"] in test and u["id"] not in have and u["lang"] == lang]
    return units


def strength_test(lang: str) -> list[dict[str, Any]]:
    """The strength data's test split of one language, as evaluation units (operative paragraphs)."""
    return [{"id": str(r.get("id", f"strength-test:{n}")), "text": r["text"], "lang": lang, "type": "operative",
             "strength": r["strength"], **({"intensity": r["intensity"]} if r.get("intensity") else {})}
            for n, r in enumerate(read_split("test", lang))]


def scores_on(nlp: Language | None, units: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """Scores of a pipeline on gold units, without intervals (None without a pipeline)."""
    return run.score(units, run.predict(nlp, units), rounds=0)[0] if nlp is not None else None


def read_extra_gold(paths: Sequence[str]) -> list[dict[str, Any]]:
    """Gold units of `unap train --gold` files (those that say their language), each tagged with its file."""
    extra: list[dict[str, Any]] = []
    for g in paths:
        extra += [{**u, "gold": g} for u in run.read_gold(Path(g)) if u.get("lang")]
    return extra
