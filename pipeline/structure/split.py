"""One file, several resolutions: cut the text at each resolution's opening lines.

A corpus is often shipped as one file (the Security Council's resolutions of a year, a session's General
Assembly resolutions). Parsed as one document, every paragraph after the first resolution is typed `other` and
attributed to the first symbol. A resolution opens with a line of its own that no body paragraph has:
- Security Council: "Resolution 242 (1967)", "RESOLUTION 781 (1992)", "61 (1948). Resolution of 4 November 1948",
  "1 (1946) Resolution of 25 January 1946", "第 2175 (2014) 号决议", "Résolution 2209 (2015)", "Резолюция 2209 (2015)";
- General Assembly and others: "Resolution adopted by the General Assembly on ...", "2024 年 12 月 9 日大会决议";
- a document symbol header, "United Nations S/RES/1445 (2002)" / "联合国 A/RES/79/138";
- a Markdown front-matter block ("---" then "symbol: ...").
The header lines just above an opening line (organ, "Distr.", session, agenda item, symbol) belong to the new
document. Opening lines with no body paragraph between them (a symbol header, then the title) open one document.
"""
from __future__ import annotations

import re

from . import language_data

OPENINGS = [
    re.compile(r"^(?:RESOLUTION|Resolution)\s+\d{1,4}(?:\s*\([\d\s-]{4,7}\))?(?:\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?\s*$"),
    re.compile(r"^\d{1,4}\s*\(\d{4}\)\.?\s+Resolution\s+of\b"),
    re.compile(r"^第\s*\d{1,4}\s*\(\d{4}\)\s*号决议\s*$"),
    re.compile(r"^Resolution adopted by the [A-Z][A-Za-z ]+ on\b"),
    re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:大会|安全理事会|经济及社会理事会|人权理事会)决议\s*$"),
    re.compile(r"^(?:United Nations|联合国)\s+[A-Z]/RES/\S"),
    # "Résolution 2209 (2015)", "Резолюция 2209 (2015)", "القرار 2209 (2015)": the word from each language's data
    re.compile(r"^(?:" + language_data.alternation(w for g in language_data.DATA_LANGS
                                                   for w in language_data.phrases(g, "resolution"))
               + r")\s+\d{1,4}\s*\(\d{4}\)\s*$", re.I),
]
FRONT_MATTER = re.compile(r"^---[ \t]*\n(?:[a-z_]+:.*\n)+---[ \t]*$", re.M)
# header lines that sit above an opening line and belong to the document it opens
HEADER_LINE = re.compile(
    r"^(?:United Nations|联合国|General Assembly|Security Council|Economic and Social Council|大会|安全理事会|"
    r"Distr\.|[A-Z][a-z]+(?:-[a-z]+)? (?:special |emergency special )?session|Agenda items?|第.{1,6}届.{0,6}会议|"
    r"议程项目|[A-Z]/RES/\S+|\d{1,2} [A-Z][a-z]+ \d{4}$|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$)", re.M)
LOOKBACK = 8  # header lines at most
BODY_LINES = 3  # lines between two openings that make them two documents (a symbol header and its title are one)


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, stripped line) of the non-blank lines."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line.strip()))
        pos += len(line) + 1
    return out


def boundaries(text: str) -> list[int]:
    """Character offsets where a resolution starts (the first is 0), or [0] when the text is one document."""
    if text.lstrip().startswith("---"):
        starts = [m.start() for m in FRONT_MATTER.finditer(text)]
        if len(starts) >= 2:
            return [0] + starts[1:]
    lines = _lines(text)
    openings: list[int] = []
    body = BODY_LINES  # lines of text since the last opening: enough of them and the next opening is a new document
    for i, (_, line) in enumerate(lines):
        if any(pat.match(line) for pat in OPENINGS):
            if body >= BODY_LINES:
                openings.append(i)
            body = 0
        elif not HEADER_LINE.match(line):
            body += 1
    if len(openings) < 2:
        return [0]
    starts: list[int] = []
    for i in openings:
        j = i
        while j > 0 and i - j < LOOKBACK and HEADER_LINE.match(lines[j - 1][1]) and (not starts or j - 1 > starts[-1]):
            j -= 1
        starts.append(j)
    # whatever stands before the first opening (a heading, a cover page) belongs to the first document
    return [0] + sorted({lines[j][0] for j in starts[1:]})


# files joined with `cat` when one does not end with a newline: "... 2003rd meeting.Resolution 404 (1977)",
# "2089th meetingResolution 437 (1978)"
GLUED = re.compile(r"(?:(?<=[.,;:)\]])[ \t]*|(?<=\S))"
                   r"(?=(?:RESOLUTION|Resolution)\s+\d{1,4}\s*\([\d\s-]{4,7}\)"
                   r"(?:\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?[ \t]*$"
                   r"|\d{1,4}\s*\(\d{4}\)\.?\s+Resolution\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b.*$)", re.M)


def split_documents(text: str) -> list[str]:
    """The text of each resolution in a file, in order (one item for an ordinary file)."""
    text = GLUED.sub("\n\n", text)
    cuts = boundaries(text)
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:] + [len(text)])]
    return [p for p in pieces if p.strip()]
