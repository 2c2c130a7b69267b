"""Chinese addressees by rule: after the opening verb (促请, 请, 鼓励 ...), a run of actor noun phrases built from
known pieces (modifiers, names, heads; countries; the ORG entities the pipeline found) joined by 、和及与; the
phrase ends where the requested action begins, i.e. at the first piece the vocabulary does not know.
For 决定/要求 with a clause, the actor before 应/必须 ("决定……所有会员国应采取") is the addressee."""
from __future__ import annotations

import re
from typing import NamedTuple

from .english import classify as classify_english
from .lexicon import chinese

OBJECT_VERBS = ("敦促", "促请", "吁请", "呼吁", "请", "鼓励", "邀请", "建议", "要求", "坚决主张", "坚持", "提醒", "授权",
                "责成", "指示", "鼓舞", "恳请", "吁求")
CLAUSE_VERBS = ("决定", "要求", "坚决主张", "坚持")
OBLIGATION = ("应当", "应", "必须", "须", "务必", "将")
CONJ = ("以及", "和/或", "、", "和", "及", "与", "或")
ORDINAL = re.compile(r"第[\d一二三四五六七八九十百零〇]+届(会议)?")
MAX_TERM = 12
COMITATIVE = ("与", "同", "和")
TOGETHER = ("一道", "一起", "合作", "协作", "共同")  # 与 X 一道/一起/合作: X is a companion
QUALIFIERS = ("特别是", "尤其是", "包括", "、", "或")
PARTY_MOD = 10
FREE_PREFIX = 8
# words that start the requested action (or an adjunct): an unknown prefix holding one is no actor name
ACTION = re.compile("在|向|于|对|与|同|为|以|将|把|从|就|继续|采取|确保|考虑|提交|加强|支持|促进|执行|审议|审查|提供|参与|进行|建立|"
                    "制定|酌情|尽快|立即|全面|积极|进一步|努力|根据|按照|通过|报告|使|让|予以|保护|停止|遵守|避免|履行|利用|加入|批准|"
                    "开展|作出|做出|设立|处理|应对|协助|合作|援助|改善|确认|增加|减少|实施|落实|推动|鼓励|邀请|请|敦促|吁请|呼吁")


class Addressee(NamedTuple):
    start: int
    end: int
    type: str


class Piece(NamedTuple):
    end: int
    type: str
    role: str  # head | name | mod


class Context(NamedTuple):
    orgs: dict  # ORG entities of the paragraph: start -> (end, type)
    vocab: dict  # lexicon.chinese()


def _piece(text: str, pos: int, ctx: Context) -> Piece | None:
    """The longest known piece at `pos`: a pipeline ORG entity, a lexicon term or country, or an ordinal."""
    best = None
    if pos in ctx.orgs:
        end, typ = ctx.orgs[pos]
        best = Piece(end, typ, "name")
    vocab = ctx.vocab
    for n in range(min(MAX_TERM, len(text) - pos), 0, -1):
        hit = vocab.get(text[pos:pos + n])
        if hit and (best is None or pos + n > best.end):
            best = Piece(pos + n, hit[0], hit[1])
            break
    m = ORDINAL.match(text, pos)
    if m and (best is None or m.end() > best.end):
        best = Piece(m.end(), "-", "mod")
    return best


def _phrase(text: str, pos: int, ctx) -> tuple[int, str, int] | None:
    """One actor phrase at `pos`: (end, type, number of pieces), ending at its last head or name; failing that,
    a few unknown characters before a known head ("公共行政专家委员会", "有接触的工商企业")."""
    return _known_phrase(text, pos, ctx) or _free_phrase(text, pos, ctx)


def _free_phrase(text: str, pos: int, ctx) -> tuple[int, str, int] | None:
    for k in range(1, FREE_PREFIX + 1):
        if pos + k >= len(text) or not ("\u4e00" <= text[pos + k - 1] <= "\u9fff" or text[pos + k - 1] == "的"):
            return None
        if ACTION.search(text[pos:pos + k]):
            return None
        p = _piece(text, pos + k, ctx)
        if p is not None and p.role == "head":
            found = _known_phrase(text, pos + k, ctx)
            if found:
                return found[0], found[1], found[2] + 1
    return None


def _known_phrase(text: str, pos: int, ctx) -> tuple[int, str, int] | None:
    end, typ, last_name_type, n = None, None, None, 0
    while pos < len(text):
        p = _piece(text, pos, ctx)
        if p is None:
            break
        n += 1
        if p.role in ("head", "name"):
            t = p.type
            if t == "inherit":
                t = last_name_type or "un_system"
            elif text[pos:p.end] == "秘书长" and last_name_type == "other_org":
                t = "other_org"  # 加勒比共同体秘书长: another organization's Secretary-General
            elif p.role == "head" and t == "other_org" and (last_name_type == "un_system" or typ == "un_system"):
                t = "un_system"  # 联合国各机构: a generic head under a UN name stays in the UN system
            end, typ = p.end, t
            if p.role == "name":
                last_name_type = p.type
        pos = p.end
    return (end, typ, n) if end is not None else None


def _actors(text: str, pos: int, ctx) -> tuple[list[Addressee], int]:
    out: list[Addressee] = []
    first = _phrase(text, pos, ctx)
    if first is None:
        rel = _relative(text, pos, ctx)
        if rel is None:
            return [], pos
        pos, first = rel
    end, typ, n = first
    out.append(Addressee(pos, end, typ))
    while True:
        conj = next((c for c in CONJ if text.startswith(c, end)), None)
        if conj is None:
            break
        start = end + len(conj)
        nxt = _phrase(text, start, ctx)
        if nxt is None:
            rel = _relative(text, start, ctx)  # "各国政府和处于……局势中的各方"
            if rel is None:
                break
            start, nxt = rel
        n_end, n_typ, n_pieces = nxt
        if conj in COMITATIVE and (text.startswith(TOGETHER, n_end) or _together(text, n_end, conj)):
            break  # "秘书长与联合国……各组织一道": a companion, not an addressee
        last = out[-1]
        piece = _piece(text, start, ctx)
        if (start == end + len(conj) and _shares_name(text, conj, start, n_end) and n_pieces == 1 and piece
                and piece.role == "head" and _ends_with_head(text, last, ctx)
                and (_has_name(text, last, ctx) or text.startswith("联合国", last.start))
                and not (n_typ in ("states", "parties") and n_typ != last.type)):  # 联合国系统和会员国: two actors
            out[-1] = Addressee(last.start, n_end, last.type)  # 联合国各机关和机构: one shared name
        else:
            out.append(Addressee(start, n_end, n_typ))
        end = n_end
    return out, end


def _shares_name(text: str, conj: str, start: int, end: int) -> bool:
    """A head that may share the name before it: after 和/及 ("联合国各机关和机构"), and after 、 only bare generic
    heads of two characters, which cannot name an actor alone ("联合国所有相关部厅、组织、基金和方案"); a longer
    item after 、 is an actor of its own ("联合国各机关和机构、发展机构和国际组织")."""
    return conj in ("和", "及") or (conj == "、" and all(len(w) <= 2 for w in re.split("和|及", text[start:end])))


def _together(text: str, pos: int, conj: str) -> bool:
    """一道/一起 closes a 与/同/和 frame later in the same clause: "与联合国安保管理系统各组织一道"; after 与/同 (never
    和, which also joins two addressees) so does 合作/协作: "与禁化武组织实况调查团全面合作"."""
    stop = min([i for i in (text.find(c, pos) for c in "，；。") if i >= 0] or [len(text)])
    closers = ("一道", "一起") + (("合作", "协作") if conj in ("与", "同") else ())
    return any(0 <= text.find(w, pos, min(stop, pos + 20)) for w in closers)


def _relative(text: str, pos: int, ctx) -> tuple[int, tuple[int, str, int]] | None:
    """A relative clause before the head: "尚未批准……的国家" -> 国家 (start of the head, phrase). A modifier that says
    which parties are meant stays in ("参与武装冲突的各方"), unless it holds a qualifier or a list ("处于……、特别是……
    中的各方" -> 各方)."""
    stop = min([i for i in (text.find(c, pos) for c in "，；。") if i >= 0] or [len(text)])
    de = text.rfind("的", pos, min(stop, pos + 80))
    while de > pos:
        cand = _phrase(text, de + 1, ctx)
        if cand is not None:
            mod = text[pos:de]
            if (cand[1] == "parties" and len(mod) <= PARTY_MOD and not any(q in mod for q in QUALIFIERS)
                    and all("\u4e00" <= c <= "\u9fff" for c in mod)):
                return pos, cand
            return de + 1, cand
        de = text.rfind("的", pos, de)
    return None


def _ends_with_head(text: str, a: Addressee, ctx) -> bool:
    pos, role = a.start, None
    while pos < a.end:
        conj = next((c for c in CONJ if text.startswith(c, pos)), None)
        if conj and pos > a.start:  # a merged list: 联合国所有相关部厅、组织、基金和方案
            pos += len(conj)
            continue
        p = _piece(text, pos, ctx)
        if p is None:
            return False
        role, pos = p.role, p.end
    return role == "head"


def _has_name(text: str, a: Addressee, ctx) -> bool:
    pos = a.start
    while pos < a.end:
        conj = next((c for c in CONJ if text.startswith(c, pos)), None)
        if conj and pos > a.start:  # a merged list: 联合国所有相关部厅、组织、基金和方案
            pos += len(conj)
            continue
        p = _piece(text, pos, ctx)
        if p is None:
            return False
        if p.role == "name":
            return True
        pos = p.end
    return False


def extract(text: str, opener_end: int, opener: str, orgs: dict[int, tuple[int, str]] | None = None,
            vocab: dict | None = None) -> list[Addressee]:
    """Addressees of the operative paragraph `text` whose opening verb `opener` ends at `opener_end`.
    `orgs`: ORG entities of the paragraph, start -> (end, type); `vocab`: lexicon.chinese() of the pipeline."""
    ctx = Context(orgs or {}, vocab if vocab is not None else chinese())
    verb = opener.strip()
    pos = opener_end
    # the opener span may run past its verb ("邀请会员国考虑"): start right after the first verb in it
    hits = [(verb.find(v), v) for v in OBJECT_VERBS + CLAUSE_VERBS if v in verb]
    if hits:
        at, v = min(hits, key=lambda h: (h[0], -len(h[1])))
        pos = opener_end - len(opener) + at + len(v)
        verb = verb[:at + len(v)]
    while pos < len(text) and text[pos] in " ，,":
        pos += 1
    if verb.endswith(CLAUSE_VERBS):
        # the clause subject: a phrase at the start or after a comma, followed by an obligation word
        stop = min([i for i in (text.find(c, pos) for c in "；。") if i >= 0] or [len(text)])
        starts = [pos] + [i + 1 for i in range(pos, stop) if text[i] == "，"]
        for s in starts:
            actors, end = _actors(text, s, ctx)
            if actors and text.startswith(OBLIGATION, end):
                return actors
        if not verb.endswith(OBJECT_VERBS):
            return []
    if not verb.endswith(OBJECT_VERBS):
        return []
    actors, _ = _actors(text, pos, ctx)
    return actors


def org_types(ents: list[tuple[int, int, str, str]], lex=None) -> dict[int, tuple[int, str]]:
    """Pipeline ORG entities (start, end, label, id) as pieces: typed through their canonical English name."""
    out = {}
    for start, end, label, ident in ents:
        if label == "ORG":
            typ = classify_english(ident, lex) if ident else None
            if typ:
                out[start] = (end, typ)
    return out

