"""Blocks that hold several paragraphs -> one block per paragraph, for text with no blank line between them.

`blocks.split_blocks` cuts at blank lines (and numbered lines). Much of what users bring has none: copied text,
corpora with one paragraph per line, PDF extraction without layout. There the formula and the whole preamble came
out as one block, typed as one paragraph (A/RES/69/170 one paragraph per line: 1 preambular unit instead of 5,
no formula found). A line break is a paragraph break where the layout of a resolution says so:
- the addressing formula ("L'Assemblée générale,") is a paragraph of its own, and above it each header line is
  one (a title or a bracketed line that runs over two lines stays whole);
- below it, a line that follows a line ending a paragraph (",", ";", "." and the Chinese and Arabic marks) and
  opens with an opening phrase of the lexicon ("Recalling", "Rappelant", "重申", "وإذ"), or is the closing meeting
  line, starts a paragraph.
The second rule holds in any text for languages whose paragraphs open with a capital (the line must start with
one). Where case tells nothing (Chinese, Arabic, Russian's lower-case openers) a print line may end in a comma
right before a later clause's verb, so it is used only in *dense* text, with almost no blank lines.
"""
from __future__ import annotations

import re
from itertools import pairwise

from .blocks import SUPERSCRIPTS, Block, join_lines, vocabulary
from .language_data import capital_start
from .pages import TITLE_LINE
from .paragraphs import (
    FORMULA,
    SIGNATURE,
    starts_paragraph,
    starts_with_opener,
    strip_markers,
)

ENDS = (",", ";", ".", ":", "，", "；", "。", "：", "،", "؛")
FORMULA_END = (",", ":", "，", "：", "،")
DENSE = 0.05  # blank lines per non-blank line below which a text is dense


def is_dense(text: str) -> bool:
    """Fewer gaps (runs of blank lines between text lines) than one per twenty text lines, or at most two. Called
    on the text after its front matter was replaced by blank lines (blocks.front_matter): leading ones do not count."""
    lines = text.strip("\n").split("\n")
    full = sum(1 for line in lines if line.strip())
    gaps = sum(1 for a, b in pairwise(lines) if a.strip() and not b.strip())
    return full >= 6 and gaps <= max(2, DENSE * full)


def print_width(lines: list[str]) -> int:
    """The width of a full print line: the 90th percentile of line lengths."""
    sizes = sorted(len(line) for line in lines if line.strip())
    return sizes[int(0.9 * (len(sizes) - 1))] if sizes else 0


def is_wrapped(lines: list[str]) -> bool:
    """Print lines, which mostly end mid-sentence, rather than one paragraph per line, which end with a
    paragraph's punctuation (all but the header lines)."""
    full = [line for line in lines if line.strip()]
    open_ends = sum(1 for line in full if not strip_markers(line).endswith(ENDS))
    return bool(full) and open_ends >= 0.4 * len(full)


NOTE_LINE = re.compile(rf"^(?:\d{{1,3}} [^\W\d]|[{SUPERSCRIPTS}]+\s*\S)")  # a footnote's first line, maybe


def _opens(line: str, prev: str, lang: str, dense: bool, wrapped: bool, full: bool) -> bool:
    """Does `line` start a new body paragraph, `prev` being the print line before it? `wrapped`: the text is
    print lines, not one paragraph per line; `full`: `prev` is a full print line, which ends where the width ran
    out rather than where a paragraph did."""
    if SIGNATURE[lang].match(line):
        return strip_markers(prev).endswith(ENDS)
    if not strip_markers(prev).endswith(ENDS):
        return False
    if dense and not wrapped:  # one paragraph per line: a line that ends a sentence ends its paragraph
        return True
    if capital_start(lang) and line[:1].isupper():
        return starts_paragraph(line, lang) if dense else starts_with_opener(line, lang)
    if not dense or full:
        return False
    return bool(NOTE_LINE.match(line)) or ((not capital_start(lang) or line[:1].isupper())
                                           and starts_with_opener(line, lang))


def is_formula(line: str, lang: str) -> bool:
    """A print line that is the addressing formula: with its comma, or alone ("The Security Council")."""
    return bool(FORMULA[lang].match(line)) and (strip_markers(line).endswith(FORMULA_END) or len(line) <= 40)


def _continues_header(line: str, prev: str, full: bool) -> bool:
    """A header line that runs over two print lines: a title's, an unclosed bracket's, or any full print line."""
    return (full or bool(TITLE_LINE.match(prev)) or prev.count("[") > prev.count("]")
            or prev.count("(") > prev.count(")"))


def split_paragraph_lines(blocks: list[Block], text: str, lang: str, dense: bool) -> list[Block]:
    """Cut blocks at the paragraph breaks their print lines hide (module docstring); other blocks stay as they are.
    `dense` is `is_dense` of the text before page furniture was blanked out (blanked lines are no layout)."""
    vocab: set[str] | None = None  # the text's words, for mending hyphens when a cut block's lines are joined again
    every = [line for b in blocks for line in (b.lines or [b.text])]
    width = print_width(every)
    at = next((i for i, line in enumerate(every) if is_formula(line, lang)), -1)
    wrapped = is_wrapped(every[at + 1:])  # the body's lines: header lines end with no punctuation either way
    # no formula anywhere (a letter, an extract of paragraphs): every line is body
    seen_formula = any(FORMULA[lang].match(b.text) for b in blocks) or not any(
        is_formula(line, lang) for b in blocks for line in b.lines)
    out: list[Block] = []
    for b in blocks:
        lines = b.lines or [b.text]
        if len(lines) == 1:
            seen_formula = seen_formula or bool(FORMULA[lang].match(b.text))
            out.append(b)
            continue
        pieces: list[tuple[int, list[str]]] = []  # (index of the first line, lines)
        header = not seen_formula
        for i, line in enumerate(lines):
            formula = not seen_formula and is_formula(line, lang)
            if formula:
                pieces.append((i, [line]))
                seen_formula, header = True, False
                pieces.append((i + 1, []))
                continue
            if not pieces or not pieces[-1][1]:
                if not pieces:
                    pieces.append((i, []))
                pieces[-1][1].append(line)
                continue
            prev = pieces[-1][1][-1]
            full = wrapped and len(prev) >= 0.85 * width
            if (header and dense and not _continues_header(line, prev, full)) or (
                    not header and _opens(line, prev, lang, dense, wrapped, full)):
                pieces.append((i, [line]))
            else:
                pieces[-1][1].append(line)
        pieces = [(i, ls) for i, ls in pieces if ls]
        if len(pieces) == 1:
            out.append(b)
            continue
        if vocab is None:  # computed once, and only for a text that has a block to cut
            vocab = vocabulary(text)
        for k, (i, ls) in enumerate(pieces):
            out.append(Block(join_lines(ls, lang, vocab), b.line + i, ls, b.brk and k == 0))
    return out
