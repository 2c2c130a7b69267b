"""What an annotate run needs before it reads a single unit: a pipeline for the languages it may meet and, with
`--backbone stanza`, stanza and our stanza models for them. Each missing piece is one `NotReady` line saying
how to get it, so a run that cannot work stops before any output is started (`unap annotate`, local or dask)."""
from __future__ import annotations

from pathlib import Path

from . import models
from .io import langid


class NotReady(RuntimeError):
    """A run cannot start; the message is the one line that says why and what to do."""


def _has_pipeline(path: str) -> bool:
    return (Path(path) / "config.cfg").is_file()


def pipeline_paths(model: str | None) -> dict[str, str]:
    """The pipeline folder of every language annotate identifies (`--model` resolved per language)."""
    return {lang: str(models.resolve(model, lang)) for lang in langid.SUPPORTED}


def wanted(lang: str) -> list[str]:
    """The languages a run may meet: the one of `--lang`, or every supported one for `auto`."""
    return [lang] if lang in langid.SUPPORTED else list(langid.SUPPORTED)


def with_pipeline(paths: dict[str, str], lang: str) -> list[str]:
    """The wanted languages that have a pipeline."""
    return [x for x in wanted(lang) if _has_pipeline(paths[x])]


def ready_languages(paths: dict[str, str], lang: str) -> list[str]:
    """The wanted languages that have a pipeline; NotReady when none has (units of the others fail one by one
    later, one line per language)."""
    want, ready = wanted(lang), with_pipeline(paths, lang)
    if not ready:
        raise NotReady(f"{paths[want[0]]}: no spaCy pipeline there (pass --model, or train one: "
                       f"`unap train --lang {want[0]}`)")
    return ready


def any_pipeline(paths: dict[str, str]) -> None:
    """NotReady unless at least one language has a pipeline (the dask engine's check: its workers report the
    units of the others)."""
    if not any(_has_pipeline(p) for p in paths.values()):
        raise NotReady(f"{paths['zh']}: no spaCy pipeline there (pass --model)")


def check_backbone(backbone: str, lang: str, langs: list[str]) -> None:
    """`--backbone stanza` needs stanza installed and our stanza models for each language: else NotReady. With
    `--lang auto` only the languages stanza has models for are checked (units of the others fail one by one)."""
    if backbone == "spacy":
        return
    from .backbones.stanza_backbone import STANZA_LANGUAGES, BackboneError, check

    if lang == "auto":
        langs = [x for x in langs if x in STANZA_LANGUAGES] or langs[:1]
    try:
        for x in langs:
            check(x)
    except BackboneError as e:
        raise NotReady(str(e)) from None
