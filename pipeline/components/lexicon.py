"""The opener lexicon: finds the opening verb phrase of a paragraph and its class and intensity.

Data, not code: `opverbs.<lang>.tsv` (phrase, kind, class) and `modifiers.<lang>.tsv` (phrase, role, value)
in pipeline/lexicons/, copied beside the component when a pipeline is saved. Matching walks from the start
of the paragraph: paragraph number, then any run of connectives (Also, 又), subjects ("The Security
Council"), intensifiers (Strongly, 最强烈地) and, in Chinese, adverbials ending in 地 (赞赏地), until the
longest lexicon phrase; compounds (提请注意并重申, 表示深为关切) and trailing intensifiers (", in the strongest
terms") extend the span.

Rows of kind `not` are phrases that start like an opener and are none: 请说明 / 请提供 (a questionnaire's "please
explain / provide", where a resolution's 请 names its addressee: 请秘书长), 请将本函 (a letter's closing request),
French "il convient" (impersonal "it is fitting", not "the Council agrees") and "compte tenu" ("given").

The other languages add, as data: a class written "encourage|urge" for an opener whose translation covers two
English openers (the first is the lexicon's class, the classifier may choose among them); modifiers with role
`conjunction` and value `prefix` (Arabic و, glued to the verb); role `reach` (how many characters after a
declaratory verb a strongest intensifier still counts). Arabic vowel marks and tatweel are ignored in matching.
English role `adjective` (deep, grave: "expresses its deep concern") gives "expresses" the row's intensity.
"""
import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from ..languages import profile
from ..lexicons import DIR as LEXICON_DIR
from ..lexicons import read_tsv

# paragraph number ("12.", Arabic "١٢ -" / "12 -"), sub-paragraph label, quotes and emphasis before the opener
LEAD = re.compile(r"^[\s\"'‘“«_*]*(?:\d{1,3}\s*(?:\.|[-–](?=\s))\s*)?(?:\(([a-z]{1,2}|[ivx]{1,5})\)\s*)?[\s\"'‘“«_*]*")
# Arabic short vowels, shadda, sukun, dagger alif and tatweel: written or not at will ("يسلّم", "تقـرر")
AR_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
WORD = re.compile(r"[^\W_][\w'-]*")  # a word of a spaced language, any script
RANK = {"none": 0, "strong": 1, "strongest": 2}
HEAD = 400  # characters of a paragraph the opener can be in
# the two tables of a lexicon and their columns: `<table>.<lang>.tsv`, saved with the pipeline
TABLES = {"opverbs": ("phrase", "kind", "class"), "modifiers": ("phrase", "role", "value")}


@dataclass
class Opener:
    start: int
    end: int
    kind: str  # "operative" | "preambular"
    cls: Optional[str]
    intensity: str
    phrase: str  # the lexicon phrase that matched ("" when guessed)
    # classes an ambiguous opener may have, `cls` first ("encourage|urge" in the lexicon: Russian призывает translates
    # both "encourages" and "calls upon"); empty when the lexicon knows one class
    candidates: Tuple[str, ...] = ()


class OpenerLexicon:
    def __init__(self, lang: str, verbs: List[Dict[str, str]], modifiers: List[Dict[str, str]]) -> None:
        self.lang = lang
        self.spaced = profile(lang).spaced  # unspaced (Chinese): phrases end anywhere, adverbials end in 地
        self.verbs = verbs
        self.modifiers = modifiers
        self.by_kind: Dict[str, List[Tuple[str, str]]] = {"operative": [], "preambular": [], "not": []}
        self.candidates: Dict[Tuple[str, str], Tuple[str, ...]] = {}
        for r in verbs:
            classes = tuple((r.get("class") or "").split("|"))
            self.by_kind[r["kind"]].append((self._norm(r["phrase"]), classes[0]))
            if len(classes) > 1:
                self.candidates[(r["kind"], self._norm(r["phrase"]))] = classes
        for k in self.by_kind:
            self.by_kind[k].sort(key=lambda pc: len(pc[0]), reverse=True)
        self.connectives = sorted(((self._norm(m["phrase"]), "") for m in modifiers if m["role"] == "connective"),
                                  key=lambda pv: len(pv[0]), reverse=True)
        self.intensifiers = sorted(((self._norm(m["phrase"]), m["value"] or "none") for m in modifiers
                                    if m["role"] == "intensifier"), key=lambda pv: len(pv[0]), reverse=True)
        # conjunctions written glued to the next word (Arabic و): skipped before a verb the lexicon knows
        self.prefixes = [self._norm(m["phrase"]) for m in modifiers
                         if m["role"] == "conjunction" and m["value"] == "prefix"]
        self.reach = max((int(m["value"]) for m in modifiers if m["role"] == "reach"), default=0)
        # adjectives of the object after "expresses" ("its deep concern") and the intensity each gives the verb
        self.adjectives = {self._norm(m["phrase"]): m["value"] or "none" for m in modifiers
                           if m["role"] == "adjective"}
        words = "|".join(map(re.escape, sorted(self.adjectives, key=len, reverse=True))) or "(?!)"
        self.adjective = re.compile(rf"\s+(its )?({words}) ")

    @classmethod
    def load(cls, lang: str, folder: Path = LEXICON_DIR) -> "OpenerLexicon":
        return cls(lang, *(read_tsv(folder / f"{table}.{lang}.tsv") for table in TABLES))

    def tables(self) -> Dict[str, List[Dict[str, str]]]:
        """Table name -> rows, what a saved pipeline carries."""
        return {"opverbs": self.verbs, "modifiers": self.modifiers}

    def replace(self, tables: Dict[str, List[Dict[str, str]]]) -> "OpenerLexicon":
        """This lexicon with the tables given (a saved pipeline's) instead of its own."""
        rows = {**self.tables(), **tables}
        return OpenerLexicon(self.lang, rows["opverbs"], rows["modifiers"])

    def filename(self, table: str) -> str:
        return f"{table}.{self.lang}.tsv"

    def write_table(self, table: str, path: Path) -> None:
        """One table as TSV with its header, the format `load` reads."""
        cols = TABLES[table]
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=cols, delimiter="\t", lineterminator="\n")
            w.writeheader()
            for r in self.tables()[table]:
                w.writerow({c: r.get(c) or "" for c in cols})

    def _norm(self, s: str) -> str:
        return s.lower() if self.spaced else s

    # --- matching -------------------------------------------------------------------------------
    def _at(self, low: str, pos: int, phrase: str) -> bool:
        if not low.startswith(phrase, pos):
            return False
        if not self.spaced:
            return True
        nxt = pos + len(phrase)
        return nxt == len(low) or not low[nxt].isalpha()

    def _longest(self, low: str, pos: int, items) -> Optional[Tuple[str, str]]:
        if pos >= len(low):
            return None
        index = self._first_char_index(items)
        for phrase, val in index.get(low[pos], ()):
            if self._at(low, pos, phrase):
                return phrase, val
        return None

    def _first_char_index(self, items) -> Dict[str, list]:
        """Phrases grouped by first character (longest first within a group): matching stays cheap."""
        key = id(items)
        cache = self.__dict__.setdefault("_index_cache", {})
        if key not in cache:
            groups: Dict[str, list] = {}
            for phrase, val in items:
                if phrase:
                    groups.setdefault(phrase[0], []).append((phrase, val))
            cache[key] = groups
        return cache[key]

    def _skip_space(self, low: str, pos: int) -> int:
        while pos < len(low) and (low[pos].isspace() or low[pos] in ",，、،"):
            pos += 1
        return pos

    def find(self, text: str, kind: str = "operative") -> Optional[Opener]:
        """The opener of `kind` at the start of `text`, or None when the lexicon knows none."""
        if AR_MARKS.search(text[:HEAD]):
            return self._find_unmarked(text, kind)
        return self._find(text, kind)

    def _find_unmarked(self, text: str, kind: str) -> Optional[Opener]:
        """Arabic with vowel marks or tatweel: match the bare letters, map the offsets back."""
        keep = [i for i, c in enumerate(text[:HEAD]) if not AR_MARKS.match(c)]
        found = self._find("".join(text[k] for k in keep), kind)
        if found is not None:
            found.start, found.end = keep[found.start], keep[found.end - 1] + 1
        return found

    def _find(self, text: str, kind: str) -> Optional[Opener]:
        low = self._norm(text[:HEAD])
        pos = LEAD.match(low).end()
        span_start: Optional[int] = None
        intensity = "none"
        for _ in range(10):
            hit = self._longest(low, pos, self.by_kind[kind])
            nope = self._longest(low, pos, self.by_kind["not"])
            if nope and (not hit or len(nope[0]) >= len(hit[0])):
                return None  # a phrase that only looks like an opener (请说明, "il convient"), before its connective too
            if hit:
                phrase, cls = hit
                start = pos if span_start is None else span_start
                end = pos + len(phrase)
                intensity = self._inner_intensity(phrase, intensity)
                end, intensity = self._extend(low, end, kind, intensity)
                if self.reach and cls == "declare" and intensity != "strongest":
                    intensity = self._late_strongest(low, end, intensity)
                return Opener(start, end, kind, cls or None, intensity, phrase,
                              self.candidates.get((kind, phrase), ()))
            inten = self._longest(low, pos, self.intensifiers)
            if inten:
                if RANK[inten[1]] > RANK[intensity]:
                    intensity = inten[1]
                span_start = pos if span_start is None else span_start
                pos += len(inten[0])
                if not self.spaced and low.startswith("地", pos):
                    pos += 1
                pos = self._skip_space(low, pos) if self.spaced else pos
                continue
            conn = self._longest(low, pos, self.connectives)
            if conn and span_start is None:
                pos = self._skip_space(low, pos + len(conn[0]))
                continue
            glued = next((p for p in self.prefixes if low.startswith(p, pos)
                          and self._longest(low, pos + len(p), self.by_kind[kind])), None)
            if glued and span_start is None:  # Arabic "ويعرب مجلس الأمن": "and" written on the verb
                pos += len(glued)
                continue
            if not self.spaced:
                m = re.compile(r"[\u4e00-\u9fff]{1,4}?地").match(low, pos)
                if m and self._longest(low, m.end(), self.by_kind[kind]):
                    span_start = pos if span_start is None else span_start
                    pos = m.end()
                    continue
            break
        return None

    def _late_strongest(self, low: str, end: int, intensity: str) -> str:
        """"Réaffirme qu'il condamne, dans les termes les plus énergiques": a strongest intensifier a few words after
        a declaratory verb, within the language's `reach` (modifiers.<lang>.tsv; none in English and Chinese)."""
        window = low[end:end + self.reach + 40]
        for phrase, value in self.intensifiers:
            at = window.find(phrase)
            if value == "strongest" and 0 <= at <= self.reach:
                return value
        return intensity

    def _inner_intensity(self, phrase: str, intensity: str) -> str:
        """Intensifiers written inside a lexicon phrase ("strongly urges", 强烈敦促)."""
        for word, value in self.intensifiers:
            inside = word in phrase if not self.spaced else re.search(rf"\b{re.escape(word)}\b", phrase)
            if inside and RANK[value] > RANK[intensity]:
                intensity = value
        return intensity

    def _extend(self, low: str, end: int, kind: str, intensity: str) -> Tuple[int, str]:
        """Compounds and trailing intensifiers that belong to the verb phrase."""
        for _ in range(3):
            moved = False
            if not self.spaced:
                # 表示深为关切 / 表示赞赏地注意到: an intensifier or adverbial between 表示 and a verb
                inten = self._longest(low, end, self.intensifiers)
                nxt = end + len(inten[0]) if inten else end
                m = re.compile(r"[\u4e00-\u9fff]{1,4}?地").match(low, nxt)
                nxt2 = m.end() if m and self._longest(low, m.end(), self.by_kind[kind]) else nxt
                if (inten or nxt2 != nxt) and self._longest(low, nxt2, self.by_kind[kind]):
                    if inten and RANK[inten[1]] > RANK[intensity]:
                        intensity = inten[1]
                    end = nxt2 + len(self._longest(low, nxt2, self.by_kind[kind])[0])
                    moved = True
                # 提请注意并重申: two verbs joined by 并
                if low.startswith("并", end) and self._longest(low, end + 1, self.by_kind[kind]):
                    end = end + 1 + len(self._longest(low, end + 1, self.by_kind[kind])[0])
                    moved = True
            else:
                m = re.compile(r",?\s+").match(low, end)
                after = m.end() if m else end
                inten = self._longest(low, after, self.intensifiers)
                # a phrase ("in the strongest terms", "en los términos más enérgicos") also after a comma
                if inten and (" " in inten[0] or (after == end + 1 and inten[1] != "none")):
                    if RANK[inten[1]] > RANK[intensity]:
                        intensity = inten[1]
                    end = after + len(inten[0])
                    moved = True
                verb = low[:end].split()[-2:]
                m3 = self.adjective.match(low, end)
                if m3 and ("expresses" in verb):
                    intensity = max(intensity, self.adjectives[m3.group(2)], key=RANK.get)
                if re.compile(r"\s+its condemnation,? in the strongest (possible )?terms").match(low, end):
                    intensity = "strongest"
                m2 = re.compile(r"\s+with (deep |grave |great |serious )?(appreciation|satisfaction|concern|regret|"
                                r"alarm|gratitude|interest)\b").match(low, end)
                if m2:
                    end = m2.end()
                    if m2.group(1) in ("deep ", "grave "):
                        intensity = max(intensity, "strong", key=RANK.get)
                    moved = True
            if not moved:
                break
        return end, intensity

    # --- damaged text ----------------------------------------------------------------------------
    def _heads(self, kind: str) -> Dict[str, str]:
        """First word of each opener -> its class, for heads whose openers all share one class."""
        key = "_heads_" + kind
        if key not in self.__dict__:
            classes: Dict[str, set] = {}
            for phrase, cls in self.by_kind[kind]:
                head = phrase.split()[0] if self.spaced else phrase
                classes.setdefault(head, set()).add(cls)
            modifiers = {p for p, _ in self.intensifiers} | {p for p, _ in self.connectives}
            self.__dict__[key] = {h: next(iter(c)) for h, c in classes.items()
                                  if len(c) == 1 and len(h) >= 4 and h not in modifiers}
        return self.__dict__[key]

    def find_fuzzy(self, text: str, kind: str = "operative") -> Optional[Opener]:
        """An opener whose first word is damaged (one character dropped, added or confused, or a space
        inserted: 'Encourges', 'De cides', 'Ur ges'): the closest lexicon head within edit distance 1
        (2 for words of 9+ letters), when exactly one head is that close.         handled by cleaning stray spaces and doubled characters; a dropped character is left to the
        classifier."""
        low = self._norm(text[:HEAD])
        pos = LEAD.match(low).end()
        if any(self._longest(low, at, self.by_kind["not"])
               for at in [pos] + [pos + len(g) for g in self.prefixes if low.startswith(g, pos)]):
            return None  # undamaged, and no opener (kind `not`; Arabic و glued on it too)
        if not self.spaced:
            return self._find_zh_cleaned(text, kind)
        intensity = "none"
        heads = self._heads(kind)
        words = list(WORD.finditer(low[pos:pos + 80]))
        i = 0
        while i < len(words):
            w = words[i].group(0)
            if any(_dist(w, c[0]) <= 1 for c in self.connectives if len(c[0]) >= 4 and " " not in c[0]) \
                    and w not in heads:
                i += 1
                continue
            joined = w + words[i + 1].group(0) if i + 1 < len(words) else None
            for cand, step in ((w, 1), (joined, 2)):
                if cand is None or cand in heads:
                    continue
                inten = next((v for p, v in self.intensifiers if " " not in p and len(p) >= 6 and _dist(cand, p) <= 1),
                             None)
                if inten is not None:
                    if RANK[inten] > RANK[intensity]:
                        intensity = inten
                    i += step
                    break
            else:
                break
        for j in (2, 1):  # a word split by a stray space first, then the word itself
            if i + j > len(words):
                continue
            cand = "".join(m.group(0) for m in words[i:i + j])
            best = sorted((_dist(cand, h), h) for h in heads if abs(len(h) - len(cand)) <= 2)
            if not best:
                continue
            limit = 2 if len(cand) >= 9 else 1
            if best[0][0] <= limit and (len(best) == 1 or best[1][0] > best[0][0]):
                head = best[0][1]
                start = pos + words[i].start()
                end = pos + words[i + j - 1].end()
                return Opener(start, end, kind, heads[head], intensity, head)
        return None

    def _find_zh_cleaned(self, text: str, kind: str) -> Optional[Opener]:
        """Chinese: drop stray spaces and doubled characters in the opening characters, match, map back."""
        lead = LEAD.match(text).end()
        zone_end = min(len(text), lead + 10)
        keep: List[int] = []
        for i, c in enumerate(text):
            if lead <= i < zone_end:
                if c.isspace():
                    continue
                if keep and keep[-1] >= lead and text[keep[-1]] == c and "\u4e00" <= c <= "\u9fff":
                    continue
            keep.append(i)
        if len(keep) == len(text):
            return None
        found = self.find("".join(text[k] for k in keep), kind)
        if found is None:
            return None
        found.start, found.end = keep[found.start], keep[found.end - 1] + 1
        return found

    def guess(self, text: str) -> Optional[Tuple[int, int]]:
        """Where the opener probably is when the lexicon knows none: the first word (en) or the first two
        characters after connectives (zh). Used with the classifier's class."""
        low = self._norm(text)
        pos = LEAD.match(low).end()
        for _ in range(5):
            conn = self._longest(low, pos, self.connectives)
            if not conn:
                break
            pos = self._skip_space(low, pos + len(conn[0]))
        if not self.spaced:
            m = re.compile(r"[\u4e00-\u9fff]{2}").match(low, pos)
        else:
            m = re.compile(r"[^\W\d_][\w-]+").match(low, pos)
        return (m.start(), m.end()) if m else None


def _dist(a: str, b: str) -> int:
    """Optimal-string-alignment edit distance (insert, delete, substitute, swap adjacent)."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > 2:
        return 3
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]
