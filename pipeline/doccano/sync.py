"""Push annotated units to a doccano project as pre-annotations; pull people's corrections back and merge them
into a gold file without ever losing a human edit.

Project type: doccano's IntentDetectionAndSlotFilling holds both entity spans (span labels) and one category
per example (the strength class), so one project carries a unit whole. Each example's meta holds the unit id
(`unit_id`), which maps it back. Push goes example by example over the REST API: an example is marked complete
(`unap_complete` in its meta) only after its labels are in, so an interrupted push resumes without
duplicates and without half-labelled examples. Pull reads examples page by page.

Merge bookkeeping: `<gold>.doccano-state.json` beside the gold file keeps, per unit, the hash of the version
last exchanged with doccano. A doccano version that differs from it (or that a person approved) is a human
edit and replaces the local version; if the local gold also changed since, that unit is a conflict: reported,
and neither side overwritten.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

from ..io.jsonl import records
from ..scheme import COLORS, ENTITY_LABELS, SHORTCUTS, STRENGTH_CLASSES
from .connection import DoccanoError, connect, retry

PROJECT_TYPE = "IntentDetectionAndSlotFilling"


def unit_version(text: str, entities: Iterable[dict], strength: str | None) -> str:
    ents = sorted((e["start"], e["end"], e["label"]) for e in entities)
    raw = json.dumps([text, ents, strength], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def read_units(path: Path) -> list[dict[str, Any]]:
    units = []
    for n, r in records(path, DoccanoError, "a unit"):
        if not r.get("id"):
            raise DoccanoError(f"{path}:{n}: a unit needs an 'id'")
        units.append(r)
    return units


def _strength(u: dict) -> str | None:
    p = u.get("paragraph") or {}
    return p.get("strength") or u.get("strength")


def _entities(u: dict) -> list[dict]:
    if isinstance(u.get("entities"), list):
        return [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in u["entities"]]
    return [{"start": s, "end": e, "label": lab} for s, e, lab in u.get("label", [])]


# --- project ------------------------------------------------------------------------------------------
def ensure_project(client, name: str):
    for p in retry(lambda: list(client.list_projects()), what="list projects"):
        if p.name == name:
            return p
    return retry(lambda: client.create_project(
        name=name, project_type=PROJECT_TYPE,
        description="UN resolution units: entity spans and the operative-verb strength class (unap)",
        guideline="See annotations/GUIDELINES.md of the unap project.", collaborative_annotation=False,
        single_class_classification=True), what="create project")


def ensure_labels(client, project_id: int) -> tuple[dict[str, int], dict[str, int]]:
    """Span and category label types with the scheme's colors and shortcut keys; returns name -> id maps."""
    out = []
    for kind, names in (("span", ENTITY_LABELS), ("category", STRENGTH_CLASSES)):
        have = {lt.text: lt.id for lt in retry(lambda: client.list_label_types(project_id, kind),
                                                what=f"list {kind} labels")}
        for n in names:
            if n not in have:
                lt = retry(lambda: client.create_label_type(project_id, kind, n, suffix_key=SHORTCUTS.get(n),
                                                            color=COLORS.get(n)), what=f"create label {n}")
                have[n] = lt.id
        out.append(have)
    return out[0], out[1]


def _examples(client, project_id: int, confirmed: bool | None = None):
    return retry(lambda: list(client.list_examples(project_id, is_confirmed=confirmed)), what="list examples")


# --- push ---------------------------------------------------------------------------------------------
def push(path: Path, project: str, settings, *, units: list[dict] | None = None, log=print,
         choose: Callable[[list[dict]], list[dict]] | None = None) -> dict[str, int]:
    """Push units as pre-annotated examples. `choose` (see pipeline.selection) picks and orders, among the units
    not yet complete in the project, the ones to push now: doccano lists examples in creation order, so the
    most informative come first, and a repeated push with a selection brings the next batch."""
    units = units if units is not None else read_units(path)
    client = connect(settings)
    proj = ensure_project(client, project)
    spans, cats = ensure_labels(client, proj.id)
    existing = {}
    for ex in _examples(client, proj.id):
        uid = (ex.meta or {}).get("unit_id")
        if uid:
            existing[uid] = ex
    if choose is not None:
        done = {uid for uid, ex in existing.items() if (ex.meta or {}).get("unap_complete")}
        units = choose([u for u in units if u["id"] not in done])
    added = resumed = skipped = 0
    for u in units:
        ex = existing.get(u["id"])
        if ex is not None and (ex.meta or {}).get("unap_complete"):
            skipped += 1
            continue
        if ex is None:
            sel = (u.get("meta") or {}).get("selection")
            meta = {"unit_id": u["id"], "lang": u.get("lang"), **({"selection": sel} if sel else {}),
                    "paragraph_type": (u.get("paragraph") or {}).get("type"),
                    "source": (u.get("meta") or {}).get("source"), "document": (u.get("meta") or {}).get("document")}
            ex = retry(lambda: client.create_example(proj.id, u["text"], meta=meta), what="create example")
            added += 1
        else:  # an interrupted push left this example without (all) its labels: redo them
            retry(lambda: client.delete_all_spans(proj.id, ex.id), what="clear spans")
            retry(lambda: client.delete_all_categories(proj.id, ex.id), what="clear categories")
            resumed += 1
        for e in _entities(u):
            if e["label"] in spans:
                retry(lambda: client.create_span(proj.id, ex.id, e["start"], e["end"], spans[e["label"]]),
                      what="create span")
        st = _strength(u)
        if st in cats:
            retry(lambda: client.create_category(proj.id, ex.id, cats[st]), what="create category")
        meta = dict(ex.meta or {})
        meta["unap_complete"] = True
        meta["unap_version"] = unit_version(u["text"], _entities(u), st)
        retry(lambda: client.update_example(proj.id, ex.id, meta=meta), what="mark example complete")
    log(f"pushed to doccano project {project!r} (id {proj.id}): {added} new, {resumed} resumed, "
        f"{skipped} already there")
    return {"added": added, "resumed": resumed, "skipped": skipped, "project_id": proj.id}


# --- pull ---------------------------------------------------------------------------------------------
def fetch(client, project_id: int, only_approved: bool) -> list[dict[str, Any]]:
    span_names = {lt.id: lt.text for lt in retry(lambda: client.list_label_types(project_id, "span"),
                                                 what="list span labels")}
    cat_names = {lt.id: lt.text for lt in retry(lambda: client.list_label_types(project_id, "category"),
                                                what="list category labels")}
    out = []
    for ex in _examples(client, project_id, True if only_approved else None):
        meta = ex.meta or {}
        if not meta.get("unit_id"):
            continue
        spans = retry(lambda: client.list_spans(project_id, ex.id), what="list spans")
        cats = retry(lambda: client.list_categories(project_id, ex.id), what="list categories")
        out.append({"unit_id": meta["unit_id"], "text": ex.text, "meta": meta, "approved": ex.is_confirmed,
                    "entities": [{"start": s.start_offset, "end": s.end_offset, "label": span_names.get(s.label, "?")}
                                 for s in spans],
                    "strength": next((cat_names.get(c.label) for c in cats), None)})
    return out


def _state_path(gold: Path) -> Path:
    return gold.with_name(gold.name + ".doccano-state.json")


def _atomic_write(path: Path, lines: list[str]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
    os.replace(tmp, path)


def merge(pulled: list[dict[str, Any]], gold: Path) -> dict[str, Any]:
    """Merge doccano versions into the gold file; returns the change report."""
    from ..entities.gazetteer import Gazetteer
    from ..entities.ids import entity_id

    units = {u["id"]: u for u in read_units(gold)} if gold.exists() else {}
    order = list(units)
    state_file = _state_path(gold)
    state = json.loads(state_file.read_text(encoding="utf-8")) if state_file.exists() else {}
    gaz = Gazetteer.load()
    report: dict[str, Any] = {"units_added": 0, "units_updated": 0, "unchanged": 0, "conflicts": [],
                              "bad_spans": [], "entities": Counter(), "strength_changes": []}
    for d in pulled:
        uid = d["unit_id"]
        text = d["text"]
        bad = [e for e in d["entities"] if not (0 <= e["start"] < e["end"] <= len(text)) or e["label"] not in ENTITY_LABELS]
        for e in bad:
            report["bad_spans"].append(f"{uid}: span {e['start']}-{e['end']} {e['label']} does not fit the text")
        ents = [e for e in d["entities"] if e not in bad]
        remote = unit_version(text, ents, d["strength"])
        synced = state.get(uid)  # the version merged at the last pull
        base = synced or d["meta"].get("unap_version")
        local = units.get(uid)
        local_v = unit_version(local["text"], _entities(local), _strength(local)) if local else None
        human = remote != base or d["approved"]
        if not human or (local is not None and remote == synced):
            report["unchanged"] += 1
            continue
        if local is not None and local_v not in (base, remote) and remote != base:
            report["conflicts"].append(uid)
            continue
        if local is not None and local["text"] != text:
            report["bad_spans"].append(f"{uid}: the text in doccano differs from the gold text; unit not merged")
            continue
        lang = d["meta"].get("lang") or (local or {}).get("lang")
        full = []
        for e in sorted(ents, key=lambda e: e["start"]):
            surface = text[e["start"]:e["end"]]
            ident = entity_id(e["label"], surface, "", text, e["start"], lang or "en", None, gaz) or None
            full.append({"start": e["start"], "end": e["end"], "label": e["label"], "text": surface, "id": ident})
        old = {(e["start"], e["end"]): e["label"] for e in (_entities(local) if local else [])}
        new = {(e["start"], e["end"]): e["label"] for e in full}
        for k, lab in new.items():
            if k not in old:
                report["entities"][f"{lab} added"] += 1
            elif old[k] != lab:
                report["entities"][f"{old[k]}->{lab} relabelled"] += 1
        for k, lab in old.items():
            if k not in new:
                report["entities"][f"{lab} removed"] += 1
        old_st = _strength(local) if local else None
        if local is not None and old_st != d["strength"]:
            report["strength_changes"].append(f"{uid}: {old_st} -> {d['strength']}")
        para = dict((local or {}).get("paragraph") or {"type": d["meta"].get("paragraph_type")})
        para["strength"] = d["strength"]
        rec = {"id": uid, "text": text, "lang": lang, "label": [[e["start"], e["end"], e["label"]] for e in full],
               "entities": full, "paragraph": para,
               "meta": {**((local or {}).get("meta") or {}), "doccano": {"approved": d["approved"]}}}
        if local is None:
            report["units_added"] += 1
            order.append(uid)
        else:
            report["units_updated"] += 1
        units[uid] = rec
        state[uid] = remote
    _atomic_write(gold, [json.dumps(units[u], ensure_ascii=False) for u in order])
    tmp = state_file.with_name(state_file.name + ".tmp")
    tmp.write_text(json.dumps(state, indent=0, sort_keys=True), encoding="utf-8")
    os.replace(tmp, state_file)
    report["entities"] = dict(report["entities"])
    return report


def pull(project: str, gold: Path, settings, *, only_approved: bool = False) -> dict[str, Any]:
    client = connect(settings)
    proj = next((p for p in retry(lambda: list(client.list_projects()), what="list projects") if p.name == project),
                None)
    if proj is None:
        raise DoccanoError(f"no doccano project named {project!r} at {settings.url}")
    pulled = fetch(client, proj.id, only_approved)
    return merge(pulled, gold)
