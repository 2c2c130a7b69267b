"""What a page break leaves in extracted text: page furniture and the page's footnotes.

Furniture is the footer of one page and the header of the next: the page number (`2/5`), the job number
(`25-19870 (E)`, `*2519870*`), the document symbol (`A/RES/80/11`, `S/RES/242 (1967)`) and the running title,
each on a line of its own or two on one line. Such lines are dropped wherever they stand, even inside a block.

Footnotes come as blocks at the bottom of a page, which PDF extraction leaves between the two halves of the
paragraph that ran over the page break, in four forms:
- superscript digits (`¹ See resolution 70/1.`), as Chinese PDFs give them;
- plain numbered lines (`1 See resolution 70/1.`), as English, French, Spanish and Russian PDFs give them;
- numbers in brackets (`(1) انظر القرار 70/1.`), as Arabic PDFs give them (the marker in the text is `(1)` too);
- Markdown definitions (`[^1]: See resolution 70/1.`), taken out earlier by `blocks.md_footnotes`.
A plain numbered line is only a footnote when its number is the next footnote number (or one of the two after
it, when a note was missed), its text does not go on like a sentence (a lower-case word, a month) and the text
before it holds that number where a marker could stand: "2 December 2024, ..." at the top of a page is text.
"""
from __future__ import annotations

import re

from .. import lexicons
from ..entities.words import DIGITS
from ..languages import UN_LANGUAGES, profile
from .blocks import NUMBERED, SUP_TO_DIGIT, SUPERSCRIPTS, Block, join_lines
from .model import Footnote

# a resolution symbol: a page header repeats the document's own; other symbols alone on a line are text
# (a footnote's "S/4122." broken onto a line of its own)
SYMBOL = r"[A-Z]{1,2}/RES/[\w./-]+(?:\s?\(\d{4}\))?"
PAGE_NO = r"\d{1,3}\s*/\s*\d{1,3}"
JOB_NO = r"\d{2}-\d{5}(?:\s*\([A-Z]\))?|\*\d{7}\*"
FURNITURE_TOKEN = re.compile(rf"^(?:{PAGE_NO}|{JOB_NO}|{SYMBOL})(?:\s+|$)|\s+(?:{PAGE_NO}|{JOB_NO}|{SYMBOL})$")
# the rule above a page's footnotes ("_______________") is furniture too: the footnotes below it start a block
# "Please recycle" in each language, as the first page's footer prints it (role `recycle` of modifiers.<lang>.tsv)
RECYCLE = lexicons.alternation(sorted({p for lang in UN_LANGUAGES for p in lexicons.phrases(lang, "recycle")}))
PURE = re.compile(rf"^(?:{PAGE_NO}|{JOB_NO}|{SYMBOL}|(?:{RECYCLE})\W*|_{{5,}}|—{{3,}})$", re.I)
LONE_SYMBOL = re.compile(r"^[A-Z]{1,2}/(RES/)?[\w./()-]+$")  # a block that is only a symbol: a running header
TITLE_LINE = re.compile(r"^\d{1,3}/\d{1,4}\.\s*(.+)$")
SUP_NOTE = re.compile(rf"^\s*([{SUPERSCRIPTS}]+)\s*(\S.*)$", re.S)
PLAIN_NOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$", re.S)
BRACKET_NOTE = re.compile(r"^\((\d{1,3})\)\s*(\S.*)$", re.S)  # Arabic: "(1) انظر ..." (\d reads ١ too)
MONTH = re.compile(r"(January|February|March|April|May|June|July|August|September|October|November|December)\b")


def running_titles(text: str, symbol: str | None, lang: str) -> set[str]:
    """The titles a page header may repeat: the title of the "80/11. Title" line (with its wrapped lines),
    and the symbol."""
    out: set[str] = set()
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = TITLE_LINE.match(line.strip())
        if m:
            title = [m.group(1).strip()]
            for more in lines[i + 1:]:
                if not more.strip() or NUMBERED.match(more):
                    break
                title.append(more.strip())
            out.add(join_lines(title, lang))
            break
    if symbol:
        out.add(symbol)
    return out


def is_furniture(line: str, running: set[str]) -> bool:
    """A line made only of page numbers, job numbers, document symbols and the running title (or its start)."""
    t = line.strip()
    if not t:
        return False
    if PURE.match(t) or t in running:  # the running title, or the document's symbol (from the front matter)
        return True
    if any(r.startswith(t) and len(t) >= max(20, len(r) // 2) for r in running):  # a running title cut short
        return True
    rest, prev = t, None
    while rest != prev:
        prev = rest
        rest = FURNITURE_TOKEN.sub("", rest).strip()
    return rest != t and (not rest or any(r.startswith(rest) and len(rest) >= 12 for r in running))


def strip_furniture(text: str, running: set[str]) -> tuple[str, set[int]]:
    """Blank out furniture lines; return the text and the (1-based) numbers of the blanked lines."""
    lines = text.split("\n")
    removed: set[int] = set()
    for i, line in enumerate(lines):
        if is_furniture(line, running):
            lines[i] = ""
            removed.add(i + 1)
    return "\n".join(lines), removed


def note_line(lang: str) -> re.Pattern[str]:
    """How a footnote line starts in this language's PDFs: `1 Text`, or `(1) Text` in Arabic."""
    return BRACKET_NOTE if profile(lang).script == "arabic" else PLAIN_NOTE


def _marker_seen(n: str, before: str, lang: str) -> bool:
    """Does the text before a candidate footnote line hold a marker for footnote n?"""
    if note_line(lang) is BRACKET_NOTE:
        return bool(re.search(rf"\(\s*{n}\s*\)", before.translate(DIGITS)))
    sup = n.translate(str.maketrans("0123456789", SUPERSCRIPTS))
    return bool(re.search(rf"(?<![{SUPERSCRIPTS}]){sup}(?![{SUPERSCRIPTS}])", before)
                or re.search(rf"(?:[^\W\d_]|[,.;:)’”\]]|\d{{4}} ?|[,;:.] |[^\W\d_] )(?<!\d{{5}}){n}(?!\d)", before))


def _is_plain_note(line: str, expected: int, before: str, lang: str) -> bool:
    m = note_line(lang).match(line)
    if not m or not expected <= int(m.group(1)) <= expected + 2:  # the next number, or one a little further
        return False
    rest = m.group(2)
    return not rest[:1].islower() and not MONTH.match(rest) and _marker_seen(str(int(m.group(1))), before, lang)


def take_footnotes(blocks: list[Block], notes: dict[str, Footnote], lang: str) -> list[Block]:
    """Move footnote blocks (superscript or plain numbered lines) into `notes`; return the other blocks, less
    the blocks that are only a document symbol.

    The block after a footnote block is marked `brk` (a page break stood before it)."""
    kept: list[Block] = []
    before: list[str] = []
    brk = False
    for b in blocks:
        expected = max((int(k) for k in notes if k.isdigit()), default=0) + 1
        lines = b.lines or [b.text]
        context = "\n".join(before[-30:])
        if LONE_SYMBOL.match(b.text):
            brk = True
            continue
        if not (SUP_NOTE.match(lines[0]) or _is_plain_note(lines[0], expected, context, lang)):
            b.brk = b.brk or brk
            brk = False
            kept.append(b)
            before.append(b.text)
            continue
        found: list[tuple[str, list[str]]] = []  # (number, lines) of each note in the block
        for line in lines:
            m = SUP_NOTE.match(line)
            if m:
                key = str(int(m.group(1).translate(SUP_TO_DIGIT)))
            elif _is_plain_note(line, expected, context, lang):
                m = note_line(lang).match(line)
                key = str(int(m.group(1)))
            if m:
                found.append((key, [m.group(2)]))
                expected = int(key) + 1 if key.isdigit() else expected
            elif found:
                found[-1][1].append(line)
        for key, note_lines in found:
            notes[key] = Footnote(key, join_lines(note_lines, lang))
        brk = True
    return kept
