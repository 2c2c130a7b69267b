"""Addressees by rule for the spaced languages other than English (French, Spanish, Russian, Arabic): the actor
phrases after the opening verb ("Prie le Secrétaire général de", "Insta a los Estados Miembros a que", "просит
Генерального секретаря", "يهيب بالدول الأعضاء أن") or the subject of its that-clause ("Décide que tous les États
doivent"). One algorithm; every word it needs (verbs, prepositions that introduce an addressee, what ends the
actor list, conjunctions, qualifiers, type patterns) is a row of pipeline/lexicons/addressees.<lang>.tsv, so the
same code serves each language, and English keeps its own tuned module (english.py) unchanged."""
from __future__ import annotations

import re

from .english import Addressee
from .english import classify as classify_english
from .lexicon import NEVER, SpacedLexicon, TypeLexicon, english

HEAD_CHARS = 400  # how far a that-clause subject is looked for


def classify(phrase: str, lex: SpacedLexicon, orgs: list[tuple[int, int, str]] = (), offset: int = 0) -> str | None:
    """The phrase's type: an ORG entity at its head typed through its canonical English name, else the first
    type pattern that matches in the head (before a preposition such as "de", "в", "في"), else a country name."""
    phrase = lex.ignore.sub("", phrase)  # Arabic short vowels and tatweel: "رئيسَ المجلس" is "رئيس المجلس"
    q = lex.quantifier.match(phrase)  # "l'ensemble des parties prenantes": the head is what follows
    lead = q.end() if q else len(phrase) - len(phrase.lstrip(" ,"))
    m = lex.head_end.search(phrase, lead)
    head = min(m.start() if m else len(phrase), _head_noun_end(phrase, lead, lex))
    for start, end, typ in orgs:
        if offset + lead <= start < offset + max(head, lead + 1) and start - offset - lead < 25:
            return typ
    return lex.types.classify(phrase[lead:], head - lead)


def _head_noun_end(phrase: str, pos: int, lex: SpacedLexicon) -> int:
    """Where inflected languages without a genitive preposition end the head: after the first word that is not a
    determiner or adjective ("все соответствующие государства-члены"; "мандат Группы экспертов" -> "мандат")."""
    if lex.head_modifier is NEVER:
        return len(phrase)
    for w in re.finditer(r"\S+", phrase[pos:]):
        if not lex.head_modifier.fullmatch(w.group(0).strip(",")):
            return pos + w.end()
    return len(phrase)


def org_types(ents: list[tuple[int, int, str, str]], en: TypeLexicon | None = None) -> list[tuple[int, int, str]]:
    """Pipeline ORG entities (start, end, label, id) with the type of their canonical English name (the gazetteer
    gives one id per entity in every language), so "PNUD", "ПРООН" and "البرنامج الإنمائي" type as UNDP does."""
    en = en or english()
    out = []
    for start, end, label, ident in ents:
        if label == "ORG" and ident:
            typ = classify_english(ident, en)
            if typ:
                out.append((start, end, typ))
    return out


def _skip(text: str, pos: int, lex: SpacedLexicon) -> int:
    """Past spaces, commas and adverbs between the verb and its object ("instamment", "también", "также")."""
    while True:
        while pos < len(text) and text[pos] in " \t\n,،":
            pos += 1
        m = lex.skip.match(text, pos)
        if not m or m.end() == pos:
            return pos
        pos = m.end()


def _region_end(text: str, pos: int, lex: SpacedLexicon) -> int:
    """Where the actor list starting at `pos` ends: the requested action (an infinitive, "que", "أن"), or the end
    of the clause (; : .)."""
    ends = [m.start() for m in (lex.end.search(text, pos), re.compile(r"[;:؛]|\.(\s|$)").search(text, pos)) if m]
    return min(ends) if ends else len(text)


def _segments(text: str, start: int, end: int, lex: SpacedLexicon,
              orgs: list[tuple[int, int, str]] = ()) -> list[tuple[int, int]]:
    """Comma and conjunction pieces of the actor list; names with a conjunction inside (compound rows, ORG
    entities) stay whole, a piece that opens a qualifier ("notamment", "в частности") or follows examples
    ("como", "такие как") ends the list, and a bare adjective joins its noun."""
    protected = [(m.start(), m.end()) for m in lex.compound.finditer(text, start, end)]
    protected += [(a, b) for a, b, _ in orgs]
    parts, pos = [], start
    for m in lex.conj.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in protected) or m.start() <= pos:
            continue
        parts.append((pos, m.start()))
        if lex.examples.search(text, pos, m.start()):
            break  # "a organismos de las Naciones Unidas como la UNESCO, el UNICEF ...": the rest are examples
        pos = m.end()
        if lex.stop.match(text, pos) or _verb_at(text, pos, lex):
            break
    else:
        parts.append((pos, end))
    return _merge_adjectives(text, parts, lex)


def _verb_at(text: str, pos: int, lex: SpacedLexicon) -> bool:
    """The next verb of the paragraph ("et invite les institutions"): the actor list is over."""
    m = lex.conj.match(text, pos)
    pos = m.end() if m else pos
    return bool(lex.object_verb.match(text, pos) or lex.clause_verb.match(text, pos))


def _adjective(text: str, a: int, b: int, lex: SpacedLexicon) -> bool:
    """A piece that is only an adjective: the language's `adjective` pattern, else one lower-case word."""
    piece = text[a:b].strip()
    if lex.types.classify(piece) is not None:
        return False
    if lex.adjective is not NEVER:
        return bool(lex.adjective.fullmatch(piece))
    words = piece.split()
    return len(words) == 1 and not words[0][:1].isupper() and not lex.head_end.search(" " + words[0] + " ")


def _merge_adjectives(text: str, parts: list[tuple[int, int]], lex: SpacedLexicon) -> list[tuple[int, int]]:
    """A bare adjective belongs to its noun: the one after it where adjectives come first ("международные,
    региональные и субрегиональные организации"), the one before it where they follow ("organisations
    internationales, régionales et sous-régionales")."""
    out: list[tuple[int, int]] = []
    if lex.adjectives_follow.search("after"):
        for a, b in parts:
            if out and _adjective(text, a, b, lex):
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out
    carry = None
    for a, b in parts:
        carry = a if carry is None else carry
        if _adjective(text, a, b, lex):
            continue
        out.append((carry, b))
        carry = None
    return out


def _trim(text: str, start: int, end: int, lex: SpacedLexicon) -> tuple[int, int]:
    """The actor phrase without its introducer or clitic, qualifiers, relative clauses and trailing punctuation."""
    for pat in (lex.introducer, lex.clitic):
        m = pat.match(text, start, end)
        if m:
            start = m.end()
    m = lex.trim.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    while end > start and (text[end - 1] in " ,;.،)" or text[end - 1].isspace()):
        end -= 1
    return start, end


def _actors(text: str, start: int, end: int, lex: SpacedLexicon, orgs) -> list[Addressee]:
    out = []
    for a, b in _segments(text, start, end, lex, orgs):
        a, b = _trim(text, a, b, lex)
        if b <= a:
            continue
        typ = classify(text[a:b], lex, orgs, a)
        if typ is None:
            if not out:
                return []  # the object is an action ("Demande la cessation de ..."), not an actor
            continue
        out.append(Addressee(a, b, typ))
    return out


def _clause_subject(text: str, pos: int, lex: SpacedLexicon, orgs, verb: str = "") -> list[Addressee]:
    """The acting subject of a that-clause starting at `pos`, or nothing (no verb found, or a permission)."""
    pos = _skip(text, pos, lex)
    if lex.stop.match(text, pos):  # "Décide que, conformément à ..., les États"
        pred = lex.verb_word.search(text, pos, pos + HEAD_CHARS)
        comma = re.compile(r"[,،]").search(text, pos, pred.start() if pred else len(text))
        if comma:
            pos = _skip(text, comma.end(), lex)
        elif pred:  # "постановляет, что на первоначальный период ... все государства-члены должны"
            pos = next((w.start() for w in re.finditer(r"\S+", text[:pred.start()]) if w.start() > pos
                        and classify(text[w.start():pred.start()], lex, orgs, w.start())), pred.start())
        else:
            return []
    m = lex.clause_lead.match(text, pos)
    if m:
        if lex.same_subject.search(f"{verb} {m.group(0).strip()}"):
            return []  # "يقرر أن يزود المجلس التنفيذي": the body itself acts, the noun after is an object
        pos = _skip(text, m.end(), lex)
    window = text[:min(len(text), pos + HEAD_CHARS)]
    pred = lex.verb_word.search(window, pos)
    end = pred.start() if pred else None
    if m:  # verb first (Arabic "أن تتخذ جميع الدول التدابير"): the subject is the head and the words of its name
        end = _region_end(window, pos, lex)
        return [Addressee(a, _subject_end(text, a, b, lex), t) for a, b, t in _actors(text, pos, end, lex, orgs)]
    if end is None or end <= pos or (pred and lex.permissive.match(window, pred.start())):
        return []
    return _actors(text, pos, end, lex, orgs)


def _subject_end(text: str, a: int, b: int, lex: SpacedLexicon) -> int:
    """Where a verb-first subject ends: after its head (with a determiner before it) and the `subject_word`s or
    country names that follow; the object comes next ("جميع الدول الأعضاء | التدابير اللازمة")."""
    words = list(re.finditer(r"\S+", text[a:b]))
    keep = 2 if len(words) > 1 and lex.head_modifier.fullmatch(words[0].group(0)) else 1
    end = a + words[keep - 1].end() if words else b
    for w in words[keep:]:
        country = lex.types.countries.match(text, a + w.start()) if lex.types.countries else None
        if country:
            end = max(end, country.end())
        elif a + w.start() >= end and lex.subject_word.fullmatch(w.group(0)):
            end = a + w.end()
        elif a + w.start() >= end:
            break
    return end


def extract(text: str, opener_end: int, opener: str, lex: SpacedLexicon,
            orgs: list[tuple[int, int, str]] = ()) -> list[Addressee]:
    """Addressees of the operative paragraph `text` whose opening verb phrase `opener` ends at `opener_end`;
    `orgs` are ORG entities (start, end, type) in paragraph offsets."""
    pos = _skip(text, opener_end, lex)
    verb = opener.lower()
    if lex.action.match(verb + " " + text[pos:pos + 60]):
        return []  # "призывает к ...", "يدعو إلى ...": calls for an action
    m = lex.introducer.match(text, pos)
    after = m.end() if m else pos
    clause = lex.clause.match(text, pos) or lex.clause.match(text, after)
    if clause:
        if lex.clause_verb.search(verb):
            return _clause_subject(text, clause.end(), lex, orgs, verb)
        return []
    if not lex.object_verb.search(verb):
        return []
    end = _region_end(text, pos, lex)
    return _actors(text, pos, end, lex, orgs)


def pronoun_object(text: str, verb_start: int, verb_end: int, lex: SpacedLexicon) -> bool:
    """A later clause whose object is a pronoun ("et les invite à", "и предлагает им", "ويطلب إليها") takes the
    opener's addressees."""
    return bool(lex.pronoun_after.match(text, _skip(text, verb_end, lex))
                or lex.pronoun_before.search(text[max(0, verb_start - 12):verb_start]))
