"""Typing paragraphs (preambular / operative / other) and repairing paragraphs split by page breaks.

The rules are deliberately about layout and punctuation, not vocabulary: a UN preambular paragraph ends
with a comma, an operative one is numbered and ends with a semicolon or full stop, in every language.
Vocabulary (the opener lexicon) is only a tie-breaker for unnumbered operative paragraphs.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .. import lexicons
from ..languages import profile
from . import language_data
from .blocks import NUMBERED, SUBPARA, SUPERSCRIPTS

LANGS = ("zh", "en", *language_data.DATA_LANGS)

TRAILING_MARKERS = re.compile(rf"[\s{SUPERSCRIPTS}⁻]+$|(?<=[,.;:，。；：،؛])\s?\d{{1,3}}/?$|\[\^\w+\]$")
TERMINAL = set(",.;:，。；：!?！？،؛؟")
COMMAS = (",", "，", "،")  # a preambular paragraph ends with one (Arabic: ،)
STOPS = (";", ".", "；", "。", "؛")  # an operative paragraph ends with one (Arabic: ؛)
FORMULA = {
    "en": re.compile(r"^(The|Le) (General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
                     r"Trusteeship Council|Assembly|Council|Conference of the Parties|Commission)\b[^.]{0,60}?[,:]?$"),
    # the comma is required: "大会 Distr.: General" is the first page's header, "大会，" the formula
    "zh": re.compile(r"^(大会|安全理事会|安理会|经济及社会理事会|人权理事会|托管理事会)[^。]{0,20}?[，,:：]$"),
}
SIGNATURE = {
    "en": re.compile(r"^(Adopted\b.{0,80}\bmeeting\b|\d+(st|nd|rd|th) (plenary )?meeting\b)", re.I),
    "zh": re.compile(r"^(第\s*\d+\s*次(全体)?会议|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(第\s*\d+\s*次(全体)?会议)?$|"
                     r".{0,30}次会议(上)?通过)"),
}
for _lang in language_data.DATA_LANGS:
    FORMULA[_lang] = language_data.formula(_lang)
    SIGNATURE[_lang] = language_data.meeting(_lang)
_ANNEX_WORDS = language_data.alternation(w for g in language_data.DATA_LANGS for w in language_data.phrases(g, "annex"))
ANNEX = re.compile(rf"^(Annex(es)?( [IVX]+)?|附件[一二三四五六七八九十]*|(?i:{_ANNEX_WORDS})(?: [IVX]+)?)$")


def strip_markers(text: str) -> str:
    prev = None
    while prev != text:
        prev = text
        text = TRAILING_MARKERS.sub("", text).rstrip("”\"’'»")
    return text


def is_open(text: str) -> bool:
    """True when a paragraph stops mid-sentence (no terminal punctuation): a page break split it."""
    t = strip_markers(text)
    return bool(t) and t[-1] not in TERMINAL


def is_heading(text: str, lang: str) -> bool:
    """Section headings inside a resolution: short, no punctuation at all."""
    limit = 100 if profile(lang).spaced else 30
    return len(text) <= limit and not any(c in TERMINAL for c in strip_markers(text)) and not NUMBERED.match(text)


@lru_cache(maxsize=None)
def openers(lang: str, kind: str) -> tuple[str, ...]:
    """Openers of a kind ("operative", "preambular") of a language from the lexicon, longest first."""
    rows = lexicons.read_tsv(lexicons.DIR / f"opverbs.{lang}.tsv")
    out = [row["phrase"].lower() for row in rows if row["kind"] == kind]
    return tuple(sorted(set(out), key=len, reverse=True))


def operative_openers(lang: str) -> tuple[str, ...]:
    return openers(lang, "operative")


# what may stand before an opening verb, from modifiers.<lang>.tsv: the whole run (CONNECTIVES) and one at a time
CONNECTIVES = {lang: language_data.connectives(lang) for lang in LANGS}
MODIFIER = {lang: language_data.modifier(lang) for lang in LANGS}


def _starts_with(text: str, lang: str, phrases: tuple[str, ...]) -> bool:
    """Does an opener of `phrases` start the text, after its number and any connectives and intensifiers? An opener
    is looked for before each of them is skipped, so that one starting with an intensifier (深表遗憾) is found."""
    body = NUMBERED.sub("", text, count=1).strip().lower()
    spaced = profile(lang).spaced
    pos = 0
    at = lambda op: body.startswith(op, pos) and (  # noqa: E731
        not spaced or not body[pos + len(op):pos + len(op) + 1].isalpha())
    while True:
        hit = max((len(op) for op in phrases if at(op)), default=0)
        # a phrase that only looks like an opener (kind `not`: 请说明, "il convient"), also before its connective is
        # skipped, as the opener lexicon reads it (components/lexicon.py)
        if any(at(no) and len(no) >= hit for no in openers(lang, "not")):
            return False
        if hit:
            return True
        m = MODIFIER[lang].match(body, pos)
        if not m or m.end() == pos:
            return False
        pos = m.end()


def starts_operative(text: str, lang: str) -> bool:
    return _starts_with(text, lang, operative_openers(lang))


# English preambular paragraphs open with a participle or an adjective of state of mind; the lexicon lists
# the common ones, this catches the rest ("Acknowledging", "Disturbed", "Appalled", "Desirous"), unless the word
# starts a name: a country of countries.tsv ("United Kingdom", "Occupied Palestinian Territory") or the United Nations
EN_OPENER_SHAPE = re.compile(r"^(?:[A-Z][a-z]+(?:ing|ed|ful|ous)|Aware|Having|Bearing)\b")
_EN_NAMES = sorted({n for n in (*lexicons.countries("en"), "United Nations") if EN_OPENER_SHAPE.match(n)},
                   key=lambda n: (-len(n), n))
EN_NAME = re.compile(rf"^(?:{lexicons.alternation(_EN_NAMES)})\b")


def starts_with_opener(text: str, lang: str) -> bool:
    """Does the text open with an operative or preambular phrase of the lexicon?"""
    return _starts_with(text, lang, operative_openers(lang)) or _starts_with(text, lang, openers(lang, "preambular"))


def starts_paragraph(text: str, lang: str) -> bool:
    """Could a paragraph start with this text? A number, a sub-paragraph label or an opening phrase."""
    if NUMBERED.match(text) or SUBPARA.match(text) or starts_with_opener(text, lang):
        return True
    return lang == "en" and bool(EN_OPENER_SHAPE.match(text.strip())) and not EN_NAME.match(text.strip())


def type_from_text(text: str, lang: str, opens_operative: Callable[[str], bool] | None = None
                   ) -> tuple[str, int | None]:
    """Type a lone paragraph (a JSONL unit) from its own text.

    A number alone does not make an operative paragraph: reports, meeting records and agendas number their
    paragraphs too ("6. Ireland has always been ...", "7. General debate."), and on the UNPC lines three in four
    numbered lines are such (benchmarks/lone_units.py). So a numbered line is operative when it opens with an
    operative phrase: `opens_operative` (the opener lexicon, which also reads a damaged first word), else the
    structure's own list."""
    t = text.strip()
    m = NUMBERED.match(t)
    if m and (opens_operative or (lambda x: starts_operative(x, lang)))(t):
        return "operative", int(m.group(1))
    bare = strip_markers(t)
    if bare.endswith(COMMAS) and not is_heading(t, lang):
        return "preambular", None
    if starts_operative(t, lang) and bare.endswith(STOPS):
        return "operative", None
    return "other", None


def is_subparagraph(text: str) -> bool:
    return bool(SUBPARA.match(text))
