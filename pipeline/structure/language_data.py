"""The structure words of a language whose forms live in data: `modifiers.<lang>.tsv` in pipeline/lexicons/.

Chinese and English keep their hand-written formula and meeting patterns (paragraphs.py, header.py); French,
Spanish, Russian and Arabic give theirs as rows of their modifiers file, so a language is added by data, not by a
new branch (the connectives and intensifiers of all six are rows):
- `formula`: the organ's addressing formula ("l'assemblée générale", "إن مجلس الأمن");
- `meeting`: the word of the closing meeting line ("séance", "sesión", "заседани", "الجلسة");
- `resolution`: the word before a Security Council resolution number ("résolution 2209 (2015)");
- `paragraph_case`: "capital" when paragraphs open with a capital (French, Spanish), "lower" when even a
  paragraph's first word is lower case (Russian: "подтверждая ...", "3. призывает ..."), "none" (Arabic);
- `connective` and `intensifier`: what may stand before an opening verb (shared with the opener lexicon);
- header words (`header.py`): `session` (the session word, value "before"/"after": where its ordinal stands),
  `session_kind` (words between them: "чрезвычайная", "الطارئة"), `number` (number words and their values, summed:
  "soixante" + "neuvième"), `agenda` and `agenda_of` (the words around an agenda item: "Point" ... "de l'ordre du
  jour"), `letter` (a sub-item letter as English writes it: Arabic "ب" -> "b"), `adopted` (the word before the
  adopting organ: "adoptée par", "принятая"). Month and organ names are the entity rules' (entities.<lang>.json).
"""
from __future__ import annotations

import re
from functools import cache

from ..languages import profile
from ..lexicons import alternation, phrases, rows  # noqa: F401  (the header code reads them through this module)

DATA_LANGS = ("fr", "es", "ru", "ar")  # the languages whose structure words are data


def capital_start(lang: str) -> bool:
    """Do paragraphs open with a capital, so that a lower-case block continues the paragraph before it?"""
    if lang in ("en", "zh"):
        return lang == "en"
    return phrases(lang, "paragraph_case") == ("capital",)


def formula(lang: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(phrases(lang, 'formula'))})\b[^.]{{0,60}}?[,:،]?$", re.I)


def meeting(lang: str) -> re.Pattern[str]:
    """A closing meeting line: a number, then (a word, then) the meeting word, or the other way round; the first
    group that matched holds the meeting number. A line ending like a body paragraph (",", ";") is no meeting line:
    "Rappelant la déclaration faite à sa 7401e séance,"."""
    w = alternation(phrases(lang, "meeting"))
    return re.compile(rf"(?!.*[,;:،؛]$)(?=.{{0,120}}$).{{0,60}}?"
                      rf"(?:(\d+)\S*\s+(?:\S+\s+)?(?:{w})|(?:{w})\S*\s+(?:\S+\s+)?(\d+))", re.I)


def sc_resolution(lang: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(phrases(lang, 'resolution'))})\s+(\d{{1,4}})\s*\((\d{{4}})\)", re.I)


def modifier(lang: str) -> re.Pattern[str]:
    """One connective, subject or intensifier before an opening verb ("Également,", "настоятельно", 又, 强烈地),
    with what follows it: a comma and spaces, or (unspaced languages) the adverbial 地."""
    words = sorted({*phrases(lang, "connective"), *phrases(lang, "intensifier")}, key=lambda w: (-len(w), w))
    tail = r",?\s+" if profile(lang).spaced else "地?"
    return re.compile(rf"(?:{alternation(words)}){tail}", re.I)


@cache
def conjunction_start(lang: str) -> re.Pattern[str]:
    """A block opening with a free-standing conjunction ("et", "y", "и"): no paragraph opens so, so after a
    paragraph cut at a comma it is that paragraph's second half (Russian paragraphs open in lower case, so case
    cannot tell). English and Chinese have no such rows; a glued conjunction (Arabic و) opens paragraphs."""
    words = [p for p, v in rows(lang, "conjunction") if v != "prefix"] if lang in DATA_LANGS else []
    return re.compile(rf"^(?:{alternation(words)})\s", re.I) if words else re.compile(r"(?!)")


def connectives(lang: str) -> re.Pattern[str]:
    """The run of connectives, subjects and intensifiers at the start of a paragraph."""
    return re.compile(rf"^(?:{modifier(lang).pattern})*", re.I)
