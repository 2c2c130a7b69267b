"""`unap_entity_rules`: rule-found entities (patterns + gazetteer + title heuristics) in doc.spans["entity_rules"].

Overlapping candidates resolve to the longest span (GUIDELINES: "take the longest span that is still one
entity of one label"), ties by label priority. Where a rule boundary falls inside a token (a segmenter that
glued 联合国人员 together), the token is split, so the trained NER that runs next and the final entities see
tokens that match the entity boundaries. The gazetteer (lexicons/gazetteer.tsv) is saved with the pipeline.
"""
from pathlib import Path
from typing import List

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..entities.aliases import defined_acronyms
from ..entities.gazetteer import Gazetteer
from ..entities.ids import entity_id
from ..entities.patterns import Candidate, find

PRIORITY = {"RESOLUTION": 0, "DOCUMENT": 1, "TREATY": 2, "ORG": 3, "DATE": 4}
SOURCE_PRIORITY = {"pattern": 0, "gazetteer": 1, "short-title": 2, "title": 3, "acronym": 4}

if not Span.has_extension("source"):
    Span.set_extension("source", default=None)


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


def split_tokens_at(doc: Doc, offsets: List[int]) -> Doc:
    """Split tokens so that every char offset in `offsets` is a token boundary."""
    import bisect

    starts = [t.idx for t in doc]
    todo = {}
    for off in set(offsets):
        i = bisect.bisect_right(starts, off) - 1
        if i < 0:
            continue
        tok = doc[i]
        if tok.idx < off < tok.idx + len(tok.text):
            todo.setdefault(i, set()).add(off - tok.idx)
    if not todo:
        return doc
    parsed = doc.has_annotation("DEP")
    with doc.retokenize() as retok:
        for i, cuts in todo.items():
            tok = doc[i]
            bounds = [0] + sorted(cuts) + [len(tok.text)]
            parts = [tok.text[a:b] for a, b in zip(bounds, bounds[1:])]
            if not parsed:
                heads = [(tok, k) for k in range(len(parts))]
                retok.split(tok, parts, heads=heads)
                continue
            # a parsed doc (e.g. the stanza backbone) stays a tree: the first part keeps the token's head and
            # label (its children stay on it), the others attach to it as UD `goeswith` (pieces of one word);
            # every part keeps the token's tags, since spaCy would otherwise leave stale values there
            first = (tok, 0) if tok.head.i == tok.i else tok.head
            heads = [first] + [(tok, 0)] * (len(parts) - 1)
            attrs = {"DEP": [tok.dep_] + ["goeswith"] * (len(parts) - 1), "POS": [tok.pos_] * len(parts),
                     "TAG": [tok.tag_] * len(parts), "MORPH": [str(tok.morph)] * len(parts),
                     "LEMMA": parts}
            for values in attrs.values():  # split() stores hashes: the strings must be known to the vocab
                for v in values:
                    doc.vocab.strings.add(v)
            retok.split(tok, parts, heads=heads, attrs=attrs)
    return doc


def doc_year(doc: Doc):
    """The year of the unit's document (for dates written without a year), if the reader knew it."""
    info = doc.user_data.get("unap", {})
    y = info.get("year")
    return int(y) if y else None


class EntityRules:
    def __init__(self, nlp: Language, name: str, *, spans_key: str = "entity_rules",
                 split_tokens: bool = True, acronyms: bool = True) -> None:
        self.name = name
        self.lang = nlp.lang
        self.spans_key = spans_key
        self.split_tokens = split_tokens
        self.acronyms = acronyms
        self.gazetteer = Gazetteer.load()

    def _id(self, c: Candidate, text: str, year) -> str:
        return entity_id(c.label, text[c.start:c.end], c.key, text, c.start, self.lang, year, self.gazetteer,
                         decision=c.meta.get("decision"))

    def candidates(self, text: str, year=None) -> List[Candidate]:
        chosen = resolve(find(text, self.lang) + self.gazetteer.find(text, self.lang))
        if self.lang == "zh":
            chosen = merge_sub_bodies(chosen, text)
        if self.acronyms:  # "the Libyan Investment Authority (LIA)": LIA is the same body from here on
            extra = defined_acronyms(text, chosen, lambda c: self._id(c, text, year), self.lang)
            chosen = sorted(chosen + extra, key=lambda c: c.start)
        return chosen

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # Doc.text is rebuilt from the tokens on every access: read it once
        year = doc_year(doc)
        chosen = self.candidates(text, year)
        if self.split_tokens:
            split_tokens_at(doc, [o for c in chosen for o in (c.start, c.end)])
        spans = []
        for c in chosen:
            ident = self._id(c, text, year)
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
        self.gazetteer.write(p / "gazetteer.tsv")

    def from_disk(self, path, *, exclude=tuple()) -> "EntityRules":
        p = Path(path) / "gazetteer.tsv"
        if p.exists():
            self.gazetteer = Gazetteer.load(p)
        return self


@Language.factory("unap_entity_rules", default_config={"spans_key": "entity_rules", "split_tokens": True,
                                                      "acronyms": True})
def make_entity_rules(nlp: Language, name: str, spans_key: str, split_tokens: bool, acronyms: bool) -> EntityRules:
    return EntityRules(nlp, name, spans_key=spans_key, split_tokens=split_tokens, acronyms=acronyms)
