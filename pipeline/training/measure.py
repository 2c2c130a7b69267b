"""What training buys, measured with the evaluation scorers (training uses evaluation, never the reverse):
the learning curve of `unap evaluate --learning-curve` and the before/after scores of `unap train`.

`unap train` compares on the dev split, never on test: whoever iterates on training sees its figures on every
run, and a test split seen that way stops being held out. Test figures come from `unap evaluate`, which a
person runs on purpose."""
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


def entity_split(split: str, lang: str) -> list[dict[str, Any]]:
    """The entity gold's `split` of one language, as evaluation units (with a new language's rows of that split
    in new/<lang>.jsonl not yet merged into the split file)."""
    units = [u for u in run.read_gold(ENTITY_DATA / f"{split}.jsonl") if u["lang"] == lang]
    new = ENTITY_DATA / "new" / f"{lang}.jsonl"
    if new.exists():
        ids = {r["id"] for r in read_entities(split, lang) if r.get("id")}
        have = {u["id"] for u in units}
        units += [u for u in run.read_gold(new) if u["id"] in ids and u["id"] not in have and u["lang"] == lang]
    return units


def strength_split(split: str, lang: str) -> list[dict[str, Any]]:
    """The strength data's `split` of one language, as evaluation units (operative paragraphs)."""
    return [{"id": str(r.get("id", f"strength-{split}:{n}")), "text": r["text"], "lang": lang, "type": "operative",
             "strength": r["strength"], **({"intensity": r["intensity"]} if r.get("intensity") else {})}
            for n, r in enumerate(read_split(split, lang))]


def scores_on(nlp: Language | None, units: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """Scores of a pipeline on gold units, without intervals (None without a pipeline)."""
    return run.score(units, run.predict(nlp, units), rounds=0)[0] if nlp is not None else None


def summary(s: dict[str, Any] | None) -> str:
    """Scores as 'entity F1 0.912, strength accuracy 0.944' ('–' without a pipeline)."""
    parts = [f"entity F1 {s['entities']['strict']['f']:.3f}" if s and "entities" in s else "",
             f"strength accuracy {s['strength']['accuracy']:.3f}" if s and "strength" in s else ""]
    return ", ".join(x for x in parts if x) or "–"


def retrain_and_compare(lang: str, extra: Sequence[dict[str, Any]], output: Path, *, before: Path,
                        epochs: int | None = None, quiet: bool = False) -> dict[str, Any]:
    """Retrain `lang` into `output` (retrain.retrain, with the `extra` gold units of that language); the result
    holds retrain's report and the dev-split scores of the pipeline at `before` (None if there is none there)
    and of the new one: `before`, `after`."""
    import spacy

    from .. import models
    from .retrain import retrain

    dev = entity_split("dev", lang) + strength_split("dev", lang)
    old = scores_on(models.load(before) if (before / "config.cfg").exists() else None, dev)
    info = retrain(lang, [u for u in extra if u["lang"] == lang], output, epochs=epochs, quiet=quiet)
    return {**info, "before": old, "after": scores_on(spacy.load(output), dev)}


def read_extra_gold(paths: Sequence[str]) -> list[dict[str, Any]]:
    """Gold units of `unap train --gold` files (those that say their language), each tagged with its file."""
    extra: list[dict[str, Any]] = []
    for g in paths:
        extra += [{**u, "gold": g} for u in run.read_gold(Path(g)) if u.get("lang")]
    return extra
