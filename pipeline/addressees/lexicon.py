"""The vocabulary behind addressee typing: English type patterns, Chinese phrase pieces, the French, Spanish,
Russian and Arabic rule data, and country names (pipeline/lexicons/addressees.<lang>.tsv, countries.tsv). Data in
TSV beside the code, so a new actor or a new language is a new row or file, not new code."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"
TYPES = ("states", "parties", "secretariat", "un_system", "other_org")


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass
class TypeLexicon:
    """English: ordered (regex, type) pairs; the first whose match starts in the phrase's head decides."""
    patterns: list[tuple[re.Pattern, str]] = field(default_factory=list)
    countries: re.Pattern | None = None

    def classify(self, phrase: str, head_end: int | None = None) -> str | None:
        """The type of an actor phrase, or None if it names no actor. `head_end`: matches must start before it
        (so "cooperation among Member States" is not a State)."""
        limit = len(phrase) if head_end is None else head_end
        for pat, typ in self.patterns:
            m = pat.search(phrase)
            if m and m.start() < limit:
                return typ
        if self.countries is not None:
            m = self.countries.search(phrase)
            if m and m.start() < limit:
                return "states"
        return None


FILES = ("addressees.en.tsv", "addressees.zh.tsv", "countries.tsv")  # what zh and en read


def files(lang: str) -> tuple[str, ...]:
    """The files a language's addressee rules read (and a saved pipeline must carry)."""
    return FILES if lang in ("zh", "en") else ("addressees.en.tsv", f"addressees.{lang}.tsv", "countries.tsv")


@lru_cache(maxsize=None)
def english(folder: Path = LEXICONS) -> TypeLexicon:
    pats = [(re.compile(r["pattern"]), r["type"]) for r in _rows(Path(folder) / "addressees.en.tsv")]
    names = sorted({r["en"] for r in country_rows(folder) if r["en"] and r["kind"] != "adjective"}, key=len,
                   reverse=True)
    countries = re.compile(r"^(the )?(" + "|".join(map(re.escape, names)) + r")\b") if names else None
    return TypeLexicon(pats, countries)


@lru_cache(maxsize=None)
def country_rows(folder: Path = LEXICONS) -> tuple[dict[str, str], ...]:
    path = Path(folder) / "countries.tsv"
    return tuple(_rows(path)) if path.exists() else ()


@lru_cache(maxsize=None)
def chinese(folder: Path = LEXICONS) -> dict[str, tuple[str, str]]:
    """Chinese pieces: term -> (type, role), role one of head, name, mod; countries are names of type states."""
    out = {r["zh"]: ("states", "name") for r in country_rows(folder) if r.get("zh")}
    for r in _rows(Path(folder) / "addressees.zh.tsv"):
        out[r["term"]] = (r["type"], r["role"])
    return out


# The kinds of row in addressees.<lang>.tsv for a spaced language other than English (pipeline/addressees/spaced.py):
# object_verb / clause_verb: opener verbs whose object / that-clause subject is the addressee; skip: adverbs between
# verb and object; introducer: what introduces the addressee (à, a, к, إلى, بـ); clause: "que", "что", "أن";
# action: verb + object that names an action ("призывает к"); end: what ends the actor list (the infinitive, "que");
# conj, compound (names never split), clitic (و, بـ glued on a conjunct), stop (a piece that is no actor), trim
# (relative clauses, qualifiers), examples ("como": the list ends); head_end (prepositions after the head),
# head_modifier (words before the head noun, for languages with bare genitives), quantifier ("l'ensemble des");
# verb_word / permissive (the verb after a that-clause subject, and the permissive ones), clause_lead and
# same_subject (verb-first clauses), subject_word; adjectives_follow ("after" where adjectives follow the noun),
# adjective; pronoun_after / pronoun_before (a later clause's pronoun object); country_ending (case endings of
# country names); ignore (characters typing skips); type (pattern, type), in order.
RULE_KINDS = ("object_verb", "clause_verb", "skip", "introducer", "clause", "action", "end", "conj", "compound",
              "clitic", "stop", "trim", "head_end", "verb_word", "clause_lead", "permissive", "pronoun_after",
              "pronoun_before", "country_ending", "quantifier", "adjectives_follow", "head_modifier",
              "same_subject", "adjective", "subject_word", "ignore",
              "examples", "type")
NEVER = re.compile(r"(?!x)x")  # a kind with no rows matches nothing


@dataclass
class SpacedLexicon:
    """One spaced language's rule data: a regex per kind (the kind's rows as alternatives, case-insensitive) and
    the ordered type patterns with the country names."""
    lang: str
    rules: dict[str, re.Pattern]
    types: TypeLexicon

    def __getattr__(self, kind: str) -> re.Pattern:
        try:
            return self.__dict__["rules"][kind]
        except KeyError:
            raise AttributeError(kind) from None


def _country_pattern(names: list[str], ending: re.Pattern) -> re.Pattern | None:
    """Country names as a regex; where the language inflects (`country_ending` rows), each word's ending is
    free ("Гвинея-Бисау" also finds "Гвинеи-Бисау")."""
    if not names:
        return None
    inflects = ending is not NEVER
    alts = set()
    for name in names:
        words = re.split(r"(\s+|-)", name)
        alts.add("".join(_inflected(w, ending) if inflects and w.strip() and w != "-" else re.escape(w)
                         for w in words))
    # case-sensitive: names are capitalized where the script has case ("Того", not "того")
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?!\w)")


def _inflected(word: str, ending: re.Pattern) -> str:
    """A name word with any case ending; a short stem keeps the word whole ("Перу", not "Пер" = "первый")."""
    stem = ending.sub("", word)
    return re.escape(stem if len(stem) >= 4 else word) + r"\w{0,3}"


@lru_cache(maxsize=None)
def spaced(lang: str, folder: Path = LEXICONS) -> SpacedLexicon:
    path = Path(folder) / f"addressees.{lang}.tsv"
    if not path.exists():
        raise ValueError(f"no addressee rules for language {lang!r}: {path} is missing")
    rows = _rows(path)
    unknown = {r["kind"] for r in rows} - set(RULE_KINDS)
    if unknown:
        raise ValueError(f"{path}: unknown kind(s) {sorted(unknown)} (known: {', '.join(RULE_KINDS)})")
    bad = [r["pattern"] for r in rows if r["kind"] == "type" and r["type"] not in TYPES]
    if bad:
        raise ValueError(f"{path}: type rows need one of {TYPES}: {bad}")
    rules = {}
    for kind in RULE_KINDS[:-1]:
        alts = [r["pattern"] for r in rows if r["kind"] == kind]
        rules[kind] = re.compile("|".join(f"(?:{a})" for a in alts), re.I) if alts else NEVER
    pats = [(re.compile(r["pattern"]), r["type"]) for r in rows if r["kind"] == "type"]
    names = [r[lang] for r in country_rows(folder) if r.get(lang) and r.get("kind") != "adjective"]
    return SpacedLexicon(lang, rules, TypeLexicon(pats, _country_pattern(names, rules["country_ending"])))
