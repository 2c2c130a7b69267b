"""One `unap evaluate` run as library calls: the gold units' languages, the pipelines to score, and the
`scores.json` document (every configuration side by side, an optional baseline with a paired comparison, the
worst errors)."""
from __future__ import annotations

from typing import Any, Sequence

from spacy.language import Language

from .. import models
from ..io import langid
from . import run


def assign_languages(units: list[dict[str, Any]], default: str | None, source: str) -> list[str]:
    """Set each unit's `lang` (its own, else `default`, else identified); the refusals, one line each. A gold
    unit's own language is taken as written: it was checked by whoever made the gold."""
    refused = []
    for u in units:
        if u.get("lang") in langid.SUPPORTED:
            continue
        try:
            u["lang"] = langid.choose(u["text"], u.get("lang") or default or "auto")[0]
        except ValueError as e:
            refused.append(f"{source}: unit {u.get('id')}: {e}")
    return refused


def load_pipelines(model: str | None, langs: Sequence[str]) -> dict[str, Language]:
    """The pipeline of each language (`--model`, or the shipped one); FileNotFoundError names a missing one."""
    out = {}
    for lang in langs:
        path = models.resolve(model, lang)
        if not (path / "config.cfg").is_file():
            raise FileNotFoundError(f"{path}: no spaCy pipeline there")
        out[lang] = models.load(path)
    return out


def predict_all(nlps: dict[str, Language], units: Sequence[dict[str, Any]], config: str | None) -> list:
    """Predictions for every unit, each by its language's pipeline, in the units' order."""
    preds: list = [None] * len(units)
    for lang in sorted(nlps):
        idx = [i for i, u in enumerate(units) if u["lang"] == lang]
        for i, p in zip(idx, run.predict(nlps[lang], [units[i] for i in idx], config)):
            preds[i] = p
    return preds


def unknown_configs(configs: Sequence[str]) -> list[str]:
    return [c for c in configs if c != "shipped" and c not in run.CONFIGS]


def evaluate(units: Sequence[dict[str, Any]], nlps: dict[str, Language], *, configs: Sequence[str],
             rounds: int, header: dict[str, Any], baseline: dict[str, Language] | None = None,
             baseline_name: str | None = None) -> dict[str, Any]:
    """The scores document: `header` (name, model, gold ...), then per configuration the scores, the baseline's
    and the paired comparison of the first configuration against it, and the worst errors of the first."""
    scores = {"schema_version": run.SCHEMA_VERSION, **header, "units": len(units), "languages": sorted(nlps),
              "configs": {}}
    tallies = {}
    main_preds = None
    for cfg in configs:
        preds = predict_all(nlps, units, None if cfg == "shipped" else cfg)
        scores["configs"][cfg], tallies[cfg] = run.score(units, preds, rounds=rounds)
        if len(nlps) > 1:  # a gold file of several languages is also scored language by language
            scores["configs"][cfg]["by_language"] = {
                lang: run.score([u for u in units if u["lang"] == lang],
                                [p for u, p in zip(units, preds) if u["lang"] == lang], rounds=rounds)[0]
                for lang in sorted(nlps)}
        main_preds = main_preds or preds
    if baseline is not None:
        bscores, btallies = run.score(units, predict_all(baseline, units, None), rounds=rounds)
        scores["baseline"] = {"model": baseline_name, "scores": bscores}
        scores["comparison"] = run.compare(tallies[configs[0]], btallies, rounds=rounds)
    scores["worst_errors"] = run.worst_errors(units, main_preds)
    return scores
