"""Annotated Doc + unit -> one JSON record: doccano-compatible (`text`, `label`) and richer.

Offsets index the record's `text`, which is exactly the unit's text.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span


def _verb_in(doc: Doc, para: Span) -> Span | None:
    for v in doc.spans.get("opverbs", []):
        if para.start_char <= v.start_char < para.end_char:
            return v
    return None


RANK = {"decide": 5, "urge": 4, "request": 3, "encourage": 2, "declare": 1}


def _clauses(doc: Doc, para: Span, verb: Span | None, opener_addressees: list) -> list[dict[str, Any]]:
    """Every clause of an operative paragraph in text order: the opener (clause 0, with the paragraph's own
    verb, class and addressees) and the later clauses `unap_opverbs` found (`_.clause` >= 1)."""
    if verb is None:
        return []
    has = Span.has_extension("clause")
    later = [v for v in doc.spans.get("opverbs", []) if para.start_char <= v.start_char < para.end_char
             and v is not verb and has and (v._.clause or 0) > 0]
    start, end = (verb._.verb_chars if Span.has_extension("verb_chars") and verb._.verb_chars
                  else (verb.start_char, verb.end_char))
    out = [{"verb": {"start": start, "end": end, "text": doc.text[start:end]},
            "strength": verb._.strength, "intensity": verb._.intensity, "addressees": opener_addressees}]
    extra = doc.spans.get("clause_addressees", []) if "clause_addressees" in doc.spans else []
    for v in sorted(later, key=lambda s: s.start_char):
        out.append({"verb": {"start": v.start_char, "end": v.end_char, "text": v.text},
                    "strength": v._.strength, "intensity": v._.intensity,
                    "addressees": [{"start": a.start_char, "end": a.end_char, "text": a.text,
                                    "type": a._.addressee_type} for a in extra
                                   if a._.clause == v._.clause and para.start_char <= a.start_char < para.end_char]})
    return out


def clauses_of(doc: Doc, para: Span) -> list[dict[str, Any]]:
    """The clauses of an operative paragraph as exported (`paragraph.clauses`)."""
    verb = _verb_in(doc, para)
    opener = [{"start": a.start_char, "end": a.end_char, "text": a.text, "type": a._.addressee_type}
              for a in doc.spans.get("addressees", []) if para.start_char <= a.start_char < para.end_char]
    return _clauses(doc, para, verb, opener)


def paragraph_record(doc: Doc, para: Span) -> dict[str, Any]:
    verb = _verb_in(doc, para)
    operative = para.label_ == "operative"
    rec: dict[str, Any] = {
        "type": para.label_,
        "number": para._.number,
        "strength": verb._.strength if (verb is not None and operative and Span.has_extension("strength")) else None,
        "intensity": verb._.intensity if (verb is not None and Span.has_extension("intensity")) else None,
        "verb": {"start": verb.start_char, "end": verb.end_char, "text": verb.text} if verb is not None else None,
    }
    if para._.role:
        rec["role"] = para._.role
    if operative and "addressees" in doc.spans:  # who the opening verb addresses (unap_addressees)
        rec["addressees"] = [{"start": a.start_char, "end": a.end_char, "text": a.text, "type": a._.addressee_type}
                             for a in doc.spans["addressees"] if para.start_char <= a.start_char < para.end_char]
    if operative and Span.has_extension("clause"):  # every clause of the paragraph (unap_opverbs, unap_addressees)
        rec["clauses"] = _clauses(doc, para, verb, rec.get("addressees", []))
        classes = [c["strength"] for c in rec["clauses"] if c["strength"]]
        rec["max_strength"] = max(classes, key=RANK.get) if classes else None
    return rec


def record(doc: Doc, task: dict[str, Any]) -> dict[str, Any]:
    ents = [{"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text, "id": e.kb_id_ or None}
            for e in doc.ents]
    rec: dict[str, Any] = {
        "id": task["id"],
        "text": task["text"],  # the unit's text, which the Doc's text equals by construction
        "lang": task["lang"],
        "label": [[e["start"], e["end"], e["label"]] for e in ents],
        "entities": ents,
    }
    paras = list(doc.spans.get("paragraphs", []))
    meta = dict(task.get("meta") or {})
    if task.get("kind") == "document":
        rec["paragraph"] = None
        rec["paragraphs"] = []
        for p, given in zip(paras, task.get("paragraphs") or []):
            pr = paragraph_record(doc, p)
            pr.update({"start": p.start_char, "end": p.end_char})
            if given.get("markers"):
                pr["footnotes"] = given["markers"]
            rec["paragraphs"].append(pr)
    else:
        rec["paragraph"] = paragraph_record(doc, paras[0]) if paras else None
        given = (task.get("paragraphs") or [{}])[0]
        if given.get("markers"):
            meta["footnotes"] = given["markers"]
    if doc.cats:
        rec["cats"] = {k: round(v, 4) for k, v in doc.cats.items()}
    rec["meta"] = meta
    return rec
