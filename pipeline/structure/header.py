"""Header metadata of a resolution: symbol, session, agenda item, adoption date, meeting, title, draft symbol.

Patterns for Chinese and English live here together; French, Spanish, Russian and Arabic build theirs from their
data (`language_data`: the Security Council resolution line and the meeting line) plus the patterns that read the
same in every language (the "69/170. Title" line, the draft symbol).
"""
from __future__ import annotations

import re
from typing import Any

from . import language_data

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_ORD_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
              "eighth": 8, "ninth": 9}
_ORD_TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
              "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80, "ninet": 90}
ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def en_ordinal(word: str) -> int | None:
    """'Eightieth' -> 80, 'seventy-ninth' -> 79."""
    w = word.lower().strip()
    if w in _ORD_UNITS:
        return _ORD_UNITS[w]
    if w in _ORD_TEENS:
        return _ORD_TEENS[w]
    parts = w.split("-")
    if len(parts) == 2:
        tens = next((v for k, v in _TENS.items() if parts[0] == k + "y"), None)
        unit = _ORD_UNITS.get(parts[1])
        if tens and unit:
            return tens + unit
    for k, v in _TENS.items():
        if w == k + "ieth":
            return v
    return None


def zh_number(s: str) -> int | None:
    """'七十九' -> 79, '八十' -> 80, '十二' -> 12; Arabic digits pass through."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in ZH_DIGITS:
            cur = ZH_DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


def iso_en(day: str | None, month: str, year: str) -> str | None:
    m = MONTHS.get(month.lower())
    if not m:
        return None
    return f"{int(year):04d}-{m:02d}" + (f"-{int(day):02d}" if day else "")


EN_DATE = r"(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})"
ZH_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"

PATTERNS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "en": [
        ("session", re.compile(r"\b([A-Z][a-z]+(?:-[a-z]+)?) (?:special |emergency special )?session\b")),
        ("agenda_item", re.compile(r"\bAgenda items? (\d+(?:\s*\([a-z]\))?(?:\s*(?:and|,)\s*\d+(?:\s*\([a-z]\))?)*)")),
        ("adopted", re.compile(r"Resolution adopted by the ([A-Z][A-Za-z ]+?) on " + EN_DATE)),
        ("draft", re.compile(r"^\[(.*?)\(([A-Z]/[^()\s]*(?:\([^()]*\))?[^()\s]*)\)\s*\]$")),
        ("title_number", re.compile(r"^(\d{1,3})/(\d{1,4})\.\s+(.+)$")),
        ("sc_resolution", re.compile(r"^(?:Resolution\s+)?(\d{1,4})\s*\((\d{4})\)(?:\s*Resolution)?(?:\s+of\s+" + EN_DATE + r")?")),
        ("sc_of_date", re.compile(r"^of\s+" + EN_DATE + r"$")),
        ("meeting", re.compile(r"(\d+)(?:st|nd|rd|th) (plenary )?meeting", re.I)),
    ],
    "zh": [
        ("session", re.compile(r"第([零一二三四五六七八九十百\d]+)届(?:特别|紧急特别)?会议")),
        ("agenda_item", re.compile(r"议程项目\s*(\d+(?:\s*\([a-z]\))?(?:\s*[和、]\s*\d+(?:\s*\([a-z]\))?)*)")),
        ("adopted", re.compile(ZH_DATE + r"\s*(大会|安全理事会|经济及社会理事会|人权理事会)决议")),
        ("draft", re.compile(r"^\[(.*?)\(([A-Z]/[^()\s]*(?:\([^()]*\))?[^()\s]*)\)\s*\]$")),
        ("title_number", re.compile(r"^(\d{1,3})/(\d{1,4})\.\s*(.+)$")),
        ("sc_resolution", re.compile(r"^第\s*(\d{1,4})\s*\((\d{4})\)\s*号决议")),
        ("meeting", re.compile(r"第\s*(\d+)\s*次(全体)?会议")),
    ],
}
for _lang in language_data.DATA_LANGS:
    PATTERNS[_lang] = [
        ("draft", dict(PATTERNS["en"])["draft"]),
        ("title_number", re.compile(r"^(\d{1,3})/(\d{1,4})\.\s*(.+)$")),
        ("sc_resolution", language_data.sc_resolution(_lang)),
        ("meeting", language_data.meeting(_lang)),
    ]
ORGANS_ZH = {"大会": "General Assembly", "安全理事会": "Security Council",
             "经济及社会理事会": "Economic and Social Council", "人权理事会": "Human Rights Council"}


def read_header(lines: list[str], lang: str, source_meta: dict[str, str], source_name: str) -> dict[str, Any]:
    """Extract header fields from the header lines (and signature lines) of one resolution."""
    h: dict[str, Any] = {}
    pats = dict(PATTERNS[lang])
    none = re.compile(r"(?!)")
    for name in ("session", "agenda_item", "adopted", "sc_of_date"):  # forms a language may not have (yet)
        pats.setdefault(name, none)
    for line in lines:
        if "session" not in h and (m := pats["session"].search(line)):
            n = en_ordinal(m.group(1)) if lang == "en" else zh_number(m.group(1))
            if n:
                h["session"] = n
        if "agenda_item" not in h and (m := pats["agenda_item"].search(line)):
            h["agenda_item"] = re.sub(r"\s+", " ", m.group(1)).strip()
        if "adoption_date" not in h and (m := pats["adopted"].search(line)):
            if lang == "en":
                h["organ"] = m.group(1).strip()
                h["adoption_date"] = iso_en(m.group(2), m.group(3), m.group(4))
            else:
                h["adoption_date"] = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                h["organ"] = ORGANS_ZH[m.group(4)]
        if "draft_symbol" not in h and (m := pats["draft"].match(line)):
            h["draft_symbol"] = m.group(2)
            h["committee"] = m.group(1).strip().strip(",")
        if "title" not in h and (m := pats["title_number"].match(line)):
            h["number"] = f"{m.group(1)}/{m.group(2)}"
            h["title"] = m.group(3).strip()
            h.setdefault("organ", "General Assembly")
        if "number" not in h and (m := pats["sc_resolution"].match(line)):
            h["number"] = f"{int(m.group(1))} ({m.group(2)})"
            h["organ"] = "Security Council"
            if lang == "en" and m.group(3):
                h["adoption_date"] = iso_en(m.group(3), m.group(4), m.group(5))
        if lang == "en" and "adoption_date" not in h and (m := pats["sc_of_date"].match(line)):
            h["adoption_date"] = iso_en(m.group(1), m.group(2), m.group(3))
    symbol = source_meta.get("symbol")
    if not symbol and "number" in h:
        if h.get("organ") == "Security Council":
            n, y = re.match(r"(\d+) \((\d{4})\)", h["number"]).groups()
            symbol = f"S/RES/{n}({y})"
        else:
            symbol = f"A/RES/{h['number']}"
    if not symbol:
        m = re.search(r"([AS])_RES_0*(\d+)_(\d+)", source_name)
        if m:
            symbol = f"A/RES/{int(m.group(2))}/{int(m.group(3))}" if m.group(1) == "A" else \
                f"S/RES/{int(m.group(2))}({m.group(3)})"
    if symbol:
        h["symbol"] = symbol
        if symbol.startswith("S/RES"):
            h.setdefault("organ", "Security Council")
        elif symbol.startswith("A/RES"):
            h.setdefault("organ", "General Assembly")
    if "title" not in h and source_meta.get("title"):
        h["title"] = source_meta["title"].rstrip(" :")
    if "adoption_date" not in h and re.fullmatch(r"\d{4}-\d{2}-\d{2}", source_meta.get("date", "")):
        h["document_date"] = source_meta["date"]
    return h


def read_signature(lines: list[str], lang: str, h: dict[str, Any]) -> None:
    """Meeting number (and date) from the closing lines."""
    pat = dict(PATTERNS[lang])["meeting"]
    for line in lines:
        if "meeting" not in h and (m := pat.search(line)):
            h["meeting"] = int(next(g for g in m.groups() if g))
        if "adoption_date" not in h and lang in ("en", "zh"):
            m = re.search(EN_DATE, line) if lang == "en" else re.search(ZH_DATE, line)
            if m:
                h["adoption_date"] = iso_en(*m.groups()) if lang == "en" else \
                    f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
