"""Head words of names: the last word of an ORG name (委员会, 专家组, 协会; Coalition, Society, University in
"University of X") says what kind of body it is, and a name no list holds is found by its head.

Heads are knowledge with a source: built in, counted over the hand-written gazetteer's names, or learned from
corrections (a `head` row in corrections.jsonl, entities/corrections.py). The Chinese segmenter glues most names
into one token (巴勒斯坦土地协会, 机构间专家组), so a Chinese head is found as a word by its left branching instead:
the shortest suffix (two characters or more) that at least MIN_BRANCHING different characters precede over the
names counted (委员会: many; its suffix 员会: only 委).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from .patterns import Candidate

MIN_BRANCHING = 3  # different characters before a Chinese suffix that make it a word (left branching)
MAX_ZH_HEAD = 4
MIN_HEAD_NAMES = 2  # different corrected names that must share a head for it to be learned (one: a built-in head)
MIN_NAMES = {"zh": 3, "en": 3}  # built-in heads: gazetteer ids whose names end with the head
# heads that do not make a name: on the train split their rule added more wrong spans than right ones (built-in
# heads, `--heads all`); 平台/倡议, Platform/Initiative: GUIDELINES, initiatives and platforms are not ORG;
# Assembly, as 大会: a "World Assembly on Ageing" is an event (GUIDELINES: conferences and summits)
NOT_SPECIFIC: dict[str, set[str]] = {
    "zh": {"会议", "组织", "机构", "机制", "行动", "大会", "部队", "运动", "平台", "倡议"},
    "en": {"Conference", "Army", "Forces", "State", "Platform", "Initiative", "Assembly"}}

# English: the head noun stands before the name's complement ("University of Cape Town") or ends it
EN_COMPLEMENT = re.compile(r"\s+(?:of|for|on|in|to|against|at)\s")


class Branching:
    """Which characters precede each suffix over a set of Chinese names (left branching)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.before: dict[str, set[str]] = defaultdict(set)
        for n in names:
            for k in range(2, min(MAX_ZH_HEAD, len(n) - 1) + 1):
                self.before[n[-k:]].add(n[-k - 1])

    def head(self, name: str) -> str | None:
        for k in range(2, min(MAX_ZH_HEAD, len(name) - 1) + 1):
            if len(self.before.get(name[-k:], ())) >= MIN_BRANCHING:
                return name[-k:]
        return None


def en_head(name: str) -> str | None:
    """The head noun of an English title: the last word before its complement, else its last word; only a
    capitalized word is a head (a title's head is part of its name)."""
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    m = EN_COMPLEMENT.search(name)
    words = (name[:m.start()] if m else name).split()
    if len(words) < 1 or (not m and len(words) < 2):
        return None
    w = words[-1]
    return w if re.fullmatch(r"[A-Z][a-z]+", w) else None


def head_of(name: str, lang: str, branching: Branching | None) -> str | None:
    if lang == "en":
        return en_head(name)
    if lang == "zh" and branching is not None:
        return branching.head(name)
    return None


def gazetteer_heads(rows: Sequence[dict[str, str]], lang: str, label: str = "ORG") -> Counter:
    """Head -> how many of the gazetteer's names of `label` in `lang` end with it (an id counted once)."""
    names = sorted({(r["id"], r["name"]) for r in rows if r["lang"] == lang and r["label"] == label})
    branching = Branching(n for _, n in names) if lang == "zh" else None
    by_id: dict[str, set[str]] = defaultdict(set)
    for ident, n in names:
        h = head_of(n, lang, branching)
        if h:
            by_id[h].add(ident)
    return Counter({h: len(ids) for h, ids in by_id.items()})


def builtin_heads(rows: Sequence[dict[str, str]], lang: str) -> dict[str, str]:
    """Head word -> "ORG": the gazetteer's frequent, specific ORG heads in `lang` (zh and en)."""
    if lang not in MIN_NAMES:
        return {}
    counts = gazetteer_heads(rows, lang)
    return {h: "ORG" for h, n in counts.items() if n >= MIN_NAMES[lang] and h not in NOT_SPECIFIC[lang]}


def learned_heads(names: Iterable[tuple[str, str, str]], rows: Sequence[dict[str, str]], lang: str,
                  min_names: int | None = None) -> dict[str, list[tuple[str, str]]]:
    """Heads people taught: head -> the (name, unit) pairs of `names` ((name, label, unit): ORG names the rules
    missed, as corrected) that end with it, for heads at least `min_names` different names share, or one name
    when the gazetteer's names already make it a head (builtin_heads). A Chinese head is a word by its left
    branching over the gazetteer's and the corrected names."""
    names = [(n, unit) for n, label, unit in names if label == "ORG"]
    branching = Branching([r["name"] for r in rows if r["lang"] == lang and r["label"] == "ORG"]
                          + [n for n, _ in names]) if lang == "zh" else None
    by_head: dict[str, dict[str, str]] = defaultdict(dict)
    for n, unit in names:
        h = head_of(n, lang, branching)
        if h and n != h:
            by_head[h].setdefault(n, unit)
    known = builtin_heads(rows, lang)
    return {h: sorted(got.items()) for h, got in by_head.items()
            if (len(got) >= (min_names or MIN_HEAD_NAMES) or h in known) and h not in NOT_SPECIFIC.get(lang, ())}


# ---- finding Chinese names by their head

# a name starts after punctuation, a function word, a verb or a generic word (ZH_NOT_BODY's words, and more)
ZH_STOP_CHARS = set("的在为以向由将并、，。；：（）()“”《》〈〉各所其该此这相了每还同给请是被把从于就也都即而且令使让到除")
# 和, 与, 及, 或, 对 end a name or stand inside one (加勒比发展和合作委员会, 瑞士和列支敦士登委员会): no clear start
ZH_AMBIGUOUS = set("和与及或对")
ZH_NO_START = set("年月日次名届个位项一二三四五六七八九十两几")  # 2016年|特别会议, 三个|国家: a count or a date ends before a name
ZH_STOP_WORDS = re.compile(
    r"(?:会员国|成员国|国家|人员|任何|职能|建议|处理|根据|参加|通过|提交|审议|决定|注意到|注意|报告|欢迎|支持|包括|设立|成立|召开|"
    r"举行|加强|鼓励|呼吁|邀请|赞赏|感谢|促请|要求|敦促|重申|回顾|确认|表示|协助|出席|主持|领导|牵头|担任|赞扬|授权|请求|指出|强调|"
    r"如果|如|若|但|帮助|通知|按照|依照|遵照|承认|同意|任命|参与|召集|建立|创建|设置|委托|负责|其他|有关|所有|一个|若干|多个|提供|编写|开展|作为|主席|代表|成员|秘书长|"
    r"第[一二三四五六七八九十百零〇]+届|届会|会议|期间|方面|工作|目前|现在|已经|正在|首次|今后)$")
ZH_MAX_MODIFIER = 14
# words ending with a head that are common nouns (GUIDELINES: focal points, trust funds without a name)
ZH_COMMON_NOUN = re.compile(r"(?:协调中心|联络中心|信托基金|专题基金|集合基金)$")
# a modifier that says where or at what level a body works names a class of bodies: 区域委员会, 国家办事处
ZH_GENERIC = re.compile(r"(?:区域|次区域|国际|全球|国家|地方|相关|政府间|非政府|联合|特设|常设|专门)+")


def zh_names(text: str, heads: dict[str, str], known: Sequence[Candidate]) -> list[Candidate]:
    """Chinese names ending with a head (head -> label), with no id: the span runs left from the head over
    Han characters up to a clear start (text start, punctuation or another script, a function word, a verb or
    a generic word, or the start of a known name it then keeps whole); a name whose start is not clear within
    ZH_MAX_MODIFIER characters, or with fewer than two characters before its head, is none. A known name that
    ends where the head ends is the name: it is not extended."""
    if not heads:
        return []
    rx = re.compile("|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True)))
    names = [c for c in known if c.source in ("gazetteer", "learned")]
    out = []
    for m in rx.finditer(text):
        hs, he = m.span()
        s, clear = hs, False
        while hs - s <= ZH_MAX_MODIFIER:
            if s and text[s - 1] in ZH_AMBIGUOUS:
                break
            if s == 0 or not "\u4e00" <= text[s - 1] <= "\u9fff" or text[s - 1] in ZH_STOP_CHARS:
                clear = True
                break
            if ZH_STOP_WORDS.search(text, max(0, s - 8), s) or (s < hs and any(text.endswith(h, 0, s) for h in heads)):
                # a generic word or a verb ends here; or a name does (性别平等问题咨询委员会 after ...委员会)
                clear = True
                break
            inside = [c for c in names if c.start < s <= c.end - 1 or c.end == s]
            if inside:  # a known name at the left is the start
                s, clear = min(c.start for c in inside), True
                break
            s -= 1
        while s < hs and text[s] in ZH_NO_START:
            s += 1
        if not clear or hs - s < 2 or ZH_GENERIC.fullmatch(text, s, hs) or ZH_COMMON_NOUN.search(text, s, he):
            continue
        if any(c.end == he and s <= c.start < hs for c in names):
            continue  # 欧洲联盟, 安全理事会: the known name is the name
        out.append(Candidate(s, he, heads[m.group(0)], "", source="head"))
    return out
