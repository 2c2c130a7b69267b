"""Raw text -> cleaned blocks: front matter, Markdown footnote definitions, bold marks, print line breaks.

A block is one candidate paragraph. PDF extraction leaves paragraphs separated by blank lines, but
numbered operative lines can follow each other directly and plain-text prints break lines inside a
paragraph, so blank lines alone are not enough.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..languages import profile

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")

# "12." in every language; Arabic also "12 - " / "١٢ - " (\d takes Arabic-Indic digits, int() reads them)
NUMBERED = re.compile(r"^\s*(\d{1,3})\s*(?:\.|[-–](?=\s+[\u0600-\u06FF]))\s*(?=\S)")
# "(a)", "(iv)", "(3)"; Russian "(а)", Arabic "(أ)"
SUBPARA = re.compile(r"^\s*\(([a-z]{1,2}|[ivxl]{1,5}|\d{1,2}|[а-я]|[\u0621-\u064A])\)\s")
ZH_FOOTNOTE = re.compile(rf"^\s*([{SUPERSCRIPTS}]+)\s*(\S.*)$", re.S)
MD_FOOTNOTE_DEF = re.compile(r"^\[\^(\w+)\]:\s?(.*)$")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


@dataclass
class Block:
    text: str
    line: int  # 1-based line number in the source where the block starts
    lines: list[str] = field(default_factory=list)  # its print lines, stripped
    brk: bool = False  # page furniture or a footnote block stood right before it: a page break


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split simple YAML front matter (key: value lines) off a Markdown file."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).split("\n"):
        if ":" in line:
            k, v = line.split(":", 1)
            meta[k.strip()] = v.strip().strip('"').strip("'")
    # keep line numbers stable: replace the front matter by as many empty lines
    return meta, "\n" * m.group(0).count("\n") + text[m.end():]


def md_footnotes(text: str) -> tuple[dict[str, str], str, set[int]]:
    """Take `[^n]: ...` definitions (with indented continuation lines) out of Markdown text; also return the
    (1-based) numbers of the lines they stood on."""
    lines = text.split("\n")
    notes: dict[str, str] = {}
    out: list[str] = []
    removed: set[int] = set()
    current: str | None = None
    for i, line in enumerate(lines, start=1):
        m = MD_FOOTNOTE_DEF.match(line)
        if m:
            current = m.group(1)
            notes[current] = m.group(2).strip()
            out.append("")
            removed.add(i)
            continue
        if current is not None and (line.startswith("    ") or line.startswith("\t")) and line.strip():
            notes[current] += " " + line.strip()
            out.append("")
            removed.add(i)
            continue
        current = None
        out.append("" if line.strip() == "---" else line)
    return notes, "\n".join(out), removed


def normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").replace("\ufeff", "")
    return text.replace("**", "")


def _starts_block(line: str) -> bool:
    return bool(NUMBERED.match(line) or SUBPARA.match(line) or ZH_FOOTNOTE.match(line))


L = r"[^\W\d_]"  # a letter of any script: French coopé-/ration and Russian разви-/тия break as English does
WORD = re.compile(rf"{L}+(?:-{L}+)*")
LINE_END_HYPHEN = re.compile(rf"{L}+-\n\s*{L}+")
# second halves of compounds that keep their hyphen when a line break falls on it ("follow-" / "up")
COMPOUND_TAILS = {"up", "based", "making", "wide", "specific", "related", "sensitive", "responsive", "led",
                  "owned", "level", "term", "being", "oriented", "friendly", "free", "affected", "dependent",
                  "centred", "centered", "scale", "run", "down", "out", "off", "like", "effective", "bound",
                  "building", "keeping", "sharing", "setting", "taking", "holding", "governing", "party", "going"}
COMPOUND_HEADS = {"non", "self", "well", "ex", "follow", "long", "short", "medium", "cross", "anti", "post", "pre",
                  "full", "high", "low", "cost", "decision", "policy", "country", "gender", "age", "case", "side",
                  "time", "small", "large", "mid", "sub", "co", "twenty", "thirty", "forty", "fifty", "sixty",
                  "seventy", "eighty", "ninety"}


def vocabulary(text: str) -> set[str]:
    """Lower-cased words of a text, leaving out the pieces of words hyphenated across lines."""
    return {w.lower() for w in WORD.findall(LINE_END_HYPHEN.sub(" ", text))}


def _join_hyphenated(left: str, right: str, vocab: set[str]) -> str:
    """`left` ends with "letter-" and `right` starts with a letter: one word, with or without its hyphen."""
    head = re.search(rf"({L}+(?:-{L}+)*)-$", left).group(1)
    tail = re.match(rf"{L}+(?:-{L}+)*", right).group(0)
    last = head.rsplit("-", 1)[-1].lower()
    first = tail.split("-", 1)[0].lower()
    if f"{head}-{tail}".lower() in vocab:
        keep = True
    elif f"{head}{tail}".lower() in vocab:
        keep = False
    else:  # a capital after the break, a tail too short to be a hyphenated syllable (French celles-/ci), a known
        # compound part, or two words the text uses on their own
        keep = (tail[:1].isupper() or len(first) <= 2 or first in COMPOUND_TAILS or last in COMPOUND_HEADS
                or (len(last) >= 2 and len(first) >= 3 and last in vocab and first in vocab))
    return left + right if keep else left[:-1] + right


def join_lines(lines: list[str], lang: str, vocab: set[str] | None = None) -> str:
    """Print lines -> one paragraph: a space between English lines (a word hyphenated across two lines is
    mended; likewise in the other spaced languages), nothing between Chinese ones (a space where Latin letters or
    digits meet)."""
    parts = [c.strip() for c in lines if c.strip()]
    if not parts:
        return ""
    joined = parts[0]
    for p in parts[1:]:
        if not profile(lang).spaced:
            sep = " " if joined[-1].isascii() and joined[-1].isalnum() and p[:1].isascii() else ""
            joined += sep + p
        elif re.search(rf"{L}-$", joined) and p[:1].isalpha() and not re.search(r"\s-$", joined):
            joined = _join_hyphenated(joined, p, vocab if vocab is not None else vocabulary("\n".join(lines)))
        else:
            joined += " " + p
    return re.sub(r"[ \t]+", " ", joined).strip()


def split_blocks(text: str, lang: str, breaks: set[int] | None = None) -> list[Block]:
    """Group lines into blocks; join print line breaks (a space in English, nothing in Chinese).

    `breaks` are line numbers where page furniture was blanked out: the block after one is marked `brk`."""
    blocks: list[Block] = []
    cur: list[str] = []
    start = 0
    brk = False
    vocab = vocabulary(text) if profile(lang).spaced else set()

    def flush() -> None:
        nonlocal brk
        if cur:
            blocks.append(Block(join_lines(cur, lang, vocab), start, [c.strip() for c in cur], brk))
            brk = False
            cur.clear()

    for i, line in enumerate(text.split("\n"), start=1):
        if breaks and i in breaks:
            flush()
            brk = True
            continue
        if not line.strip():
            flush()
            continue
        if cur and _starts_block(line):
            flush()
        if not cur:
            start = i
        cur.append(line)
    flush()
    return blocks
