"""Each language's words as data: the files of this folder, read here.

Code that runs before a spaCy pipeline exists (structure, the training-data builders) reads this folder through
these functions; the spaCy components read the copy saved with their pipeline (components/lexicon.py), so a
pipeline keeps the words it was built with. One word list, one file: `modifiers.<lang>.tsv` (phrase, role,
value) holds what may stand around an opening verb (connectives and subjects, intensifiers with their intensity)
and the structure words of fr/es/ru/ar; `countries.tsv` one country a row, one column per language.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

DIR = Path(__file__).resolve().parent


def read_tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a TSV file with a header line."""
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@lru_cache(maxsize=None)
def modifiers(lang: str) -> tuple[dict[str, str], ...]:
    """The rows of `modifiers.<lang>.tsv` (none when the language has no file)."""
    path = DIR / f"modifiers.{lang}.tsv"
    return tuple(read_tsv(path)) if path.exists() else ()


def of_role(table: Iterable[tuple[str, str, str]], role: str) -> tuple[tuple[str, str], ...]:
    """(phrase, value) of each phrase of a role among (phrase, role, value) modifier rows, longest first (file
    order among equals); a phrase given twice keeps its last value. Also for the copy a pipeline saved
    (components/clauses.py)."""
    found = {p.strip(): (v or "").strip() for p, r, v in table if r == role}
    return tuple(sorted(found.items(), key=lambda pv: len(pv[0]), reverse=True))


@lru_cache(maxsize=None)
def rows(lang: str, role: str) -> tuple[tuple[str, str], ...]:
    """(phrase, value) of each phrase of a role in `modifiers.<lang>.tsv` (of_role)."""
    return of_role(((r["phrase"], r["role"], r["value"]) for r in modifiers(lang)), role)


def phrases(lang: str, role: str, value: str | None = None) -> tuple[str, ...]:
    """Phrases of a role (and value: "none" matches an empty one) in `modifiers.<lang>.tsv`, longest first."""
    return tuple(p for p, v in rows(lang, role) if value is None or (v or "none") == value)


def values(lang: str, role: str) -> dict[str, str]:
    """Phrase -> value of a role in `modifiers.<lang>.tsv` (an intensifier's intensity; "none" when empty)."""
    return {p: v or "none" for p, v in rows(lang, role)}


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of phrases: any apostrophe for an apostrophe, any space run for a space."""
    out = [re.escape(p).replace("'", "['’]").replace("\\ ", r"\s+") for p in items]
    return "|".join(out) or r"(?!)"


@lru_cache(maxsize=None)
def countries(lang: str) -> tuple[str, ...]:
    """Every name in the `lang` column of countries.tsv (members, observers, territories, former names,
    adjectives), in file order."""
    return tuple(r[lang] for r in read_tsv(DIR / "countries.tsv") if r.get(lang))


@lru_cache(maxsize=None)
def states(lang: str) -> tuple[str, ...]:
    """The names of States and territories in `lang` (countries.tsv without its adjectives), in file order."""
    return tuple(r[lang] for r in read_tsv(DIR / "countries.tsv") if r.get(lang) and r.get("kind") != "adjective")
