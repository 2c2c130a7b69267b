"""Where the shipped pipelines live and how they are loaded: once per process and configuration, never changed
after loading (a configuration is config overrides given at load, like `spacy.load(path, config=...)`)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Mapping

import spacy
from spacy import util
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories for spacy.load)
from .entities.corrections import Corrections

ROOT = Path(__file__).resolve().parent.parent


def _models_dir() -> Path:
    """$UNAP_MODELS, else the repository's models/ (an editable install or a checkout), else the pipelines
    installed with the wheel (the data package `unap_models`, see pyproject.toml)."""
    if os.environ.get("UNAP_MODELS"):
        return Path(os.environ["UNAP_MODELS"])
    repo = ROOT / "models"
    if (repo / "configs").is_dir():
        return repo
    try:
        import unap_models
    except ImportError:
        return repo
    return Path(unap_models.__path__[0])


MODELS_DIR = _models_dir()
CONFIG_DIR = ROOT / "models" / "configs"


def default_model(lang: str) -> Path:
    return MODELS_DIR / f"unap-{lang}"


def resolve(model: str | None, lang: str) -> Path:
    """`--model` may name a pipeline folder, a folder holding unap-<lang>/ folders, or nothing (the shipped one)."""
    if not model:
        return default_model(lang)
    p = Path(model)
    if (p / f"unap-{lang}").is_dir() or any(p.glob("unap-*/config.cfg")):  # a folder of pipelines, maybe not this one
        return p / f"unap-{lang}"
    return p


Overrides = Mapping[str, Any]  # config values by dotted path: {"components.unap_entities.mode": "rules"}
_CACHE: dict[tuple[str, str], Language] = {}


def _key(path: Path, overrides: Overrides | None) -> tuple[str, str]:
    return str(Path(path).resolve()), json.dumps(dict(overrides or {}), sort_keys=True)


def load(path: Path, overrides: Overrides | None = None) -> Language:
    """The pipeline of folder `path` with config `overrides`, loaded once per process and configuration. Callers
    share it: they must not change it (a different setting is a different configuration: pass overrides)."""
    key = _key(path, overrides)
    if key not in _CACHE:
        if not (Path(path) / "config.cfg").is_file():
            raise FileNotFoundError(f"{path}: not a spaCy pipeline folder (no config.cfg); train one with `unap train`")
        _CACHE[key] = spacy.load(path, config=dict(overrides or {}))
    return _CACHE[key]


def configured(nlp: Language, overrides: Overrides) -> Language:
    """`nlp` as it would be loaded with `overrides`, `nlp` itself left as it is. One of `load`'s pipelines gives
    `load(its folder, overrides)`; any other (trained in memory, built by hand) a new copy from its config with
    the overrides and its `to_bytes`."""
    if _holds(nlp, overrides):
        return nlp
    if nlp.path is not None and _CACHE.get(_key(nlp.path, None)) is nlp:
        return load(nlp.path, overrides)
    config = util.load_config_from_str(nlp.config.to_str(), overrides=dict(overrides))
    copy = util.load_model_from_config(config, meta=nlp.meta, auto_fill=True)
    return copy.from_bytes(nlp.to_bytes())


def _holds(nlp: Language, overrides: Overrides) -> bool:
    """Whether `nlp` was configured so already (the shipped mode asked for by name is the shipped pipeline)."""
    try:
        return all(util.dot_to_object(nlp.config, key) == value for key, value in overrides.items())
    except KeyError:
        return False


def teach(nlp: Language, corrections: Corrections) -> None:
    """Give a pipeline what people corrected in doccano: the rules find its names and never propose its removed
    spans again, and the entities component ids the NER's spans from the same list. Pipeline assembly (training)
    calls this; the components never look each other up."""
    rules = [p for name, p in nlp.pipeline if nlp.get_pipe_meta(name).factory == "unap_entity_rules"]
    for p in rules:
        p.set_corrections(corrections)
    for name, p in nlp.pipeline:
        if nlp.get_pipe_meta(name).factory == "unap_entities" and rules:
            p.set_gazetteer(rules[0].gazetteer)
