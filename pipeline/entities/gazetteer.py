"""Gazetteer of organizations and treaties (pipeline/lexicons/gazetteer.tsv: label, id, lang, name) and the
title heuristics that find instruments no list holds (Chinese 《...》 titles, English capitalized titles)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from .patterns import Candidate

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
ZH_TREATY_TAIL = re.compile(r"(公约|条约|议定书|宪章|规约|协定|协议|宣言|盟约|契约|行动纲领|行动纲要|纲要|行动计划|执行计划|共识|指导原则|"
                            r"原则|议程|框架公约|修正案|章程)$")
ZH_NOT_TREATY = re.compile(r"(报告|战略|汇编|记录|条例|法典|法|规章|准则|手册|政策|计划\(.*\)|框架)$")
EN_TREATY_HEAD = r"(?:Convention|Treaty|Protocol|Covenant|Statute|Charter|Agreement|Declaration|Pact|Accord|Consensus)"
EN_TITLE = re.compile(
    rf"(?:(?:[A-Z][\w’'-]*|\d{{4}})\s+)*{EN_TREATY_HEAD}"
    rf"(?:\s+(?:on|for|against|of|relating to|concerning|between|to)\s+(?:the\s+|a\s+)?"
    rf"(?:[A-Z][\w’'-]*)(?:\s+(?:and|of|the|on|in|for|to|against|by|from|with|their|[A-Z][\w’'-]*))*)?")
EN_SHORT = re.compile(r"\bthe (Convention|Treaty|Statute|Charter|Protocol|Covenant)\b(?!\s+(?:on|of|for|against)\b)")


class Gazetteer:
    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.rows = rows
        self.index: dict[tuple[str, str], tuple[str, str]] = {}  # (lang, name) -> (label, id)
        for r in rows:
            self.index[(r["lang"], r["name"])] = (r["label"], r["id"])
        self._regex: dict[str, re.Pattern[str] | None] = {}
        self.ids = {(r["label"], r["id"]) for r in rows}

    @classmethod
    def load(cls, path: Path | None = None) -> "Gazetteer":
        path = path or LEXICON_DIR / "gazetteer.tsv"
        if not path.exists():
            return cls([])
        with open(path, encoding="utf-8") as f:
            return cls([r for r in csv.DictReader(f, delimiter="\t") if r.get("name")])

    def write(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["label", "id", "lang", "name"], delimiter="\t", lineterminator="\n")
            w.writeheader()
            for r in self.rows:
                w.writerow({k: r[k] for k in ("label", "id", "lang", "name")})

    def regex(self, lang: str) -> re.Pattern[str] | None:
        if lang not in self._regex:
            names = sorted({n for (lg, n) in self.index if lg == lang}, key=len, reverse=True)
            if not names:
                self._regex[lang] = None
            else:
                alt = "|".join(re.escape(n) for n in names)
                # English names are whole words; Chinese names may sit inside compounds (联合国人员)
                self._regex[lang] = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])" if lang == "en" else f"(?:{alt})")
        return self._regex[lang]

    def lookup(self, text: str, lang: str) -> tuple[str, str] | None:
        t = text.strip().strip("《》")
        hit = self.index.get((lang, t))
        if hit is None and lang == "en" and t.lower().startswith("the "):
            hit = self.index.get((lang, t[4:])) or self.index.get((lang, "the " + t[4:]))
        return hit

    def find(self, text: str, lang: str) -> list[Candidate]:
        out: list[Candidate] = []
        rx = self.regex(lang)
        if rx is not None:
            pos = 0
            while True:
                m = rx.search(text, pos)
                if not m:
                    break
                label, ident = self.index[(lang, m.group(0))]
                out.append(Candidate(m.start(), m.end(), label, ident, source="gazetteer"))
                pos = m.start() + 1  # overlapping matches: the longest non-overlapping set is chosen later
        out.extend(self._titles(text, lang))
        return out

    def _titles(self, text: str, lang: str) -> list[Candidate]:
        out = []
        if lang == "zh":
            for m in re.finditer(r"《([^《》]{2,80})》", text):
                inner = m.group(1)
                hit = self.lookup(inner, lang)
                if hit and hit[0] == "TREATY":
                    out.append(Candidate(m.start(1), m.end(1), "TREATY", hit[1], source="gazetteer"))
                elif ZH_TREATY_TAIL.search(inner) and not ZH_NOT_TREATY.search(inner):
                    out.append(Candidate(m.start(1), m.end(1), "TREATY", "", source="title"))
            return out
        for m in EN_TITLE.finditer(text):
            s, e = m.start(), m.end()
            span = text[s:e]
            # trim trailing function words, and leading words that are the paragraph's verb or sentence case
            span2 = re.sub(r"(\s+(?:and|of|the|on|in|for|to|against|by|from|with|their))+$", "", span)
            e = s + len(span2)
            words = span2.split()
            while words and re.fullmatch(r"[A-Z][a-z]+(ing|s)", words[0]) and len(words) > 2:
                s += len(words[0]) + (len(text[s + len(words[0]):]) - len(text[s + len(words[0]):].lstrip()))
                words = words[1:]
                span2 = text[s:e]
            if len(words) < 2:
                continue
            hit = self.lookup(span2, lang)
            out.append(Candidate(s, e, "TREATY", hit[1] if hit and hit[0] == "TREATY" else "", source="title"))
        for m in EN_SHORT.finditer(text):
            ident = "Charter of the United Nations" if m.group(1) == "Charter" else ""
            out.append(Candidate(m.start(), m.end(), "TREATY", ident, source="short-title"))
        return out
