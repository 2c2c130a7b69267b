"""`unap_opverbs`: the opening verb phrase of every paragraph, with strength class and intensity.

For each paragraph span in doc.spans["paragraphs"], puts its opener in doc.spans["opverbs"] (label OPVERB for
operative paragraphs, PREVERB for preambular ones) with `_.strength`, `_.intensity` and `_.source`
("lexicon" or "model"). The class comes from the opener lexicon, from the classifier's scores
(`unap_strength_textcat`, if it ran before this component), or from both: `mode` chooses
"lexicon", "model" or "combined" (lexicon when it knows the opener, classifier otherwise; for an opener the
lexicon lists with several classes, "encourage|urge", the classifier's best of those), so rules,
model and combination are compared by config, not code. A one-paragraph unit also gets doc.cats
(exclusive, one-hot on the final class).

With `clauses` on (the default), every later clause of an operative paragraph ("..., and urges", "，并敦促",
`components/clauses.py`) gets an OPVERB span too, after the opener, with `_.clause` = 1, 2 ... (the opener has
`_.clause` = 0) and its own class and intensity from the lexicon. The opener is what it was without clauses.
With `clauses_use_parse` and a parsed Doc (the stanza backbone), a candidate the parse puts in a relative or adverbial
clause is dropped; off, because the small UD-trained parsers drop true clauses (clause F1 on dev with stanza: zh 0.964
with the parse, en 0.990, against the rules alone).
"""
from functools import partial
from pathlib import Path
from typing import Optional

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicons import read_tsv
from ..scheme import STRENGTH_CLASSES
from .clauses import find_clauses, in_subordinate
from .lexicon import TABLES, OpenerLexicon
from .tokens import split_tokens_at

for _name in ("strength", "intensity", "source", "kind", "clause", "verb_chars"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

MODES = ("lexicon", "model", "combined")


class OperativeVerbTagger:
    def __init__(self, nlp: Language, name: str, *, mode: str = "combined", spans_key: str = "opverbs",
                 paragraphs_key: str = "paragraphs", clauses: bool = True, clauses_use_parse: bool = False) -> None:
        if mode not in MODES:
            raise ValueError(f"unap_opverbs: mode must be one of {MODES}, not {mode!r}")
        self.name = name
        self.mode = mode
        self.spans_key = spans_key
        self.paragraphs_key = paragraphs_key
        self.clauses = clauses
        self.clauses_use_parse = clauses_use_parse
        self.lexicon = OpenerLexicon.load(nlp.lang)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        later = []  # (paragraph's opener index in spans, Clause list)
        paras = list(doc.spans.get(self.paragraphs_key, []))
        for para in paras:
            if para.label_ not in ("operative", "preambular"):
                continue
            span = self._opener(doc, para)
            if span is not None:
                span._.clause = 0 if para.label_ == "operative" else None
                spans.append(span)
                if self.clauses and para.label_ == "operative":
                    found = find_clauses(para.text, span._.verb_chars[1] - para.start_char, self.lexicon,
                                         self.lexicon.lang, span._.strength or "")
                    if found and self.clauses_use_parse and doc.has_annotation("DEP"):
                        found = [c for c in found if not in_subordinate(doc, para.start_char + c.start)]
                    if found:
                        later.append((len(spans) - 1, para.start_char, found))
        doc.spans[self.spans_key] = spans
        if later:
            self._add_clauses(doc, later)
        if len(paras) == 1 and paras[0].label_ == "operative":
            final = spans[0]._.strength if spans else None
            if final:
                doc.cats = {c: float(c == final) for c in STRENGTH_CLASSES}
        return doc

    def _add_clauses(self, doc: Doc, later: list) -> None:
        """Later clauses' verbs as OPVERB spans right after their paragraph's opener; a verb glued to a
        segmenter token (并敦促) is split off first, so that its span is exact."""
        split_tokens_at(doc, [base + o for _, base, found in later for c in found for o in (c.start, c.end)])
        spans = list(doc.spans[self.spans_key])
        extra = {}
        for i, base, found in later:
            extra[i] = []
            for k, c in enumerate(found, 1):
                span = doc.char_span(base + c.start, base + c.end, label="OPVERB")
                if span is None:
                    continue
                span._.kind = "operative"
                span._.strength = c.cls
                span._.intensity = c.intensity
                span._.source = "lexicon"
                span._.clause = k
                extra[i].append(span)
        out = []
        for i, span in enumerate(spans):
            out.append(span)
            out += extra.get(i, [])
        doc.spans[self.spans_key] = out

    def _opener(self, doc: Doc, para: Span) -> Optional[Span]:
        kind = para.label_
        text = para.text
        found = self.lexicon.find(text, kind)
        fuzzy = False
        if found is None:
            found = self.lexicon.find_fuzzy(text, kind)
            fuzzy = found is not None
        scores = para._.strength_scores if kind == "operative" else None
        use_model = kind == "operative" and scores and (self.mode == "model" or (self.mode == "combined" and
                                                                                   (found is None or not found.cls)))
        if found is None and not use_model:
            return None
        if found is not None:
            start, end, intensity = found.start, found.end, found.intensity
        else:
            guess = self.lexicon.guess(text)
            if guess is None:
                return None
            (start, end), intensity = guess, "none"
        span = doc.char_span(para.start_char + start, para.start_char + end,
                             label="OPVERB" if kind == "operative" else "PREVERB", alignment_mode="expand")
        if span is None:
            return None
        span._.kind = kind
        # the lexicon's own character offsets: the span itself may run to token edges ("敦促制")
        span._.verb_chars = (para.start_char + start, para.start_char + end)
        span._.intensity = intensity if kind == "operative" else None
        if kind == "operative":
            if use_model:
                span._.strength = max(scores, key=scores.get)
                span._.source = "model"
            elif found.candidates and scores and self.mode == "combined":
                span._.strength = max(found.candidates, key=lambda c: scores.get(c, 0.0))
                span._.source = "lexicon+model"
            else:
                span._.strength = found.cls
                span._.source = "lexicon-fuzzy" if fuzzy else "lexicon"
        return span

    def to_disk(self, path, *, exclude=tuple()) -> None:
        """The lexicon's tables as opverbs.<lang>.tsv and modifiers.<lang>.tsv (exclude "opverbs", "modifiers")."""
        Path(path).mkdir(parents=True, exist_ok=True)
        util.to_disk(path, {self.lexicon.filename(t): partial(self.lexicon.write_table, t) for t in TABLES}, exclude)

    def from_disk(self, path, *, exclude=tuple()) -> "OperativeVerbTagger":
        """The saved tables; a table the folder lacks stays the package's."""
        got: dict = {}
        util.from_disk(path, {self.lexicon.filename(t): partial(_read_table, got, t) for t in TABLES}, exclude)
        self.lexicon = self.lexicon.replace(got)
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        """What to_disk saves: the rows of each table."""
        return util.to_bytes({t: partial(srsly.msgpack_dumps, rows) for t, rows in self.lexicon.tables().items()},
                             exclude)

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "OperativeVerbTagger":
        got: dict = {}
        util.from_bytes(data, {t: partial(got.__setitem__, t) for t in TABLES}, exclude)
        self.lexicon = self.lexicon.replace({t: srsly.msgpack_loads(b) for t, b in got.items()})
        return self


def _read_table(got: dict, table: str, path: Path) -> None:
    if path.exists():
        got[table] = read_tsv(path)


@Language.factory("unap_opverbs", default_config={"mode": "combined", "spans_key": "opverbs",
                                                  "paragraphs_key": "paragraphs", "clauses": True,
                                                  "clauses_use_parse": False},
                  retokenizes=True)
def make_opverbs(nlp: Language, name: str, mode: str, spans_key: str, paragraphs_key: str,
                 clauses: bool, clauses_use_parse: bool) -> OperativeVerbTagger:
    return OperativeVerbTagger(nlp, name, mode=mode, spans_key=spans_key, paragraphs_key=paragraphs_key,
                               clauses=clauses, clauses_use_parse=clauses_use_parse)
