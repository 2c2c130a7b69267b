"""Names a document defines for itself: acronyms given in brackets after a full name, and short forms of a name
the document has already spelled out.

No list can hold every mission, panel or fund a resolution sets up, but resolutions introduce them the same way:
"the Libyan Investment Authority (LIA)", "联合国马里多层面综合稳定团（马里稳定团）", then use the short form.
GUIDELINES: a short form is an entity of the same label and carries the id of the full name when the text names
the entity ("the Statute" gets the Statute's id only where the unit names that Statute, else none).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, List

from ..languages import profile
from . import inflection
from .gazetteer import EN_ORG_HEAD, ZH_TEXT_BEFORE, zh_glued
from .patterns import Candidate

EN_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&\-]*[A-Z][A-Za-z0-9&\-]*|[A-Z]{2,}\d*)\s*\)")
ZH_SHORT = re.compile(r"[（(]\s*(?:以下简称)?[“\"]?([\u4e00-\u9fff]{2,10}|[A-Z][A-Za-z&\-]*[A-Z][A-Za-z0-9&\-]*)[”\"]?\s*[)）]")
# French, Spanish, Russian: capitals in Latin or Cyrillic script (FISNUA, ЮНИСФА); Arabic defines no acronyms
CASED_ACRONYM = re.compile(r"\(\s*([A-ZА-ЯЁ][^\W_]*[A-ZА-ЯЁ][\w&\-]*|[A-ZА-ЯЁ]{2,}\d*)\s*\)")
NAMED = ("ORG", "TREATY")


def _initials_fit(acronym: str, name: str) -> bool:
    """An acronym belongs to the name before it when it starts with the name's first letter (LIA for Libyan
    Investment Authority; not TGoNU for "Agreement ... of the Transitional Government of National Unity", which
    abbreviates only a part). French-based acronyms of English names (MINUSMA) are the gazetteer's job."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w.lower() != "the"]
    return bool(words) and words[0][0].upper() == acronym[0].upper()


def _zh_fits(short: str, name: str) -> bool:
    """A Chinese short name is built from characters of the full name (儿基会 from 联合国儿童基金会)."""
    if re.fullmatch(r"[A-Za-z&\-\d]+", short):
        return True
    return sum(ch in name for ch in short) >= len(short) - 1 and short[0] in name


def defined_acronyms(text: str, chosen: List[Candidate], id_of: Callable[[Candidate], str],
                     lang: str) -> List[Candidate]:
    """`chosen` with the acronyms/short names defined right after an ORG/TREATY candidate, at the definition and
    at every later occurrence that no other candidate covers; their key is the full name's id. The document's
    definition wins over a list's reading of the same letters: "the International Chamber of Commerce (ICC)",
    "Институтом международных отношений (ИМО)" are not the Criminal Court and the Maritime Organization, so a
    gazetteer span with exactly the acronym's extent gives way to the defined one there and after."""
    same_extent = {(c.start, c.end): c for c in chosen if c.label in NAMED and c.source == "gazetteer"}
    defined = [(c, m) for c in chosen if c.label in NAMED and (m := _definition(text, c, lang))]
    redefined: set = set()
    for c, m in defined:
        if (m.start(1), m.end(1)) in same_extent and same_extent[(m.start(1), m.end(1))].key != id_of(c):
            redefined |= {k for k in same_extent if text[k[0]:k[1]] == m.group(1) and k[0] >= m.start(1)}
    out = [c for c in chosen if (c.start, c.end) not in redefined]
    return sorted(out + _acronyms(text, out, [(c, m) for c, m in defined if (c.start, c.end) not in redefined],
                                  id_of, lang), key=lambda c: c.start)


def _definition(text: str, c: Candidate, lang: str) -> re.Match[str] | None:
    """The bracketed acronym or short name right after a candidate, when it fits the name."""
    spaced = profile(lang).spaced
    rx = EN_ACRONYM if lang == "en" else CASED_ACRONYM if profile(lang).cased else ZH_SHORT if not spaced else None
    if rx is None:
        return None
    at = c.end + 1 if text[c.end:c.end + 1] == " " else c.end  # "Name (ACR)" or "名称（简称）"
    m = rx.match(text, at)
    if not m:
        return None
    short, name = m.group(1), text[c.start:c.end]
    if short == name or not (_initials_fit(short, name) if spaced else _zh_fits(short, name)):
        return None
    return m


def _acronyms(text: str, chosen: List[Candidate], defined: List[tuple[Candidate, re.Match[str]]],
              id_of: Callable[[Candidate], str], lang: str) -> List[Candidate]:
    """The candidates of each definition (a name of `chosen` and its bracketed short form) and its later uses."""
    taken = [(c.start, c.end) for c in chosen]
    free = lambda s, e: all(e <= a or s >= b for a, b in taken)  # noqa: E731
    out: List[Candidate] = []
    spaced = profile(lang).spaced
    for c, m in defined:
        short = m.group(1)
        ident = id_of(c)
        found = [(m.start(1), m.end(1))]
        if spaced or re.fullmatch(r"[A-Za-z&\-\d]+", short):
            occ = re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w]|-[A-Z\d])")
        else:
            occ = re.compile(re.escape(short))
        for o in occ.finditer(text, m.end()):
            if lang == "zh" and zh_glued(text, o.start(), ZH_TEXT_BEFORE):
                continue
            found.append((o.start(), o.end()))
        for s, e in found:
            if free(s, e):
                out.append(Candidate(s, e, c.label, ident, source="acronym"))
                taken.append((s, e))
    return out


@dataclass
class Named:
    """An ORG/TREATY mention with its id, as the document-level resolution sees it."""
    start: int
    end: int
    label: str
    text: str
    id: str
    known: bool  # the id is a gazetteer id (or came from a defined acronym), not the mention's own name


SHORT_TITLE = re.compile(r"^(?:the\s+)?((?:19|20)\d\d\s+)?(?:(?:Additional|Optional)\s+(?=Protocol))?"
                         r"(Convention|Treaty|Statute|Charter|Protocol|Covenant|Agreement|Accord|"
                         r"Memorandum of Understanding)$", re.I)


# a treaty body named without its treaty: which one, only the document can say
BARE_BODY = re.compile(r"^(?:the\s+)?(?:Review\s+)?(?:Conference|Meeting)\s+of\s+the\s+(?:States\s+)?Parties$", re.I)


# an English body named by its kind alone ("Special Committee", "Permanent Forum", "Panel of Experts", "Task Force"):
# unless the document spells out whose it is, it has no id (the gold gives none; its own words would be an id
# that names no one and that no other language shares)
EN_BARE_BODY = re.compile(
    r"(?:(?:Special|Permanent|Executive|Working|Ad Hoc|Advisory|Standing|Preparatory|Joint|Expert|Technical|"
    r"Scientific|Main|Open-ended|Intergovernmental|Governmental|Independent|Inter-Agency|High-level|Steering|"
    r"Coordinating|Consultative|Subsidiary|Monitoring|Sanctions|Evaluation|Ethics|Audit|Task|Fact-finding|Governing|"
    r"Implementation|Coordination|Oversight|Drafting|Negotiating|Organizing|Follow-up)\s+)*"
    rf"{EN_ORG_HEAD}(?:\s+of\s+(?:Governmental\s+)?Experts|\s+of\s+Friends)?")


def _bare(t: str) -> str:
    return re.sub(r"^the\s+", "", t.strip(), flags=re.I)


AR_ARTICLE = re.compile(r"^(?:[وفبكل]?ال|ل)(?=[\u0621-\u064a]{3})")  # الاتفاقية, بالاتفاقية, لاتفاقية (لل + ا)
CYRILLIC = re.compile(r"[А-ЯЁа-яё]+")


def _head_key(word: str) -> str:
    """What the forms of an instrument's head word share: lower case, no Russian case ending, no Arabic article
    or proclitic ('Договора', 'Договору' -> 'договор'; 'الاتفاقية', 'لاتفاقية', 'اتفاقية' -> 'اتفاقية')."""
    w = AR_ARTICLE.sub("", word)
    return (inflection.ru_stem(w) if CYRILLIC.fullmatch(w) else w).lower()


SHORT_ARTICLES = {"la", "le", "les", "l'", "l’", "el", "los", "las", "del", "al"}


def _untitled_head(m: Named) -> str | None:
    """The head key of a French, Spanish, Russian or Arabic short title with no id of its own ('la Convention',
    'el Tratado', 'Конвенции', 'الاتفاقية'): one word, or an article and a word, no year (a dated title, 'Convention
    de 1971', is a name of its own). English short titles have their own rule (SHORT_TITLE), Chinese ones none."""
    words = m.text.split()
    if m.label != "TREATY" or m.id or not 1 <= len(words) <= 2 or re.search(r"[\d\u4e00-\u9fff]", m.text):
        return None
    if len(words) == 2 and words[0][:1].isupper() and words[0].lower() not in SHORT_ARTICLES:
        return None  # 'Венской конвенции', 'Parisian ...': a proper adjective names another instrument than the nearest
    return _head_key(words[-1])


def _opens(short: str, name: str) -> bool:
    """Does `name` start with the words of `short`, each word compared by what its forms share (_head_key:
    'Специальному комитету' opens 'Специального комитета по операциям ...'), and go on after them?"""
    a, b = short.split(), name.split()
    return len(b) > len(a) and [_head_key(w) for w in a] == [_head_key(w) for w in b[:len(a)]]


def _nearest(cands: list[tuple[int, Named]], m: Named) -> str | None:
    """The id of the instrument named nearest before `m` (the first after it, if none before)."""
    before = [n for _, n in cands if n.start < m.start]
    pick = before[-1] if before else (cands[0][1] if cands else None)
    return pick.id if pick else None


UN_SECRETARIAT = "UN Secretariat"
CONVENTION_SECRETARIAT = re.compile(r"^Secretariat of the .*Conventions?$")
ARTICLE = re.compile(r"^(?:the|le|la|les|el|los|l['’])\s*", re.I)


def _secretariats(ms: list[Named], known: Callable[[str], bool] | None) -> dict[int, str]:
    """A secretariat named alone takes the id of the convention's secretariat the unit names (GUIDELINES,
    Secretariats): "The Secretariat of the Rotterdam Convention ... The Secretariat also ...", "《鹿特丹公约》秘书处",
    where the lists read a bare Secretariat / 秘书处 / secrétariat as the UN Secretariat. Only after the unit names
    exactly one such secretariat, and when it does not name the UN Secretariat in full; `known` says whether an id
    is the gazetteer's (for 《X公约》秘书处: the secretariat of X)."""
    bare = [i for i, m in enumerate(ms) if m.label == "ORG" and m.id == UN_SECRETARIAT
            and " " not in ARTICLE.sub("", m.text.strip()) and not m.text.startswith("联合国")]
    if not bare:
        return {}
    out: dict[int, str] = {}
    if known is not None:  # 《鹿特丹公约》秘书处: the secretariat right after a convention's title is that one's
        for i in bare:
            m = ms[i]
            before = [n for n in ms if n.label == "TREATY" and n.id and 0 <= m.start - n.end <= 1]
            if before and known(f"Secretariat of the {before[-1].id}"):
                out[i] = f"Secretariat of the {before[-1].id}"
    named = [(j, m.id) for j, m in enumerate(ms) if m.label == "ORG" and CONVENTION_SECRETARIAT.match(m.id or "")]
    named += [(i, ident) for i, ident in out.items()]
    full_un = any(m.id == UN_SECRETARIAT and i not in bare for i, m in enumerate(ms))
    if len({ident for _, ident in named}) == 1 and not full_un:
        first = min(ms[j].start for j, _ in named)
        # a back-reference only: "秘书处将继续加强与《生物多样性公约》秘书处的合作" contrasts its own secretariat with it
        out.update({i: named[0][1] for i in bare if i not in out and ms[i].start > first})
    return out


def resolve_short_forms(mentions: Iterable[Named], lang: str = "en",
                        known: Callable[[str], bool] | None = None) -> dict[int, str]:
    """Ids for short mentions from the longer names of the same document, by mention index:
    - a name that is the head of a longer name of the same label, after "United Nations" in English too
      ("Standing Advisory Committee" after "United Nations Standing Advisory Committee on Security Questions in
      Central Africa", "Group of Governmental Experts" after
      "Group of Governmental Experts on Further Practical Measures ...", "Special Committee" after "Special
      Committee on the Charter ...", 'Comité spécial' after 'Comité spécial des opérations de maintien de la
      paix') takes its id, when exactly one longer name fits;
    - a bare short title ("the Convention", "the Agreement"; 'la Convention', 'Договора', 'الاتفاقية') takes the id
      of the nearest instrument with that head word named before it in the document (after it, if none before);
    - a secretariat named alone, the convention's secretariat the unit names (_secretariats)."""
    ms = list(mentions)
    out: dict[int, str] = _secretariats(ms, known)
    for i, m in enumerate(ms):
        if m.label not in NAMED or m.known:
            continue
        st = SHORT_TITLE.match(m.text.strip())
        if st and m.label == "TREATY":
            year, head = (st.group(1) or "").strip(), st.group(2).lower()
            cands = [(j, n) for j, n in enumerate(ms) if j != i and n.label == "TREATY" and n.id
                     and not SHORT_TITLE.match(n.text.strip())
                     and re.search(rf"\b{re.escape(head)}\b", n.text, re.I)
                     and (not year or year in n.text)]  # "the 1961 Convention": the one of 1961
            ident = _nearest(cands, m)
            out[i] = ident or ""  # a sentence's "The Treaty" is a short title too, not a name of its own
            continue
        head = _untitled_head(m)
        if head:  # the same choice for a short title in the other languages, by its head word's key
            cands = [(j, n) for j, n in enumerate(ms) if j != i and n.label == "TREATY" and n.id
                     and len(n.text.split()) > 1 and head in {_head_key(w) for w in n.text.split()}]
            if (ident := _nearest(cands, m)) is not None:
                out[i] = ident
            continue
        short = _bare(m.text)
        if len(short.split()) < 2 and lang != "zh":
            continue
        if lang == "zh":  # 执行局 after 儿基会执行局, 特别委员会 after 联合国宪章和加强联合国作用问题特别委员会: the name ends with it
            longer = {n.id for j, n in enumerate(ms) if j != i and n.label == m.label and n.id
                      and len(n.text) > len(short) and n.text.endswith(short)}
        elif lang == "en" or not profile(lang).spaced:
            longer = {n.id for j, n in enumerate(ms) if j != i and n.label == m.label and n.id
                      and _bare(n.text) != short
                      and re.match(rf"(?:United Nations\s+)?{re.escape(short)}\s+(?:on|of|for|in|to|against|established)\b",
                                   _bare(n.text))}
        else:  # French, Spanish, Russian, Arabic: the name's own words, in any case form, open the longer one
            longer = {n.id for j, n in enumerate(ms) if j != i and n.label == m.label and n.id and _opens(short, n.text)}
        if len(longer) == 1:
            out[i] = longer.pop()
        elif lang == "en" and m.label == "ORG" and EN_BARE_BODY.fullmatch(short):
            out[i] = ""  # "Panel of Experts" of no body the document names: an id of nobody, so none (GUIDELINES)
    return out
