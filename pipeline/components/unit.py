"""What the reader knows about a unit, handed to the components on the Doc, and the span attributes the entity
and paragraph components write: every extension of this package's Doc and those spans, registered here once.

- `Doc._.unap_paragraphs`: the paragraphs the structure parser found ({start, end, type, number, role}, character
  offsets in the Doc's text), None for a lone unit (`unap_paragraphs` types it from its own text);
- `Doc._.unap_year`: the year of the unit's document (dates written without a year take it), None if unknown;
- `Doc._.unap_id`: the unit's id.
Extensions live in `doc.user_data`, so `Doc.to_bytes` and `DocBin(store_user_data=True)` carry them; nothing
else of the reader's reaches the components.
"""
from __future__ import annotations

from itertools import pairwise
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

DOC_EXTENSIONS = ("unap_paragraphs", "unap_year", "unap_id")
# the origin of an entity (rules: pattern, gazetteer, title ...; model), a paragraph's number and role
SPAN_EXTENSIONS = ("source", "number", "role")

for _name in DOC_EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in SPAN_EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def unit_doc(nlp: Language, text: str, *, paragraphs: list[dict[str, Any]] | None = None, ptype: str | None = None,
             year: Any = None, uid: str | None = None) -> Doc:
    """The Doc of a unit, ready for the pipeline. `ptype`: the whole text is one paragraph of that type (a gold
    unit, or a lone unit whose type is known), used when `paragraphs` is not given."""
    doc = nlp.make_doc(text)
    _split_at_markers(doc, paragraphs)
    if paragraphs is None and ptype:
        paragraphs = [{"start": 0, "end": len(text), "type": ptype, "number": None, "role": None}]
    doc._.unap_paragraphs = paragraphs
    doc._.unap_year = year
    doc._.unap_id = uid
    return doc


def _split_at_markers(doc: Doc, paragraphs: list[dict[str, Any]] | None) -> None:
    """A footnote marker glued to a word ("Human Rights1", "条约¹") becomes a token of its own, so that no name,
    date or verb takes it in: the tokenizer cannot tell a marker from a digit of the word, the reader can."""
    cuts = sorted({c for p in paragraphs or [] for m in p.get("markers") or [] for c in (m["start"], m["end"])})
    if not cuts:
        return
    plan = []
    for tok in doc:
        inner = [c - tok.idx for c in cuts if tok.idx < c < tok.idx + len(tok.text)]
        if inner:
            bounds = [0, *inner, len(tok.text)]
            plan.append((tok, [tok.text[a:b] for a, b in pairwise(bounds)]))
    with doc.retokenize() as retokenizer:
        for tok, orths in plan:
            retokenizer.split(tok, orths, heads=[(tok, i) for i in range(len(orths))])


def doc_year(doc: Doc) -> int | None:
    """The year of the unit's document (for dates written without a year), if the reader knew it."""
    y = doc._.unap_year
    return int(y) if y else None
