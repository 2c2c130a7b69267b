"""Clauses of an operative paragraph: the opener and every later verb the adopting organ itself governs
(annotations/GUIDELINES.md, "Clauses").

"12. 欢迎……，又强烈敦促联合国系统和会员国……" has two clauses: 欢迎 (declare) and 强烈敦促 (urge, strong). A later
clause starts at a coordinated finite operative verb: after a comma or semicolon, or after "and", past any
connective or adverbial ("also", "further", "in this regard", 又, 还, 并, 同时, 在这方面) and intensifier, where the
opener lexicon (`opverbs.<lang>.tsv`, operative kind) knows the verb. Works on the text alone; with a dependency
parse, a candidate the parse puts inside a relative or adverbial clause is dropped.

French, Spanish, Russian and Arabic use the same rule with their own words (`modifiers.<lang>.tsv`: the
`conjunction` "et", "y", "и", the glued Arabic "و", and the connectives): ", et prie", ", y exhorta", ", и призывает",
"، ويطلب". A capitalised word there is a name, not a verb (cased languages).

Not a clause: verbs inside the requested action ("请秘书长审查并报告"), relative and subordinate clauses ("the
measures that it has requested", "其中大会请秘书长", "其请求的措施"), participles ("as requested"), nouns ("requests
for assistance", "notes verbales"), and infinitives ("and to submit").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, NamedTuple, Optional, Tuple

from ..languages import profile
from ..lexicons import alternation, of_role
from .lexicon import Opener, OpenerLexicon


class Clause(NamedTuple):
    start: int  # offsets into the paragraph text
    end: int
    cls: str
    intensity: str


EN_BOUNDARY = re.compile(
    r"(?:[,;]\s+(?:and\s+)?|\s+and\s+)"
    r"((?:(?:also|further|furthermore|in this regard|in that regard|in this respect|in that respect|in this context|"
    r"in that context|to this end|to that end|in addition|moreover|therefore|accordingly|in this connection|"
    r"once again|again|at the same time|the (?:general )?assembly|the (?:security )?council),?\s+)*)", re.I)
# a word after the verb that makes it a plural noun ("requests for assistance", "notes verbales")
EN_NOUN_NEXT = re.compile(r"\s*(and|or|for|from|of|made|received|submitted|by|contained|in|on|verbales?|"
                          r"addressed|concerning|regarding|related|with|to be)\b|\s*[,;.)]", re.I)
EN_NOUNISH = {"requests", "demands", "notes", "calls", "appeals", "records", "supports", "finds", "recommends",
              "commits", "resolves", "establishes", "expects", "reports"}
# verbs a relative or subordinate clause hangs on: "which requests", "that urges", "as it requests"
EN_SUBORDINATE = re.compile(r"\b(which|that|who|whom|whose|where|as|when|if|it|they|he|she)\s*$", re.I)

ZH_BOUNDARY = re.compile(r"[，；,;][\s⁰¹²³⁴⁵⁶⁷⁸⁹]*((?:又|还|并且|并|也|此外|同时|另外|进而|因此|为此|鉴此|在这方面|在此方面|在这一方面|在这一点上|"
                         r"在此背景下|在这方面还|再次|进一步|大会|安理会|安全理事会)*)")
# Chinese verbs that are more often the requested action or a noun than a new clause of the Assembly
ZH_NOT_AFTER_COMMA = {"通过", "批准", "设立", "延长", "指定", "选举", "任命", "认可", "核准", "确定", "承诺", "意识到",
                      "考虑到", "铭记", "认定", "断定", "宣布", "宣告", "期望", "回顾", "肯定", "承认", "赞同", "指出",
                      "遗憾", "关切", "表示", "请求", "建议", "主张", "相信", "深信", "认为", "警告", "致敬", "感谢", "注意",
                      "重新任命", "指示", "责成", "要求", "坚持", "授权"}
# ... unless a connective (又, 还, 并 ...) or an intensifier stands before it
# weak verbs: a clause only straight after a comma that follows a declaratory clause ("欢迎……，支持……"); with a
# connective they go on with the action or the content before them ("促请……，并在这方面进一步支持……")
ZH_WEAK = {"支持", "考虑到"}
# verbs that open no paragraph of the lexicon but do coordinate a later clause ("，并注意……", "，反对……"); kept
# here so that no opener changes
ZH_CLAUSE_ONLY = {"注意": "declare", "反对": "declare"}
# "请……各基金和方案并邀请各专门机构": a directive verb joined by 并 right after the previous verb's short object
ZH_GLUED = re.compile(r"并(邀请|鼓励|敦促|促请|吁请|呼吁|请)")
ZH_GLUED_GAP = 30
ZH_SUBORDINATE_NEXT = re.compile(r"^(的|者|了|方面|工作|事项|机制|程序|之)")


def find_clauses(text: str, opener_end: int, lexicon: OpenerLexicon, lang: str, opener_cls: str = ""
                 ) -> List[Clause]:
    """Later clauses (after the opener, which ends at `opener_end` and has class `opener_cls`) of the operative
    paragraph `text`."""
    if not profile(lang).spaced:
        return _zh(text, opener_end, lexicon, opener_cls)
    if lang == "en":  # English keeps its hand-made boundary and its noun and subordinate-clause filters
        return _en(text, opener_end, lexicon)
    return _spaced(text, opener_end, lexicon, lang)


def _table(lexicon: OpenerLexicon) -> Tuple[Tuple[str, str, str], ...]:
    """The pipeline's own modifiers table (the copy saved with it), hashable for the cache below."""
    return tuple((r["phrase"].strip(), r["role"], (r["value"] or "").strip()) for r in lexicon.modifiers)


@lru_cache(maxsize=None)
def _boundary(table: Tuple[Tuple[str, str, str], ...]) -> re.Pattern[str]:
    """Where a later clause may start in a spaced language: after a comma or semicolon (Latin or Arabic), with or
    without the conjunction, or after the conjunction alone, then any connectives. A conjunction whose value is
    "prefix" (Arabic و) is written glued to the verb. `table`: the pipeline's saved modifiers (_table)."""
    free = [p for p, r, v in table if r == "conjunction" and v != "prefix"]
    glued = [p for p, r, v in table if r == "conjunction" and v == "prefix"]
    conn = alternation(p for p, _ in of_role(table, "connective"))
    clitic = alternation(p for p, _ in of_role(table, "clitic"))  # "et lui demande", "y le solicita": a pronoun before the verb
    parts = []
    if free:
        parts.append(rf"[,;،؛]\s+(?:(?:{alternation(free)})\s+)?|\s+(?:{alternation(free)})\s+")
    if glued:
        parts.append(rf"(?:[,;،؛]\s*|\s+)(?:{alternation(glued)})(?=\w)|[,;،؛]\s+")
    return re.compile(rf"(?:{'|'.join(parts)})((?:(?:{conn}),?\s+)*)(?:(?:{clitic})\s+)?", re.I)


def _spaced(text: str, opener_end: int, lexicon: OpenerLexicon, lang: str) -> List[Clause]:
    out: List[Clause] = []
    pos = opener_end
    cased = profile(lang).cased
    for m in _boundary(_table(lexicon)).finditer(text, opener_end):
        if m.start() < pos:
            continue
        at = m.end()
        if at >= len(text) or not text[at].isalpha():
            continue
        found = lexicon.find(text[at:at + 160], "operative")
        if found is None or not found.cls or found.start > 40:
            continue
        start, end = at + found.start, at + found.end
        if cased and not text[start].islower():
            continue  # a capitalised word mid-paragraph is a name, not a verb
        out.append(Clause(start, end, found.cls, found.intensity))
        pos = end
    return out


def _en(text: str, opener_end: int, lexicon: OpenerLexicon) -> List[Clause]:
    out: List[Clause] = []
    pos = opener_end
    for m in EN_BOUNDARY.finditer(text, opener_end):
        if m.start() < pos:
            continue
        at = m.end()
        if at >= len(text) or not text[at].isalpha():
            continue
        if EN_SUBORDINATE.search(text[max(0, m.start() - 12):m.start()]) and "," not in m.group(0) \
                and ";" not in m.group(0):
            continue
        found = lexicon.find(text[at:at + 160], "operative")
        if found is None or not found.cls or found.start > 40:
            continue
        start, end = at + found.start, at + found.end
        word = text[start:end].lower().split()[-1]
        if word in EN_NOUNISH and EN_NOUN_NEXT.match(text, end):
            continue
        if not re.match(r"[a-z]", text[start]) or text[start:end].lower().startswith("the "):
            continue  # a capitalised word mid-paragraph is a name, not a verb
        out.append(Clause(start, end, found.cls, found.intensity))
        pos = end
    return out


def _zh(text: str, opener_end: int, lexicon: OpenerLexicon, opener_cls: str = "") -> List[Clause]:
    out: List[Clause] = []
    pos = opener_end
    prev_cls = opener_cls
    glued = [(m.start(), m.start() + 1) for m in ZH_GLUED.finditer(text, opener_end)]
    cands = sorted([(m.start(), m.end(), m.group(1), False) for m in ZH_BOUNDARY.finditer(text, opener_end)]
                   + [(a, b, "", True) for a, b in glued])
    for m_start, at, conn, is_glued in cands:
        if m_start < pos:
            continue
        if is_glued and (m_start - pos > ZH_GLUED_GAP or re.search(r"[，；,;：。]", text[pos:m_start])):
            continue
        found = lexicon.find(text[at:at + 60], "operative") or _clause_only(text, at)
        if found is None or not found.cls:
            continue
        start, end = at + found.start, at + found.end
        connected = bool(conn) or found.start > 0 or found.intensity != "none" or "地" in text[start:end]
        if found.phrase in ZH_NOT_AFTER_COMMA and not connected:
            continue
        if found.phrase in ZH_WEAK and (conn or found.start > 0 or prev_cls != "declare"):
            continue
        if ZH_SUBORDINATE_NEXT.match(text[end:]):
            continue  # "，要求的……": a noun or a relative clause
        if found.phrase in ("请",) and text.startswith(("求", "愿"), end):
            continue
        out.append(Clause(start, end, found.cls, found.intensity))
        pos = end
        prev_cls = found.cls
    return out


def _clause_only(text: str, at: int) -> Optional[Opener]:
    for verb, cls in ZH_CLAUSE_ONLY.items():
        if text.startswith(verb, at) and not text.startswith("注意到", at):
            return Opener(0, len(verb), "operative", cls, "none", verb)
    return None


def in_subordinate(doc, char_start: int) -> bool:
    """With a dependency parse: is the verb at `char_start` inside a relative or adverbial clause?"""
    tok = _token_at(doc, char_start)
    return tok is not None and tok.dep_ in ("acl", "acl:relcl", "relcl", "advcl", "csubj")


def _token_at(doc, char: int) -> Optional[object]:
    for t in doc:
        if t.idx <= char < t.idx + len(t.text):
            return t
    return None
