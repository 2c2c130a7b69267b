"""One place that turns an entity span (from rules or from the NER) into its normalized id."""
from __future__ import annotations

import re

from .aliases import BARE_BODY, SHORT_TITLE
from .gazetteer import Gazetteer
from .normalize import date_id, document_id, resolution_id
from .patterns import NUM, SYMBOL_RES
from .words import ascii_number, words

ORGANS = {
    "en": [(r"Security Council", "SC"), (r"Economic and Social Council", "ECOSOC"), (r"Human Rights Council", "HRC"),
           (r"General Assembly", "GA")],
    "zh": [(r"安全理事会|安理会", "SC"), (r"经济及社会理事会|经社理事会", "ECOSOC"), (r"人权理事会", "HRC"), (r"大会", "GA")],
}


def organs(lang: str) -> list[tuple[str, str]]:
    w = words(lang)
    return w.organs() if w is not None else ORGANS[lang]


def organ_after(text: str, end: int, lang: str) -> str | None:
    """The organ named right after a reference ('résolution 28/1 du Conseil des droits de l'homme'), in the
    languages that put it there (their words file has organ_after)."""
    w = words(lang)
    if w is None or not w["organ_after"]:
        return None
    for pat, organ in organs(lang):
        if re.compile(rf"(?:{w['organ_after']})(?:{pat})").match(text, end):
            return organ
    return None


def organ_before(text: str, start: int, lang: str, window: int = 40) -> str | None:
    """The organ named closest before a resolution reference, within `window` characters."""
    left = text[max(0, start - window):start]
    best: tuple[int, str] | None = None
    for pat, organ in organs(lang):
        for m in re.finditer(pat, left):
            if best is None or m.end() > best[0]:
                best = (m.end(), organ)
    return best[1] if best else None


def entity_id(label: str, span_text: str, key: str, text: str, start: int, lang: str,
              doc_year: int | None, gazetteer: Gazetteer, decision: bool | None = None) -> str:
    """`decision`: the reference is to a decision (the rules know it for every number of a list); None: tell
    from the span ("decision 77/555", "第2023/201号决定")."""
    if label == "RESOLUTION":
        w = words(lang)
        number = ascii_number(key or span_text, lang) if w is not None else key or span_text
        m = re.search(SYMBOL_RES, span_text) or re.search(NUM, number)
        if not m:
            return ""
        if decision is None:
            decision = bool(re.match(r"[Dd]ecisions?\b", span_text) or span_text.rstrip().endswith("决定")
                            or (w is not None and re.match(
                                rf"(?:{w['decision']['one']}|{w['decision']['many']})(?!\w)", span_text)))
        if w is not None:  # the organ may also follow, or stand between keyword and number (قرار مجلس الأمن 1990)
            inner = re.search(NUM, ascii_number(span_text, lang))
            cut = inner.start() if inner else 0
            organ = organ_after(text, start + len(span_text), lang) or organ_before(text, start + cut, lang, 40 + cut)
        else:
            organ = organ_before(text, start, lang)
        return resolution_id(m.group(0), organ, decision=decision) or ""
    if label == "DATE":
        return date_id(key or span_text, lang, doc_year) or ""
    if label == "DOCUMENT":
        return document_id(span_text)
    if key:  # gazetteer id
        return key
    if label not in ("ORG", "TREATY") or SHORT_TITLE.match(span_text.strip()) or BARE_BODY.match(span_text.strip()):
        return ""  # "the Convention": its id comes from the instrument the document names (aliases.py)
    return gazetteer.canonical(span_text, label, lang)
