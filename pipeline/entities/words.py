"""The words the entity rules need in each language (resolution keywords, month names, date connectors, organ
names), read from pipeline/lexicons/entities.<lang>.json, so a language is data, not a branch in the patterns.

English and Chinese keep their own patterns in patterns.py; every other language with a file here takes the
data-driven path. The values are regular-expression fragments. Required keys: REQUIRED. Optional: between (an
organ between keyword and number), proclitic (Arabic letters before a keyword, outside the span), session (Arabic
(د-10)), date_proclitic (a one-letter proclitic glued to a month or a year, outside the span: Arabic
و), organ_after, range_open, not_before_year, not_after_year (the noun a bare four-digit count counts),
not_alone, event_after (an ordinal after a body's name makes it an event: 'الموئل الثالث'), inflection (inflection.py), short_title and charter (gazetteer short titles), dated_title ('Convention de 1971'), parties (Conference of the Parties), parties_event
(the parties of a Treaty: a review conference), bare_bodies (ORG with no id of its own: 'секретариат', 'الأمانة'),
and_article (an article after 'and' inside a stored name, inflection.py), instrument_head (components/entities.py),
title_* (names by their shape: gazetteer._spaced_titles). A pattern's group 'name', where it has one, is the span.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
# Arabic-Indic and Eastern Arabic-Indic digits: ids are written with ASCII digits in every language
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def roman(n: int) -> str:
    """A session number as the official symbols write it (50 -> L)."""
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
                           (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"]
REQUIRED = ("resolution", "decision", "and", "list_sep", "of_date", "months", "day", "day_month", "month_year",
            "year_suffix", "years_suffix", "range", "pair", "organs")


def _alt(parts) -> str:
    """An alternation that tries longer fragments first (المجلس الاقتصادي before المجلس)."""
    return "|".join(sorted((p for p in parts if p), key=len, reverse=True))


@dataclass(frozen=True)
class Words:
    lang: str
    data: dict

    def __getitem__(self, key: str):
        return self.data.get(key, "")

    @property
    def month(self) -> str:
        """Any month name, also capitalized at the start of a line ('Diciembre de 2008')."""
        return f"(?i:{_alt(f for forms in self.data['months'] for f in forms)})"

    @property
    def month_alone(self) -> str:
        """A month name that is a date on its own (not 'mai', 'mars': words too)."""
        skip = set(self.data.get("not_alone", []))
        return f"(?:{_alt(f for forms in self.data['months'] for f in forms if f not in skip)})"

    @property
    def full_date(self) -> str:
        """day month year, as a resolution's date follows it ('du 14 octobre 2014', 'от 27 июня 2011 года')."""
        return rf"{self['day']}{self['day_month']}{self.month}{self['month_year']}\d{{4}}(?:{self['year_suffix']})?"

    def month_number(self, word: str) -> int | None:
        for i, forms in enumerate(self.data["months"], 1):
            if any(re.fullmatch(f, word, re.IGNORECASE) for f in forms):
                return i
        return None

    def organs(self) -> list[tuple[str, str]]:
        return [(p, o) for p, o in self.data["organs"]]

    def to_english(self, date: str) -> str:
        """A date span rewritten in the English form the English normalizer reads ('16 au 20 juin 2014' ->
        '16 to 20 June 2014'): month names in English, range words 'to', pair words 'and', ASCII digits; every
        other word ('de', 'года', the 'er' of '1er') dropped."""
        t = re.sub(self.month, lambda m: f" {ENGLISH_MONTHS[self.month_number(m.group(0)) - 1]} ", date)
        out = []
        for tok in re.findall(r"\d+|[^\W\d_]+|\S", t.translate(DIGITS)):
            if tok.isdigit() or tok in ENGLISH_MONTHS:
                out.append(tok)
            elif re.fullmatch(self["range"], tok):
                if out[-1:] != ["to"]:  # '11 -- 24': one range word written with two dashes
                    out.append("to")
            elif re.fullmatch(self["pair"], tok):
                out.append("and")
        return " ".join(out)


@cache
def words(lang: str) -> Words | None:
    """The language's entity words, or None for a language whose patterns are written in patterns.py."""
    path = LEXICON_DIR / f"entities.{lang}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise ValueError(f"{path}: missing keys {', '.join(missing)}")
    return Words(lang, data)


def ascii_number(number: str, lang: str) -> str:
    """A resolution number with ASCII digits and its session in Roman numerals ('973 (د-10)' -> '973 (X)')."""
    n = number.translate(DIGITS)
    w = words(lang)
    if w is not None and w["session"]:
        n = re.sub(w["session"].translate(DIGITS),
                   lambda m: f"({roman(int(m.group(1)))})", n)
    return n
