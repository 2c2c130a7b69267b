"""Push annotated units to a doccano project as pre-annotations; pull people's corrections back and merge them
into a gold file without ever losing a human edit, nor any field of the unit.

Project type: doccano's IntentDetectionAndSlotFilling holds both entity spans (span labels) and one category
per example (the strength class), so one project carries a unit whole. Each example's meta holds the unit id
(`unit_id`), which maps it back. Push goes example by example over the REST API: an example is marked complete
(`unap_complete` in its meta) only after its labels are in, so an interrupted push resumes without
duplicates and without half-labelled examples. Pull reads examples page by page and ignores incomplete ones.

What the corrector sees: doccano shows an example's meta as a key/value table beside the text. The push puts
the machine's reading of the paragraph there as short strings (`paragraph_type`, `paragraph_number`,
`machine_strength`, `machine_intensity`, `machine_verb`, `machine_addressees` as "text (type); ..."), first in
the table. Only spans and the strength class can be corrected in doccano; the rest is shown for judging them.

Where the pushed unit is kept: whole, minus its text (the example's own text), in the example's meta as
`unap_unit`. Not in the local state file, because a push does not know which gold file a later pull will merge
into (the state file belongs to the gold file), and because the project then carries everything a pull needs,
whoever pulls and from wherever. doccano 1.8.4 stores meta as JSON without a size limit of its own, but refuses
request bodies over 2.5 MiB (Django's DATA_UPLOAD_MAX_MEMORY_SIZE; Chinese text is sent \\u-escaped, 6 bytes a
character): a push checks every unit's request size first and refuses the whole push, one line naming the unit,
before creating anything (push paragraph units rather than whole documents).

Pull: a unit keeps every field it was pushed with; only what a person changed is updated. Changed spans
replace `entities` and `label` (an unchanged span keeps its pushed entry and normalized id; a new or relabelled
span gets the normalizer's id, or none). A changed strength class sets `paragraph.strength` and adds the fields
read from the same opener, `intensity` and `verb`, to `paragraph.review`: their machine values stay (an
evaluation still scores them) but nobody has checked them against the new class; re-deriving them would mean
running the pipeline again on a text a person has just judged. Provenance goes to `meta.doccano`
(`{"approved": ...}`); nothing else is added. The report lists exactly the human edits per unit (`edits`:
spans added, removed, relabelled; strength before -> after), measured against the version the person started
from: the pushed unit at the first pull, the gold unit at later ones. Examples pushed by an older unap have no
`unap_unit`; for them the old, lossy rebuild is used and every span counts as added.

Languages: a project may hold units of any languages (each example's meta shows its `lang`, and the pulled unit
keeps it), but not of both text directions. doccano 1.8.4 has no per-project or per-example direction: its span
editor draws right to left when the annotator turns on the "RTL" switch of the account menu (a per-browser
setting, off after a reload). So a push refuses to put Arabic units and left-to-right units in one project, and
an Arabic project's description says to turn the switch on. One project per language is the simplest practice.

Merge bookkeeping: `<gold>.doccano-state.json` beside the gold file keeps, per unit, the hash of the version
last exchanged with doccano. A doccano version that differs from it (or that a person approved) is a human
edit and replaces the local version; if the local gold also changed since, that unit is a conflict: reported,
and neither side overwritten. When nothing is to be merged the gold file (and the state) is not written at all.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

from ..io.jsonl import records
from ..languages import is_rtl
from ..records import RecordError, Unit, parse
from ..scheme import COLORS, ENTITY_LABELS, SHORTCUTS, STRENGTH_CLASSES
from .connection import DoccanoError, connect, retry

PROJECT_TYPE = "IntentDetectionAndSlotFilling"
MAX_REQUEST_BYTES = 2_500_000  # doccano answers HTTP 400 above 2,621,440 bytes (Django's default); a margin
REVIEW_ON_STRENGTH_CHANGE = ("intensity", "verb")  # read from the same opener as the strength class


def unit_version(text: str, entities: Iterable[dict], strength: str | None) -> str:
    ents = sorted((e["start"], e["end"], e["label"]) for e in entities)
    raw = json.dumps([text, ents, strength], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def read_units(path: Path) -> list[Unit]:
    """The units of a JSONL file in any shape records.parse reads; each needs an id."""
    units = []
    for n, r in records(path, DoccanoError, "a unit"):
        unit = _parse(r, f"{path}:{n}")
        if not unit.key:
            raise DoccanoError(f"{path}:{n}: a unit needs an 'id'")
        units.append(unit)
    return units


def _parse(r: dict[str, Any], where: str) -> Unit:
    try:
        return parse(r)
    except RecordError as e:
        raise DoccanoError(f"{where}: {e}") from None


def in_doccano(u: Unit) -> tuple[list[dict], str | None]:
    """The labels a push puts into doccano: spans of the scheme's labels, and the strength if it is a class."""
    return ([{"start": e.start, "end": e.end, "label": e.label} for e in u.entities or [] if e.label in ENTITY_LABELS],
            u.strength if u.strength in STRENGTH_CLASSES else None)


def _version(u: Unit) -> str:
    return unit_version(u.text, *in_doccano(u))


# --- what the corrector sees --------------------------------------------------------------------------
def reading(u: Unit) -> dict[str, Any]:
    """The machine's reading of the paragraph as short strings for doccano's metadata table."""
    if not (u.type or u.strength or u.verb):
        return {"paragraph_type": None}
    out: dict[str, Any] = {"paragraph_type": u.type,
                           **({"paragraph_number": u.number} if u.number is not None else {}),
                           "machine_strength": u.strength or "-",
                           "machine_intensity": u.intensity or "-",
                           "machine_verb": (u.verb.text if u.verb else None) or "-"}
    if u.addressees is not None:
        out["machine_addressees"] = "; ".join(f"{a.text} ({a.type})" for a in u.addressees) or "-"
    clauses = u.clause_readings(u.text)
    if len(clauses) > 1:  # every clause: "欢迎 declare; 敦促 urge (strong) -> 会员国 (states)"
        out["machine_clauses"] = "; ".join(
            f"{c.verb.text if c.verb else None} {c.strength}"
            + (f" ({c.intensity})" if c.intensity not in (None, "none") else "")
            + (" -> " + ", ".join(f"{a.text} ({a.type})" for a in c.addressees) if c.addressees else "")
            for c in clauses)
        out["machine_max_strength"] = u.max_strength or "-"
    return out


def example_meta(u: Unit) -> dict[str, Any]:
    sel = u.meta.get("selection")
    return {"unit_id": u.key, "lang": u.lang, **reading(u), **({"selection": sel} if sel else {}),
            "source": u.meta.get("source"), "document": u.meta.get("document"),
            "unap_unit": {k: v for k, v in u.raw.items() if k != "text"}}


def check_sizes(units: list[Unit], path: Path) -> None:
    """Refuse the push before it starts if doccano would refuse one of its examples."""
    for u in units:
        size = len(json.dumps({"text": u.text, "meta": {**example_meta(u), "unap_complete": True,
                                                         "unap_version": "x" * 20}}))
        if size > MAX_REQUEST_BYTES:
            raise DoccanoError(f"{path}: unit {u.key} is {size:,} bytes as a doccano request; doccano accepts "
                               f"at most {MAX_REQUEST_BYTES:,} (push paragraph units, not whole documents)")


# --- project ------------------------------------------------------------------------------------------
RTL_NOTE = ("Right-to-left text: turn on the RTL switch in the account menu (top right) before annotating; "
            "doccano keeps it until the page is reloaded.")


def direction(lang: Any) -> str:
    """'rtl' for a right-to-left language (Arabic), else 'ltr' (also for a unit without a known language)."""
    return "rtl" if is_rtl(lang) else "ltr"


def check_direction(units: list[Unit], existing: Iterable[Any], project: str, path: Path) -> str:
    """The one text direction of the units and of the project's examples (`existing`: their meta); DoccanoError
    when they mix directions, since doccano shows every example of a session in one direction."""
    langs: dict[str, set] = {}
    for lang in [u.lang for u in units] + [(m or {}).get("lang") for m in existing]:
        langs.setdefault(direction(lang), set()).add(lang or "?")
    if len(langs) > 1:
        raise DoccanoError(f"{path}: right-to-left units ({', '.join(sorted(langs['rtl']))}) and left-to-right "
                           f"units ({', '.join(sorted(langs['ltr']))}) in doccano project {project!r}: doccano shows "
                           f"one direction at a time; push them to separate projects (one per language)")
    return next(iter(langs), "ltr")


def named_project(client, name: str):
    """The project called `name`, or None."""
    return next((p for p in retry(lambda: list(client.list_projects()), what="list projects") if p.name == name),
                None)


def create_project(client, name: str, rtl: bool = False):
    return retry(lambda: client.create_project(
        name=name, project_type=PROJECT_TYPE,
        description="UN resolution units: entity spans and the operative-verb strength class (unap)"
                    + (f". {RTL_NOTE}" if rtl else ""),
        guideline="See annotations/GUIDELINES.md of the unap project." + (f"\n\n{RTL_NOTE}" if rtl else ""),
        collaborative_annotation=False, single_class_classification=True), what="create project")


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


def find_project(client, project: str, url: str):
    proj = named_project(client, project)
    if proj is None:
        raise DoccanoError(f"no doccano project named {project!r} at {url}")
    return proj


# --- push ---------------------------------------------------------------------------------------------
def push(path: Path, project: str, settings, *, units: list[dict] | None = None, log=print,
         choose: Callable[[list[dict]], list[dict]] | None = None, lang: str | None = None) -> dict[str, int]:
    """Push units (the records of `path`, or `units`) as pre-annotated examples. `choose` (see
    pipeline.selection) picks and orders, among the records not yet complete in the project, the ones to push
    now: doccano lists examples in creation order, so the most informative come first, and a repeated push with
    a selection brings the next batch."""
    units = [_parse(r, str(path)) for r in units] if units is not None else read_units(path)
    if lang:  # one language of a mixed file, e.g. for a project per language
        units = [u for u in units if u.lang == lang]
    check_sizes(units, path)
    check_direction(units, [], project, path)
    client = connect(settings)
    found = named_project(client, project)
    examples = _examples(client, found.id) if found is not None else []
    rtl = check_direction(units, [ex.meta for ex in examples], project, path) == "rtl"
    proj = found or create_project(client, project, rtl)
    spans, cats = ensure_labels(client, proj.id)
    existing = {}
    for ex in examples:
        uid = (ex.meta or {}).get("unit_id")
        if uid:
            existing[uid] = ex
    if choose is not None:
        done = {uid for uid, ex in existing.items() if (ex.meta or {}).get("unap_complete")}
        units = [_parse(r, str(path)) for r in choose([u.raw for u in units if u.key not in done])]
    added = resumed = skipped = 0
    for u in units:
        ex = existing.get(u.key)
        if ex is not None and (ex.meta or {}).get("unap_complete"):
            skipped += 1
            continue
        meta = example_meta(u)
        if ex is None:
            ex = retry(lambda: client.create_example(proj.id, u.text, meta=meta), what="create example")
            added += 1
        else:  # an interrupted push left this example without (all) its labels: redo them
            retry(lambda: client.delete_all_spans(proj.id, ex.id), what="clear spans")
            retry(lambda: client.delete_all_categories(proj.id, ex.id), what="clear categories")
            resumed += 1
        ents, st = in_doccano(u)
        for e in ents:
            retry(lambda: client.create_span(proj.id, ex.id, e["start"], e["end"], spans[e["label"]]),
                  what="create span")
        if st is not None:
            retry(lambda: client.create_category(proj.id, ex.id, cats[st]), what="create category")
        meta = {**(ex.meta or {}), **meta, "unap_complete": True, "unap_version": unit_version(u.text, ents, st)}
        retry(lambda: client.update_example(proj.id, ex.id, meta=meta), what="mark example complete")
    log(f"pushed to doccano project {project!r} (id {proj.id}): {added} new, {resumed} resumed, "
        f"{skipped} already there")
    return {"added": added, "resumed": resumed, "skipped": skipped, "project_id": proj.id}


# --- pull ---------------------------------------------------------------------------------------------
def fetch(client, project_id: int, only_approved: bool) -> tuple[list[dict[str, Any]], int]:
    """The complete examples pushed by unap (each with its spans and class), and how many are incomplete."""
    span_names = {lt.id: lt.text for lt in retry(lambda: client.list_label_types(project_id, "span"),
                                                 what="list span labels")}
    cat_names = {lt.id: lt.text for lt in retry(lambda: client.list_label_types(project_id, "category"),
                                                what="list category labels")}
    out, incomplete = [], 0
    for ex in _examples(client, project_id, True if only_approved else None):
        meta = ex.meta or {}
        if not meta.get("unit_id"):
            continue
        if not meta.get("unap_complete"):  # a push was interrupted here: its labels are not the machine's yet
            incomplete += 1
            continue
        spans = retry(lambda: client.list_spans(project_id, ex.id), what="list spans")
        cats = retry(lambda: client.list_categories(project_id, ex.id), what="list categories")
        out.append({"unit_id": meta["unit_id"], "text": ex.text, "meta": meta, "approved": ex.is_confirmed,
                    "entities": [{"start": s.start_offset, "end": s.end_offset, "label": span_names.get(s.label, "?")}
                                 for s in spans],
                    "strength": next((cat_names.get(c.label) for c in cats), None)})
    return out, incomplete


def _state_path(gold: Path) -> Path:
    return gold.with_name(gold.name + ".doccano-state.json")


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _read_state(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise DoccanoError(f"{path}: not valid JSON ({e.msg}); move it away to treat every unit as new") from None
    if not isinstance(state, dict):
        raise DoccanoError(f"{path}: not a JSON object of unit id -> version")
    return state


def pushed_unit(d: dict[str, Any]) -> Unit:
    """The unit as it was pushed (kept whole in the example's meta, with the example's text); for an example
    pushed without `unap_unit`, what its meta still tells (the old, lossy rebuild)."""
    rec = d["meta"].get("unap_unit")
    if isinstance(rec, dict):
        return _parse({"id": d["unit_id"], "text": d["text"], **{k: v for k, v in rec.items() if k != "id"}},
                      f"doccano example {d['unit_id']}")
    return parse({"id": d["unit_id"], "text": d["text"], "lang": d["meta"].get("lang"), "label": [],
                  "entities": [], "paragraph": {"type": d["meta"].get("paragraph_type")}})


def apply_edits(before: Unit, ents: list[dict], strength: str | None, gaz) -> tuple[dict, dict]:
    """The record of `before` (the version the person started from) with the doccano spans and class; returns
    the new record and the human edits (spans added / removed / relabelled, strength before -> after; empty if
    none). Every other field of the record stays as it was."""
    from ..entities.ids import entity_id

    rec = copy.deepcopy(before.raw)
    text = before.text
    old_ents, old_st = in_doccano(before)
    old = {(e["start"], e["end"], e["label"]) for e in old_ents}
    new = {(e["start"], e["end"], e["label"]) for e in ents}
    edit: dict[str, Any] = {}
    if old != new:
        kept = [e.entry() for e in before.entities or [] if e.label not in ENTITY_LABELS
                or (e.start, e.end, e.label) in new]
        made = []
        for s, e, lab in sorted(new - old):
            surface = text[s:e]
            made.append({"start": s, "end": e, "label": lab, "text": surface,
                         "id": entity_id(lab, surface, "", text, s, before.lang or "en", before.year, gaz) or None})
        full = sorted(kept + made, key=lambda e: (e["start"], e["end"]))
        rec["entities"] = full
        rec["label"] = [[e["start"], e["end"], e["label"]] for e in full]
        added, removed = sorted(new - old), sorted(old - new)
        moved = {(s, e) for s, e, _ in added} & {(s, e) for s, e, _ in removed}
        was = {(s, e): lab for s, e, lab in removed}
        spans = {"added": [[s, e, lab, text[s:e]] for s, e, lab in added if (s, e) not in moved],
                 "removed": [[s, e, lab, text[s:e]] for s, e, lab in removed if (s, e) not in moved],
                 "relabelled": [[s, e, f"{was[s, e]}->{lab}", text[s:e]] for s, e, lab in added if (s, e) in moved]}
        edit.update({k: v for k, v in spans.items() if v})
    if strength != old_st:
        edit["strength"] = f"{old_st} -> {strength}"
        para = rec.get("paragraph")
        if not isinstance(para, dict) and "strength" in rec:  # a record with its class at the top
            rec["strength"] = strength
        else:
            if not isinstance(para, dict):
                para = rec["paragraph"] = {}
            para["strength"] = strength
            review = [k for k in REVIEW_ON_STRENGTH_CHANGE if k in para]
            if review:
                para["review"] = sorted(set(para.get("review") or []) | set(review))
    return rec, edit


def merge(pulled: list[dict[str, Any]], gold: Path) -> dict[str, Any]:
    """Merge doccano versions into the gold file; returns the change report (`written`: whether the gold file
    was written; it is not when nothing was merged)."""
    from ..entities.gazetteer import Gazetteer

    units = {u.key: u for u in read_units(gold)} if gold.exists() else {}
    order = list(units)
    state_file = _state_path(gold)
    state = _read_state(state_file)
    gaz = None
    report: dict[str, Any] = {"units_added": 0, "units_updated": 0, "unchanged": 0, "conflicts": [],
                              "bad_spans": [], "entities": Counter(), "strength_changes": [], "edits": {}}
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
        human = remote != base or d["approved"]
        if not human or (local is not None and remote == synced):
            report["unchanged"] += 1
            continue
        if local is not None and _version(local) not in (base, remote):
            report["conflicts"].append(uid)
            continue
        if local is not None and local.text != text:
            report["bad_spans"].append(f"{uid}: the text in doccano differs from the gold text; unit not merged")
            continue
        try:
            before = local if local is not None else pushed_unit(d)
        except DoccanoError as e:  # a pushed unit that no longer reads: this unit only
            report["bad_spans"].append(f"{e}; unit not merged")
            continue
        if gaz is None:
            gaz = Gazetteer.load()
        rec, edit = apply_edits(before, ents, d["strength"], gaz)
        rec["meta"] = {**(rec.get("meta") if isinstance(rec.get("meta"), dict) else {}),
                       "doccano": {"approved": d["approved"]}}
        if edit:
            report["edits"][uid] = edit
            for kind in ("added", "removed", "relabelled"):
                for _, _, lab, _ in edit.get(kind, []):
                    report["entities"][f"{lab} {kind}"] += 1
            if "strength" in edit:
                report["strength_changes"].append(f"{uid}: {edit['strength']}")
        if local is None:
            report["units_added"] += 1
            order.append(uid)
        else:
            report["units_updated"] += 1
        units[uid] = parse(rec)
        state[uid] = remote
    report["entities"] = dict(report["entities"])
    report["written"] = bool(report["units_added"] or report["units_updated"])
    if report["written"]:
        _atomic_write(gold, "".join(json.dumps(units[u].raw, ensure_ascii=False) + "\n" for u in order))
        _atomic_write(state_file, json.dumps(state, indent=0, sort_keys=True))
    return report


def pull(project: str, gold: Path, settings, *, only_approved: bool = False, lang: str | None = None
         ) -> dict[str, Any]:
    """Fetch and merge; when nothing is merged, `report["nothing"]` says why (and the gold file is untouched)."""
    if gold.exists():  # a bad gold or state file is one clear error before any request
        read_units(gold)
    _read_state(_state_path(gold))
    client = connect(settings)
    proj = find_project(client, project, settings.url)
    pulled, incomplete = fetch(client, proj.id, only_approved)
    if lang:  # the examples of one language only (their meta says it)
        pulled = [d for d in pulled if d["meta"].get("lang") == lang]
    report = merge(pulled, gold)
    report["incomplete"] = incomplete
    if not report["written"] and not report["conflicts"]:  # conflicts are reported on their own
        if not pulled:
            why = "no example is approved" if only_approved else "it holds no example pushed by unap"
        else:
            since = "the last pull" if _state_path(gold).exists() else "the push"
            n = len(pulled)
            why = f"{n} example{'s' if n != 1 else ''} pulled, none changed or approved since {since}"
        report["nothing"] = f"nothing to merge from doccano project {project!r}: {why}"
    return report
