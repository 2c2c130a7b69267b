"""`unap train`: retrain a language's pipeline on the gold in annotations/ plus gold pulled from doccano, and
keep what people corrected as knowledge saved with it.

Three things change with new gold: the strength classifier and the NER are retrained on it (train.train), and
the rules learn the corrections (entities.corrections.learn): every ORG/TREATY name people added, every rule
span they removed, and the head words (entities/heads.py) two or more added ORG names share, with the gold file,
unit id(s) and date they came from, saved beside the hand-written gazetteer in the rules component
(`unap_entity_rules/corrections.jsonl`); a learned head finds names no list holds in later documents. The NER
alone does not carry a correction over to later documents (in the shipped combined mode it may add TREATY spans
only), so without the table a name corrected in doccano would be missed again.
"""
from __future__ import annotations

import datetime
import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable, Collection

from .. import models
from ..entities.corrections import Corrections, learn
from ..languages import UN_LANGUAGES
from .train import DATA, ENTITY_DATA, read_entities, read_split, train


class NoTrainingData(RuntimeError):
    """What `unap train` reads is not there; the message says what and where."""


def check_sources(langs: list[str]) -> None:
    """`unap train` reads the gold in annotations/ and the configs in models/configs/ of a checkout of the
    repository (a wheel ships the pipelines, not what they were trained from): one line when they are missing,
    before any work."""
    for path in (DATA, ENTITY_DATA, *(models.CONFIG_DIR / f"{lang}.cfg" for lang in langs)):
        if not path.exists():
            raise NoTrainingData(f"{path}: not found; `unap train` retrains from a checkout of the unap repository "
                                 f"(annotations/, models/configs/)")


def languages() -> list[str]:
    """The languages `unap train` retrains when none is named: every UN language with a pipeline config."""
    return [lang for lang in UN_LANGUAGES if (models.CONFIG_DIR / f"{lang}.cfg").is_file()]


def output_folder(output: str | None, lang: str) -> Path:
    """Where `unap train` writes `lang`'s pipeline: OUTPUT/unap-<lang>/ with `-o OUTPUT`, else over the shipped
    one."""
    return Path(output) / f"unap-{lang}" if output else models.default_model(lang)


def learn_corrections(lang: str, units: list[dict[str, Any]],
                      teach_heads: Collection[str] | None = None) -> tuple[Corrections, list[str]]:
    """Corrections from gold units that carry `gold` (their file) and entities, against the hand-written rules'
    spans on each unit (what a person saw before correcting it); heads are learned from the names added in the
    units `teach_heads` names (None: all)."""
    import spacy

    rules = spacy.blank(lang).add_pipe("unap_entity_rules")

    def predict(unit: dict[str, Any]) -> list[dict[str, Any]]:
        return [{"start": c.start, "end": c.end, "label": c.label}
                for c in rules.candidates(unit["text"], unit.get("year"))]
    return learn(units, predict, rules.hand, gold="", date=datetime.date.today().isoformat(),
                 teach_heads=teach_heads, unit_bound=unit_bound())


def unit_bound() -> Callable[[str], bool]:
    """Does a string's id depend on its unit? The gold's list of intended differences says so (scope `id`),
    compared as gold_tool compares strings."""
    from .gold_tool import ALLOW, norm, read_allowed

    keys = {key for key, (scope, _) in read_allowed(ALLOW).items() if "id" in scope.split(",")}
    return lambda text: norm(text) in keys


def retrain(lang: str, extra: list[dict[str, Any]], output: Path, *, epochs: int | None = None,
            quiet: bool = False, components: str = "all") -> dict[str, Any]:
    """Retrain `lang` on annotations/ + `extra` gold units (each with `gold`, its file) into `output`.

    components: "all" (classifier, NER and corrections) or "corrections" (the saved pipeline with only the
    corrections table replaced: seconds instead of minutes, for benchmarks that retrain many times).
    """
    rows = read_split("train", lang) + [{"text": u["text"], "strength": u["strength"], "lang": lang,
                                          "intensity": u.get("intensity")} for u in extra if u.get("strength")]
    base = [{**u, "gold": str(ENTITY_DATA.relative_to(models.ROOT) / "train.jsonl")}
            for u in read_entities("train", lang)]
    extra_ids = {u["id"] for u in extra if "entities" in u}
    units = [u for u in base if u["id"] not in extra_ids] + [
        {"id": u["id"], "text": u["text"], "lang": lang, "entities": u["entities"], "gold": u["gold"],
         **({"year": u["year"]} if u.get("year") else {})} for u in extra if "entities" in u]
    # heads are taught by the pulled gold only: heads the train split (read while the rules were written) also
    # teaches find one right and one wrong span more on the dev split, and lower the correction curve at 100%
    # (benchmarks/correction_curve.py, zh 0.930 -> 0.928)
    corrections, report = learn_corrections(lang, units, teach_heads=extra_ids)
    with tempfile.TemporaryDirectory(dir=output.parent) as tmp:
        target = Path(tmp) / "m"  # output is replaced only once the new pipeline is whole
        if components == "all":
            train(lang, target, epochs=epochs, quiet=quiet, train_rows=rows, corrections=corrections,
                  train_units=[{k: v for k, v in u.items() if k != "gold"} for u in units])
        else:
            import spacy
            nlp = spacy.load(models.default_model(lang))
            models.teach(nlp, corrections)
            nlp.to_disk(target)
        if output.exists():
            shutil.rmtree(output)
        shutil.move(str(target), output)
    return {"path": str(output), "strength_rows": len(rows), "entity_units": len(units),
            "from_gold": len(extra_ids), "corrections": len(corrections),
            "names": sum(r.kind == "name" for r in corrections.rows),
            "removed": sum(r.kind == "not" for r in corrections.rows),
            "heads": sorted(r.text for r in corrections.rows if r.kind == "head"), "report": report}
