"""What people taught the pipeline in doccano, kept as knowledge saved with it: names to find, spans never to
propose again. Each row says where it was learned (gold file, unit id, date).

`learn` compares the rules' output on each gold unit with the gold (a unit that came back from doccano was read
whole by a person, so what they left out they removed):
- a `name` row for an ORG or TREATY span the rules did not find exactly (with the gold's id, or the name's own
  English form); from then on the rules find it like a gazetteer name, in every document;
- a `not` row for an ORG or TREATY rule span that overlaps no gold span: that (label, text) is not proposed
  again (dates, symbols and resolution references come from patterns; one removed "2021" must not stop the
  rules from finding every year);
- a `head` row for a head word (heads.py) that at least two added ORG names end with (性别统计机构间专家组 and
  可持续发展目标各项指标机构间专家组: 专家组; University of Oxford and University of Cape Town: University), or
  one when the gazetteer's names make it a head (巴勒斯坦土地协会: 协会): from then on a name no list holds is
  found by its head in any document (the unit field lists the units).
A row is only learned when the gold is consistent about the string: every occurrence of a name in the gold
texts is labelled so (or lies inside a longer gold span), and a removed string is never a gold span of that
label. Short strings (under MIN_CHARS) are left to the model: without context they are too ambiguous. A row that
contradicts the hand-written gazetteer (another label or id, or removing one of its names) is reported and not
applied: the gazetteer is reviewed by people, a correction in one unit is not enough to overrule it.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Collection, Iterable

from ..languages import profile
from .gazetteer import EN_ORG_HEAD, Gazetteer, _own_name
from .heads import learned_heads

LEARNED_LABELS = ("ORG", "TREATY")
MIN_CHARS = {"zh": 3, "en": 4}


@dataclass(frozen=True)
class Correction:
    kind: str  # "name" | "not" | "head"
    label: str
    lang: str
    text: str
    id: str
    gold: str  # the gold file it was learned from
    unit: str  # the unit id
    date: str


class Corrections:
    def __init__(self, rows: Iterable[Correction] = ()) -> None:
        self.rows = list(rows)
        self._not = {(r.lang, r.label, r.text) for r in self.rows if r.kind == "not"}

    def __len__(self) -> int:
        return len(self.rows)

    def names(self) -> list[dict[str, str]]:
        """`name` rows as gazetteer rows (label, id, lang, name)."""
        return [{"label": r.label, "id": r.id, "lang": r.lang, "name": r.text} for r in self.rows if r.kind == "name"]

    def heads(self, lang: str) -> dict[str, str]:
        """`head` rows of `lang`: head word -> label (heads.py finds names by them)."""
        return {r.text: r.label for r in self.rows if r.kind == "head" and r.lang == lang}

    def blocked(self, lang: str, label: str, text: str) -> bool:
        return (lang, label, text) in self._not

    def write(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as f:
            for r in self.rows:
                f.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")

    @classmethod
    def load(cls, path: Path) -> "Corrections":
        if not Path(path).exists():
            return cls()
        with open(path, encoding="utf-8") as f:
            return cls(Correction(**json.loads(line)) for line in f if line.strip())


def _occurrences(text: str, s: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(s), text)]


def _bounded(text: str, start: int, end: int, lang: str) -> bool:
    """In a spaced language an occurrence is a whole-word one ("CAR" is not in "CARE")."""
    if not profile(lang).spaced:
        return True
    return not (start and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum())


def learn(units: list[dict[str, Any]], predict: Callable[[dict[str, Any]], list[dict[str, Any]]],
          gazetteer: Gazetteer, *, gold: str, date: str,
          teach_heads: Collection[str] | None = None,
          unit_bound: Callable[[str], bool] | None = None) -> tuple[Corrections, list[str]]:
    """Corrections from gold units (each: id, text, lang, entities [{start, end, label, id?}], and optionally
    `gold`, the file it came from, else `gold`) and the rules' spans on them (`predict(unit)`); returns the
    corrections and one report line per conflict or skipped row. Whether the gold is consistent about a string
    is judged over all the units given. `teach_heads`: the ids of the units whose added names may teach heads
    (None: every unit). `unit_bound`: does a string's id depend on its unit (short titles, bodies named without
    their parent: consistency.tsv scope `id`)? Such a name is learned without an id, so the
    document gives it one (aliases) instead of the one unit it was learned from: 'المعاهدة' learned as the NPT
    was wrong on 34 of 36 held-out UNPC lines, 'Groupe d'experts' on 19 of 19."""
    report: list[str] = []
    added: list[tuple[str, str, str, str, str]] = []  # (lang, label, name, unit, file) of names that teach heads
    proposed: dict[tuple[str, str, str, str], tuple[str, str, str]] = {}  # (kind, lang, label, text) -> (id, unit, file)
    for u in units:
        gold_spans = {(e["start"], e["end"], e["label"]) for e in u["entities"]}
        ids = {(e["start"], e["end"], e["label"]): e.get("id") or "" for e in u["entities"]}
        pred = [(p["start"], p["end"], p["label"]) for p in predict(u)]
        for s, e, label in gold_spans - set(pred):
            if label in LEARNED_LABELS:
                name = u["text"][s:e]
                ident = ids[(s, e, label)] or (_own_name(name) if u["lang"] == "en" else "")
                proposed.setdefault(("name", u["lang"], label, name), (ident, u["id"], u.get("gold", gold)))
                if teach_heads is None or u["id"] in teach_heads:
                    added.append((u["lang"], label, name, u["id"], u.get("gold", gold)))
        for s, e, label in set(pred) - gold_spans:
            if label in LEARNED_LABELS and not any(s < ge and gs < e for gs, ge, _ in gold_spans):
                proposed.setdefault(("not", u["lang"], label, u["text"][s:e]), ("", u["id"], u.get("gold", gold)))

    # what the gold says of each string, over every unit of its language
    labelled: dict[tuple[str, str, str], int] = defaultdict(int)  # (lang, label, text) -> labelled occurrences
    gold_ids: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # the ids the gold gives those occurrences
    unlabelled: dict[tuple[str, str, str], int] = defaultdict(int)
    wanted = {(lang, label, text) for _, lang, label, text in proposed}
    by_lang: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for u in units:
        by_lang[u["lang"]].append(u)
    for lang, label, text in wanted:
        for u in by_lang[lang]:
            spans = [(e["start"], e["end"], e["label"]) for e in u["entities"]]
            for s in _occurrences(u["text"], text):
                e = s + len(text)
                if not _bounded(u["text"], s, e, lang):
                    continue
                if (s, e, label) in spans:
                    labelled[(lang, label, text)] += 1
                    gold_ids[(lang, label, text)].update(g.get("id") or "" for g in u["entities"]
                                                         if (g["start"], g["end"], g["label"]) == (s, e, label))
                elif not any(gs <= s and e <= ge and (gs, ge) != (s, e) for gs, ge, _ in spans):
                    unlabelled[(lang, label, text)] += 1

    rows = []
    for (kind, lang, label, text), (ident, unit, source) in sorted(proposed.items()):
        key = (lang, label, text)
        if len(text) < MIN_CHARS.get(lang, 4):
            report.append(f"{unit}: {kind} {label} {text!r}: too short to learn without context (left to the model)")
            continue
        hand = gazetteer.lookup(text, lang)
        if kind == "name":
            if unlabelled[key]:
                report.append(f"{unit}: name {label} {text!r}: the gold leaves {unlabelled[key]} other "
                              f"occurrence(s) unlabelled; not learned")
                continue
            if unit_bound is not None and unit_bound(text):
                ident = ""  # its id is the document's, not the one unit's it was learned from
            elif len(gold_ids[key]) > 1:
                report.append(f"{unit}: name {label} {text!r}: the gold gives it {len(gold_ids[key])} different ids "
                              f"(a short form: the id depends on the unit); learned without an id")
                ident = ""
            if hand and hand != (label, ident) and ident:
                report.append(f"{unit}: name {label} {text!r} ({ident}) conflicts with the gazetteer "
                              f"({hand[0]} {hand[1]}); not applied")
                continue
            if hand:
                continue  # the gazetteer knows it; the rules missed it for another reason
        else:
            if labelled[key]:
                continue  # removed here, a gold span elsewhere: the context decides, not a list
            if hand and hand[0] == label:
                report.append(f"{unit}: removed {label} {text!r} is a gazetteer name; not applied")
                continue
        rows.append(Correction(kind, label, lang, text, ident, source, unit, date))
    rows += _heads(added, gazetteer, date)
    return Corrections(rows), report


def _heads(added: list[tuple[str, str, str, str, str]], gazetteer: Gazetteer, date: str) -> list[Correction]:
    """`head` rows: a head word ORG names people added end with (heads.learned_heads: two names, or one for a
    head of the gazetteer's), with the units and files it was learned from; English heads the title rule already
    has are not repeated."""
    rows = []
    for lang in sorted({a[0] for a in added}):
        missed = [(name, label, unit) for lg, label, name, unit, _ in added if lg == lang]
        files = {unit: source for lg, _, _, unit, source in added if lg == lang}
        for h, names in sorted(learned_heads(missed, gazetteer.rows, lang).items()):
            if lang == "en" and re.fullmatch(EN_ORG_HEAD, h):
                continue
            units = ",".join(dict.fromkeys(unit for _, unit in names))
            sources = ",".join(sorted({files[unit] for _, unit in names}))
            rows.append(Correction("head", "ORG", lang, h, "", sources, units, date))
    return rows
