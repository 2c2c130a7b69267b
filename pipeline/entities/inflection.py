"""Names that change form in running text: Russian case endings (Генеральная Ассамблея -> Генеральной
Ассамблеи), Arabic proclitics (الجمعية العامة -> للجمعية العامة, والجمعية العامة, بمجلس الأمن), apostrophe
variants (Conseil des droits de l'homme / l’homme), an article after "and" (Déclaration et [le] Programme d'action).

The gazetteer stores each name once, in its dictionary form. `pattern` turns a name into a regex that also
matches its inflected forms, and `key` reduces a matched text (or a stored name) to one lookup key, so that a
match is accepted only when its key is a stored name's key ('Советник' matches the pattern of 'Совет' but its
key differs). Which rule a language gets is data: the "inflection" field of lexicons/entities.<lang>.json.
"""
from __future__ import annotations

import re

from .words import words

RU_ENDINGS = sorted(["ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ом", "ем", "ам", "ям", "ах", "ях", "ым",
                     "им", "ых", "их", "ов", "ев", "ой", "ей", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ую",
                     "юю", "ию", "ия", "ии", "ью"], key=len, reverse=True)
RU_VOWELS = "аеёиоуыэюяйь"
CYRILLIC_WORD = re.compile(r"[А-ЯЁа-яё]+")
AR_PROCLITIC = "وفبكل"
APOSTROPHE = "['’]"
AR_MARKS = "[\u064b-\u0652\u0670\u0640]*"  # short vowels, shadda, sukun, tatweel: written or not (المخدِّرات)


def rule(lang: str) -> str:
    w = words(lang)
    return (w["inflection"] or "") if w is not None else ""


def ru_stem(word: str) -> str:
    """The stem shared by a Russian word's case forms: one case ending off, then trailing vowels
    (Ассамблея, Ассамблеи, Ассамблее, Ассамблеей -> Ассамбл; Советом, Советов -> Совет)."""
    low = word
    if len(low) > 6 and low[-2:].lower() in ("ся", "сь"):  # participles: касающаяся, касающейся -> касающ
        low = low[:-2]
    for e in RU_ENDINGS:
        if low.lower().endswith(e) and len(low) - len(e) >= 3:
            low = low[:-len(e)]
            break
    while len(low) > 3 and low[-1].lower() in RU_VOWELS:
        low = low[:-1]
    return low


RU_HYPHENATED = re.compile(r"((?:[А-ЯЁа-яё]+-)+)([А-ЯЁа-яё]{3,})")


def _ru_split(word: str) -> tuple[str, str] | None:
    """(fixed part, inflecting part) of a word whose case ending changes; a hyphenated word inflects in its last
    part only (Аддис-Абебская -> Аддис-Абебской, Военно-штабной -> Военно-штабного); None: the word is fixed."""
    if word.isupper():
        return None
    if len(word) >= 3 and CYRILLIC_WORD.fullmatch(word):
        return "", word
    m = RU_HYPHENATED.fullmatch(word)
    return (m.group(1), m.group(2)) if m and not m.group(2).isupper() else None


def _ru_word(word: str, later: bool) -> str:
    """A Russian word with its case endings; a later word of the name in either case, a hyphen optional. A comma
    after the word stays after its ending ("Комитет, учрежденный ...": "Комитетом, учрежденным ...")."""
    word, punct = _ru_punct(word)
    parts = _ru_split(word)
    stem = parts[0] + ru_stem(parts[1]) if parts else word
    esc = (_either_case(stem) if later and len(word) >= 4 and not word.isupper() else re.escape(stem)).replace("\\-", "-?")
    return (esc + r"[а-яё]{0,4}" if parts else esc) + re.escape(punct)


def _ru_key(word: str) -> str:
    word, punct = _ru_punct(word)
    parts = _ru_split(word)
    return (parts[0] + ru_stem(parts[1]) if parts else word) + punct


def _ru_punct(word: str) -> tuple[str, str]:
    """A word and the punctuation written on its end."""
    m = re.fullmatch(r"(.+?)([,;:]+)", word)
    return (m.group(1), m.group(2)) if m else (word, "")


def _either_case(part: str) -> str:
    """An escaped word of a name whose first letter may be written in either case ('Organisation mondiale de la
    Santé' / 'santé', 'Convenio Internacional' / 'internacional'): UN texts capitalize the later words of one
    name both ways. Short words (et, de, la: and_article relies on them) and acronyms keep their spelling."""
    esc = re.escape(part)
    if len(part) < 4 or part.isupper() or part[0].lower() == part[0].upper():
        return esc
    return f"[{part[0].lower()}{part[0].upper()}]{esc[1:]}"


def _spelling(name: str) -> str:
    """A regex for the spellings of `name` that are no inflection: its later words in either case, either
    apostrophe, a hyphen written or lost in conversion ('ONU-Habitat' / 'ONUHabitat', 'anti-balaka' /
    'antibalaka')."""
    pieces = re.split(r"(\s+|['’]|-)", name)
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(APOSTROPHE if piece in "'’" else "-?" if piece == "-" else re.escape(piece))
        else:
            out.append(_either_case(piece) if i else re.escape(piece))
    return "".join(out)


def _spelling_key(text: str) -> str:
    """What _spelling leaves open, closed: no hyphen between letters, all but the first letter in lower case."""
    t = re.sub(r"(?<=\w)-(?=\w)", "", text)
    return t[:1] + t[1:].lower()


def pattern(name: str, lang: str) -> str:
    """A regex for `name` and its inflected forms (no boundaries)."""
    how = rule(lang)
    if how == "ru-stem":
        return r"\s+".join(_ru_word(w, i > 0) for i, w in enumerate(name.split()))
    esc = _spelling(name)
    w = words(lang)
    if w is not None and w["and_article"]:  # 'Déclaration et [le] Programme d'action de Beijing'
        esc = re.sub(rf"(?<=\\ )({w['and']})\\ ", rf"\1\\ (?:{w['and_article']})?", esc)
    if how == "ar-clitic":
        # the clitics before the name: و/ف, then ب/ك/ل; ل + ال is written لل
        marked = re.sub(r"([\u0621-\u064a])", rf"\1{AR_MARKS}", re.sub(r"^ال", "", esc))
        # ل + اللجنة is written للجنة: after ل a name that starts with الل loses both its alif and its article's lam
        start = "(?:ال|(?<=ل)ل|(?<=ل)(?=ل))" if name.startswith("الل") else "(?:ال|(?<=ل)ل)"
        body = f"{start}{marked}" if name.startswith("ال") else marked
        return f"[وف]?[بكل]?{body}"
    return esc


def key(text: str, lang: str) -> str:
    """The lookup key of a stored name or of a matched text."""
    t = re.sub(r"\s+", " ", text.strip()).replace("’", "'")
    w = words(lang)
    if w is None:  # English and Chinese names are matched as stored
        return t
    if w["and_article"]:
        t = re.sub(rf"(?<= )({w['and']}) (?:{w['and_article']})", r"\1 ", t)
    how = rule(lang)
    if how == "ar-clitic":
        return re.sub(AR_MARKS[:-1], "", t)
    if how == "ru-stem":
        return _spelling_key(" ".join(_ru_key(w) for w in t.split()))
    return _spelling_key(t)


def ar_keys(text: str) -> list[tuple[int, str]]:
    """The readings of an Arabic matched text without its proclitics, as (offset of the name, key):
    'والجمعية العامة' -> (1, 'الجمعية العامة'); 'للجمعية العامة' -> (1, 'الجمعية العامة'): the span leaves out
    exactly the proclitic letters, so after ل the name is written لجمعية العامة (the article's alif is elided), and
    a name that starts with الل is written لجنة ... (alif and the article's lam both go: للجنة)."""
    out, elided, lam = [(0, text)], [], []
    for k in (1, 2):
        if len(text) > k + 2 and all(ch in AR_PROCLITIC for ch in text[:k]):
            rest = text[k:]
            out.append((k, rest))
            if rest.startswith("ل") and not rest.startswith("ال"):
                elided.append((k, "ا" + rest))
                lam.append((k, "ال" + rest))
    # the longest proclitic first for a name that starts with الل: 'وللجنة' is و + ل + (ال)لجنة, span 'لجنة'
    return out + lam[::-1] + elided
