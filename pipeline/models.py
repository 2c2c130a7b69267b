"""Where the shipped pipelines live and how they are loaded (once per process)."""
from __future__ import annotations

import os
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories for spacy.load)

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


_CACHE: dict[str, Language] = {}


def load(path: Path) -> Language:
    key = str(Path(path).resolve())
    if key not in _CACHE:
        if not (Path(path) / "config.cfg").is_file():
            raise FileNotFoundError(f"{path}: not a spaCy pipeline folder (no config.cfg); train one with `unap train`")
        _CACHE[key] = spacy.load(path)
    return _CACHE[key]
