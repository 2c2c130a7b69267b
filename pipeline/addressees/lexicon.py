"""The vocabulary behind addressee typing: English type patterns, Chinese phrase pieces, and country names
(pipeline/lexicons/addressees.{en,zh}.tsv, countries.tsv). Data in TSV beside the code, so a new actor or a
new language is a new row or file, not new code."""
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


FILES = ("addressees.en.tsv", "addressees.zh.tsv", "countries.tsv")


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
