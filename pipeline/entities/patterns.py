"""Pattern families for entities that have a regular form: resolution references, document symbols, dates.

Each family returns candidates (start, end, label, key) over the raw text; `key` is what the normalizer needs
(the resolution number, the symbol). Overlaps between families are resolved by the caller.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .words import Words, ascii_number, words

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_NOT_MAY = r"(?:January|February|March|April|June|July|August|September|October|November|December)"

# a resolution number: GA 46/182, SC 2175 (2014), early GA 22 A (I) / 1514 (XV), special sessions ES-10/2, S-10/2
NUM = (r"(?:(?:ES|S)-\d{1,2}/\d{1,3}"
       r"|\d{1,4}\s?\(\d{4}\)"
       r"|\d{1,4}\s?[A-Z]?\s?\((?:[IVXL]+|ES-[IVX\d]+|S-[IVX\d]+)\)"
       r"|\d{1,4}/\d{1,4}(?:\s?[A-Z](?![\w/]))?)")
SYMBOL_RES = r"(?:A/(?:HRC/)?RES/[\w./-]+\d|S/RES/\d{1,4}\s?\(\d{4}\)|E/RES/\d{4}/\d{1,3}|[A-Z]{2,8}/RES/[\w()./-]+\d\)?)"
DOC_PREFIX = (r"(?:A|S|E|ST|DP|TD|UNEP|ICEF|CCPR|CEDAW|CRC|CERD|CAT|CRPD|HRC|APLC|CCW|BWC|NPT|FCCC|CTBT|ISBA|SPLOS|UNW|IDB|"
              r"JIU|ECE|ECLAC|ESCAP|ESCWA|ECA|UNEP|E/ICEF|A/HRC)")
# a symbol may stand right after a Chinese character (见E/ICEF/2021/25号文件), not after a Latin letter or digit
DOCUMENT = re.compile(rf"(?<![A-Za-z0-9_/]){DOC_PREFIX}(?:/[A-Za-z0-9.()\-]*[A-Za-z0-9)])+(?:/Rev\.\s?\d+|/Add\.\d+|/Corr\.\d+)*")


@dataclass
class Candidate:
    start: int
    end: int
    label: str
    key: str = ""
    source: str = "pattern"
    meta: dict = field(default_factory=dict)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in ".,;:)" and text[s:e].count("(") < text[s:e].count(")") + (text[e - 1] != ")"):
        e -= 1
    return s, e


def resolutions(text: str, lang: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in re.finditer(SYMBOL_RES, text):
        out.append(Candidate(m.start(), m.end(), "RESOLUTION", m.group(0)))
    w = words(lang)
    if w is not None:
        out.extend(_spaced_resolutions(text, w))
    elif lang == "en":
        of_date = rf"(?:\s+of\s+\d{{1,2}}\s+{MONTH}\s+\d{{4}})?"
        kw = re.compile(rf"\b([Rr]esolutions?|[Dd]ecisions?)\s+((?:{NUM}){of_date}"
                        rf"(?:(?:\s*(?:,|and|,\s*and)\s*|\s+)(?:{NUM}){of_date})*)")
        for m in kw.finditer(text):
            nums = list(re.finditer(NUM, m.group(2)))
            base = m.start(2)
            if len(nums) == 1 and not m.group(1).endswith("s"):
                out.append(Candidate(m.start(), base + nums[0].end(), "RESOLUTION", nums[0].group(0),
                                     meta={"decision": m.group(1).lower().startswith("decision")}))
            else:
                for n in nums:
                    out.append(Candidate(base + n.start(), base + n.end(), "RESOLUTION", n.group(0),
                                         meta={"decision": m.group(1).lower().startswith("decision")}))
    else:
        one = re.compile(rf"第\s*({NUM})\s*号\s*(决议|决定)")
        # items may carry their dates: 2017年12月22日第72/242号、2018年11月26日第73/17号和……第75/316号决议
        zh_date = r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?"
        lst = re.compile(rf"第\s*(?:{NUM})\s*号?(?:\s*(?:、|和|及|以及|，)\s*{zh_date}第?\s*(?:{NUM})\s*号?)+\s*号?\s*"
                         rf"(决议|决定)")
        taken: list[tuple[int, int]] = []
        for m in lst.finditer(text):
            for n in re.finditer(NUM, m.group(0)):
                out.append(Candidate(m.start() + n.start(), m.start() + n.end(), "RESOLUTION", n.group(0),
                                     meta={"decision": m.group(1) == "决定"}))
            taken.append((m.start(), m.end()))
        for m in one.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            out.append(Candidate(m.start(), m.end(), "RESOLUTION", m.group(1), meta={"decision": m.group(2) == "决定"}))
        # a number with 号决议 but no 第 ("2730(2024)号决议" after a date)
        for m in re.finditer(rf"(?<![\d/第\s])\s?({NUM})\s*号\s*(决议|决定)", text):
            s = m.start(1)
            if any(c.start <= s < c.end for c in out):
                continue
            out.append(Candidate(s, m.end(), "RESOLUTION", m.group(1), meta={"decision": m.group(2) == "决定"}))
    # the title line of a resolution: "79/138. Title", and the Security Council's "15 (1946). Resolution of ..."
    m = re.match(r"^\s*(\d{1,3}/\d{1,4})(?=\.\s)", text) or re.match(r"^\s*(\d{1,4}\s?\(\d{4}\))(?=\.?\s)", text)
    if m:
        out.append(Candidate(m.start(1), m.end(1), "RESOLUTION", m.group(1), meta={"title": True}))
    return out


def _spaced_resolutions(text: str, w: Words) -> list[Candidate]:
    """'résolution 2175 (2014)', 'резолюции 1267 (1999) и 1989 (2011)', 'قرار مجلس الأمن 1990 (2011)': a keyword,
    maybe an organ between ('resoluciones del Consejo de Seguridad 822 (1993)'), one number or a list of numbers
    that may carry their dates. One number after a singular keyword: the span runs from the keyword; otherwise
    each number is a span."""
    num = rf"(?:{NUM}|\d{{1,4}}\s?{w['session']})" if w["session"] else NUM
    num = rf"(?<![\w/])(?:{num})"
    of_date = rf"(?:,?\s+(?:{w['of_date']})\s+{w.full_date})?"
    sep = rf"\s*(?:{w['list_sep']})?\s*(?:(?:{w['and']})\s*)?"
    between = rf"(?P<between>\s+(?:{w['between']}))?" if w["between"] else "(?P<between>)"
    one = rf"{w['resolution']['one']}|{w['decision']['one']}"
    kinds = rf"(?P<one>{one})|(?:{w['resolution']['many']}|{w['decision']['many']})"
    pre = rf"(?:{w['proclitic']})" if w["proclitic"] else ""  # Arabic و/ب/ل before the keyword: no part of the span
    items = rf"(?P<items>(?:{num}){of_date}(?:{sep}(?:{num}){of_date})*)(?![\w/])"
    kw = re.compile(rf"(?<!\w){pre}(?P<kw>{kinds}){between}\s+{items}")
    decision = re.compile(rf"(?:{w['decision']['one']}|{w['decision']['many']})")
    out = []
    for m in kw.finditer(text):
        nums = [n for n in re.finditer(num, m.group("items")) if not _inside_date(m.group("items"), n, w)]
        is_decision = bool(decision.fullmatch(text[m.start("kw"):m.start("items")].split()[0]))
        base = m.start("items")
        if len(nums) == 1 and m.group("one") and not m.group("between"):  # the organ between is its own ORG
            out.append(Candidate(m.start("kw"), base + nums[0].end(), "RESOLUTION",
                                 ascii_number(nums[0].group(0), w.lang), meta={"decision": is_decision}))
            continue
        for n in nums:
            out.append(Candidate(base + n.start(), base + n.end(), "RESOLUTION", ascii_number(n.group(0), w.lang),
                                 meta={"decision": is_decision}))
    return out


def _inside_date(items: str, n: re.Match, w: Words) -> bool:
    """A number of a list that is part of a number's date ('2179 (2014) du 14 octobre 2014'), not a resolution."""
    return any(d.start() <= n.start() < d.end() for d in re.finditer(w.full_date, items))


def documents(text: str) -> list[Candidate]:
    out = []
    for m in DOCUMENT.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        sym = text[s:e]
        if "/RES/" in sym or not re.search(r"\d", sym) or sym.count("/") < 1:
            continue
        out.append(Candidate(s, e, "DOCUMENT", sym))
    return out


def _spaced_dates(w: Words) -> list[str]:
    """The date patterns of a language with a words file, longest forms first, as the English ones."""
    day = rf"(?<![\d/.]){w['day']}"
    # a one-letter proclitic glued to a month or a year ('و2014', 'وأيار/مايو 2013'): outside the span
    nw, ny, nr = r"(?<!\w)", r"(?<![\w/.,-])", r"(?<![\w/.-])"
    if w["date_proclitic"]:
        nw, ny, nr = (rf"(?:{b}|(?<={b}(?:{w['date_proclitic']})))" for b in (nw, ny, nr))
    month, dm, my = rf"{nw}{w.month}(?!\w)", w["day_month"], w["month_year"]
    year = rf"{my}\d{{4}}(?:{w['year_suffix']})?(?!\w)" if w["year_suffix"] else rf"{my}\d{{4}}"
    rng, pair = rf"\s*(?:{w['range']})\s*", rf"\s*(?:{w['range']}|{w['pair']})\s*"
    opened = "(?:" + "|".join(rf"(?<=(?<!\w){o}\s)" for o in w["range_open"] or []) + ")" if w["range_open"] else "(?!)"
    return [
        rf"{day}{dm}{month}{year}{rng}{day}{dm}{month}{year}",
        # 'De 2011 au 22 décembre 2014': from a year to a full date, one range (English 'from 2011 to 22 December 2014')
        rf"{opened}(?:19|20)\d\d(?:{w['year_suffix']})?{rng}{day}{dm}{month}{year}",
        rf"{day}{dm}{month}{rng}{day}{dm}{month}(?:{year})?",
        rf"{day}{pair}{day}{dm}{month}(?:{year})?",
        rf"{day}{dm}{month}(?:{year})?",
        rf"{month}{rng}{month}{year}",
        # 'entre abril y agosto de 2014', 'entre enero de 2013 y diciembre de 2014': a range, not two dates
        rf"{opened}{month}(?:{year})?{pair}{month}{year}",
        rf"{month}{year}",
        rf"(?<!\w){w.month_alone}(?!\w)",
        rf"{nr}(?:19|20)\d\d\s*(?:–|—|--|-|/)\s*(?:(?:19|20)\d\d|\d\d)(?:{w['years_suffix']})?(?![\w/])",
        rf"{opened}(?:19|20)\d\d{rng}(?:19|20)\d\d(?:{w['years_suffix']}|{w['year_suffix']})?(?![\w/])",  # de 2009 a 2012
        rf"{ny}(?:1[89]|20)\d\d(?:{w['year_suffix']})?(?![\w/]|,\d)",
        r"(?<![\w/.,-])20\d\d20\d\d(?![\w/])",  # '20142015': a range whose dash was lost
    ]


def dates(text: str, lang: str) -> list[Candidate]:
    out: list[Candidate] = []
    w = words(lang)
    if w is not None:
        pats = _spaced_dates(w)
    elif lang == "en":
        day = r"(?<![\d/.])\d{1,2}"
        full = rf"{day}\s+{MONTH},?\s+\d{{4}}"
        pats = [
            # a range between two dates written in full ("1 September 2022 to 31 August 2023"), and months after
            # "between" / "from" ("between October 2013 and February 2014", "from April 2014 to May 2015")
            rf"{full}\s*(?:to|until|through|-|–|—)\s*{full}",
            rf"(?<=[Bb]etween ){full}\s+and\s+{full}",
            rf"(?<=[Bb]etween ){MONTH}(?:,?\s+\d{{4}})?\s+and\s+{MONTH},?\s+\d{{4}}",
            r"(?<=[Bb]etween )(?:19|20)\d\d\s+and\s+(?:19|20)\d\d(?![\w/])",
            rf"(?<=[Ff]rom ){MONTH}(?:,?\s+\d{{4}})?\s+(?:to|until|through)\s+{MONTH},?\s+\d{{4}}",
            # "from 2011 to 22 December 2014", "from May 2013 to 30 June 2015": one range, as 2011年至2014年12月22日
            rf"(?<=[Ff]rom )(?:(?:19|20)\d\d|{MONTH},?\s+\d{{4}})\s+(?:to|until|through)\s+(?:{full}|{MONTH},?\s+\d{{4}})",
            rf"{MONTH}\s+\d{{4}}\s*(?:-|–|—)\s*{MONTH}\s+\d{{4}}",
            rf"{day}\s+{MONTH}\s*(?:to|-|–|—)\s*{day}\s+{MONTH}(?:,?\s+\d{{4}})?",
            rf"{day}\s*(?:to|and|-|–|—)\s*{day}\s+{MONTH}(?:,?\s+\d{{4}})?",
            rf"{day}\s+{MONTH}(?:,?\s+\d{{4}})?",
            rf"{MONTH}\s+{day},\s*\d{{4}}",
            rf"{MONTH}\s*(?:to|-|–|—)\s*{MONTH}\s+\d{{4}}",
            rf"{MONTH}\s+\d{{4}}",
            rf"\b{MONTH_NOT_MAY}\b",
            r"(?<![\w/.-])(?:19|20)\d\d\s*(?:–|—|--|-|to)\s*(?:(?:19|20)\d\d|\d\d)(?![\w/])",
            r"(?<![\w/.-])(?:19|20)(\d\d)/(?:19|20)?\d\d(?![\w/])",  # a financial year: 2014/15, 2014/2015
            r"(?<![\w/.,-])(?:1[89]|20)\d\d(?![\w/]|,\d)",
        ]
    else:
        ymd = r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"
        md = r"\d{1,2}\s*月(?:\s*\d{1,2}\s*日(?:\s*(?:和|至|到|-|—)\s*\d{1,2}\s*日)?)?"
        pats = [
            ZH_EN_DATE,  # '6 February 2015': the date line of a Chinese document, left in English
            r"\d{4}\s*年\s*\d{1,2}\s*(?:至|到|-|—|–)\s*\d{1,2}\s*月",  # 2014年7-8月: two months of one year
            rf"{ymd}\s*(?:至|到|-|—|–)\s*(?:{ymd}|{md}|\d{{1,2}}\s*日)",
            rf"{ymd}\s*(?:和|及|、)\s*\d{{1,2}}\s*日",  # 2015年1月28日和29日: two days of one meeting
            # 2015年2月17和18日, 10月24和25日: the first day without its 日
            r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*(?:和|及|、)\s*\d{1,2}\s*日",
            r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*(?:至|到|-|—|–)\s*\d{1,2}\s*日",  # 2023年3月5至9日
            r"\d{4}\s*(?:-|—|–|至)\s*\d{4}\s*年",
            rf"{ymd}",
            rf"(?<![\d年]){md}",
            r"(?<![\d/.,-])(?:19|20)\d\d\s*(?:-|—|–)\s*(?:19|20)\d\d(?![\d/])",
        ]
    for p in pats:
        for m in re.finditer(p, text):
            s, e = m.start(), m.end()
            if any(c.start <= s < c.end or s <= c.start < e for c in out):
                continue
            # "post-2015", "2030 Agenda": part of a name or a modifier, not a date
            if re.search(r"(post|pre)-\s*$", text[max(0, s - 6):s]) and re.match(r"\d{4}", text[s:e]):
                continue
            # "Decree No. 2085", "Law No. 1990", "No 2015": a number, not a year
            if lang == "en" and re.fullmatch(r"\d{4}", text[s:e]) and re.search(r"\b(?:No|Nos|no)\.?\s*$",
                                                                               text[max(0, s - 6):s]):
                continue
            # "2015年后发展议程", "2015年后的承诺": post-2015, a modifier, not a date
            if w is None and lang == "zh" and re.fullmatch(r"\d{4}\s*年", text[s:e]) and ZH_POST.match(text, e):
                continue
            if w is not None and w["not_before_year"] and re.match(r"\d{4}", text[s:e]) \
                    and re.search(w["not_before_year"], text[max(0, s - 24):s]):
                continue
            # a bare four-digit count before what it counts ("2000 человек"): Russian writes counts unseparated
            if w is not None and w["not_after_year"] and re.fullmatch(r"\d{4}", text[s:e]) \
                    and re.match(w["not_after_year"], text[e:e + 24]):
                continue
            out.append(Candidate(s, e, "DATE", _zh_key(text[s:e]) if lang == "zh" else text[s:e]))
    if lang == "zh":
        _zh_listed_year(text, out)
        out.extend(_zh_bare_years(text, out))
    return out


# Chinese dates: forms the English side writes as dates and the patterns above do not reach
ZH_EN_DATE = rf"(?<![0-9A-Za-z/.])\d{{1,2}}\s+{MONTH}\s+\d{{4}}(?!\d)"
ZH_POST = re.compile(r"\s*后(?!续)的?\s*(?:可持续发展|发展|议程|框架|方案|时代|进程|减少灾害风险|承诺|目标)")
# years without 年 in a list that ends with one ("2011、2012和2013年", "2009和2012年"): each year is a date
ZH_YEAR_LIST = re.compile(r"(?<![0-9A-Za-z/.,\-])(?:(?:19|20)\d\d\s*(?:、|和|及|或)\s*)+(?:19|20)\d\d\s*年")
# a year before the year it names ("2014日历年", "2013交易年", "2008国际环境卫生年")
ZH_YEAR_NOUN = re.compile(r"(?<![0-9A-Za-z/.,\-])(?:19|20)\d\d"
                          r"(?=\s*(?:日历年|交易年|财政年度|财务年度|学年|国际[\u4e00-\u9fff]{1,12}年(?![代度])))")


# a year (or two) in brackets after a name, as lists of countries and reports give them ("奥地利(2014)、比利时(2015)",
# "《世界人口展望》(2015)"): a date, as English reads "Austria (2014)"; after a digit it is a resolution's year
ZH_BRACKET_YEAR = re.compile(r"(?<=[\u4e00-\u9fff》」])\s*[（(]\s*((?:19|20)\d\d(?:\s*(?:-|—|–|至)\s*(?:19|20)\d\d)?)"
                             r"\s*[)）]")


def _zh_key(span: str) -> str:
    """A Chinese date span in the form the normalizer reads: '2014年7-8月' -> '2014年7月至8月', '2015年2月17和18日' ->
    '2015年2月17日和18日', '28日及29日' -> '28日和29日', '6 February 2015' -> '2015年2月6日'."""
    m = re.fullmatch(rf"(\d{{1,2}})\s+({MONTH})\s+(\d{{4}})", span.strip())
    if m:
        month = MONTH[3:-1].split("|").index(m.group(2)) + 1
        return f"{m.group(3)}年{month}月{m.group(1)}日"
    t = re.sub(r"\s+", "", span)
    t = re.sub(r"^(\d{4}年)(\d{1,2})(至|到|-|—|–)(\d{1,2})月$", r"\1\2月\3\4月", t)
    t = re.sub(r"月(\d{1,2})(和|及|、)(\d{1,2})日$", r"月\1日\2\3日", t)
    return re.sub(r"日(?:及|、)(\d{1,2})日$", r"日和\1日", t)


def _zh_listed_year(text: str, found: list[Candidate]) -> None:
    """A month or day without a year listed right after a date that has one takes that date's year ('2014年7月和8月':
    August 2014, not of the document's year; '2014年11月19日和23日及12月29日')."""
    for c in sorted(found, key=lambda c: c.start):
        if "年" in c.key:
            continue
        prev = [d for d in found if d.end <= c.start and re.search(r"(\d{4})年", d.key)
                and re.fullmatch(r"\s*(?:和|及|以及|、)\s*", text[d.end:c.start])]
        if prev:
            year = re.findall(r"(\d{4})年", prev[-1].key)[-1]
            c.key = f"{year}年{c.key}"


def _zh_bare_years(text: str, taken: list[Candidate]) -> list[Candidate]:
    """Years written without 年 that are dates: the first years of a list ('2011、2012和2013年': 2011 and 2012; the
    last, with 年, is a date of its own), a year before the year it names ('2013交易年') and a year in brackets after
    a name ('奥地利(2014)')."""
    out = []
    spans: list[tuple[int, int]] = []
    for m in ZH_YEAR_LIST.finditer(text):
        spans += [(y.start() + m.start(), y.end() + m.start()) for y in re.finditer(r"\d{4}(?!\s*年)", m.group(0))]
    spans += [(m.start(), m.end()) for m in ZH_YEAR_NOUN.finditer(text)]
    spans += [(m.start(1), m.end(1)) for m in ZH_BRACKET_YEAR.finditer(text)]
    for s, e in spans:
        if not any(c.start < e and s < c.end for c in taken + out):
            key = text[s:e] if len(text[s:e]) == 4 else re.sub(r"\s+", "", text[s:e]).replace("至", "-") + "年"
            out.append(Candidate(s, e, "DATE", key))
    return out


def find(text: str, lang: str) -> list[Candidate]:
    return resolutions(text, lang) + documents(text) + dates(text, lang)
