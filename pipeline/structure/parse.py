"""Whole resolution text -> Document: header, typed paragraphs, footnotes linked to their markers.

Order of work: clean the text, cut it into blocks, take footnote definitions and page furniture out,
find the addressing formula ("The General Assembly," / "大会，") that separates header from body,
then walk the body: preamble until the first operative paragraph, operative paragraphs with their
sub-paragraphs, signature, annex. A paragraph that stops mid-sentence is rejoined with the next body
block, which is how page breaks and footnote blocks in the middle of a paragraph are repaired.
"""
from __future__ import annotations

import re

from .blocks import (NUMBERED, SUP_TO_DIGIT, SUPERSCRIPTS, ZH_FOOTNOTE, Block, front_matter, md_footnotes,
                     normalize, split_blocks)
from .header import read_header, read_signature
from .model import Document, Footnote, Paragraph
from .paragraphs import (ANNEX, FORMULA, SIGNATURE, is_heading, is_open, is_subparagraph, starts_operative,
                         strip_markers)

FURNITURE = [
    re.compile(r"^\d{1,3}\s*/\s*\d{1,3}$"),  # page x/y
    re.compile(r"^\d{2}-\d{5}(\s*\([A-Z]\))?(\s+\*\d+\*)?$"),  # job number 24-23385 (C)
    re.compile(r"^[A-Z]{1,2}/(RES/)?[\w./()-]+$"),  # a lone document symbol (running header)
    re.compile(r"^(Please recycle|请回收)\W*$", re.I),
]
ZH_MARKER = re.compile(rf"[{SUPERSCRIPTS}]+(?:⁻[{SUPERSCRIPTS}]+)?")
MD_MARKER = re.compile(r"\[\^(\w+)\]")
JOIN = {"zh": "", "en": " "}
MAX_LOOSE = 50  # more untyped paragraphs than this (and most of the document) are worth a warning


def _furniture(text: str, running: set[str]) -> bool:
    return any(p.match(text) for p in FURNITURE) or text in running


def _continues(prev: Paragraph, block: str, lang: str) -> bool:
    """Does `block` carry on the paragraph `prev` that a page break (and footnotes) cut?"""
    if not is_open(prev.text) or NUMBERED.match(block) or is_subparagraph(block):
        return False
    if lang == "en":
        return block[:1].islower() or block[:1].isdigit()
    return not is_heading(prev.text, lang) or prev.type == "preambular"


def _link_markers(p: Paragraph, lang: str, notes: dict[str, Footnote], md: bool, linked: set[str]) -> None:
    """Find footnote markers in a paragraph and link them to footnote definitions."""
    text = p.text
    if lang == "zh" or ZH_MARKER.search(text):
        for m in ZH_MARKER.finditer(text):
            nums = m.group(0).translate(SUP_TO_DIGIT).split("⁻")
            refs = [str(int(n)) for n in nums if n]
            if len(refs) == 2 and int(refs[1]) > int(refs[0]):
                refs = [str(i) for i in range(int(refs[0]), int(refs[1]) + 1)]
            p.markers.append({"start": m.start(), "end": m.end(), "refs": refs})
    for m in MD_MARKER.finditer(text):
        p.markers.append({"start": m.start(), "end": m.end(), "refs": [m.group(1)]})
        linked.add(m.group(1))
    if md and notes:
        # markers that lost their brackets in PDF conversion: digits glued to a word, a punctuation mark or a
        # year; only the next few footnote numbers not yet linked are accepted, so that ordinary numbers in
        # the text are not taken for markers
        while True:
            found = False
            for n in [k for k in sorted(notes, key=lambda k: (len(k), k)) if k.isdigit() and k not in linked][:3]:
                pat = re.compile(r"(?:(?<=[A-Za-z,.;:)’”])|(?<=\b\d{4}))" + n + r"(?=[\s,.;:]|$)")
                m = pat.search(text)
                if m and not any(mk["start"] <= m.start() < mk["end"] for mk in p.markers):
                    p.markers.append({"start": m.start(), "end": m.end(), "refs": [n]})
                    linked.add(n)
                    found = True
                    break
            if not found:
                break
        p.markers.sort(key=lambda mk: mk["start"])
    for mk in p.markers:
        linked.update(mk["refs"])
        mk["missing"] = [r for r in mk["refs"] if r not in notes]


def parse_document(raw: str, *, lang: str, fmt: str = "txt", source: str = "", doc_id: str | None = None) -> Document:
    text = normalize(raw)
    meta: dict[str, str] = {}
    notes: dict[str, Footnote] = {}
    md = fmt == "md"
    if md:
        meta, text = front_matter(text)
        defs, text = md_footnotes(text)
        notes.update({k: Footnote(k, v) for k, v in defs.items()})
    blocks = split_blocks(text, lang)
    warnings: list[str] = []

    # footnote definitions written as superscript blocks (PDF extraction)
    kept: list[Block] = []
    for b in blocks:
        m = ZH_FOOTNOTE.match(b.text)
        if m:
            key = str(int(m.group(1).translate(SUP_TO_DIGIT)))
            notes[key] = Footnote(key, m.group(2).strip())
        else:
            kept.append(b)

    # running headers: the title (without its number) and the symbol repeat at the top of each page
    running: set[str] = set()
    title_pat = re.compile(r"^\d{1,3}/\d{1,4}\.\s*(.+)$")
    for b in kept:
        m = title_pat.match(b.text)
        if m:
            running.add(m.group(1).strip())
            break
    if meta.get("symbol"):
        running.add(meta["symbol"])
    seen_title = False
    body_blocks: list[Block] = []
    for b in kept:
        if _furniture(b.text, running):
            # the first occurrence of the title text is the title, later ones are page headers
            if b.text in running and not seen_title and not title_pat.match(b.text) and not meta:
                seen_title = True
                body_blocks.append(b)
            continue
        body_blocks.append(b)

    formula_idx = next((i for i, b in enumerate(body_blocks) if FORMULA[lang].match(b.text)), None)
    has_formula = formula_idx is not None
    if not has_formula:
        # no "The General Assembly," line: the body starts at the first numbered or comma/semicolon-ended paragraph
        start = next((i for i, b in enumerate(body_blocks)
                      if NUMBERED.match(b.text) or (strip_markers(b.text).endswith((",", "，", ";", "；"))
                                                    and len(b.text) > 40)), None)
        formula_idx = None if start is None else start - 1
        warnings.append("no addressing formula (e.g. 'The General Assembly,' / '大会，') found")

    paragraphs: list[Paragraph] = []
    header_lines: list[str] = []
    if formula_idx is None:
        for b in body_blocks:
            paragraphs.append(Paragraph("other", b.text, role="unstructured"))
        warnings.append("no resolution structure recognized; all paragraphs typed 'other'")
        header = read_header([b.text for b in body_blocks], lang, meta, source)
        return _finish(doc_id, lang, source, header, paragraphs, notes, warnings, md)

    for b in body_blocks[:formula_idx + (0 if has_formula else 1)]:
        header_lines.append(b.text)
        role = "title" if title_pat.match(b.text) else "header"
        paragraphs.append(Paragraph("other", b.text, role=role))
    if has_formula:
        paragraphs.append(Paragraph("other", body_blocks[formula_idx].text, role="formula"))
    header = read_header(header_lines, lang, meta, source)

    state = "preamble"
    signature_lines: list[str] = []
    last_body: Paragraph | None = None  # the paragraph a continuation would join
    for b in body_blocks[formula_idx + 1:]:
        t = b.text
        if state in ("preamble", "operative") and SIGNATURE[lang].match(t) and not (
                last_body is not None and _continues(last_body, t, lang)):
            state = "end"
        if state in ("end", "annex"):
            if ANNEX.match(t):
                state = "annex"
            role = "annex" if state == "annex" else "signature"
            if role == "signature":
                signature_lines.append(t)
            paragraphs.append(Paragraph("other", t, role=role))
            continue
        if last_body is not None and _continues(last_body, t, lang):
            last_body.text += JOIN[lang] + t
            continue
        m = NUMBERED.match(t)
        if m and (state == "operative" or starts_operative(t, lang) or not strip_markers(t).endswith((",", "，"))):
            state = "operative"
            last_body = Paragraph("operative", t, number=int(m.group(1)))
            paragraphs.append(last_body)
            continue
        if is_heading(t, lang) and not is_subparagraph(t):
            paragraphs.append(Paragraph("other", t, role="heading"))
            last_body = None
            continue
        if state == "preamble":
            bare = strip_markers(t)
            if starts_operative(t, lang) and bare.endswith((".", ";", "。", "；")):
                state = "operative"
                last_body = Paragraph("operative", t, number=None)
            else:
                last_body = Paragraph("preambular", t)
            paragraphs.append(last_body)
            continue
        # operative section, unnumbered block
        cur = next((p for p in reversed(paragraphs) if p.type == "operative"), None)
        if cur is not None and cur.number is None and starts_operative(t, lang) and not is_subparagraph(t):
            last_body = Paragraph("operative", t, number=None)
            paragraphs.append(last_body)
        elif cur is not None:
            cur.text += "\n" + t  # a sub-paragraph stays inside its operative paragraph
            last_body = cur
        else:
            last_body = Paragraph("other", t)
            paragraphs.append(last_body)
    read_signature(signature_lines, lang, header)

    if not any(p.type == "operative" for p in paragraphs):
        warnings.append("no operative paragraph found")
    nums = [p.number for p in paragraphs if p.type == "operative" and p.number is not None]
    if nums and nums != list(range(1, len(nums) + 1)):
        warnings.append(f"operative paragraphs not numbered 1..{len(nums)} in order")
    return _finish(doc_id, lang, source, header, paragraphs, notes, warnings, md)


def _finish(doc_id, lang, source, header, paragraphs, notes, warnings, md) -> Document:
    linked: set[str] = set()
    for p in paragraphs:
        if p.role not in ("annex",):
            _link_markers(p, lang, notes, md, linked)
    loose = sum(p.type == "other" and p.role in (None, "unstructured") for p in paragraphs)
    if loose > MAX_LOOSE and loose > len(paragraphs) / 2:
        warnings.append(f"{loose} of {len(paragraphs)} paragraphs fit no part of a resolution (typed 'other'): "
                        "is this one resolution?")
    unlinked = sorted(set(notes) - linked, key=lambda k: (len(k), k))
    if unlinked:
        warnings.append(f"footnotes without a marker in the text: {', '.join(unlinked)}")
    ident = doc_id or header.get("symbol") or source
    return Document(ident, lang, source, header, paragraphs, notes, warnings)
