"""One typed record for a unit read from outside, whatever wrote it, and the writer of the gold shape.

The JSONL shapes this project reads back:
- annotate output (`unap annotate`, `pipeline/export.py`): `entities` as {start, end, label, text, id}, doccano's
  `label` as [start, end, LABEL], `paragraph` {type, number, strength, intensity, verb, addressees}, `meta`, `cats`
  (model scores);
- gold files (annotations/, pulled or adjudicated gold): the same, or flat rows (`strength`, `intensity`,
  `addressees`, `type` at the top level: annotations/strength/, annotations/addressees/);
- doccano's own export: the example's meta flattened into the record (`unit_id`, `paragraph_type`,
  `unap_version`, ...), `entities` or `label` as [start, end, LABEL] or {start_offset, end_offset, label}, `cats`
  as category names.
- a document record (`unap annotate --unit document`): `paragraph` null and a `paragraphs` list, each with its
  `start`/`end` in the record's text and the paragraph fields above.
`parse` reads each field the one way all of them agree on (the paragraph's value before the record's, spans
from `entities` before `label`, a strength class from the paragraph, the record, else doccano's category names)
into a `Unit`; callers pick what they need (`evaluation.run.read_gold`, `agreement.readers`, `selection`,
`show`, `doccano.sync`). The unit keeps the record as read (`raw`): a writer that must give back every field,
as a doccano pull does, edits that record instead of rebuilding it. `gold_record` writes the gold shape (what
`unap agreement -o` writes).
"""
from __future__ import annotations

import json
from typing import Any, Optional, Union

from pydantic import BaseModel, Field, StrictInt

from .scheme import STRENGTH_CLASSES

# doccano export columns and meta keys that are labels or bookkeeping, not the unit's own metadata
NOT_META = {"id", "text", "entities", "label", "cats", "Comments", "comments", "unit_id", "lang", "paragraph",
            "paragraph_type", "strength", "meta", "unap_complete", "unap_version"}


class RecordError(ValueError):
    """A record that cannot be read; `span` is the (start, end, label) that does not fit, when that is why."""

    def __init__(self, msg: str, span: tuple[Any, Any, Any] | None = None):
        super().__init__(msg)
        self.span = span


class Span(BaseModel):
    """An entity span; `text` and `id` (the normalized id) as the record gave them."""
    start: int
    end: int
    label: str
    text: Optional[str] = None
    id: Optional[str] = None

    def entry(self) -> dict[str, Any]:
        """The span as a record's `entities` entry, with the keys its own entry had (start, end, label, and text
        and id when given)."""
        return self.dict(exclude_unset=True)


class Addressee(BaseModel):
    start: int
    end: int
    type: str
    text: Optional[str] = None


class Verb(BaseModel):
    """A paragraph's opening verb; a flat strength row gives its text alone (no offsets)."""
    start: Optional[int] = None
    end: Optional[int] = None
    text: Optional[str] = None


class Reading(BaseModel):
    """What the pipeline (or a person) says of one paragraph. `clauses` stay as written (GUIDELINES.md,
    "Clauses"), the shape the clause scorer reads."""
    type: Optional[str] = None
    number: Optional[Union[StrictInt, str]] = None
    role: Optional[str] = None
    strength: Optional[str] = None
    intensity: Optional[str] = None
    verb: Optional[Verb] = None
    addressees: Optional[list[Addressee]] = None
    clauses: Optional[list] = None
    max_strength: Optional[str] = None

    def clause_readings(self, text: str) -> list["Reading"]:
        """Each clause read like a paragraph (verb, class, intensity, addressees), its offsets checked on `text`."""
        for c in self.clauses or []:
            if not isinstance(c, dict):
                raise RecordError(f"cannot read the clause {json.dumps(c, ensure_ascii=False)[:60]}")
        return [Reading(**_reading(c, text)) for c in self.clauses or []]


class Paragraph(Reading):
    """One paragraph of a document record, at `start`:`end` of the record's text."""
    start: int
    end: int


class Unit(Reading):
    """A unit as read: `id` is the record's own id (in doccano's export, doccano's example id), `unit_id` this
    project's unit id where doccano's export keeps it. `entities` / `addressees` are None when the record has
    none at all (not annotated for them), [] when it says there are none. `meta` is the record's meta, or for
    doccano's export (meta flattened) its columns that are not labels or bookkeeping."""
    id: Optional[str] = None
    unit_id: Optional[str] = None
    text: str
    lang: Optional[str] = None
    entities: Optional[list[Span]] = None
    paragraphs: Optional[list[Paragraph]] = None  # a document record's paragraphs (its own reading is then empty)
    meta: dict[str, Any] = {}
    meta_given: bool = False  # the record had a `meta` object (not doccano's flattened export)
    pushed: Optional[str] = None  # the version `unap doccano push` recorded (doccano: `unap_version`)
    raw: dict[str, Any] = Field(default_factory=dict, repr=False, exclude=True)  # the record as read

    @property
    def year(self) -> int | None:
        y = self.meta.get("year") if self.meta_given else None
        return y if isinstance(y, int) else None

    @property
    def key(self) -> str | None:
        """The unit id an annotator's file or doccano's export gives: meta.unit_id, unit_id, else id."""
        return self.unit_id or self.id


def _paragraph(r: dict) -> dict:
    return r["paragraph"] if isinstance(r.get("paragraph"), dict) else {}


def _spans(r: dict) -> list[Span] | None:
    """`entities`, else a `label` list of spans; dicts (this project's, or doccano's *_offset) or triples."""
    raw = r["entities"] if isinstance(r.get("entities"), list) else None
    if raw is None and isinstance(r.get("label"), list) and all(isinstance(x, (list, dict)) for x in r["label"]):
        raw = r["label"]
    if raw is None:
        return None
    out = []
    for x in raw:
        given: dict[str, Any] = {}  # text and id only when the entry has them, so that `entry` gives back its keys
        if isinstance(x, dict):
            s, e, lab = x.get("start", x.get("start_offset")), x.get("end", x.get("end_offset")), x.get("label")
            given = {k: x[k] if isinstance(x[k], str) else None for k in ("text", "id") if k in x}
        elif isinstance(x, (list, tuple)) and len(x) == 3:
            s, e, lab = x
        else:
            raise RecordError(f"cannot read the span {json.dumps(x, ensure_ascii=False)[:60]}")
        if not (isinstance(s, int) and isinstance(e, int) and isinstance(lab, str)
                and 0 <= s < e <= len(r["text"])):
            raise RecordError(f"span {s}-{e} {lab} does not fit the text", (s, e, lab))
        out.append(Span(start=s, end=e, label=lab, **given))
    return out


def _addressees(raw: Any, text: str) -> list[Addressee] | None:
    if not isinstance(raw, list):
        return None
    out = []
    for a in raw:
        if not (isinstance(a, dict) and {"start", "end", "type"} <= set(a)):
            raise RecordError(f"cannot read the addressee {json.dumps(a, ensure_ascii=False)[:60]}")
        s, e = a["start"], a["end"]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            raise RecordError(f"span {s}-{e} addressee does not fit the text", (s, e, "ADDRESSEE"))
        out.append(Addressee(start=s, end=e, type=a["type"], text=a.get("text") if isinstance(a.get("text"), str)
                             else None))
    return out


def _verb(v: Any, text: str) -> Verb | None:
    """A verb span ({start, end, text}), or a flat row's verb text."""
    if isinstance(v, str):
        return Verb(text=v)
    if not isinstance(v, dict):
        return None
    s, e = v.get("start"), v.get("end")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text)):
        raise RecordError(f"verb {s}-{e} does not fit the text", (s, e, "VERB"))
    return Verb(start=s, end=e, text=v.get("text") if isinstance(v.get("text"), str) else text[s:e])


def _strength(r: dict) -> str | None:
    """The paragraph's class, else the record's, else doccano's category names (annotate output's `cats` are
    model scores, and its paragraph already says)."""
    for d in (_paragraph(r), r):
        if "strength" in d:
            return d["strength"] or None
    cats = r.get("cats")
    if isinstance(cats, list):  # doccano's export
        found = sorted(set(cats), key=lambda c: (STRENGTH_CLASSES + [c]).index(c))
        if len(found) > 1:
            raise RecordError(f"{len(found)} strength classes ({', '.join(found)}); one expected")
        return found[0] if found else None
    return None


def _field(r: dict, key: str) -> Any:
    para = _paragraph(r)
    return para[key] if key in para else r.get(key)


def _reading(r: dict, text: str) -> dict[str, Any]:
    """The paragraph fields of a record (its `paragraph`'s before its own) or of a document's paragraph."""
    number, clauses = _field(r, "number"), _field(r, "clauses")
    return {"type": _field(r, "type") or r.get("paragraph_type"),
            "number": number if isinstance(number, (int, str)) and not isinstance(number, bool) else None,
            "role": _field(r, "role"), "strength": _strength(r), "intensity": _field(r, "intensity"),
            "verb": _verb(_field(r, "verb"), text), "addressees": _addressees(_field(r, "addressees"), text),
            "clauses": clauses if isinstance(clauses, list) else None, "max_strength": _field(r, "max_strength")}


def _paragraphs(r: dict) -> list[Paragraph] | None:
    if not isinstance(r.get("paragraphs"), list):
        return None
    out = []
    for p in r["paragraphs"]:
        s, e = (p.get("start"), p.get("end")) if isinstance(p, dict) else (None, None)
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(r["text"])):
            raise RecordError(f"paragraph {s}-{e} does not fit the text", (s, e, "PARAGRAPH"))
        out.append(Paragraph(start=s, end=e, **_reading(p, r["text"])))
    return out


def parse(r: dict[str, Any]) -> Unit:
    """The unit of one JSON record of any shape above (it has a string `text`: io.jsonl.records checks that)."""
    meta = r.get("meta") if isinstance(r.get("meta"), dict) else None
    unit_id = (meta or {}).get("unit_id") or r.get("unit_id")
    return Unit(
        id=str(r["id"]) if r.get("id") not in (None, "") else None,
        unit_id=str(unit_id) if unit_id not in (None, "") else None,
        text=r["text"], lang=r.get("lang"), entities=_spans(r), paragraphs=_paragraphs(r), **_reading(r, r["text"]),
        meta=meta if meta is not None else {k: v for k, v in r.items() if k not in NOT_META},
        meta_given=meta is not None, pushed=(meta or r).get("unap_version"), raw=r)


def gold_record(unit: Unit) -> dict[str, Any]:
    """The gold JSONL shape (doccano's `label` beside `entities`, the paragraph's type and class)."""
    ents = [{"start": e.start, "end": e.end, "label": e.label, "text": unit.text[e.start:e.end],
             **({"id": e.id} if e.id else {})} for e in unit.entities or []]
    return {"id": unit.id, "text": unit.text, "lang": unit.lang,
            "label": [[e["start"], e["end"], e["label"]] for e in ents], "entities": ents,
            "paragraph": {"type": unit.type, "strength": unit.strength}, "meta": unit.meta}
