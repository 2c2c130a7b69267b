"""`unap_paragraphs`: marks each paragraph of a unit as a span in doc.spans["paragraphs"].

The structure parser already knows the type of every paragraph of a whole document and hands it over in
doc.user_data["unap"]["paragraphs"]; a lone unit (a JSONL line) is typed here from its own text, so the
same pipeline serves both inputs.
"""


from spacy.language import Language
from spacy.tokens import Doc, Span

from ..structure.paragraphs import type_from_text

if not Span.has_extension("number"):
    Span.set_extension("number", default=None)
if not Span.has_extension("role"):
    Span.set_extension("role", default=None)

SPANS_KEY = "paragraphs"


class ParagraphTagger:
    def __init__(self, nlp: Language, name: str, *, spans_key: str = SPANS_KEY) -> None:
        self.name = name
        self.lang = nlp.lang
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        given = doc.user_data.get("unap", {}).get("paragraphs")
        if not given:
            text = doc.text
            ptype, number = type_from_text(text, self.lang)
            given = [{"start": 0, "end": len(text), "type": ptype, "number": number, "role": None}]
        spans = []
        for p in given:
            span = doc.char_span(p["start"], p["end"], label=p["type"], alignment_mode="expand")
            if span is None:  # empty paragraph text
                continue
            span._.number = p.get("number")
            span._.role = p.get("role")
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    # stateless: nothing to save beyond the config
    def to_disk(self, path, *, exclude=tuple()):  # noqa: D401
        pass

    def from_disk(self, path, *, exclude=tuple()):
        return self


@Language.factory("unap_paragraphs", default_config={"spans_key": SPANS_KEY})
def make_paragraph_tagger(nlp: Language, name: str, spans_key: str) -> ParagraphTagger:
    return ParagraphTagger(nlp, name, spans_key=spans_key)
