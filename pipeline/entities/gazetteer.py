"""Gazetteer of organizations and treaties (pipeline/lexicons/gazetteer.tsv: label, id, lang, name) and the
title heuristics that find instruments no list holds (Chinese 《...》 titles, English capitalized titles)."""
from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

from .. import lexicons
from . import inflection
from .heads import zh_names
from .patterns import MONTH, Candidate
from .words import words

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
ZH_TREATY_TAIL = re.compile(r"(公约|条约|议定书|宪章|规约|协定|协议|宣言|盟约|契约|行动纲领|行动纲要|纲要|行动计划|执行计划|共识|指导原则|"
                            r"原则|议程|框架公约|修正案|章程)$")
# a year written at the start of a title before a known name (《1944年芝加哥公约》): a date of its own (GUIDELINES: dates
# attached to titles); before a bare head (《1971年公约》) it is part of the short title
ZH_TITLE_YEAR = re.compile(r"(?:19|20)\d\d\s*年(?=[\u4e00-\u9fff]{2})")
ZH_NOT_TREATY = re.compile(r"(报告|战略|汇编|记录|条例|法典|法|规章|准则|手册|政策|计划\(.*\)|框架|全系统.*行动计划|协调契约|共同议程)$")
EN_TREATY_HEAD = (r"(?:Convention|Treaty|Protocol|Covenant|Statute|Charter|Agreement|Declaration|Pact|Accord|Consensus|"
                  r"Memorandum of Understanding)")
EN_TITLE = re.compile(  # a date after "of" is no part of the title ("Bonn Agreement | of December 2001")
    rf"(?:[A-Z][\w’'-]*\s+)*{EN_TREATY_HEAD}"
    rf"(?:\s+(?:on|for|against|of|relating to|concerning|between|to)\s+(?:the\s+|a\s+)?(?!{MONTH}\b)"
    rf"(?:[A-Z][\w’'-]*)(?:(?:\s+|,\s+(?=[A-Z]))(?:and|of|the|on|in|for|to|against|by|from|with|their|"
    rf"(?!{MONTH}\b)[A-Z][\w’'-]*))*)?")
EN_ORG_HEAD = (r"(?:Committee|Subcommittee|Commission|Council|Board|Group|Forum|Mission|Office|Department|Panel|"
               r"Programme|Fund|Agency|Tribunal|Court|Force|Mechanism|Network|Secretariat|Unit|Division|Branch|"
               r"Centre|Center|Institute|Organization|Union|Authority)")
# the States' and territories' names (no adjectives), and their alternation, longest first
EN_STATES = frozenset(lexicons.states("en"))
EN_STATE = lexicons.alternation(sorted(EN_STATES, key=lambda c: (-len(c), c)))
# a sanctions committee named by the resolution(s) that set it up, and the country it concerns
EN_COUNTRY = r"(?:the )?(?:" + lexicons.alternation(sorted(
    (c for c in EN_STATES if c[:1].isupper()), key=lambda c: (-len(c), c))) + r")(?![\w-])"
EN_SC_COMMITTEE = re.compile(
    r"(?:Security Council )?Committee (?:established )?pursuant to resolutions? (\d{1,4}) \((\d{4})\)"
    r"(?:(?:,|,? and)? (?:resolution )?\d{1,4} \(\d{4}\))*"  # "1267 (1999) 1989 (2011) and 2253 (2015)" too
    rf"(?: concerning {EN_COUNTRY}(?: and {EN_COUNTRY})?)?")
# inside a title match: " and [the] <Capitalized words> <treaty or body head>" starts a second name
EN_TWO_TITLES = re.compile(rf"\s+and\s+(?:the\s+)?(?=(?:[A-Z][\w’'-]*\s+)*(?:{EN_TREATY_HEAD}|{EN_ORG_HEAD})\b)")
# after a body's head word: " and the <Capitalized words> <head>" starts a second body (without "the" the words may be
# one name: "... of the Scientific and Technical Subcommittee")
EN_TWO_BODIES = re.compile(rf"\s+and\s+the\s+(?=(?:[A-Z][\w’'-]*\s+)*(?:{EN_TREATY_HEAD}|{EN_ORG_HEAD})\b)")


def en_org_head(extra: tuple[str, ...] = ()) -> str:
    """The head words of English body names: the built-in ones and `extra` (heads.py: counted or learned)."""
    return EN_ORG_HEAD if not extra else f"(?:{EN_ORG_HEAD[3:-1]}|{'|'.join(map(re.escape, sorted(extra)))})"


@functools.lru_cache(maxsize=16)
def en_org(head: str) -> re.Pattern[str]:
    return re.compile(
        # not inside a hyphenated word ("Chairperson-in-| Office of ..."; "UNDP-Department of ..." is two names)
        rf"(?<![\w’'])(?<![a-z]-)(?:[A-Z][\w’'-]*\s+(?:and\s+(?=[A-Z]))?)*{head}\b"
        rf"(?:\s+(?:on|of|for|to|in)\s+(?:the\s+)?(?!{MONTH}\b)(?:[A-Z][\w’'-]*)"
        rf"(?:\s+(?:and|of|the|on|in|for|to|(?!{MONTH}\b)[A-Z][\w’'-]*))*)?")


EN_ORG = en_org(EN_ORG_HEAD)
# words that open a sentence before a body's head without being part of its name ("Some Committee members")
EN_DETERMINERS = ("The", "A", "An", "Some", "Each", "All", "Any", "Other", "Several", "Many", "Most", "Such", "Both")
# funds written with capitals but no name (GUIDELINES: trust funds without a name are not ORG), and an agreement's
# "Implementation Mechanism" ("the Gulf Cooperation Council Initiative and its Implementation Mechanism", as the gold)
EN_UNNAMED = re.compile(r"(?:Trust|General|Development|Voluntary|Reserve|Revolving)\s+Fund|Implementation\s+Mechanism")
# capitalized roles that are no body (GUIDELINES: States and their groups are not annotated)
EN_ROLES = {"Administering Authority", "Administering Authorities", "Occupying Power", "Administering Power",
            "Administering Powers"}
# a State's own body (GUIDELINES: national bodies are not ORG): named after its State, "Bermuda Monetary Authority",
# "Federal Emergency Management Agency of the United States", a "Permanent Mission of Argentina"; not a body of the
# UN or of several States that concerns one ("Panel of Experts on Libya", "Group of Friends of Haiti")
EN_NATIONAL = re.compile(rf"^(?:the\s+)?(?:{EN_STATE})\s+(?=[A-Z])|\b(?:of|in)\s+(?:the\s+)?(?:{EN_STATE})$"
                         rf"|\b(?:{EN_STATE})\s+(?:Department|Ministry|Government)\b")
EN_NOT_NATIONAL = re.compile(r"United Nations|\bUN\b|International|Inter-|Interregional|Regional|Subregional|Group|"
                             r"Panel|Mission|Inquiry|Envoy|Special|Tribunal|Court for|Sanctions")
EN_OF_STATE = re.compile(r"\s+of\s+(?!Independent)")  # "Commonwealth of Dominica", not "... of Independent States"
EN_TO_THE = re.compile(r"\s+to\s+(?:the\s+)?")
EN_PARTIES = re.compile(r"\b(?:Review\s+)?(?:Conference|Meeting)\s+of\s+the\s+(?:States\s+|High\s+Contracting\s+)?Parties\b")
# an instrument named by its year alone ("the 1961 Convention"); with a complement it is a full title or a date before one
EN_DATED = re.compile(r"\b(?:the|its|this|that)\s+((?:19|20)\d\d\s+(?:Convention|Protocol|Agreement|Treaty|Covenant))\b"
                      r"(?!\s+(?:on|for|against|of|relating|concerning|between|to)\b)")
EN_SHORT = re.compile(r"\bthe (Convention|Treaty|Statute|Charter|Protocol|Covenant|Agreement|Memorandum of Understanding)\b"
                      r"(?!\s+(?:on|of|for|against|between)\b)")


# a body named after a known one: 世卫组织药物依赖问题专家委员会, 鹿特丹公约缔约方大会, 联合国评价小组 (a known name,
# up to 12 characters that are no function word, a body head); 各/所有/有关 make it generic (联合国系统各组织)
ZH_ORG_HEAD = r"(?:委员会|小组|集团|论坛|基金|机制|工作组|专家组|协会|缔约方大会|缔约国大会|审议大会|缔约方会议)"
ZH_ORG_EXT = re.compile(rf"(?:(?![的和与及或在对为以向由将并、，。；：各所其该此这有相])[\u4e00-\u9fff]){{0,12}}?{ZH_ORG_HEAD}")


ZH_NOT_BODY = re.compile(r"会员国|成员国|国家|人员|任何|职能|[了还同给请是被把向从]|建议|处理|根据|参加|通过|提交|审议|决定|"
                         r"注意|报告|欢迎|支持|包括|设立|成立|召开|举行|"
                         # a verb, an adverb or a post between the known name and the head: two things, not one
                         # name (安全理事会敦促|乍得湖流域委员会, 公共行政和发展管理司协助|大会第二委员会,
                         # 经济及社会理事会通报|…执行委员会, 方案协调委员会最近就|方案协调委员会)
                         r"敦促|促请|吁请|呼吁|鼓励|邀请|协助|通报|通知|获得|赞赏|感谢|要求|请求|重申|回顾|确认|表示|指出|"
                         r"强调|授权|任命|出席|主持|举办|主办|召集|赞扬|帮助|最近|每年|主席(?!团)|代表致|"
                         # a modifier that only says what kind: 职司委员会 (functional commissions), 区域集团, trust funds
                         # without a name (GUIDELINES: Funds)
                         r"^(?:职司|区域|信托)(?:委员会|集团|基金)$")


def _own_name(name: str) -> str:
    """An English name the gazetteer does not know is its own canonical English name (GUIDELINES)."""
    return re.sub(r"\s+", " ", re.sub(r"^the\s+", "", name.strip()))  # a capital "The" is part of a title


# a name built on another one: "Protocol to the Bangkok Treaty", "Office for Disarmament Affairs of the Secretariat"
EN_COMPOSED = re.compile(r"^((?:(?:Optional|Additional|Second|Third)\s+)?(?:Protocols?(?:\s+[IVX]+)?|Amendments?)\s+to\s+)"
                         r"(?:the\s+)?(.+)$")
EN_OF_SECRETARIAT = re.compile(r"\s+of\s+the\s+(?:United\s+Nations\s+)?Secretariat$")


def _glued_end(text: str, s: int, e: int) -> int:
    """Where a title found by its shape really ends: a footnote digit glued to its last word ("... Drugs and
    Crime1") and a possessive ("the Panel of Experts' final report") are no part of the name."""
    m = re.search(r"(?<=[a-z])\d{1,3}$|(?<=s)['’]$|['’]s$", text[s:e])
    return s + m.start() if m else e


def _national(name: str) -> bool:
    """Is an English title found by its shape a State's own body (EN_NATIONAL)?"""
    if re.match(r"Permanent\s+Mission\b", name):
        return True
    return bool(EN_NATIONAL.search(name)) and not EN_NOT_NATIONAL.search(name)


def _is_state(name: str) -> bool:
    """A State's name that looks like a body's ("Soviet Union", "Union of Soviet Socialist Republics")."""
    return re.sub(r"^the\s+", "", name) in EN_STATES


def _name_span(m: re.Match) -> tuple[int, int]:
    """The span of a data-file pattern's match: its group 'name' when it has one (Arabic proclitics and a French
    contracted article stand outside it), else the whole match."""
    return m.span("name") if "name" in m.re.groupindex and m.group("name") is not None else m.span()


def _loose(name: str) -> str:
    return re.sub(r"[\s\-‐‑–]+", "", name).lower()


# a short Chinese name inside a longer compound is not that body: 缔约方大会 is no 大会 (General Assembly)
ZH_TEXT_BEFORE = set("的和及与、向请在由对经为其并于是将把被给让使而或同跟据按到从自至，。；：（(“《 \n")
# the gazetteer's two-character names also after the verbs that cite them: 回顾/重申/确认/欢迎/赞扬/铭记/按照大会,
# 其中大会, 还大会
ZH_SHORT_OK_BEFORE = ZH_TEXT_BEFORE | set("顾申认迎扬记照中还又也即当后时")


# verbs that cite or address a body, after which a name glued to them is still a name of its own
ZH_CITING_VERBS = "建议|处理|包括|提请|报告|通知|协助|促请|吁请|呼吁|敦促|授权|要求|转交|转递|提交"
# a two-character name (大会) right after such a verb: 建议大会请, 处理大会和, 包括大会和, 提交大会第七十届会议, 遵守大会的要求,
# 执行大会第x号决议, a footnote's 见大会第55/2号决议 (see General Assembly resolution 55/2)
ZH_VERB_BEFORE = re.compile(rf"(?:{ZH_CITING_VERBS}|遵守|执行|肯定|没有|见)$")
# 大会 glued to a date before it (2015年7月27日大会关于...的决议) or cited by its resolution (确定大会第77/109号决议)
ZH_ASSEMBLY_DATE_BEFORE = re.compile(r"\d\s*日$")
ZH_ASSEMBLY_RESOLUTION = re.compile(r"第\s*[\dA-Z][\dA-Z/()（）.\s-]*号决议")


# Chinese bodies named by their kind alone (GUIDELINES: bodies named without their parent): 执行局, 常设论坛, 工作组,
# 专家组, 筹备委员会, 缔约方大会 ... standing alone, not glued to a longer word (国家工作队 is a class of bodies, 儿基会执行局
# a name of its own), not generic (一个专家组, 各工作组, 该论坛) and no meeting of one (专家组会议); no id: which body,
# only the document can say (aliases.resolve_short_forms)
ZH_BARE_BODY = re.compile(r"(?:执行局|常设论坛|工作组|工作队|政府专家组|专家组|专家小组|特别委员会|筹备委员会|"
                          r"咨询小组|咨询委员会|监测组|执行委员会|技术委员会|协调委员会|"
                          r"缔约方大会|缔约方会议|缔约国会议|评价股|道德操守办公室)"
                          r"(?!主任|局长|秘书处|成员|会议|报告|主席|组长)")
ZH_BARE_NOT_AFTER = re.compile(r"(?:该|本|各|每个|一个|其他|这些|那些|若干|任何|几个|有关|相关|国家)$")
ZH_BARE_AFTER_VERB = re.compile(rf"(?:{ZH_CITING_VERBS}|确定|通过|核准|批准|支持|设立|成立|邀请|感谢|赞赏|召开)$")
ZH_BARE_OK_BEFORE = ZH_SHORT_OK_BEFORE | set("供")  # 供执行局审议: for the Board to consider


# a treaty's body of its parties (缔约方大会, 缔约国会议) names no other kind of body: whatever word comes before it
# (遵守缔约方大会, 协助缔约方会议) it is that body; a longer name that ends with it (巴塞尔公约缔约方大会) is found by
# the list and is the longer span
ZH_PARTIES_BODY = re.compile(r"缔约方大会|缔约方会议|缔约国会议")
# a session or a year before the body stays outside it: 第二十七届[缔约方大会], 2014年[筹备委员会]
ZH_SESSION_BEFORE = re.compile(r"(?:第[一二三四五六七八九十百零\d]+[届次]|(?:19|20)\d\d\s*年)$")


def _zh_bare_bodies(text: str, gaz: "Gazetteer | None" = None) -> list[Candidate]:
    out = []
    for m in ZH_BARE_BODY.finditer(text):
        s = m.start()
        if ZH_BARE_NOT_AFTER.search(text, max(0, s - 4), s):
            continue
        if (zh_glued(text, s, ZH_BARE_OK_BEFORE) and not ZH_BARE_AFTER_VERB.search(text, max(0, s - 2), s)
                and not ZH_PARTIES_BODY.fullmatch(m.group(0)) and not ZH_SESSION_BEFORE.search(text, max(0, s - 8), s)):
            continue
        ident = ""
        title = re.search(r"《([^《》]{2,60})》$", text[max(0, s - 62):s])
        if title and gaz is not None:  # 《联合国反腐败公约》缔约国会议: the body of that treaty's parties, when the list knows it
            hit = gaz.lookup(title.group(1) + m.group(0), "zh")
            ident = hit[1] if hit and hit[0] == "ORG" else ""
        out.append(Candidate(s, m.end(), "ORG", ident, source="title"))
    return out


# heads that end the name of one body, not a class, in Chinese UN texts: 非洲妇女教育基金会, 查达姆研究所 (found by
# heads.zh_names, from a clear start); the kinds of members or donors alone name a class (慈善基金会, 私营基金会).
# 协会 stays a head people teach (corrections, heads.learned_heads)
ZH_NAME_HEADS = {"基金会": "ORG", "研究所": "ORG"}
ZH_CLASS_OF = re.compile(r"[种类些]?(?:专业|学术|行业|民间|私营|私人|慈善|科学|医学|青年|妇女|工商|商业|律师|记者|农民|研究)+"
                         r"(?:基金会|研究所)")


def zh_glued(text: str, start: int, ok_before: set[str]) -> bool:
    """A Chinese name at `start` is glued into a longer word: the character before it is a Han character that
    does not end a word before a name (缔约方大会 is no 大会)."""
    prev = text[start - 1] if start else ""
    return bool(prev) and "\u4e00" <= prev <= "\u9fff" and prev not in ok_before


class Gazetteer:
    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.rows = rows
        self.index: dict[tuple[str, str], tuple[str, str]] = {}  # (lang, name) -> (label, id)
        self.loose: dict[tuple[str, str], tuple[str, str]] = {}  # hyphen/space-insensitive English keys
        for r in rows:
            self.index[(r["lang"], r["name"])] = (r["label"], r["id"])
            self.loose.setdefault((r["lang"], _loose(r["name"])), (r["label"], r["id"]))
        self.keyed: dict[tuple[str, str], tuple[str, str]] = {}  # inflected languages: (lang, key) -> (label, id)
        for r in rows:
            if words(r["lang"]) is not None:
                self.keyed.setdefault((r["lang"], inflection.key(r["name"], r["lang"])), (r["label"], r["id"]))
        self._regex: dict[str, re.Pattern[str] | None] = {}
        self.ids = {(r["label"], r["id"]) for r in rows}
        # English names of four words or more in another case ("Convention on the Elimination of all Forms of
        # Discrimination Against Women"): the words say which name it is, the capitals are the writer's
        self.folded = {r["name"].lower(): (r["label"], r["id"]) for r in rows
                       if r["lang"] == "en" and len(r["name"].split()) >= 4}
        self._folded_rx: re.Pattern[str] | None = None
        self._folded_starts = {" ".join(re.findall(r"[\w’'-]+", n)[:2]) for n in self.folded}

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
            elif words(lang) is not None:  # French, Spanish, Russian, Arabic: whole words, inflected forms too
                alt = "|".join(inflection.pattern(n, lang) for n in names)
                # "ONU-SPIDER": a compound, not ONU; a footnote digit may be glued on ("Presupuesto22"), as in English
                self._regex[lang] = re.compile(rf"(?<![\w-])(?:{alt})(?![^\W\d]|-\w)")
            else:
                alt = "|".join(re.escape(n) for n in names)
                # English names are whole words; Chinese names may sit inside compounds (联合国人员)
                # (a footnote digit may be glued to an English name: "Crime1")
                # (or an acronym to a lowercase word: "FAO-hosted", "IGAD-mediated")
                self._regex[lang] = re.compile(rf"(?<![\w-])(?:{alt})(?![A-Za-z]|-[A-Z\d])" if lang == "en"
                                               else f"(?:{alt})")
        return self._regex[lang]

    def matched(self, text: str, lang: str) -> tuple[int, tuple[str, str]] | None:
        """The (offset where the name starts, (label, id)) of a text the regex matched, in any form: a stored
        name, an inflected one, one behind Arabic proclitics; None when the form is no stored name's."""
        if (lang, text) in self.index:
            return 0, self.index[(lang, text)]
        readings = inflection.ar_keys(text) if inflection.rule(lang) == "ar-clitic" else [(0, text)]
        for offset, t in readings:
            hit = self.keyed.get((lang, inflection.key(t, lang)))
            if hit:
                return offset, hit
        return None

    def lookup(self, text: str, lang: str) -> tuple[str, str] | None:
        t = text.strip().strip("《》")
        if words(lang) is not None:
            found = self.matched(t, lang)
            return found[1] if found else None
        hit = self.index.get((lang, t))
        if hit is None and lang == "en" and t.lower().startswith("the "):
            hit = self.index.get((lang, t[4:])) or self.index.get((lang, "the " + t[4:]))
        if hit is None:  # "Non- Proliferation", "NonProliferation": line-break and conversion damage
            hit = self.loose.get((lang, _loose(t))) or (self.loose.get((lang, _loose(t[4:])))
                                                         if t.lower().startswith("the ") else None)
        return hit

    def canonical(self, name: str, label: str, lang: str) -> str:
        """The id of a name: the gazetteer's, else (English) one built from a known name it contains, else the
        name itself (GUIDELINES: an English name no list knows is its own canonical name). Chinese: none."""
        hit = self.lookup(name, lang)
        if hit and hit[0] == label:
            return hit[1]
        if lang != "en":
            return ""
        own = _own_name(name)
        m = EN_OF_SECRETARIAT.search(own)
        if m and label == "ORG":
            inner = self.lookup(own[:m.start()], lang)
            if inner and inner[0] == "ORG":
                return inner[1]
        m = re.fullmatch(r"(?:the\s+)?(.+?)\s+Secretariat", own)
        if m and label == "ORG":  # "Rotterdam Convention Secretariat" is the "Secretariat of the Rotterdam Convention"
            inner = self.lookup(f"Secretariat of the {m.group(1)}", lang)
            if inner and inner[0] == "ORG":
                return inner[1]
        m = EN_COMPOSED.match(own)
        if m and label == "TREATY":
            inner = self.lookup(m.group(2), lang)
            if inner and inner[0] == "TREATY":
                composed = f"{m.group(1)}the {inner[1]}"
                again = self.lookup(composed, lang)
                return again[1] if again and again[0] == label else composed
        return own

    def _tail_end(self, text: str, s: int, e: int, lang: str) -> int:
        """A body's name ends before "to/and [of] [the] <another known body>": "... Organization in Palestine | to
        the Security Council", "Panel of Experts | and of the Security Council"."""
        rx = self.regex(lang)
        if rx is None:
            return e
        for m in re.finditer(r"\s+(?:to|and|by|with)\s+(?:of\s+)?(?:the\s+)?", text[s:e]):
            k = rx.match(text, s + m.end())
            if k and k.end() <= e and self.index[(lang, k.group(0))][0] == "ORG":
                return s + m.start()
        return e

    def _known_end(self, text: str, s: int, e: int, org_head: str) -> int:
        """A title that runs on past a known body's name with "of <Capitalized words>" names a person there, not
        a body: "Group of Asia-Pacific States | of Seongmee Yoon" (a body's complement takes "the" or a head); with
        "in <a place>" it says where the body works: "United Nations Development Programme | in the Democratic
        People's Republic of Korea", "World Meteorological Organization | in Geneva"."""
        rx = self.regex("en")
        k = rx.match(text, s) if rx is not None else None
        if (k is None or k.end() >= e or len(k.group(0).split()) < 2
                or self.index.get(("en", k.group(0)), ("",))[0] != "ORG"):
            return e
        tail = text[k.end():e]
        if re.fullmatch(r"\s+of(?:\s+[A-Z][a-z]+){1,3}", tail) and not re.search(rf"\b{org_head}\b", tail):
            return k.end()
        if re.match(r"\s+in\s+(?:the\s+)?[A-Z]", tail) and not re.search(rf"\b{org_head}\b", tail):
            return k.end()
        return e

    def _and_start(self, text: str, s: int, e: int, org_head: str = EN_ORG_HEAD) -> int:
        """Where an English ORG title really starts when an "and" stands before its head word: one name in
        "Security and Justice Committee" or "Peace and Security Council", two things in "Member States and
        Security Council" or "General Assembly and Peacebuilding Commission" (the name starts after "and")."""
        while True:
            span = text[s:e]
            head = re.search(rf"\b{org_head}\b", span)
            if head is None:
                return s
            after = re.match(r"\s+and\s+(?=[A-Z])", span[head.end():])
            if after:  # "the Committee and Panel of Experts": a whole name before "and"
                s += head.end() + after.end()
                continue
            cut = None
            for m in re.finditer(r"(\S+)\s+and\s+", span[:head.start()]):
                word, before = m.group(1), span[:m.start(1) + len(m.group(1))]
                if (re.fullmatch(rf"{EN_TREATY_HEAD}|Nations|[A-Z][a-z]*[^s]s", word)
                        or self.lookup(before, "en") or len(before.split()) > 2
                        or not span[m.end():head.start()].strip()):  # "Artibonite and Centre": two places
                    cut = m.end()
            if cut is None:
                return s
            s += cut

    def find(self, text: str, lang: str, shape_names: bool = False,
             heads: dict[str, str] | None = None) -> list[Candidate]:
        """Names of the list (and their forms), short titles and bodies named alone; with `shape_names`, in
        fr/es/ru/ar also names no list holds, by their shape (_spaced_titles). `heads` (head word -> label,
        heads.py): more head words that make a name in zh and en (Chinese: heads.zh_names; English: more heads
        for the title rule)."""
        out: list[Candidate] = []
        w = words(lang)
        rx = self.regex(lang)
        if rx is not None:
            pos = 0
            while True:
                m = rx.search(text, pos)
                if not m:
                    break
                name = m.group(0)
                found = self.matched(name, lang)
                if found is None:  # 'Советник' fits the pattern of 'Совет', not its forms
                    pos = m.start() + 1
                    continue
                offset, (label, ident) = found
                if label == "ORG" and w is not None and w["event_after"] and re.match(w["event_after"], text[m.end():]):
                    pos = m.start() + 1  # 'الموئل الثالث': Habitat III, a conference (an event), not UN-Habitat
                    continue
                if offset:
                    out.append(Candidate(m.start() + offset, m.end(), label, ident, source="gazetteer"))
                    pos = m.start() + 1
                    continue
                if lang == "en" and name == "Commonwealth" and EN_OF_STATE.match(text, m.end()):
                    pos = m.start() + 1  # "Commonwealth of Dominica": a State's formal name
                    continue
                if not (lang == "zh" and len(name) <= 2 and zh_glued(text, m.start(), ZH_SHORT_OK_BEFORE)
                        and not ZH_VERB_BEFORE.search(text, max(0, m.start() - 2), m.start())
                        and not (name == "大会" and (ZH_ASSEMBLY_DATE_BEFORE.search(text, max(0, m.start() - 3),
                                                                                     m.start())
                                                    or ZH_ASSEMBLY_RESOLUTION.match(text, m.end())))):
                    out.append(Candidate(m.start(), m.end(), label, ident, source="gazetteer"))
                    ext = ZH_ORG_EXT.match(text, m.end()) if lang == "zh" else None
                    if ext and ext.end() > m.end() and not ZH_NOT_BODY.search(ext.group(0)):
                        whole = text[m.start():ext.end()]
                        out.append(Candidate(m.start(), ext.end(), "ORG", self.canonical(whole, "ORG", lang),
                                             source="title"))
                pos = m.start() + 1  # overlapping matches: the longest non-overlapping set is chosen later
        if lang == "zh":
            out.extend(_zh_bare_bodies(text, self))
        if w is None:  # title heuristics are written for English and Chinese only
            out.extend(self._titles(text, lang, tuple(sorted(h for h, lab in (heads or {}).items() if lab == "ORG"))))
            if lang == "zh":  # foundations, institutes: each name is one body (GUIDELINES: ORG)
                got = zh_names(text, {**ZH_NAME_HEADS, **(heads or {})}, out)
                out.extend(c for c in got if not ZH_CLASS_OF.fullmatch(text, c.start, c.end))
        else:
            out.extend(self._short_titles(text, lang))
            out.extend(self._parties_of(text, lang, out))
            out.extend(self._bare_bodies(text, lang))
            if shape_names:
                out.extend(self._spaced_titles(text, lang, out))
        if lang == "en":
            out.extend(self._other_case(text))
            out.extend(self._parties(text, out))
            out.extend(self._sanctions_committees(text))
        return out

    def _other_case(self, text: str) -> list[Candidate]:
        """English names of the list written in another case, as a title still (first word and at least three
        words capitalized): the capitals of a lower-case description ("a conference of the parties") say no."""
        if not self.folded:
            return []
        if self._folded_rx is None:  # matched on the lower-cased text: a case-insensitive regex is 3x slower
            alt = "|".join(re.escape(n) for n in sorted(self.folded, key=len, reverse=True))
            self._folded_rx = re.compile(rf"(?<![\w-])(?:{alt})(?![a-z]|-[a-z\d])")
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer ('İ'): offsets would move
            return []
        tokens = re.findall(r"[\w’'-]+", low)  # most texts hold no name's first two words: skip the regex there
        if not self._folded_starts & {f"{a} {b}" for a, b in zip(tokens, tokens[1:])}:
            return []
        out = []
        for m in self._folded_rx.finditer(low):
            name = text[m.start():m.end()]
            if ("en", name) in self.index or not name[0].isupper() or len(re.findall(r"\b[A-Z]", name)) < 3:
                continue
            label, ident = self.folded[name.lower()]
            out.append(Candidate(m.start(), m.end(), label, ident, source="gazetteer"))
        return out

    def _sanctions_committees(self, text: str) -> list[Candidate]:
        """"Security Council Committee established pursuant to resolution 1518 (2003) [concerning Iraq]": one ORG,
        as the gold and the French, Spanish, Russian and Arabic names give it, with the id of the committee of that
        resolution where the gazetteer has one (the title rule stopped at "established", leaving "Security Council
        Committee" with that as its id and the resolution on its own)."""
        out = []
        for m in EN_SC_COMMITTEE.finditer(text):
            e = m.start() + len(re.sub(r"(\s+(?:and|of|the|in))+$", "", m.group(0)))
            prefix = f"Security Council Committee established pursuant to resolution {m.group(1)} ({m.group(2)})"
            short = self.index.get(("en", f"{m.group(1)} Committee"))  # the gazetteer's "1267 Committee" rows
            known = ([short[1]] if short and short[0] == "ORG" else []) + sorted(
                i for label, i in self.ids if label == "ORG" and (i == prefix or i.startswith(prefix + " ")))
            own = text[m.start():e] if text.startswith("Security", m.start()) else "Security Council " + text[m.start():e]
            out.append(Candidate(m.start(), e, "ORG", known[0] if known else _own_name(own), source="title"))
        return out

    @staticmethod
    def _short_titles(text: str, lang: str) -> list[Candidate]:
        """'la Convention', 'le Traité', 'Конвенцией', 'الاتفاقية': an instrument named by its head word alone, as
        EN_SHORT does for English; its id comes from the document (aliases.resolve_short_forms), the Charter's
        is known. 'Convention de 1971', 'Конвенции 1971 года': a head with its year is a name (dated_title)."""
        w = words(lang)
        if w is None:
            return []
        out = []
        for m in (m for pat in (w["short_title"], w["dated_title"]) if pat for m in re.finditer(pat, text)):
            ident = "Charter of the United Nations" if w["charter"] and m.group("head") == w["charter"] else ""
            out.append(Candidate(*_name_span(m), "TREATY", ident, source="short-title"))
        return out

    def _spaced_titles(self, text: str, lang: str, found: list[Candidate]) -> list[Candidate]:
        """Names no list holds, by their shape, as EN_ORG/EN_TITLE do for English: a capitalized head word of a
        body or an instrument ('Comité', 'Fondo', 'Convention') with the pieces that make it a proper name
        (title_next: an adjective or a complement, 'Comité spécial', 'Bureau de la déontologie', 'Comité de Examen
        de Productos Químicos'). A head alone refers back and is no name (GUIDELINES); a name ends before 'and
        <another head>' (two names), and a known name keeps its own boundaries (a span starting where a gazetteer
        name starts is not extended by the sentence around it). Ids: the gazetteer's when the whole name is
        stored, else none (the document may give one: aliases.resolve_short_forms).
        Off by default (`unap_entity_rules.shape_names`): written on train+dev, on the blind sets made afterwards
        (annotations/entities/fresh/test_fresh5.<lang>) and the test split it changed micro-F1 by -0.019 to +0.002
        in every language (`benchmarks/entities_languages.py --split fresh5`)."""
        w = words(lang)
        if w is None or not w["title_next"]:
            return []
        two = re.compile(w["title_two"]) if w["title_two"] else None
        known = {c.start for c in found if c.source in ("gazetteer", "learned")}
        out = []
        for label, key in (("ORG", "title_org_head"), ("TREATY", "title_treaty_head")):
            if not w[key]:
                continue
            # an instrument's subject may need more than a body's name ('Конвенция о ...': 'Совету о ...' is no name)
            nxt = re.compile(w["title_treaty_next"] if label == "TREATY" and w["title_treaty_next"] else w["title_next"])
            pre = f"(?:{w['proclitic']})" if w["proclitic"] else ""  # Arabic و/ب/ل: outside the span
            for m in re.finditer(rf"(?<![\w'’-]){pre}(?P<head>{w[key]})(?![\w-])", text):
                s, e = m.span("head")
                if s in known:
                    continue
                while (n := nxt.match(text, e)) is not None and not (two and two.match(text, e)):
                    e = n.end()
                if e == m.end() and not re.search(r"\s", m.group("head")):  # 'Специальный комитет': a name
                    continue
                hit = self.lookup(text[s:e], lang)
                out.append(Candidate(s, e, label, hit[1] if hit and hit[0] == label else "", source="title"))
        return out

    @staticmethod
    def _bare_bodies(text: str, lang: str) -> list[Candidate]:
        """Bodies named without the name of whose they are ('Conférence des Parties', 'секретариатом', 'الأمانة'):
        ORG spans with no id of their own (the document may give one: aliases.resolve_short_forms), as the
        English EN_PARTIES. Not the parties of a Treaty: those meet as review conferences, events (GUIDELINES)."""
        w = words(lang)
        if w is None:
            return []
        out = []
        for pat in w["bare_bodies"] or []:
            for m in re.finditer(pat, text):
                s, e = _name_span(m)
                if not (w["parties_event"] and re.match(w["parties_event"], text[s:])):
                    out.append(Candidate(s, e, "ORG", "", source="title"))
        return out

    @staticmethod
    def _parties_of(text: str, lang: str, found: list[Candidate]) -> list[Candidate]:
        """'Conférence des Parties à la Convention de Rotterdam', 'مؤتمر الأطراف في اتفاقية بازل': the governing body of
        a known treaty is one ORG with the English id 'Conference of the Parties to the <treaty>' (as _parties), or
        'Conference of the States Parties to ...' where the pattern's `states` group says so ('Conférence des États
        parties à la Convention des Nations Unies contre la corruption')."""
        w = words(lang)
        if w is None or not w["parties"]:
            return []
        out = []
        for m in re.finditer(w["parties"], text):
            if w["parties_event"] and re.match(w["parties_event"], text[m.start():]):
                continue  # the parties of a Treaty meet as a review conference: an event, only the Treaty is named
            treaties = [c for c in found if c.label == "TREATY" and c.key and c.start == m.end()]
            if treaties:
                t = max(treaties, key=lambda c: c.end)
                body = "States Parties" if m.groupdict().get("states") else "Parties"
                out.append(Candidate(m.start(), t.end, "ORG", f"Conference of the {body} to the {t.key}",
                                     source="title"))
        return out

    @staticmethod
    def _parties(text: str, found: list[Candidate]) -> list[Candidate]:
        """The governing body of a treaty: "Conference of the Parties [to the <treaty>]", "Meeting of the Parties"
        (GUIDELINES: a standing treaty body is ORG, the treaty inside it no separate span). Alone, its id is
        left to the document (aliases.resolve_short_forms): which treaty's it is, the unit rarely says."""
        out = []
        for m in EN_PARTIES.finditer(text):
            if m.group(0).startswith("Review"):
                continue  # a review conference is an event (GUIDELINES): only the treaty it reviews is named
            to = EN_TO_THE.match(text, m.end())
            if to and text.startswith("Treaty", to.end()):
                continue  # the parties of a Treaty meet as a review conference, an event: only the Treaty is named
            out.append(Candidate(m.start(), m.end(), "ORG", "", source="title"))
            if to:
                treaties = [c for c in found if c.label == "TREATY" and c.start == to.end()]
                if treaties:
                    t = max(treaties, key=lambda c: c.end)
                    ident = f"{m.group(0)} to the {t.key}" if t.key else _own_name(text[m.start():t.end])
                    out.append(Candidate(m.start(), t.end, "ORG", ident, source="title"))
        return out

    def _titles(self, text: str, lang: str, org_heads: tuple[str, ...] = ()) -> list[Candidate]:
        out = []
        if lang == "zh":
            for m in re.finditer(r"《([^《》]{2,80})》", text):
                inner = m.group(1)
                hit = self.lookup(inner, lang)
                year = ZH_TITLE_YEAR.match(inner)
                rest = self.lookup(inner[year.end():], lang) if year and not hit else None
                if hit and hit[0] == "TREATY":
                    out.append(Candidate(m.start(1), m.end(1), "TREATY", hit[1], source="gazetteer"))
                elif rest and rest[0] == "TREATY":  # 《1944年芝加哥公约》: a DATE, then the instrument's known name
                    out.append(Candidate(m.start(1) + year.end(), m.end(1), "TREATY", rest[1], source="gazetteer"))
                elif ZH_TREATY_TAIL.search(inner) and not ZH_NOT_TREATY.search(inner):
                    out.append(Candidate(m.start(1), m.end(1), "TREATY", "", source="title"))
            return out
        pos = 0
        while (m := EN_TITLE.search(text, pos)) is not None:
            s, e = m.start(), m.end()
            pos = e
            two = EN_TWO_TITLES.search(text, s, e)
            if two:  # "the Convention on the Rights of the Child and the Paris Agreement": two instruments
                e = pos = two.start()
            span = text[s:e]
            # trim trailing function words, and leading words that are the paragraph's verb or sentence case
            span2 = re.sub(r"(\s+(?:and|of|the|on|in|for|to|against|by|from|with|their))+$", "", span)
            e = s + len(span2)
            words = span2.split()
            while words and re.fullmatch(r"[A-Z][a-z]+(ing|s)", words[0]) and len(words) > 2:
                s += len(words[0]) + (len(text[s + len(words[0]):]) - len(text[s + len(words[0]):].lstrip()))
                words = words[1:]
            e = _glued_end(text, s, e)
            rx = self.regex(lang)
            k = rx.match(text, s) if rx is not None else None
            if k and k.end() < e and text[k.end()] == ",":  # "the Treaty on ... Weapons | , Ireland is submitting"
                e = k.end()
            if " between " not in text[s:e]:  # "... Convention on Climate Change | and the General Assembly"
                e = self._tail_end(text, s, e, lang)
            if len(words) < 2 or re.match(r"\s+(?:Centre|Center)\b", text[e:]):  # a "Convention Centre" is a venue
                continue
            out.append(Candidate(s, e, "TREATY", self.canonical(text[s:e], "TREATY", lang), source="title"))
        org_head = en_org_head(org_heads)
        rx_org, rx_head, pos = en_org(org_head), re.compile(rf"\b{org_head}\b"), 0
        while (m := rx_org.search(text, pos)) is not None:
            s, e = m.start(), m.end()
            pos = e
            head = rx_head.search(text, s, e)
            two = EN_TWO_BODIES.search(text, head.end(), e) if head else None
            if two:  # "Asian Institute of Technology | and the Regional Centre for Mapping ...": two bodies
                e, pos = two.start(), two.end()
            span = re.sub(r"(\s+(?:and|of|the|on|in|for|to))+$", "", text[s:e])
            e = s + len(span)
            words = span.split()
            left = text[:s].rstrip()
            opens = not left or left[-1] in ".;:,\"“(" or re.search(r"(?:^|\s)(?:\d+\.|\([a-z]+\))$", left)
            # a sentence's first word may be its verb ("Welcoming the ...", "Requests ...", a note's "See ..."), not
            # part of a name
            while words and ((opens and re.fullmatch(r"[A-Z][a-z]+(ing|s|ed)|See", words[0]))
                             or words[0] in EN_DETERMINERS) \
                    and not (len(words) > 1 and words[1] == "and") \
                    and words[:2] != ["United", "Nations"]:  # "Monitoring and Evaluation Unit", "United Nations X"
                s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
                words = words[1:]
            s = self._and_start(text, s, e, org_head)
            e = self._tail_end(text, s, e, lang)
            e = _glued_end(text, s, self._known_end(text, s, e, org_head))
            name = text[s:e]
            if (len(name.split()) < 2 or name in EN_ROLES or _national(name) or _is_state(name)
                    or EN_UNNAMED.fullmatch(name)):
                continue
            heads = list(rx_head.finditer(name))
            if heads and name.startswith("Programme of Action", heads[-1].start()):  # an instrument States adopted
                out.append(Candidate(s, e, "TREATY", self.canonical(name, "TREATY", lang), source="title"))
                continue
            out.append(Candidate(s, e, "ORG", self.canonical(text[s:e], "ORG", lang), source="title"))
        for m in EN_DATED.finditer(text):  # "the 1961 Convention": one TREATY (GUIDELINES); no id of its own words,
            hit = self.lookup(m.group(1), lang)  # the unambiguous ones are gazetteer rows ("1971 Convention")
            out.append(Candidate(m.start(1), m.end(1), "TREATY", hit[1] if hit and hit[0] == "TREATY" else "",
                                 source="short-title"))
        for m in EN_SHORT.finditer(text):
            ident = "Charter of the United Nations" if m.group(1) == "Charter" else ""
            out.append(Candidate(m.start(), m.end(), "TREATY", ident, source="short-title"))
        return out
