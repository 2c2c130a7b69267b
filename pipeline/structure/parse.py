"""Whole resolution text -> Document: header, typed paragraphs, footnotes linked to their markers.

Order of work: clean the text, cut it into blocks, take footnote definitions and page furniture out,
find the addressing formula ("The General Assembly," / "大会，") that separates header from body,
then walk the body: preamble until the first operative paragraph, operative paragraphs with their
sub-paragraphs, signature, annex. A paragraph that stops mid-sentence is rejoined with the next body
block, which is how page breaks and footnote blocks in the middle of a paragraph are repaired.
"""
from __future__ import annotations

import re

from ..languages import profile
from .blocks import NUMBERED, SUP_TO_DIGIT, SUPERSCRIPTS, Block, front_matter, md_footnotes, normalize, split_blocks
from .dense import is_dense, split_paragraph_lines
from .header import read_header, read_signature
from .language_data import capital_start, conjunction_start
from .model import Document, Footnote, Paragraph
from .pages import TITLE_LINE, running_titles, strip_furniture, take_footnotes
from .paragraphs import (ANNEX, COMMAS, FORMULA, SIGNATURE, STOPS, is_heading, is_open, is_subparagraph,
                         starts_operative, starts_paragraph, starts_with_opener, strip_markers, type_from_text)

ZH_MARKER = re.compile(rf"[{SUPERSCRIPTS}]+(?:⁻[{SUPERSCRIPTS}]+)?")
MD_MARKER = re.compile(r"\[\^(\w+)\]")
LABEL = re.compile(r"^(?:[a-z]|[ivxl]{1,5})[.)]\s+[A-Z]")  # "b) To abstain", "i. Condemns": a list item, lower case
MAX_LOOSE = 50  # more untyped paragraphs than this (and most of the document) are worth a warning


def _continues(prev: Paragraph, block: Block, lang: str) -> bool:
    """Does `block` carry on the paragraph `prev` that a page break (and footnotes, furniture) cut?

    A paragraph that stops mid-sentence goes on in the next block unless that block starts a paragraph of its
    own (a number, a sub-paragraph label, an opening verb, a heading). A paragraph that ends with a comma or
    semicolon goes on only in a block that no paragraph could start with: where paragraphs open with a capital
    (English, French, Spanish) a lower-case word, and, right after a page break, any word that is not an opener."""
    t = block.text
    spaced = profile(lang).spaced
    if NUMBERED.match(t) or is_subparagraph(t) or (spaced and SIGNATURE[lang].match(t)):
        return False
    if is_open(prev.text):
        if spaced and capital_start(lang):
            return (t[:1].islower() or t[:1].isdigit()
                    or not (starts_with_opener(t, lang) or is_heading(t, lang)))
        # no case to tell (Chinese, Russian, Arabic): a body paragraph ends with a punctuation mark, so one cut
        # before it goes on ("... права, и вновь" / "заявляя, что ..."), a heading does not
        return not is_heading(prev.text, lang) or prev.type == "preambular"
    if capital_start(lang) and t[:1].islower() and not LABEL.match(t):
        return True
    cut_at_comma = strip_markers(prev.text)[-1:] in (",", ";", "，", "；", "،", "؛")
    if cut_at_comma and conjunction_start(lang).match(t):
        return True  # no paragraph opens with "и", "et", "y"
    return block.brk and cut_at_comma and not starts_paragraph(t, lang) and not is_heading(t, lang)


def _prose_after(prev: Paragraph | None, text: str, lang: str) -> bool:
    """In a text with no addressing formula (a letter, a report with numbered paragraphs), a block after a
    finished sentence that opens no sub-paragraph is a paragraph of its own: appending it to the numbered
    paragraph before, as a resolution's sub-paragraph, made one unit of seven paragraphs of S/2015/90."""
    if prev is None or is_subparagraph(text) or starts_operative(text, lang):
        return False
    if not strip_markers(prev.text).endswith((".", "。", "!", "?")):
        return False
    return not capital_start(lang) or text[:1].isupper()


# words a number after them belongs to ("Article 2 of the Charter", "Goal 16 of"): not footnote markers
NUMBERED_NOUNS = {"article", "articles", "chapter", "goal", "goals", "principle", "rule", "rules", "part", "section",
                  "annex", "protocol", "phase", "paragraph", "paragraphs", "resolution", "resolutions", "decision",
                  "item", "items", "target", "targets", "volume", "level", "category", "step", "option", "stage",
                  "committee", "group", "class", "schedule", "appendix", "table", "figure", "box", "session", "year",
                  "years", "week", "weeks", "day", "days", "month", "months", "page", "pages", "no", "vol", "para"}


# letters a marker may be glued to: Latin with its accented letters (sécurité1) and Cyrillic (ОЗХО1)
LETTER = "A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё"
LOWER = "a-zß-öø-ÿа-яё"
# Arabic PDFs write a marker as the footnote line does: "(1)"
BRACKET_MARKER = re.compile(r"\(\s*(\d{1,3})\s*\)")


def _marker_patterns(n: str) -> list[re.Pattern[str]]:
    """Where plain digits n are a footnote marker, most certain first: glued to the end of a word, a
    punctuation mark or a year ("groups,5 and", "Goals;10", "2025–20288"); at the very end of a paragraph
    after a punctuation mark and a space ("the Sea, 10"); after a comma or semicolon that follows a word,
    before a lower-case word ("Nations, 2 the threat"); glued to the next word ("Weapons 6and"); after a
    capitalized word, before a lower-case one ("the Arms Trade Treaty 10 that"), unless the word is one a
    number belongs to ("Article 2 of")."""
    a, z = LETTER, LOWER
    return [re.compile(rf"(?:(?<=[{a},.;:)’”»])|(?<=\b\d{{4}}))" + n + r"(?=[\s,.;:]|$)"),
            re.compile(r"(?<=[,.;:] )" + n + r"\s*$"),
            re.compile(rf"(?<=[{a})’”»][,;] )" + n + rf"(?= [{z}])(?! (?:and|or|to|et|ou|y|o|и|или) \d)"),
            re.compile(rf"(?<=[{a},;] )" + n + rf"(?=[{z}]{{2,}}\b)"),
            re.compile(rf"(?<=[{z}] )" + n + rf"(?= [{z}]+\b)(?! (?:and|or|to|et|ou|y|o|и|или) \d)")]


def _marker_at(text: str, m: re.Match[str], tier: int) -> bool:
    before = re.search(r"(\w+) $", text[:m.start()])  # the word before, a space between
    if tier == 4 and not (before and before.group(1)[:1].isupper()):
        return False  # a plain number between two words only counts after a name ("Treaty 10 that")
    return not (before and before.group(1).lower() in NUMBERED_NOUNS)


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
    if profile(lang).script == "arabic" and notes and not md:
        # "(1)" in the text, in order through the document, for a footnote the page left as "(1) ..."
        last = max((int(k) for k in linked if k.isdigit()), default=0)
        for m in BRACKET_MARKER.finditer(text):
            n = str(int(m.group(1)))
            if n in notes and n not in linked and last < int(n) <= last + 3:
                p.markers.append({"start": m.start(), "end": m.end(), "refs": [n]})
                linked.add(n)
                last = int(n)
    if (md or profile(lang).script in ("latin", "cyrillic")) and notes:
        # markers written as plain digits (PDF extraction, brackets lost in conversion). Markers run in order
        # through a document, so only the next few footnote numbers above the last one linked are looked for,
        # after the markers already found in the paragraph, and only where a marker stands and a number does not
        numbered = sorted((k for k in notes if k.isdigit()), key=int)
        explicit = [(int(r), mk) for mk in p.markers for r in mk["refs"] if r.isdigit()]
        last = max((int(k) for k in linked if k.isdigit() and all(k not in mk["refs"] for mk in p.markers)),
                   default=0)
        pos = 0
        while True:
            hit = None
            for n in [k for k in numbered if int(k) > last and k not in linked][:3]:
                # between the explicit markers ([^n], superscripts) of lower and of higher numbers
                lo = max([pos] + [mk["end"] for r, mk in explicit if r < int(n)])
                hi = min([len(text)] + [mk["start"] for r, mk in explicit if r > int(n)])
                hit = next(((n, m) for tier, pat in enumerate(_marker_patterns(n)) for m in pat.finditer(text, lo)
                            if m.start() < hi and _marker_at(text, m, tier)), None)
                if hit:
                    break
            if hit is None:
                break
            n, m = hit
            p.markers.append({"start": m.start(), "end": m.end(), "refs": [n]})
            linked.add(n)
            last, pos = int(n), m.end()
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
        defs, text, def_lines = md_footnotes(text)
        notes.update({k: Footnote(k, v) for k, v in defs.items()})
    # page furniture (page and job numbers, symbol, running title) and footnote blocks left by page breaks
    dense = is_dense(text)
    running = running_titles(text, meta.get("symbol"), lang)
    text, breaks = strip_furniture(text, running)
    if md:
        breaks |= def_lines  # footnote definitions amid the text stood at a page break
    blocks = split_paragraph_lines(split_blocks(text, lang, breaks), text, lang, dense)
    warnings: list[str] = []
    body_blocks = take_footnotes(blocks, notes, lang)

    formula_idx = next((i for i, b in enumerate(body_blocks) if FORMULA[lang].match(b.text)), None)
    has_formula = formula_idx is not None
    prose_numbers = False
    if not has_formula:
        # no "The General Assembly," line: the body starts at the first numbered or comma/semicolon-ended paragraph
        start = next((i for i, b in enumerate(body_blocks)
                      if NUMBERED.match(b.text) or (strip_markers(b.text).endswith(COMMAS + (";", "；", "؛"))
                                                    and len(b.text) > 40)), None)
        formula_idx = None if start is None else start - 1
        warnings.append("no addressing formula (e.g. 'The General Assembly,' / '大会，') found")
        # reports, letters and meeting records number their paragraphs too ("51. The working group ..."): without
        # a formula, when most numbered paragraphs open with no operative phrase, each paragraph is typed by itself
        # as a lone unit is (structure.paragraphs.type_from_text): only those that open with one are operative
        numbered = [b for b in body_blocks if NUMBERED.match(b.text)]
        prose_numbers = bool(numbered) and sum(starts_operative(b.text, lang) for b in numbered) * 2 < len(numbered)

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
        role = "title" if TITLE_LINE.match(b.text) else "header"
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
                last_body is not None and _continues(last_body, b, lang)):
            state = "end"
        if state == "operative" and ANNEX.match(t) and not (last_body is not None and _continues(last_body, b, lang)):
            state = "annex"  # a draft's annex, with no meeting line before it
        if state in ("end", "annex"):
            if ANNEX.match(t):
                state = "annex"
            role = "annex" if state == "annex" else "signature"
            if role == "signature":
                signature_lines.append(t)
            paragraphs.append(Paragraph("other", t, role=role))
            continue
        if last_body is not None and _continues(last_body, b, lang):
            last_body.text += (" " if profile(lang).spaced else "") + t
            continue
        m = NUMBERED.match(t)
        if prose_numbers:  # each paragraph read by itself, as a lone unit is; a list stays in its paragraph
            if last_body is not None and is_subparagraph(t):
                last_body.text += "\n" + t
                continue
            ptype, number = type_from_text(t, lang)
            last_body = Paragraph(ptype, t, number=number, role="unstructured" if ptype == "other" else None)
            paragraphs.append(last_body)
            continue
        if m and (state == "operative" or starts_operative(t, lang) or not strip_markers(t).endswith(COMMAS)):
            state = "operative"
            last_body = Paragraph("operative", t, number=int(m.group(1)))
            paragraphs.append(last_body)
            continue
        if is_heading(t, lang) and not is_subparagraph(t) and not starts_with_opener(t, lang):
            paragraphs.append(Paragraph("other", t, role="heading"))
            last_body = None
            continue
        if state == "preamble":
            bare = strip_markers(t)
            if starts_operative(t, lang) and bare.endswith(STOPS):
                state = "operative"
                last_body = Paragraph("operative", t, number=None)
            else:
                last_body = Paragraph("preambular", t)
            paragraphs.append(last_body)
            continue
        # operative section, unnumbered block
        cur = next((p for p in reversed(paragraphs) if p.type == "operative"), None)
        prose = last_body is not None and last_body.role == "unstructured"  # only a text with no formula has it
        if cur is not None and cur.number is None and starts_operative(t, lang) and not is_subparagraph(t):
            last_body = Paragraph("operative", t, number=None)
            paragraphs.append(last_body)
        elif cur is not None and prose and is_subparagraph(t):
            last_body.text += "\n" + t  # a list inside that prose
        elif cur is not None and (prose or (not has_formula and _prose_after(last_body, t, lang))):
            last_body = Paragraph("other", t, role="unstructured")  # a letter's or report's prose, not a part of 2.
            paragraphs.append(last_body)
        elif cur is not None:
            cur.text += "\n" + t  # a sub-paragraph stays inside its operative paragraph
            last_body = cur
        else:
            last_body = Paragraph("other", t)
            paragraphs.append(last_body)
    read_signature(signature_lines, lang, header)
    warnings.extend(_unrepaired(paragraphs, lang))

    if not any(p.type == "operative" for p in paragraphs):
        warnings.append("no operative paragraph found")
    nums = [p.number for p in paragraphs if p.type == "operative" and p.number is not None]
    if nums and nums != list(range(1, len(nums) + 1)):
        warnings.append(f"operative paragraphs not numbered 1..{len(nums)} in order")
    return _finish(doc_id, lang, source, header, paragraphs, notes, warnings, md)


def _name(p: Paragraph, index: int, lang: str) -> str:
    """How a warning names a paragraph: 'operative paragraph 5', "preambular paragraph 3 ('Recalling also …')"."""
    if p.number is not None:
        return f"{p.type} paragraph {p.number}"
    words = " ".join(p.text.split()[:4]) if profile(lang).spaced else p.text[:12]
    return f"{p.type} paragraph {index} ('{words} …')"


def _unrepaired(paragraphs: list[Paragraph], lang: str) -> list[str]:
    """Warnings for the damage the walk could not repair: a body paragraph that still stops mid-sentence."""
    out = []
    seen: dict[str, int] = {}
    for p in paragraphs:
        if p.type not in ("preambular", "operative"):
            continue
        seen[p.type] = seen.get(p.type, 0) + 1
        if is_open(p.text) and not re.search(r"[,;]\s*(and|or)$", p.text):  # "…; and" before the next item
            tail = " ".join(p.text.split()[-5:]) if profile(lang).spaced else p.text[-20:]
            out.append(f"{_name(p, seen[p.type], lang)} ends mid-sentence ('… {tail}'): "
                       "cut by a page break and not rejoined?")
    return out


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
