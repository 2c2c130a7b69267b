"""English addressees by rule: the actor phrases after an opening operative verb ("Calls upon all States and
the United Nations system to ...") or the subject of its that-clause ("Demands that all parties cease ...").
Works on the text alone, so it serves every backbone; `pipeline.addressees.parse` refines it where a
dependency parse is available."""
from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import TypeLexicon, english

# verbs whose object is the addressee, and verbs whose that-clause subject is
OBJECT_VERBS = re.compile(r"\b(urg|call|request|encourag|invit|appeal|exhort|remind|recommend|authori[sz]|ask|"
                          r"direct|instruct|entrust|task|mandat|demand|insist|require)\w*", re.I)
CLAUSE_VERBS = re.compile(r"\b(decid|demand|insist|urg|request|recommend|call|require|direct)\w*", re.I)
# a " to " ends the phrase (the infinitive) unless the word before it takes "to" in a name
TO_NAME = re.compile(r"^(parties|party|envoy|representative|adviser|advisor|coordinator|contributors|"
                     r"mission|ambassador|delegation|observer|successor|signatories|accession)$", re.I)
# a comma segment opening with one of these is not another actor: the phrase list ends there
STOP_SEGMENT = re.compile(r"^(in|within|through|with|including|inter alia|as|where|when|if|particularly|in particular|"
                          r"notably|such as|both|acting|under|on|at|by|for|from|without|among|upon|while|consistent|"
                          r"pursuant|following|based|bearing|taking|also|further|once|again|and above|and in|"
                          r"immediately|urgently|without delay|to|that|which|who|whose|it|its|their|his|her)\b", re.I)
# qualifiers that end an actor phrase (relative clauses, participles, examples, circumstances)
TRIM = re.compile(r",?\s+(that|which|who|whom|whose|where|in a position|as appropriate|in particular|particularly|"
                  r"especially|notably|such as|including|inter alia|within (their|its|existing)|in accordance|"
                  r"in consultation|in cooperation|in coordination|in close|(?-i:acting)|established|consisting|through|"
                  r"on the basis|to do so|and above all|as well$|if|when|concerned with|which|at (its|their) )\b.*$",
                  re.I | re.S)
NAME_FOLLOWERS = {"the", "a", "an", "this", "that", "these", "those", "such", "all", "any", "its", "their", "armed",
                  "conflict", "conflicts", "disputes", "both", "said"}
MODALS = re.compile(r"\b(shall|should|must|will|is to|are to|may|might|can|could|would|be|is|are)\b")
PERMISSIVE = {"may", "might", "can", "could"}
# common verbs of subjunctive that-clauses ("Demands that all parties cease ...")
CLAUSE_VERB_WORDS = set("""abide accede act adhere allow avoid cease comply conclude continue cooperate desist ensure
engage establish exercise facilitate fulfil fully give grant guarantee halt honour immediately implement lift make
permit pay proceed protect provide put redouble refrain release remain remove renounce resume respect return seek stop
submit take terminate undertake urgently withdraw work""".split())
CONJ = re.compile(r",?\s+(?:and/or|and|or|as well as|together with)\s+|,\s+")
COMPOUNDS = re.compile(r"\b(funds and programmes|agencies, funds and programmes|organs and bodies|organs and agencies|"
                       r"bodies and agencies|funds, programmes and (specialized )?agencies|organizations and agencies|"
                       r"programmes and funds|Trinidad and Tobago|Antigua and Barbuda|Bosnia and Herzegovina|"
                       r"Saint Kitts and Nevis|Sao Tome and Principe|Saint Vincent and the Grenadines|"
                       r"Great Britain and Northern Ireland|Heard Island and McDonald Islands|Serbia and Montenegro|"
                       r"Wallis and Futuna|Turks and Caicos)\b", re.I)
NAME_OPEN = re.compile(r"\b(of|on|for|in|to)\s+(the\s+)?[A-Z]\w*$|\b[A-Z]\w+$")  # a name still going on
EXAMPLES = re.compile(r"\b(such as|including|in particular|particularly|notably|inter alia)\b", re.I)
HEAD_END = re.compile(r"\s(of|among|between|in|on|for|at|by|with|from|within|through|under|against|towards?)\s")


class Addressee(NamedTuple):
    start: int
    end: int
    type: str


def _head_end(phrase: str) -> int:
    m = HEAD_END.search(phrase)
    return m.start() if m else len(phrase)


def classify(phrase: str, lex: TypeLexicon | None = None) -> str | None:
    return (lex or english()).classify(phrase, _head_end(phrase))


def _region_end(text: str, pos: int) -> int:
    """Where the actor list that starts at `pos` ends: the infinitive's "to", a clause "that", or the end of the
    clause (; : .)."""
    for m in re.finditer(r"\s+to\s+|\s+that\s+|[;:]|\.(\s|$)|\s+—\s+", text[pos:]):
        tok = m.group(0).strip()
        if tok == "to":
            before = text[pos:pos + m.start()].rstrip().split()
            after = text[pos + m.end():].split(" ", 1)[0]
            if before and TO_NAME.search(before[-1]) and (after[:1].isupper() or after.lower() in NAME_FOLLOWERS):
                continue  # "the parties to armed conflict", not "all parties to consider"
        return pos + m.start()
    return len(text)


def _stops(segment: str) -> bool:
    """A comma segment that is not another actor: a qualifier, or the next verb ("and invites the agencies")."""
    seg = re.sub(r"^(and|or)\s+", "", segment)
    return bool(STOP_SEGMENT.match(seg) or OBJECT_VERBS.match(seg) or CLAUSE_VERBS.match(seg)
                or re.match(r"(also|further)\s", seg))


def _segments(text: str, start: int, end: int, lex: TypeLexicon) -> list[tuple[int, int]]:
    """Actor phrases between start and end: split at commas and conjunctions, stop at a segment that is not an
    actor list item, keep names that contain "and" whole, and merge bare adjectives into what follows them
    ("international, regional and subregional organizations")."""
    region = text[start:end]
    protected = [(m.start(), m.end()) for m in COMPOUNDS.finditer(region)]
    parts: list[tuple[int, int]] = []
    pos = 0
    for m in CONJ.finditer(region):
        if any(a <= m.start() < b for a, b in protected):
            continue
        parts.append((pos, m.start()))
        if EXAMPLES.search(region[parts[-1][0]:parts[-1][1]]):
            return [(start + a, start + b) for a, b in _merge_adjectives(region, parts, lex)]  # "such as A, B, C"
        pos = m.end()
        if _stops(region[pos:]):
            return [(start + a, start + b) for a, b in _merge_adjectives(region, parts, lex)]
    parts.append((pos, len(region)))
    return [(start + a, start + b) for a, b in _merge_adjectives(region, parts, lex)]


def _merge_adjectives(region: str, parts: list[tuple[int, int]], lex: TypeLexicon) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    carry = None
    for a, b in parts:
        words = region[a:b].split()
        if carry is None:
            carry = a
        if len(words) == 1 and words[0].islower() and classify(words[0], lex) is None:
            continue  # "international," waits for "regional and subregional organizations"
        out.append((carry, b))
        carry = None
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    phrase = text[start:end]
    m = TRIM.search(phrase)
    if m and m.start() > 0:
        end = start + m.start()
    phrase = text[start:end]
    # a trailing adverb ("the parties concerned immediately"), parenthesis or punctuation
    while True:
        new = re.sub(r"(\s+(?!family|assembly|supply)[a-z]{4,}ly|\s*\([^)]*\)?|[\s,;.]+)$", "", phrase)
        if new == phrase:
            break
        phrase = new
    lead = re.match(r"^(and|or|as well as|also|further)\s+", phrase)
    if lead:
        start += lead.end()
        phrase = phrase[lead.end():]
    return start, start + len(phrase)


def _actors(text: str, start: int, end: int, lex: TypeLexicon) -> list[Addressee]:
    spans: list[list[int]] = []
    for a, b in _segments(text, start, end, lex):
        a, b = _trim(text, a, b)
        if b <= a:
            continue
        phrase = text[a:b]
        if (spans and classify(phrase, lex) is None and re.match(r"(the\s+)?[A-Z]", phrase)
                and NAME_OPEN.search(text[spans[-1][0]:spans[-1][1]])):
            spans[-1][1] = b  # a conjunction inside a name: "the Group of Scientific and Technical Experts"
            continue
        spans.append([a, b])
    out = []
    for a, b in spans:
        typ = classify(text[a:b], lex)
        if typ is None:
            if not out:
                return []  # the verb's object is an action ("Calls for the cessation of ..."), not an actor
            continue
        out.append(Addressee(a, b, typ))
    return out


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n,":
        pos += 1
    return pos


def _clause_subject(text: str, pos: int, lex: TypeLexicon) -> list[Addressee]:
    """The acting subject of a that-clause starting at `pos` (after "that"), or nothing."""
    pos = _skip_space(text, pos)
    if STOP_SEGMENT.match(text[pos:]) and not text[pos:].lower().startswith(("all ", "the ")):
        comma = text.find(",", pos)  # "Decides that, in accordance with ..., the Council shall"
        if comma < 0:
            return []
        pos = _skip_space(text, comma + 1)
    words = list(re.finditer(r"\S+", text[pos:pos + 400]))
    end = None
    for w in words:
        token = w.group(0).strip(",;").lower()
        if MODALS.fullmatch(token) or token in CLAUSE_VERB_WORDS or w.group(0).endswith((",", ";")):
            end = pos + w.start() if not w.group(0).endswith((",", ";")) else pos + w.end() - 1
            following = token
            break
    if end is None or following in PERMISSIVE:
        return []
    return _actors(text, pos, end, lex)


def extract(text: str, opener_end: int, opener: str, lex: TypeLexicon | None = None) -> list[Addressee]:
    """Addressees of the operative paragraph `text` whose opening verb phrase `opener` ends at `opener_end`."""
    lex = lex or english()
    pos = _skip_space(text, opener_end)
    low = opener.lower()
    rest = text[pos:].lower()
    m = re.match(r"(upon|on|to)\s+", rest)
    if m and m.group(1) in ("upon", "on") or (m and re.search(r"recommend|appeal|call", low)):
        pos += m.end()
        rest = text[pos:].lower()
    if re.match(r"that\b", rest) and CLAUSE_VERBS.search(low):
        return _clause_subject(text, pos + 4, lex)
    if rest.startswith("that"):
        return []
    if not OBJECT_VERBS.search(low) or re.search(r"\bdecid", low):
        return []
    end = _region_end(text, pos)
    if re.search(r"remind", low):
        of = text.find(" of ", pos, end)
        end = of if of > 0 else end  # "Reminds X of Y"
    if re.search(r"call\w*\s+(\w+\s+)?for\b", low) and not re.match(r"\s+to\s+", text[end:]):
        return []  # "Calls for X" names an action unless an infinitive follows ("Calls for the Commission to")
    actors = _actors(text, pos, end, lex)
    if text[end:].lstrip().startswith("that") and re.search(r"recommend", low):
        return actors  # "Recommends to the General Assembly that ..."
    return actors
