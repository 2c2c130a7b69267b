"""Token splitting that keeps every annotation true: the one place where the pipeline changes its tokenization.

spaCy's retokenizer carries token-level annotation (tags, heads, entity IOB and ids) over to the pieces of a
split token, but a span group keeps the token indices its spans had when they were written: after a split
earlier in the Doc, doc.spans["paragraphs"] names the wrong tokens ("1. Reaffirms" for "Reaffirms"). So
`split_tokens_at` re-indexes every span group from its spans' character offsets, which a split never moves.
Span extension values (`_.number`, `_.strength` ...) are keyed by character offsets and survive too.

The pipeline splits tokens in two places: `unap_entity_rules`, which runs first, before any span group exists
(where a rule entity boundary falls inside a token: 联合国人员 -> 联合国|人员), and `unap_addressees` (a Chinese
addressee glued to the next word: 南苏丹|根据), which comes last; both go through this function.
"""
import bisect
from typing import Dict, Iterable, List, Set

from spacy.tokens import Doc, Span, SpanGroup


def split_tokens_at(doc: Doc, offsets: Iterable[int]) -> Doc:
    """Split tokens so that every char offset in `offsets` is a token boundary; every span group and entity
    keeps its text."""
    starts = [t.idx for t in doc]
    todo: Dict[int, Set[int]] = {}
    for off in set(offsets):
        i = bisect.bisect_right(starts, off) - 1
        if i < 0:
            continue
        tok = doc[i]
        if tok.idx < off < tok.idx + len(tok.text):
            todo.setdefault(i, set()).add(off - tok.idx)
    if not todo:
        return doc
    groups = {key: (dict(group.attrs), [(s.start_char, s.end_char, s.label, s.kb_id, s.id) for s in group])
              for key, group in doc.spans.items()}
    _split(doc, todo)
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t.text) for t in doc]
    for key, (attrs, spans) in groups.items():
        # a split only adds boundaries: a span starts at the first token at or after its start character and
        # ends after the last token that ends at or before its end character (an empty span stays empty)
        doc.spans[key] = SpanGroup(doc, name=key, attrs=attrs, spans=[
            Span(doc, bisect.bisect_left(starts, a), bisect.bisect_right(ends, b), label=label, kb_id=kb, span_id=sid)
            for a, b, label, kb, sid in spans])
    return doc


def _split(doc: Doc, todo: Dict[int, Set[int]]) -> None:
    """Split token i at the character positions todo[i] (relative to the token)."""
    parsed = doc.has_annotation("DEP")
    with doc.retokenize() as retok:
        for i, cuts in todo.items():
            tok = doc[i]
            bounds = [0] + sorted(cuts) + [len(tok.text)]
            parts: List[str] = [tok.text[a:b] for a, b in zip(bounds, bounds[1:])]
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
