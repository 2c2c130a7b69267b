"""The six UN official languages and the few facts about each that code may branch on.

Code asks a profile (`profile(lang).spaced`, `.cased`, `.rtl`, `.script`) instead of testing `lang == "en"`, so a
new language is a row here plus its data files (lexicons/*.{lang}.tsv, the gazetteer's names), not a new branch in
every module. Language-specific words (formulas, months, keywords) live in the lexicon files, not here.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    code: str       # ISO 639-1, also the spaCy language class (spacy.blank(code))
    name: str
    script: str     # han | latin | cyrillic | arabic
    spaced: bool    # words are separated by spaces (all but Chinese)
    cased: bool     # has upper/lower case: capitals mark names
    rtl: bool       # written right to left: displays set dir="rtl"


PROFILES = {p.code: p for p in (
    Profile("zh", "Chinese", "han", spaced=False, cased=False, rtl=False),
    Profile("en", "English", "latin", spaced=True, cased=True, rtl=False),
    Profile("fr", "French", "latin", spaced=True, cased=True, rtl=False),
    Profile("es", "Spanish", "latin", spaced=True, cased=True, rtl=False),
    Profile("ru", "Russian", "cyrillic", spaced=True, cased=True, rtl=False),
    Profile("ar", "Arabic", "arabic", spaced=True, cased=False, rtl=True),
)}
UN_LANGUAGES = tuple(PROFILES)


def is_rtl(lang: object) -> bool:
    """Whether text of this language is written right to left; False for an unknown or missing language (a unit
    without `lang`), so displays can ask about any unit."""
    return lang in PROFILES and PROFILES[lang].rtl


def profile(lang: str) -> Profile:
    try:
        return PROFILES[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r} (UN languages: {', '.join(UN_LANGUAGES)})") from None
