"""Text damage of the kind PDF extraction and OCR leave in opening words, for training the classifier to
read through it and for measuring how the components hold up on it."""
from __future__ import annotations

import random
import re

from .languages import profile

OCR_EN = [("rn", "m"), ("m", "rn"), ("e", "c"), ("g", "q"), ("l", "1"), ("i", "l"), ("s", "5")]


def damage(text: str, lang: str, rnd: random.Random) -> str:
    """One extraction/OCR-like fault inside the opening words: a dropped or confused character, a space
    inserted into a word (unspaced Chinese: a character dropped or doubled, a stray space). Letter confusions are
    those of Latin script; Cyrillic and Arabic words get the other faults."""
    m = re.match(r"^\s*\d{1,3}\s*(?:\.|[-–](?=\s))\s*", text)
    head = m.end() if m else 0
    prof = profile(lang)
    if not prof.spaced:
        zone = range(head, min(len(text), head + 4))
        i = rnd.choice(list(zone)) if zone else head
        op = rnd.choice(["drop", "space", "double"])
        if op == "drop":
            return text[:i] + text[i + 1:]
        if op == "space":
            return text[:i] + " " + text[i:]
        return text[:i] + text[i] + text[i:]
    words = list(re.finditer(r"[^\W\d_]{3,}", text[head:head + 40]))
    if not words:
        return text
    w = words[0]
    s, e = head + w.start(), head + w.end()
    word = text[s:e]
    op = rnd.choice(["ocr", "space", "drop"] if prof.script == "latin" else ["space", "drop"])
    if op == "ocr":
        cands = [(a, b) for a, b in OCR_EN if a in word[1:]]
        if cands:
            a, b = rnd.choice(cands)
            k = word.index(a, 1)
            word = word[:k] + b + word[k + len(a):]
        else:
            op = "drop"
    if op == "space" and len(word) < 4:
        op = "drop"
    if op == "space":
        k = rnd.randrange(2, len(word) - 1)
        word = word[:k] + " " + word[k:]
    if op == "drop":
        k = rnd.randrange(1, len(word) - 1)
        word = word[:k] + word[k + 1:]
    return text[:s] + word + text[e:]
