"""Reading annotators' work: this project's gold/annotate JSONL or doccano's export, one file per annotator
(`read_files`) or every member of a doccano project (`read_project`), matched into one annotation set."""
from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Sequence

from ..io.jsonl import records
from ..records import RecordError, parse as parse_record
from .base import AgreementError, Annotations, _pairs
from .doccano_export import export

def parse_unit(r: dict[str, Any], where: str) -> tuple[str | None, dict[str, Any]]:
    """(unit id or None, unit) from any shape records.parse reads (this project's gold/annotate JSONL, or
    doccano's export: meta flattened into the record, `entities` as [start, end, label], `cats` as names)."""
    try:
        unit = parse_record(r)
    except RecordError as e:
        raise AgreementError(f"{where}: {e}") from None
    return unit.key, {"text": unit.text,
                      "entities": [{"start": e.start, "end": e.end, "label": e.label} for e in unit.entities or []],
                      "strength": unit.strength, "lang": unit.lang, "type": unit.type, "meta": unit.meta,
                      "pushed": unit.pushed}


def _read_file(path: Path, shown: str | None = None) -> tuple[dict[str, dict], dict[str, str]]:
    """Units by id, and text -> id for the records that had one. Units with no id are keyed by their text."""
    units: dict[str, dict] = {}
    ids: dict[str, str] = {}
    try:
        for n, r in records(path, AgreementError, "a unit"):
            where = f"{shown or path}:{n}"
            uid, unit = parse_unit(r, where)
            key = uid if uid is not None else "text:" + unit["text"]
            if key in units:
                raise AgreementError(f"{where}: unit {uid or repr(unit['text'][:30])} appears twice")
            units[key] = unit
            if uid is not None:
                ids[unit["text"]] = uid
    except (AgreementError, OSError) as e:
        msg = str(e) if shown is None else str(e).replace(str(path), shown)
        raise AgreementError(msg) from None
    return units, ids


def _combine(per_name: dict[str, tuple[dict[str, dict], dict[str, str]]], source: dict[str, str]) -> Annotations:
    """Units without an id take the id another annotator gave the same text (else one made from the text); the
    same id must mean the same text everywhere."""
    text_ids: dict[str, str] = {}
    for _, ids in per_name.values():
        for t, i in ids.items():
            text_ids.setdefault(t, i)
    ann: Annotations = {}
    seen: dict[str, tuple[str, str]] = {}
    for name, (units, _) in per_name.items():
        ann[name] = {}
        for key, u in units.items():
            uid = key
            if key.startswith("text:"):
                uid = text_ids.get(u["text"]) or "text-" + hashlib.sha256(u["text"].encode()).hexdigest()[:12]
            if uid in seen and seen[uid][1] != u["text"]:
                raise AgreementError(f"{source[name]}: unit {uid} has another text than in {source[seen[uid][0]]}")
            seen.setdefault(uid, (name, u["text"]))
            ann[name][uid] = u
    return ann


def read_files(paths: Sequence[Path]) -> Annotations:
    """Two or more exported JSONL files, one per annotator, named after the file stem."""
    if len(paths) < 2:
        raise AgreementError("agreement needs at least two annotators' files")
    per_name: dict[str, tuple[dict, dict]] = {}
    source: dict[str, str] = {}
    for p in map(Path, paths):
        if p.stem in per_name:
            raise AgreementError(f"{p}: another file is also named {p.stem!r}; the file stem names the annotator")
        if not p.is_file():
            raise AgreementError(f"{p}: no such file")
        per_name[p.stem] = _read_file(p)
        source[p.stem] = str(p)
        if not per_name[p.stem][0]:
            raise AgreementError(f"{p}: no units")
    ann = _combine(per_name, source)
    for a, b, units in _pairs(ann):
        if not units:
            raise AgreementError(f"{source[a]} and {source[b]} share no unit (matched by meta.unit_id or id, "
                                 f"else by text)")
    return ann


def _pre_annotation_only(units: dict[str, dict]) -> bool:
    """True when every unit equals the version `unap doccano push` uploaded (kept in the example's meta): the
    pushing user's machine labels, not a person's annotation."""
    from ..doccano.sync import unit_version

    return bool(units) and all(u["pushed"] == unit_version(u["text"], u["entities"], u["strength"])
                               for u in units.values())


def read_project(project: str, settings, *, annotators: Sequence[str] | None = None,
                 timeout: float | None = None) -> tuple[Annotations, dict[str, str]]:
    """Every member's labels from a doccano project, through the admin's dataset export (the REST label
    endpoints show a user only their own labels). Returns the annotations and the skipped members with why."""
    from ..doccano.connection import DoccanoError, connect, retry

    client = connect(settings)
    proj = next((p for p in retry(lambda: list(client.list_projects()), what="list projects") if p.name == project),
                None)
    if proj is None:
        raise DoccanoError(f"no doccano project named {project!r} at {settings.url}")
    shown = f"doccano project {project!r}"
    with tempfile.TemporaryDirectory(prefix="unap-agreement-") as tmp:
        archive = export(client, proj.id, Path(tmp), timeout or float(os.environ.get("UNAP_DOCCANO_EXPORT_TIMEOUT",
                                                                                        "300")))
        folder = Path(tmp) / "members"
        folder.mkdir()
        with zipfile.ZipFile(archive) as z:
            names = [n for n in z.namelist() if n.endswith(".jsonl") and "/" not in n and not n.startswith(".")]
            if names == ["all.jsonl"]:
                raise DoccanoError(f"{shown} uses collaborative annotation: doccano keeps one shared set of "
                                   f"labels there, so there is nothing to compare")
            for n in names:
                (folder / n).write_bytes(z.read(n))
        per_name: dict[str, tuple[dict, dict]] = {}
        skipped: dict[str, str] = {}
        for f in sorted(folder.glob("*.jsonl")):
            name = f.stem
            if annotators and name not in annotators:
                continue
            units, ids = _read_file(f, f"{shown}, {f.name}")
            if not any(u["entities"] or u["strength"] for u in units.values()):
                skipped[name] = "no labels"
            elif not annotators and _pre_annotation_only(units):
                skipped[name] = "labels identical to the pushed pre-annotations"
            else:
                per_name[name] = (units, ids)
    missing = sorted(set(annotators or []) - set(per_name) - set(skipped))
    if missing:
        raise DoccanoError(f"{shown} has no member named {', '.join(missing)}")
    if len(per_name) < 2:
        raise DoccanoError(f"{shown}: {len(per_name)} member(s) with their own labels; agreement needs two"
                           + (f" (skipped {', '.join(f'{k}: {v}' for k, v in skipped.items())})" if skipped else ""))
    return _combine(per_name, {n: f"{shown}, {n}.jsonl" for n in per_name}), skipped
