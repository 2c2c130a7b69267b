"""`unap_paragraphs`: marks each paragraph of a unit as a span in doc.spans["paragraphs"].

The structure parser already knows the type of every paragraph of a whole document and hands it over in
`Doc._.unap_paragraphs` (components/unit.py); a lone unit (a JSONL line) is typed here from its own text, so the
same pipeline serves both inputs. A numbered lone line is operative only when it opens with an operative phrase
of the opener lexicon (exact, or with a damaged first word): a report's numbered paragraph is no decision.
"""
from spacy.language import Language
from spacy.tokens import Doc

from ..structure.paragraphs import type_from_text
from . import unit  # noqa: F401  (registers Doc._.unap_paragraphs, Span._.number and Span._.role)
from .lexicon import OpenerLexicon

SPANS_KEY = "paragraphs"


class ParagraphTagger:
    """Stateless: everything it needs is in its config and on the Doc."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str = SPANS_KEY) -> None:
        self.name = name
        self.lang = nlp.lang
        self.spans_key = spans_key
        self._lexicon: OpenerLexicon | None = None

    def opens_operative(self, text: str) -> bool:
        """Does the text open with an operative phrase of the language's opener lexicon (a damaged first word
        too)?"""
        if self._lexicon is None:
            self._lexicon = OpenerLexicon.load(self.lang)
        lex = self._lexicon
        return lex.find(text, "operative") is not None or lex.find_fuzzy(text, "operative") is not None

    def __call__(self, doc: Doc) -> Doc:
        given = doc._.unap_paragraphs
        if not given:
            text = doc.text
            ptype, number = type_from_text(text, self.lang, self.opens_operative)
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


@Language.factory("unap_paragraphs", default_config={"spans_key": SPANS_KEY},
                  assigns=["doc.spans", "span._.number", "span._.role"])
def make_paragraph_tagger(nlp: Language, name: str, spans_key: str) -> ParagraphTagger:
    return ParagraphTagger(nlp, name, spans_key=spans_key)
