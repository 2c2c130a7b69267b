"""`unap_entity_rules`: rule-found entities (patterns + gazetteer + title heuristics) in doc.spans["entity_rules"].

Overlapping candidates resolve to the longest span (GUIDELINES: "take the longest span that is still one
entity of one label"), ties by label priority. Where a rule boundary falls inside a token (a segmenter that
glued 联合国人员 together), the token is split, so the trained NER and the final entities see tokens that
match the entity boundaries. It runs first in the pipeline, before any other span group exists, so the
paragraphs, openers and addressees are all written on the final tokens (a split goes through
`tokens.split_tokens_at`, which keeps any span group written before it true anyway).
The gazetteer (lexicons/gazetteer.tsv) is saved with the pipeline, and beside it the corrections `unap train`
learned from gold pulled from doccano (corrections.jsonl: names to find, removed spans, head words; see
entities/corrections.py). `heads` says which head words find names no list holds (entities/heads.py): "learned"
(the corrections' heads, default), "all" (also the gazetteer's frequent heads) or "none". On the dev split the
gazetteer's heads changed zh micro-F1 by +0.001 (2 names found, 1 wrong span, 1 right one lost; id accuracy
0.969 -> 0.939) and en by 0.000, so they are off by default.
It reads only its config and the Doc: the paragraphs and the year the reader gave (`Doc._.unap_paragraphs`,
`Doc._.unap_year`, components/unit.py).
"""
import bisect
from dataclasses import asdict, replace
from pathlib import Path
from typing import List, Sequence, Tuple

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc

from ..entities.aliases import defined_acronyms
from ..entities.corrections import Correction, Corrections
from ..entities.gazetteer import Gazetteer
from ..entities.heads import builtin_heads
from ..entities.ids import entity_id
from ..entities.patterns import Candidate, find
from .tokens import split_tokens_at
from .unit import doc_year

PRIORITY = {"RESOLUTION": 0, "DOCUMENT": 1, "TREATY": 2, "ORG": 3, "DATE": 4}
SOURCE_PRIORITY = {"pattern": 0, "gazetteer": 1, "learned": 1, "short-title": 2, "title": 3, "head": 3, "acronym": 4}
HEADS = ("none", "learned", "all")  # which head words find names: none, learned from corrections, + the gazetteer's
# U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN, which the official GA texts write in "Non‑Proliferation" and
# "Inter‑Agency" (28 of the 35 GA eightieth-session resolutions of ../shared), and U+2212 MINUS SIGN, which Russian
# UNPC lines write in year ranges ("2012−2013 годах"), are matched and given ids as "-": a one-for-one map, so
# offsets are the text's and spans keep its own characters. Without it, 9 of the GA texts' 1,144 units had a cut
# name ("Treaty on the Non", with that as its id) and a range was two years.
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2212": "-"})


def blank_markers(text: str, paragraphs) -> str:
    """The text with the footnote markers the reader found read as daggers (same length, so offsets stay the
    text's): "Human Rights1 and" is the Universal Declaration of Human Rights, not a name "... Rights1", and a
    marker between two names still parts them ("... Nuclear Material 3 by the International Atomic Energy Agency")."""
    marks = [(m["start"], m["end"]) for p in paragraphs or [] for m in p.get("markers") or []]
    if not marks:
        return text
    chars = list(text)
    for start, end in marks:
        chars[start:end] = "\u2020" * (end - start)
    return "".join(chars)


def resolve(cands: List[Candidate]) -> List[Candidate]:
    """Non-overlapping subset: longest first, then label and source priority."""
    chosen: List[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), PRIORITY.get(c.label, 9),
                                          SOURCE_PRIORITY.get(c.source, 9), c.start)):
        if c.end <= c.start:
            continue
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


ZH_NO_UNIT = ("联合国", "大会", "安全理事会", "安理会")  # after another name these start a new one
ZH_NO_OWN_ID = "秘书处"  # 欧洲经委会秘书处: a unit, but the id of 秘书处 alone is the UN Secretariat's


def merge_sub_bodies(chosen: List[Candidate], text: str) -> List[Candidate]:
    """Chinese writes a unit after its parent with nothing between: 秘书处信息和通信技术厅, 欧安组织明斯克小组,
    欧洲经委会秘书处. Two ORG names that touch are one ORG (GUIDELINES: the longest span that is one entity);
    its id is the unit's, unless the unit is a generic part (…秘书处): then the name has no id of its own."""
    out: List[Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if (prev is not None and prev.label == "ORG" and c.label == "ORG" and prev.end == c.start
                and text[c.start:c.end] not in ZH_NO_UNIT):
            key = "" if text[c.start:c.end] == ZH_NO_OWN_ID else c.key
            out[-1] = Candidate(prev.start, c.end, "ORG", key, source="title")
            continue
        out.append(c)
    return out


class EntityRules:
    def __init__(self, nlp: Language, name: str, *, spans_key: str = "entity_rules",
                 split_tokens: bool = True, acronyms: bool = True, shape_names: bool = False,
                 heads: str = "learned") -> None:
        if heads not in HEADS:
            raise ValueError(f"unap_entity_rules: heads must be one of {', '.join(HEADS)}, not {heads!r}")
        self.name = name
        self.lang = nlp.lang
        self.spans_key = spans_key
        self.split_tokens = split_tokens
        self.acronyms = acronyms
        self.shape_names = shape_names
        self.heads_from = heads
        self.hand = Gazetteer.load()  # the hand-written gazetteer, reviewed by people
        self.set_corrections(Corrections())

    def set_corrections(self, corrections: Corrections) -> None:
        """What people corrected in doccano (learned by `unap train`): its names are found like the gazetteer's,
        its removed spans are not proposed again. Kept apart from the hand-written gazetteer, with provenance."""
        self.corrections = corrections
        names = corrections.names()
        self.gazetteer = Gazetteer(self.hand.rows + names) if names else self.hand
        self._learned = {(r["lang"], r["name"]) for r in names}
        builtin = builtin_heads(self.hand.rows, self.lang) if self.heads_from == "all" else {}
        self.heads = {**builtin, **corrections.heads(self.lang)} if self.heads_from != "none" else {}

    def _id(self, c: Candidate, text: str, year, para: Tuple[int, int] | None = None) -> str:
        """The candidate's normalized id; a resolution's organ is looked for around it in its own paragraph
        `para` (start, end)."""
        if c.source == "acronym":  # the id of the name it was defined after (none when that has none), never the
            return c.key           # list's reading of the same letters
        start, end = para or (0, len(text))
        return entity_id(c.label, text[c.start:c.end], c.key, text[start:end], c.start - start,
                         self.lang, year, self.gazetteer, decision=c.meta.get("decision"))

    def candidates(self, text: str, year=None, paragraphs: Sequence[Tuple[int, int]] = ()) -> List[Candidate]:
        """The rule entities of `text`. `paragraphs`: the (start, end) of each paragraph of a whole-document Doc;
        patterns and names are looked for in each paragraph on its own, so no entity crosses a paragraph
        boundary and a paragraph gets the spans it gets when it is annotated alone. An acronym defined in one
        paragraph ("... Authority (LIA)") tags its later uses in the whole text."""
        return self._candidates(text.translate(HYPHENS), year, paragraphs)

    def _candidates(self, text: str, year, paragraphs: Sequence[Tuple[int, int]]) -> List[Candidate]:
        """`candidates` of a text whose hyphens are already read as "-" (HYPHENS)."""
        chosen = [c for start, end in paragraphs or [(0, len(text))] for c in self._in_paragraph(text, start, end)]
        if self.acronyms:  # "the Libyan Investment Authority (LIA)": LIA is the same body from here on
            chosen = defined_acronyms(text, chosen, lambda c: self._id(c, text, year), self.lang)
        return chosen

    def _in_paragraph(self, text: str, start: int, end: int) -> List[Candidate]:
        part = text[start:end]
        found = [c for c in find(part, self.lang) + self.gazetteer.find(part, self.lang, self.shape_names, self.heads)
                 if not self.corrections.blocked(self.lang, c.label, part[c.start:c.end])]
        if self._learned:
            found = [replace(c, source="learned") if (self.lang, part[c.start:c.end]) in self._learned
                     and c.source == "gazetteer" else c for c in found]
        chosen = resolve(found)
        if self.lang == "zh":
            chosen = merge_sub_bodies(chosen, part)
        return [replace(c, start=start + c.start, end=start + c.end) for c in chosen] if start else chosen

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text.translate(HYPHENS)  # Doc.text is rebuilt from the tokens on every access: read it once
        text = blank_markers(text, doc._.unap_paragraphs)
        year = doc_year(doc)
        paragraphs = [(p["start"], p["end"]) for p in doc._.unap_paragraphs or []]
        chosen = self._candidates(text, year, paragraphs)
        if self.split_tokens:
            split_tokens_at(doc, [o for c in chosen for o in (c.start, c.end)])
        paras = paragraphs or [(0, len(text))]
        starts = [start for start, _ in paras]
        spans = []
        for c in chosen:
            ident = self._id(c, text, year, paras[max(0, bisect.bisect_right(starts, c.start) - 1)])
            span = doc.char_span(c.start, c.end, label=c.label, kb_id=ident, alignment_mode="strict")
            if span is None:
                continue
            span._.source = c.source
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        util.to_disk(p, {"gazetteer.tsv": self.hand.write, "corrections.jsonl": self.corrections.write}, exclude)

    def from_disk(self, path, *, exclude=tuple()) -> "EntityRules":
        p = Path(path)
        if (p / "gazetteer.tsv").exists() and "gazetteer" not in exclude:
            self.hand = Gazetteer.load(p / "gazetteer.tsv")
        self.set_corrections(self.corrections if "corrections" in exclude else Corrections.load(p / "corrections.jsonl"))
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return util.to_bytes({"gazetteer": lambda: srsly.msgpack_dumps(self.hand.rows),
                              "corrections": lambda: srsly.msgpack_dumps([asdict(r) for r in self.corrections.rows])},
                             exclude)

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "EntityRules":
        got: dict = {}
        util.from_bytes(data, {"gazetteer": lambda b: got.update(hand=srsly.msgpack_loads(b)),
                               "corrections": lambda b: got.update(corr=srsly.msgpack_loads(b))}, exclude)
        if "hand" in got:
            self.hand = Gazetteer(got["hand"])
        corrections = Corrections(Correction(**r) for r in got["corr"]) if "corr" in got else self.corrections
        self.set_corrections(corrections)
        return self


@Language.factory("unap_entity_rules", default_config={"spans_key": "entity_rules", "split_tokens": True,
                                                      "acronyms": True, "shape_names": False, "heads": "learned"},
                  assigns=["doc.spans", "span._.source"], retokenizes=True)
def make_entity_rules(nlp: Language, name: str, spans_key: str, split_tokens: bool, acronyms: bool,
                      shape_names: bool, heads: str) -> EntityRules:
    return EntityRules(nlp, name, spans_key=spans_key, split_tokens=split_tokens, acronyms=acronyms,
                       shape_names=shape_names, heads=heads)
