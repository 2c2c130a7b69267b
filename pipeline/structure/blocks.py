"""Raw text -> cleaned blocks: front matter, Markdown footnote definitions, bold marks, print line breaks.

A block is one candidate paragraph. PDF extraction leaves paragraphs separated by blank lines, but
numbered operative lines can follow each other directly and plain-text prints break lines inside a
paragraph, so blank lines alone are not enough.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")

NUMBERED = re.compile(r"^\s*(\d{1,3})\s*\.\s*(?=\S)")
SUBPARA = re.compile(r"^\s*\(([a-z]{1,2}|[ivxl]{1,5}|\d{1,2})\)\s")
ZH_FOOTNOTE = re.compile(rf"^\s*([{SUPERSCRIPTS}]+)\s*(\S.*)$", re.S)
MD_FOOTNOTE_DEF = re.compile(r"^\[\^(\w+)\]:\s?(.*)$")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


@dataclass
class Block:
    text: str
    line: int  # 1-based line number in the source where the block starts


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


def md_footnotes(text: str) -> tuple[dict[str, str], str]:
    """Take `[^n]: ...` definitions (with indented continuation lines) out of Markdown text."""
    lines = text.split("\n")
    notes: dict[str, str] = {}
    out: list[str] = []
    current: str | None = None
    for line in lines:
        m = MD_FOOTNOTE_DEF.match(line)
        if m:
            current = m.group(1)
            notes[current] = m.group(2).strip()
            out.append("")
            continue
        if current is not None and (line.startswith("    ") or line.startswith("\t")) and line.strip():
            notes[current] += " " + line.strip()
            out.append("")
            continue
        current = None
        out.append("" if line.strip() == "---" else line)
    return notes, "\n".join(out)


def normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").replace("\ufeff", "")
    return text.replace("**", "")


def _starts_block(line: str) -> bool:
    return bool(NUMBERED.match(line) or SUBPARA.match(line) or ZH_FOOTNOTE.match(line))


def split_blocks(text: str, lang: str) -> list[Block]:
    """Group lines into blocks; join print line breaks (a space in English, nothing in Chinese)."""
    blocks: list[Block] = []
    cur: list[str] = []
    start = 0

    def flush() -> None:
        if cur:
            sep = "" if lang == "zh" else " "
            parts = [c.strip() for c in cur]
            joined = parts[0]
            for p in parts[1:]:
                if lang == "zh" and joined and (joined[-1].isascii() and p[:1].isascii()) and joined[-1].isalnum():
                    joined += " " + p
                else:
                    joined += sep + p
            blocks.append(Block(re.sub(r"[ \t]+", " ", joined).strip(), start))
            cur.clear()

    for i, line in enumerate(text.split("\n"), start=1):
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
