"""Header metadata of a resolution: symbol, session, agenda item, adoption date, meeting, title, draft symbol.

Patterns for Chinese and English live here together; French, Spanish, Russian and Arabic read theirs from data
(`language_data`: session and agenda words, number words, the adoption line's words, the Security Council resolution
line and the meeting line; month and organ names from the entity words) plus the patterns that read the same in
every language (the "69/170. Title" line, the draft symbol). Their values come out as the English header's do: the
session as a number ("Soixante-neuvième session", "الدورة التاسعة والستون" -> 69), the agenda item in the English
form ("Point 113 b) de l'ordre du jour", "البند 113 (ب) من جدول الأعمال" -> "113 (b)"), the organ by its English
name, dates in ISO ("le 10 décembre 2024", "10 كانون الأول/ديسمبر 2024" -> "2024-12-10"). A Security Council
adoption line ("Adoptée par le Conseil de sécurité à sa 7401e séance, le 6 mars 2015") also gives the meeting.
"""
from __future__ import annotations

import re
from typing import Any

from ..entities.words import DIGITS
from ..entities.words import words as entity_words
from ..languages import profile
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


def iso_zh(year: str, month: str, day: str) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


EN_DATE = r"(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})"
ZH_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
ZH_DATE_TEXT = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"  # the same, without groups (inside named ones)
# a full date's pattern (its groups) and what makes it ISO, for the two languages whose patterns live here
DATES = {"en": (EN_DATE, iso_en), "zh": (ZH_DATE, iso_zh)}

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
        # "[未经发交主要委员会而通过(A/79/L.32)]", "[根据第三委员会的报告(A/69/488/Add.2)通过]", full-width brackets too
        ("draft", re.compile(r"^[\[［](.*?)[(（]([A-Z]/[^()（）\s]*(?:\([^()]*\))?[^()（）\s]*)[)）]\s*(?:通过)?\s*[\]］]$")),
        ("title_number", re.compile(r"^(\d{1,3})/(\d{1,4})\.\s*(.+)$")),
        ("sc_resolution", re.compile(r"^第\s*(\d{1,4})\s*\((\d{4})\)\s*号决议")),
        ("meeting", re.compile(r"第\s*(\d+)\s*次(全体)?会议")),
    ],
}
for _lang in language_data.DATA_LANGS:
    PATTERNS[_lang] = [
        ("draft", dict(PATTERNS["en"])["draft"]),
        # "79/138. Titre", Arabic "79/138 - العنوان"
        ("title_number", re.compile(r"^(\d{1,3})/(\d{1,4})(?:\.|\s+[-–])\s*(.+)$")),
        ("sc_resolution", language_data.sc_resolution(_lang)),
        ("meeting", language_data.meeting(_lang)),
    ]
# "Adopted by the Security Council at its 3109th meeting, on 26 August 1992" (often broken after "meeting,"), read
# over the joined header lines; the new languages read the same line from data (`adoption` below)
SC_ADOPTED = {
    "en": re.compile(r"Adopted by the Security Council at its (?P<meeting>\d+)(?:st|nd|rd|th) meeting,?\s+on\s+"
                     r"(?P<date>" + EN_DATE + r")"),
    # both orders are printed: 安全理事会2015年1月22日第7366次会议通过, 2015年3月6日安全理事会第7401次会议通过
    "zh": re.compile(rf"(?:安全理事会\s*(?P<date>{ZH_DATE_TEXT})|(?P<date2>{ZH_DATE_TEXT})\s*安全理事会)"
                     r"\s*第\s*(?P<meeting>\d+)\s*次会议通过"),
}
ORGANS_ZH = {"大会": "General Assembly", "安全理事会": "Security Council",
             "经济及社会理事会": "Economic and Social Council", "人权理事会": "Human Rights Council"}
ORGAN_CODES = {"GA": "General Assembly", "SC": "Security Council", "ECOSOC": "Economic and Social Council",
               "HRC": "Human Rights Council"}  # the organ codes of entities.<lang>.json

# --- French, Spanish, Russian, Arabic: header words from data ----------------------------------------------------
_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")  # Arabic vowel marks and tatweel, written or not at will
_FOLD = str.maketrans("أإآё", "اااе")


def fold(text: str) -> str:
    """Lower case without the spelling variants the data does not list: Arabic vowel marks, tatweel and hamza on
    alif (أ إ آ -> ا), Russian ё -> е."""
    return _MARKS.sub("", text.lower()).translate(_FOLD)


def _parts(word: str, numbers: dict[str, int], glued: tuple[str, ...]) -> list[int] | None:
    """A word as number words written together ("decimoquinto", "quatre-vingt-dix", Arabic "والستون" with its
    glued "and"), longest first; None when it is something else."""
    if not word:
        return []
    for p in glued:
        if word.startswith(p) and len(word) > len(p) and (rest := _parts(word[len(p):], numbers, ())) is not None:
            return rest
    for phrase in sorted((n for n in numbers if word.startswith(n)), key=len, reverse=True):
        rest = _parts(word[len(phrase):].lstrip("-‑"), numbers, ())
        if rest is not None:
            return [numbers[phrase]] + rest
    return None


def number_value(lang: str, text: str) -> int | None:
    """'Soixante-neuvième' -> 69, 'Septuagésimo noveno' -> 79, 'التاسعة والسبعون' -> 79, '59º' -> 59: digits, or
    the sum of the language's number words (rows `number`); None when a word is not one."""
    text = text.translate(DIGITS).strip()
    if m := re.match(r"\d+", text):
        return int(m.group(0))
    numbers = {fold(p): int(v) for p, v in language_data.rows(lang, "number")}
    joins = {fold(p) for p in language_data.phrases(lang, "conjunction")}
    glued = tuple(fold(p) for p, v in language_data.rows(lang, "conjunction") if v == "prefix")
    values: list[int] = []
    for word in fold(text).split():
        if word in joins or not word:
            continue
        got = _parts(word, numbers, glued)
        if got is None:
            return None
        values += got
    return sum(values) or None


def _heads(lang: str, line: str, pos: int) -> bool:
    """Does a header phrase at `pos` head its line as a header line's does: at the start of the line, or (cased
    languages) with a capital ("Quatre-vingtième session Point 62 de l'ordre du jour"), as English asks for
    "Eightieth session"? A session or an agenda item in running text ("à sa soixante-neuvième session") is none."""
    return not line[:pos].strip() or (profile(lang).cased and line[pos:pos + 1].isupper())


def session_number(lang: str, line: str) -> int | None:
    """The session of a header line: the number words next to the session word ("Семьдесят девятая сессия",
    "الدورة التاسعة والسبعون"), past the words of a session's kind ("специальная", "الطارئة")."""
    kinds = {fold(k) for k in language_data.phrases(lang, "session_kind")}
    for phrase, where in language_data.rows(lang, "session"):
        for m in re.finditer(rf"(?<!\w)(?:{language_data.alternation([phrase])})(?!\w)", line, re.I):
            if where == "after" and not _heads(lang, line, m.start()):
                continue
            near = list(re.finditer(r"\S+", line[:m.start()]))[::-1] if where == "before" else \
                list(re.finditer(r"\S+", line[m.end():]))
            taken: list[str] = []
            first = m.start()
            for w in near:
                word = w.group(0).strip(",.;:،")
                if fold(word) in kinds and not taken:
                    continue
                if number_value(lang, word) is None:
                    break
                taken.append(word)
                first = w.start()
            if taken and (where == "after" or _heads(lang, line, first)):
                return number_value(lang, " ".join(taken))
    return None


def english_items(raw: str) -> str:
    """Chinese agenda items as English writes them: '124(r)' -> '124 (r)', '132和17(c)' -> '132 and 17 (c)'."""
    items = [re.sub(r"\s*\(\s*([a-z])\s*\)", r" (\1)", i.strip()) for i in re.split(r"\s*[和、]\s*", raw.strip())]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def agenda_items(lang: str, line: str) -> str | None:
    """'Points 13 a) et 115 de l'ordre du jour', 'البندان 132 و 17 (ج) من جدول الأعمال' -> '13 (a) and 115',
    '132 and 17 (c)': the English form (ASCII digits, a sub-item's letter as English writes it, 'and')."""
    item = r"\d+(?:\s*\(?[^\W\d_]{1,2}\))?"
    joins = language_data.alternation(language_data.phrases(lang, "conjunction") + (",",))
    pat = re.compile(rf"(?<!\w)(?:{language_data.alternation(language_data.phrases(lang, 'agenda'))})\s+"
                     rf"({item}(?:\s*(?:{joins})\s*{item})*)\s+"
                     rf"(?:{language_data.alternation(language_data.phrases(lang, 'agenda_of'))})(?!\w)", re.I)
    # heading its line, or right after the session line it was printed under ("الدورة التاسعة والستون البند 68")
    m = next((m for m in pat.finditer(line) if _heads(lang, line, m.start())
              or session_number(lang, line[:m.start()]) is not None), None)
    if not m:
        return None
    letters = {fold(p): v for p, v in language_data.rows(lang, "letter")}
    items = []
    for n, letter in re.findall(r"(\d+)(?:\s*\(?([^\W\d_]{1,2})\))?", m.group(1)):
        sub = letters.get(fold(letter), fold(letter)) if letter else ""
        items.append(f"{int(n)}" + (f" ({sub})" if sub else ""))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def find_date(lang: str, text: str) -> tuple[str, re.Match[str]] | None:
    """The first full date of a text in ISO ('le 6 mars 2015', '22 января 2015 года', '10 de diciembre de 2024')."""
    w = entity_words(lang)
    m = re.search(w.full_date, text) if w else None
    if not m:
        return None
    day = re.match(r"\d+", m.group(0).translate(DIGITS)).group(0)
    month = w.month_number(re.search(w.month, m.group(0)).group(0))
    year = re.search(r"\d{4}", m.group(0).translate(DIGITS)).group(0)
    return f"{int(year):04d}-{month:02d}-{int(day):02d}", m


def data_fields(lang: str, line: str) -> dict[str, Any]:
    """What one header line of a language read from data says: session, agenda item, organ, adoption date, meeting."""
    out = adoption(lang, line)
    if "adoption_date" not in out and (date := dated(lang, line)):
        out["adoption_date"] = date
    if (n := session_number(lang, line)) is not None:
        out["session"] = n
    if items := agenda_items(lang, line):
        out["agenda_item"] = items
    return out


def dated(lang: str, line: str) -> str | None:
    """An older Security Council resolution's date: "du 22 novembre 1967", "от 22 ноября 1967 года", a line of its
    own or after "Résolution 242 (1967)", as English reads "of 22 November 1967"."""
    w = entity_words(lang)
    m = re.match(rf"\s*(?:\S+\s+\d{{1,4}}\s*\(\d{{4}}\)\s*,?\s*)?(?:{w['of_date']})\s+", line, re.I) if w else None
    found = find_date(lang, line[m.end():]) if m else None
    if found and found[1].start() == 0 and not line[m.end() + found[1].end():].strip(" .,،"):
        return found[0]
    return None


def adoption(lang: str, line: str) -> dict[str, Any]:
    """The adoption line: the organ ('adoptée par l'Assemblée générale', 'принятая Советом Безопасности'), its
    date and, for the Security Council, the meeting written before the date ('à sa 7401e séance')."""
    w = entity_words(lang)
    said = language_data.phrases(lang, "adopted")
    if not w or not said:
        return {}
    organs = "|".join(f"(?P<{code}>{pattern})" for pattern, code in w.organs())
    # at the head of its line, after one word at most ("Résolution adoptée par", "Резолюция, принятая", "الذي اتخذه")
    m = re.match(rf"\W*(?:\w+\W+)?(?:{language_data.alternation(said)})\s+(?:\w{{1,3}}\s+|\w['’])?(?:{organs})",
                 line, re.I)
    if not m:
        return {}
    out: dict[str, Any] = {"organ": ORGAN_CODES[next(k for k, v in m.groupdict().items() if v)]}
    rest = line[m.end():]
    found = find_date(lang, rest)
    if found:
        out["adoption_date"] = found[0]
    if out["organ"] == "Security Council" and (n := re.search(r"\d+", rest[:found[1].start() if found else None])):
        out["meeting"] = int(n.group(0).translate(DIGITS))
    return out


# the document's symbol at the end of the first header line ("United Nations A/69/L.51", "联合国 S/2015/94",
# "Nations Unies E/CN.5/2015/L.5"), in every language
# the organ a symbol's series says (A/HRC/... is the Human Rights Council's; E/CN.5/... a commission's: none)
SYMBOL_ORGANS = ((r"S/", "Security Council"), (r"A/HRC/", "Human Rights Council"),
                 (r"A/(?:RES/|C\.\d/)?\d", "General Assembly"), (r"E/(?:RES/)?\d", "Economic and Social Council"))
HEADER_SYMBOL = re.compile(r"(?:^|\s)([ASE]/(?:[A-Z][\w.]*/)*\d+[\w./-]*(?:\s?\(\d{4}\))?)\s*$")


def read_header(lines: list[str], lang: str, source_meta: dict[str, str], source_name: str) -> dict[str, Any]:
    """Extract header fields from the header lines (and signature lines) of one resolution."""
    h: dict[str, Any] = {}
    pats = dict(PATTERNS[lang])
    none = re.compile(r"(?!)")
    for name in ("session", "agenda_item", "adopted", "sc_of_date"):  # forms a language may not have (yet)
        pats.setdefault(name, none)
    if lang in SC_ADOPTED and (m := SC_ADOPTED[lang].search(" ".join(lines))):
        pattern, iso_of = DATES[lang]
        d = re.fullmatch(pattern, m.group("date") or m.group("date2"))
        if d and (iso := iso_of(*d.groups())):
            h["adoption_date"], h["meeting"] = iso, int(m.group("meeting"))
    for line in lines:
        if lang in language_data.DATA_LANGS:
            for key, value in data_fields(lang, line).items():
                h.setdefault(key, value)
        if "session" not in h and (m := pats["session"].search(line)):
            n = en_ordinal(m.group(1)) if lang == "en" else zh_number(m.group(1))
            if n:
                h["session"] = n
        if "agenda_item" not in h and (m := pats["agenda_item"].search(line)):
            h["agenda_item"] = english_items(m.group(1)) if lang == "zh" else re.sub(r"\s+", " ", m.group(1)).strip()
        if "adoption_date" not in h and (m := pats["adopted"].search(line)):
            if lang == "en":
                h["organ"] = m.group(1).strip()
                h["adoption_date"] = iso_en(m.group(2), m.group(3), m.group(4))
            else:
                h["adoption_date"] = iso_zh(m.group(1), m.group(2), m.group(3))
                h["organ"] = ORGANS_ZH[m.group(4)]
        if "draft_symbol" not in h and (m := pats["draft"].match(line)):
            h["draft_symbol"] = m.group(2)
            h["committee"] = m.group(1).strip().strip(",")
        if "title" not in h and (m := pats["title_number"].match(line)):
            h["number"] = f"{m.group(1)}/{m.group(2)}".translate(DIGITS)
            h["title"] = m.group(3).strip()
            h.setdefault("organ", "General Assembly")
        if "number" not in h and (m := pats["sc_resolution"].match(line)):
            h["number"] = f"{int(m.group(1))} ({m.group(2)})".translate(DIGITS)
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
    if not symbol:  # a draft's or another document's own symbol, printed at the end of its first line
        m = next((m for line in lines[:2] if (m := HEADER_SYMBOL.search(line))), None)
        symbol = re.sub(r"\s+\(", "(", m.group(1)) if m else None
    if not symbol:
        m = re.search(r"([AS])_RES_0*(\d+)_(\d+)", source_name)
        if m:
            symbol = f"A/RES/{int(m.group(2))}/{int(m.group(3))}" if m.group(1) == "A" else \
                f"S/RES/{int(m.group(2))}({m.group(3)})"
    if symbol:
        h["symbol"] = symbol
        organ = next((o for pattern, o in SYMBOL_ORGANS if re.match(pattern, symbol)), None)
        if organ:
            h.setdefault("organ", organ)
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
        if "adoption_date" not in h and lang in DATES:
            pattern, iso_of = DATES[lang]
            if m := re.search(pattern, line):
                h["adoption_date"] = iso_of(*m.groups())
        elif "adoption_date" not in h and lang in language_data.DATA_LANGS and (dated := find_date(lang, line)):
            h["adoption_date"] = dated[0]
