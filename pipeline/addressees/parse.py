"""Addressees from a dependency parse (UD relations, as the stanza backbone gives them): the opening verb's
object (and an oblique "upon X" / "to X"), or the subject of the clause it governs ("Decides that all
States shall", "请秘书长提交": 秘书长 as object or as subject of the complement), each with its conjuncts.
A phrase is the head's subtree without relative clauses, appositions, complements and punctuation; the
rules' lexicon gives its type and drops what names no actor."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from . import english, lexicon

OBJECT_DEPS = {"obj", "iobj", "dobj"}
OBLIQUE_CASES = {"upon", "on", "to"}
CLAUSE_DEPS = {"ccomp", "xcomp"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "csubj"}
CUT_DEPS = {"conj", "cc", "punct", "acl", "acl:relcl", "appos", "advcl", "parataxis", "xcomp", "ccomp", "dep",
            "mark", "advmod", "discourse"}


def _phrase(head: Token, para: Span) -> tuple[int, int] | None:
    """Character range of the head's phrase: its subtree minus the cut relations, kept contiguous from the head."""
    keep = {head.i}
    todo = [head]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ not in CUT_DEPS and para.start <= c.i < para.end:
                keep.add(c.i)
                todo.append(c)
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = head.doc
    return doc[lo].idx - para.start_char, doc[hi].idx + len(doc[hi]) - para.start_char


def _conjuncts(head: Token) -> list[Token]:
    out, todo = [], [head]
    while todo:
        t = todo.pop(0)
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "X", "")]
    return out


def candidates(verb: Token) -> list[Token]:
    """Heads the verb addresses: objects, "calls upon X" obliques, else the subject of its clause."""
    heads = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    heads += [c for c in verb.children if c.dep_.startswith("obl")
              and any(g.dep_ == "case" and g.lower_ in OBLIQUE_CASES for g in c.children)]
    if not heads:
        for comp in (c for c in verb.children if c.dep_ in CLAUSE_DEPS):
            heads += [c for c in comp.children if c.dep_ in SUBJECT_DEPS]
    return sorted(heads, key=lambda t: t.i)


def from_parse(doc: Doc, para: Span, verb_span: Span, rules: list, lang: str, folder=lexicon.LEXICONS) -> list:
    """Typed (start, end, type) phrases relative to the paragraph, or [] when the parse offers no typed actor."""
    verb = verb_span.root
    lex = lexicon.english(folder)
    out = []
    for head in candidates(verb):
        for h in _conjuncts(head):
            rng = _phrase(h, para)
            if rng is None:
                continue
            text = para.text[rng[0]:rng[1]]
            typ = english.classify(text, lex) if lang == "en" else _zh_type(text, rng, rules, folder)
            if typ is not None:
                out.append((rng[0], rng[1], typ))
    return sorted(set(out))


def _zh_type(text: str, rng: tuple[int, int], rules: list, folder) -> str | None:
    """A Chinese phrase takes the type of the rule phrase it overlaps, else of its last known head."""
    for start, end, typ in rules:
        if start < rng[1] and rng[0] < end:
            return typ
    vocab = lexicon.chinese(folder)
    for n in range(len(text), 0, -1):
        for k in range(0, len(text) - n + 1):
            hit = vocab.get(text[k:k + n])
            if hit and hit[1] in ("head", "name") and k + n == len(text):
                return hit[0] if hit[0] != "inherit" else "un_system"
    return None
