"""How far the parse of a damaged copy of a resolution agrees with the parse of the clean text.

Used by the damage suite (`tests/test_damage.py`) and `benchmarks/damage.py`. Two parses agree on a paragraph
when type, number, text and the footnotes its markers point to are the same. Text is compared after
whitespace normalisation and with the footnote markers cut out, because a damaged copy may write the same
marker differently (`peace,1`, `peace,¹`, `peace,[^1]`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..languages import profile
from .model import Document

CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"


def norm(text: str, lang: str) -> str:
    """Collapse whitespace (line breaks and the sub-paragraph newline included), close "word- word" up; in
    Chinese drop whitespace next to CJK."""
    t = re.sub(r"\s+", " ", text).strip()
    t = re.sub(r"(?<=\w)- (?=\w)", "-", t)  # "capacity- building": a line-end hyphen the clean text kept
    if not profile(lang).spaced:
        t = re.sub(rf"(?<=[{CJK}]) | (?=[{CJK}])", "", t)
    return t


def paragraph_key(p, lang: str) -> tuple:
    """(type, number, text without markers, refs) of one paragraph."""
    text, refs = p.text, []
    for mk in sorted(p.markers, key=lambda m: m["start"], reverse=True):
        text = text[:mk["start"]] + " " + text[mk["end"]:]
    for mk in sorted(p.markers, key=lambda m: m["start"]):
        refs.extend(mk["refs"])
    return p.type, p.number, norm(text, lang), tuple(refs)


def footnote_texts(doc: Document) -> dict[str, str]:
    return {k: norm(v.text, doc.lang) for k, v in doc.footnotes.items()}


def leaks(doc: Document, clean: Document, min_len: int = 12) -> list[tuple[str, str]]:
    """(footnote key, paragraph start) for footnote text inside a paragraph of `doc` but in no clean paragraph."""
    clean_text = "\n".join(norm(p.text, clean.lang) for p in clean.paragraphs)
    out = []
    for key, note in footnote_texts(clean).items():
        if len(note) <= min_len or note in clean_text:
            continue  # short notes such as "A/79/149." are quoted in text legitimately
        for p in doc.paragraphs:
            if note in norm(p.text, doc.lang):
                out.append((key, p.text[:40]))
    return out


@dataclass
class Comparison:
    paragraphs: int  # paragraphs of the clean parse
    agreed: int  # of them, found unchanged (and in order) in the damaged parse
    extra: int  # how many more paragraphs the damaged parse has than the clean one
    footnotes_same: bool  # same footnote texts under the same numbers
    links_same: bool  # every paragraph's markers point to the same footnotes
    leaks: list[tuple[str, str]] = field(default_factory=list)
    new_warnings: list[str] = field(default_factory=list)
    diffs: list[tuple[tuple, tuple]] = field(default_factory=list)  # (clean, damaged) keys that differ

    @property
    def agreement(self) -> float:
        return self.agreed / max(self.paragraphs + self.extra, 1)

    @property
    def perfect(self) -> bool:
        return self.agreed == self.paragraphs and not self.extra and self.footnotes_same and not self.leaks


def compare(clean: Document, damaged: Document) -> Comparison:
    a = [paragraph_key(p, clean.lang) for p in clean.paragraphs]
    b = [paragraph_key(p, damaged.lang) for p in damaged.paragraphs]
    sm = SequenceMatcher(None, a, b, autojunk=False)
    agreed = sum(block.size for block in sm.get_matching_blocks())
    diffs = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            for k in range(max(i2 - i1, j2 - j1)):
                diffs.append((a[i1 + k] if i1 + k < i2 else (), b[j1 + k] if j1 + k < j2 else ()))
    return Comparison(
        paragraphs=len(a), agreed=agreed, extra=max(len(b) - len(a), 0),
        footnotes_same=footnote_texts(clean) == footnote_texts(damaged),
        links_same=[k[3] for k in a] == [k[3] for k in b],
        leaks=leaks(damaged, clean),
        new_warnings=[w for w in damaged.warnings if w not in clean.warnings],
        diffs=diffs)
