"""Normalized ids for entity spans (GUIDELINES.md section 1): official resolution symbols, ISO 8601 dates,
document symbols without spacing variants. Pure functions of the span text and a little context."""
from __future__ import annotations

import re

from .words import DIGITS, words

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}


def _clean(s: str) -> str:
    return re.sub(r"\s+", "", s.replace("（", "(").replace("）", ")"))


ORGAN_PREFIX = {"GA": "A/RES/", "SC": "S/RES/", "ECOSOC": "E/RES/", "HRC": "A/HRC/RES/"}


def resolution_id(number: str, organ: str | None = None, decision: bool = False) -> str | None:
    """'2175 (2014)' -> S/RES/2175(2014); '46/182' -> A/RES/46/182 (or the organ's form); '22 A (I)' ->
    A/RES/22A(I); '2014/37' with ECOSOC -> E/RES/2014/37; a full symbol passes through, spacing removed.
    A decision's official symbol has DEC for RES (GA decision 77/555 -> A/DEC/77/555, E/DEC/2023/201A)."""
    ident = _resolution_id(number, organ)
    if ident and decision and not ident.startswith("S/"):
        ident = ident.replace("/RES/", "/DEC/", 1)
    return ident


def _resolution_id(number: str, organ: str | None = None) -> str | None:
    n = _clean(number)
    if re.match(r"^(A|S|E)(/[A-Z]+)*/RES/", n) or re.match(r"^[A-Z]+/RES/", n):
        return n
    if re.fullmatch(r"\d{1,4}\(\d{4}\)", n):  # Security Council numbering carries the year
        return f"S/RES/{n}"
    if re.fullmatch(r"\d{1,4}[A-Z]?\((?:[IVXL]+|(?:ES|S)-[IVX\d]+)\)", n) or re.fullmatch(r"(ES|S)-\d{1,2}/\d{1,3}", n):
        return f"A/RES/{n}"
    m = re.fullmatch(r"(\d{1,4})/(\d{1,4})([A-Z]?)", n)
    if m:
        if organ in ORGAN_PREFIX and organ != "SC":
            return ORGAN_PREFIX[organ] + n
        if int(m.group(1)) >= 1946:  # year/number: ECOSOC style
            return f"E/RES/{n}"
        return f"A/RES/{n}"
    return None


def document_id(symbol: str) -> str:
    s = re.sub(r"\s+", "", symbol).rstrip(".,;")
    return s


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    out = f"{y:04d}"
    if m:
        out += f"-{m:02d}"
        if d:
            out += f"-{d:02d}"
    return out


def date_id(text: str, lang: str, doc_year: int | None = None) -> str | None:
    """ISO 8601 for a DATE span; ranges as 'start/end'; a date without a year takes `doc_year`."""
    t = text.strip()
    if lang == "zh":
        return _zh_date(t, doc_year)
    w = words(lang)
    if w is not None:  # French, Spanish, Russian, Arabic: read as the same date written in English
        english = w.to_english(t)
        # 'exercice 2014/15': two years written with a slash, which to_english reads as no range word
        return (_two_dates(english, doc_year) or _en_date(_glued_years(english), doc_year)
                or _years(re.sub(r"\s+", "", t.translate(DIGITS))))
    return _two_dates(t, doc_year) or _en_date(t, doc_year)


def _glued_years(t: str) -> str:
    """'20142015': two years whose dash the text lost."""
    m = re.fullmatch(r"(\d{4})(\d{4})", t)
    return f"{m.group(1)}-{m.group(2)}" if m else t


def _two_dates(t: str, doc_year: int | None) -> str | None:
    """'21 October 2013 to 1 January 2016', 'April and August 2014' (entre abril y agosto de 2014), 'January
    2013 and December 2014': a range between two dates written in full."""
    m = re.fullmatch(r"([A-Z][a-z]+)(?:,?\s+(\d{4}))?\s*(?:and|to|until|through|-|–|—)\s*([A-Z][a-z]+),?\s+(\d{4})", t)
    if m and m.group(1).lower() in MONTHS and m.group(3).lower() in MONTHS:
        y1 = int(m.group(2) or m.group(4))
        return f"{_iso(y1, MONTHS[m.group(1).lower()])}/{_iso(int(m.group(4)), MONTHS[m.group(3).lower()])}"
    parts = re.split(r"\s*(?:\bto\b|\band\b|\buntil\b|\bthrough\b|–|—)\s*", t)
    if len(parts) == 2 and all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+,? \d{4}", p) for p in parts):
        a, b = (_en_date(p, doc_year) for p in parts)
        return f"{a}/{b}" if a and b else None
    # "2011 to 22 December 2014", "May 2013 to 30 June 2015": each end with its own year
    if len(parts) == 2 and all(re.search(r"\b\d{4}$", p) for p in parts):
        a, b = (p if re.fullmatch(r"\d{4}", p) else _en_date(p, None) for p in parts)
        return f"{a}/{b}" if a and b else None
    return None


def _en_date(t: str, doc_year: int | None) -> str | None:
    months = "|".join(m.capitalize() for m in MONTHS)
    # 5 to 9 May 2014 / 22 and 23 September 2024 / 5-9 May 2014
    m = re.fullmatch(rf"(\d{{1,2}})\s*(?:to|and|-|–|—)\s*(\d{{1,2}})\s+({months})(?:,?\s+(\d{{4}}))?", t)
    if m:
        y = int(m.group(4)) if m.group(4) else doc_year
        mo = MONTHS[m.group(3).lower()]
        return f"{_iso(y, mo, int(m.group(1)))}/{_iso(y, mo, int(m.group(2)))}" if y else None
    # 30 November to 12 December 2023
    m = re.fullmatch(rf"(\d{{1,2}})\s+({months})\s*(?:to|-|–|—)\s*(\d{{1,2}})\s+({months})(?:,?\s+(\d{{4}}))?", t)
    if m:
        y = int(m.group(5)) if m.group(5) else doc_year
        return (f"{_iso(y, MONTHS[m.group(2).lower()], int(m.group(1)))}/"
                f"{_iso(y, MONTHS[m.group(4).lower()], int(m.group(3)))}") if y else None
    m = re.fullmatch(rf"(\d{{1,2}})\s+({months})(?:,?\s+(\d{{4}}))?", t)
    if m:
        y = int(m.group(3)) if m.group(3) else doc_year
        return _iso(y, MONTHS[m.group(2).lower()], int(m.group(1))) if y else None
    m = re.fullmatch(rf"({months})\s+(\d{{1,2}}),\s*(\d{{4}})", t)
    if m:
        return _iso(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    m = re.fullmatch(rf"({months})(?:\s+(\d{{4}}))?", t)
    if m:
        y = int(m.group(2)) if m.group(2) else doc_year
        return _iso(y, MONTHS[m.group(1).lower()]) if y else None
    m = re.fullmatch(rf"({months})\s*(?:to|-|–|—)\s*({months})\s+(\d{{4}})", t)
    if m:
        y = int(m.group(3))
        return f"{_iso(y, MONTHS[m.group(1).lower()])}/{_iso(y, MONTHS[m.group(2).lower()])}"
    return _years(t)


def _years(t: str) -> str | None:
    m = re.fullmatch(r"(\d{4})\s*年?\s*(?:to|and|--|-|–|—|/|至|到)\s*(\d{2,4})\s*年?", t)  # 2022年至2023年
    if m:
        a, b = m.group(1), m.group(2)
        if len(b) == 2:
            b = a[:2] + b
        return f"{a}/{b}"
    m = re.fullmatch(r"(\d{4})\s*年?", t)
    if m:
        return m.group(1)
    return None


def _zh_date(t: str, doc_year: int | None) -> str | None:
    t2 = re.sub(r"\s+", "", t)
    part = r"(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?"
    first = r"(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日?)?"  # 3月5至9日: the first day may lack 日
    m = re.fullmatch(first + r"(?:至|到|和|-|—|–|~)" + part, t2)
    # a start with only its year counts when the end has one too (2011年至2014年12月22日)
    if m and (m.group(3) or m.group(2) or (m.group(1) and m.group(4))) and any(m.group(i) for i in (4, 5, 6)):
        y1 = int(m.group(1)) if m.group(1) else doc_year
        mo1 = int(m.group(2)) if m.group(2) else None
        d1 = int(m.group(3)) if m.group(3) else None
        y2 = int(m.group(4)) if m.group(4) else y1
        mo2 = int(m.group(5)) if m.group(5) else mo1
        d2 = int(m.group(6)) if m.group(6) else None
        if y1 and y2:
            return f"{_iso(y1, mo1, d1)}/{_iso(y2, mo2, d2)}"
    m = re.fullmatch(part, t2)
    if m and any(m.groups()):
        y = int(m.group(1)) if m.group(1) else doc_year
        if not y:
            return None
        return _iso(y, int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)
    return _years(t2)
