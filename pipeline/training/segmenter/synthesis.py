"""Synthetic pre-segmented UN sentences for the Chinese segmenter: templates whose slots take openers, names,
resolution numbers, symbols and dates, and name + head compounds (see pipeline/training/train_segmenter.py)."""
from __future__ import annotations

import random
import re

from .words import TERMS

SYNTHETIC = 600          # template sentences (more if needed to use every opener), plus name compounds
# heads that follow a name as separate tokens (联合国 人员): the name is an entity inside the compound
HEADS = [["人员"], ["系统"], ["会员国"], ["工作人员"], ["房地"], ["各", "机构"], ["维持", "和平", "行动"],
         ["宪章"], ["主席"], ["报告"], ["秘书处"], ["官员"], ["成员"], ["任务"], ["特派团"], ["预算"]]
# modifiers that head many compounds in resolutions: trained before every head
COMPOUND_MODIFIERS = ["联合国", "安理会", "安全理事会", "大会", "秘书处", "非洲联盟", "欧洲联盟", "人权理事会"]
COMPOUND_FRAMES = [
    "{OPV} {NAME} {HEAD} 的 安全 ；", "保护 {NAME} {HEAD} ，", "针对 {NAME} {HEAD} 的 袭击 ，",
    "{NAME} {HEAD} 和 有关 人员", "加强 {NAME} {HEAD} 的 作用 ；", "在 {NAME} {HEAD} 内 ，",
    "人道主义 人员 及 {NAME} {HEAD} ，", "{OPV} {NAME} {HEAD} 所 作 的 努力 ，",
]
_ASCII = re.compile(r"[0-9A-Za-z]")
SYMBOL_SERIES = ["A", "A/RES", "S", "S/RES", "E", "A/C.3", "A/HRC", "A/HRC/RES", "E/CN.6", "S/PRST"]
ORDINALS = ["七十五", "七十六", "七十七", "七十八", "七十九", "八十", "五十", "六十"]

# Pre-segmented UN-resolution patterns. Slots: {OPV} opener, {NAME} UN name, {HEAD} compound head,
# {TERM} UN term (秘书长, 会员国), {RES} GA resolution number, {SCRES} SC resolution number, {SYM} document
# symbol, {DATE} full date, {YEAR}, {N} a number, {PARA} paragraph number, {ORD} session ordinal.
# The rest is segmented as UD GSD would.
TEMPLATES = [
    "{OPV} 其 {DATE} 关于 这 一 问题 的 第 {RES} 号 决议 ，",
    "{OPV} 其 {DATE} 第 {RES} 号 决议 和 {DATE} 第 {RES} 号 决议 ，",
    "回顾 安全理事会 {DATE} 第 {SCRES} 号 决议 ，",
    "{OPV} 安全理事会 第 {SCRES} 号 决议 和 第 {SCRES} 号 决议 ；",
    "包括 {DATE} 第 {SCRES} 号 决议 以及 {NAME} 的 有关 声明 ，",
    "{OPV} 秘书长 的 报告 ( {SYM} ) ；",
    "{OPV} 秘书长 的 报告 （ {SYM} ） ；",
    "注意到 秘书长 {DATE} 的 说明 ( 见 {SYM} ) ，",
    "见 {SYM} ， 第 {N} 段 。",
    "[ 未经 发交 主要 委员会 而 通过 ( {SYM} ) ]",
    "{DATE} 大会 决议",
    "{OPV} {NAME} {HEAD} 的 安全 和 保障 ；",
    "{OPV} {NAME} 在 这 方面 开展 的 工作 ，",
    "{NAME} {HEAD} 及 有关 人员 的 安全 ，",
    "请 {NAME} 向 大会 第{ORD} 届 会议 提交 报告 ；",
    "{OPV} 所有 会员国 充分 执行 第 {RES} 号 决议 ；",
    "根据 第 {RES} 号 决议 设立 的 {NAME} ，",
    "{OPV} {NAME} 和 {NAME} 之间 的 合作 ；",
    "{OPV} {NAME} 的 报告 ， 并 {OPV} 其中 所 载 的 建议 ；",
    "{OPV} 各国 遵守 《 联合国 宪章 》 和 国际 法 ，",
    "{NAME} 于 {DATE} 生效 后 ，",
    "{YEAR} 年 ， {NAME} {HEAD} 中 有 {N} 人 丧生 ，",
    "决定 将 题 为 “ {NAME} 的 报告 ” 的 项目 列入 其 第{ORD} 届 会议 临时 议程 。",
    "{OPV} {NAME} 继续 在 {NAME} {HEAD} 的 支持 下 开展 工作 ；",
    "同上 ， 第 {N} 卷 ， 第 {N} 号 。",
    "{OPV} 秘书长 在 {YEAR} 年 {N} 月 {N} 日 的 信 ( {SYM} ) 中 提出 的 建议 ；",
    "{OPV} 大会 第 {RES} 号 、 第 {RES} 号 和 第 {RES} 号 决议 ，",
    "又 {OPV} {NAME} {HEAD} 的 作用 ，",
    "{OPV} {TERM} 在 这 方面 的 作用 ；",
    "请 {TERM} 向 {NAME} 提交 报告 ，",
    "( 见 {SYM} ， 第 {N} 段 ) 。",
    "( 《 大会 正式 记录 ， 第{ORD} 届 会议 ， 补编 第 {N} 号 》 ( {SYM} ) ) 。",
    "{RES} .",
    "{RES} . {NAME} {HEAD} 的 安全 和 保障",
    "{PARA} .",
    "{PARA} . {OPV} {NAME} 的 报告 ；",
    # brackets written straight after a word, around years and dates: 国家战略(2014-2016), 局势(2002年12月18日)
    "{OPV} 国家 战略 ( {PERIOD} ) 的 执行 情况 ；",
    "{NAME} 战略 计划 ( {PERIOD} ) ，",
    "关于 该国 局势 ( {DATE} ) 的 报告 ，",
    "{OPV} 秘书长 关于 执行 情况 ( {YEAR} 年 ) 的 报告 ；",
]


def _res_number(rng: random.Random) -> str:
    return f"{rng.randint(1, 80)}/{rng.randint(1, 330)}"


def _sc_number(rng: random.Random) -> str:
    year = rng.randint(1993, 2025)
    return f"{rng.randint(800, 2790)}({year})"


def _symbol(rng: random.Random) -> str:
    series = rng.choice(SYMBOL_SERIES)
    if series in ("S", "S/PRST"):
        return f"{series}/{rng.randint(1995, 2025)}/{rng.randint(1, 999)}"
    if series == "S/RES":
        return f"S/RES/{_sc_number(rng)}"
    if series == "E/CN.6":
        return f"E/CN.6/{rng.randint(2000, 2025)}/L.{rng.randint(1, 9)}"
    if series == "E":
        return f"E/{rng.randint(2000, 2025)}/{rng.randint(1, 99)}"
    tail = rng.choice(["{n}", "{n}", "L.{m}", "{n}/Add.{m}", "PV.{m}"]).format(n=rng.randint(1, 999),
                                                                             m=rng.randint(1, 99))
    return f"{series}/{rng.randint(40, 80)}/{tail}"


def _date(rng: random.Random) -> list[str]:
    return [str(rng.randint(1945, 2025)), "年", str(rng.randint(1, 12)), "月", str(rng.randint(1, 31)), "日"]


class _Pool:
    """Draws words in shuffled rounds, so every word of the pool is used before any repeats."""

    def __init__(self, words: list[str], rng: random.Random):
        self.words, self.rng, self.queue = list(words), rng, []
        self.covered = False   # every word drawn at least once

    def draw(self) -> str:
        if not self.queue:
            self.queue = self.rng.sample(self.words, len(self.words))
        word = self.queue.pop()
        self.covered = self.covered or not self.queue
        return word


def synthetic_sentences(opverbs: list[str], names: list[str], n: int = SYNTHETIC, seed: int = 0,
                        terms: list[str] = TERMS) -> list[list[str]]:
    """Pre-segmented UN sentences: at least `n` from TEMPLATES (more if needed to use every opener once),
    plus name + head compounds (COMPOUND_FRAMES) for every name, a third of them cut at the spaces UN
    texts put around numbers and symbols (pkuseg segments each whitespace-separated chunk on its own)."""
    rng = random.Random(seed)
    opv = _Pool(opverbs or ["决定"], rng)
    nam = _Pool(names or ["联合国"], rng)
    trm = _Pool(terms or ["秘书长"], rng)
    fill = {
        "RES": lambda: [_res_number(rng)], "SCRES": lambda: [_sc_number(rng)], "SYM": lambda: [_symbol(rng)],
        "DATE": lambda: _date(rng), "YEAR": lambda: [str(rng.randint(1990, 2025))],
        "N": lambda: [str(rng.randint(1, 3000))], "OPV": lambda: [opv.draw()], "TERM": lambda: [trm.draw()],
        "NAME": lambda: [nam.draw()], "ORD": lambda: [rng.choice(ORDINALS)],
        "PARA": lambda: [str(rng.randint(1, 40))],
        "PERIOD": lambda: [(lambda y: f"{y}-{y + rng.randint(1, 5)}")(rng.randint(1990, 2025))],
    }

    def expand(template: str, name: str | None = None, head: list[str] | None = None) -> list[str]:
        words: list[str] = []
        for tok in template.split():
            m = re.fullmatch(r"(.*?)\{(\w+)\}(.*)", tok)
            if not m:
                words.append(tok)
                continue
            pre, slot, post = m.groups()
            if slot == "HEAD":
                # 联合国 秘书处 too stays two tokens, as the dictionary cuts it
                words.extend(head or rng.choice(HEADS))
                continue
            vals = [name] if slot == "NAME" and name else fill[slot]()
            vals[0] = pre + vals[0]
            vals[-1] = vals[-1] + post
            words.extend(vals)
        return words

    out: list[list[str]] = []
    limit = 20 * max(n, 1) + 10 * len(opverbs)
    while (len(out) < n or not opv.covered) and len(out) < limit:
        out.append(expand(rng.choice(TEMPLATES)))
    # every modifier before every head, every other name before one head: 联合国 人员, not 联合国人员
    for name in names:
        heads = HEADS if name in COMPOUND_MODIFIERS else [rng.choice(HEADS)]
        for head in heads:
            for _ in range(2 if name in COMPOUND_MODIFIERS else 1):
                out.append(expand(rng.choice(COMPOUND_FRAMES), name=name, head=head))
    # as UN texts are spaced ("第 46/182 号决议"), cut a third of the sentences with an ASCII token
    # into chunks around it
    chunked: list[list[str]] = []
    for words in out:
        if rng.random() < 1 / 3 and any(_ASCII.search(w) for w in words):
            chunk: list[str] = []
            for w in words:
                if _ASCII.search(w):
                    chunked.extend([c for c in (chunk, [w]) if c])
                    chunk = []
                else:
                    chunk.append(w)
            if chunk:
                chunked.append(chunk)
        else:
            chunked.append(words)
    return chunked
