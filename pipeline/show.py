"""`unap show`: annotated JSONL -> one HTML page in displaCy's entity style. Each paragraph is titled with its
type and number, strength class and intensity; entities, the opening verb (coloured by its strength class) and
the addressees (underlined, with their type) are marked in the text. A paragraph record (`unap annotate`) is one
block; a document record (`--unit document`, with a `paragraphs` list) is a heading and one block per paragraph.
The text of a right-to-left unit (Arabic) is set with dir="rtl" (headings stay left to right, labels are isolated
with <bdi>), so the browser lays it out for reading while every mark still wraps the characters of its offsets."""
from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any, Iterator

from spacy.displacy.templates import TPL_ENT, TPL_ENTS, TPL_FIGURE, TPL_PAGE

from .io.jsonl import records
from .languages import PROFILES, is_rtl
from .records import Addressee, Reading, RecordError, Unit, parse
from .scheme import COLORS, ENTITY_LABELS, STRENGTH_CLASSES

NO_CLASS = "#dddddd"  # an opening verb without a strength class (preambular openers)


def _strength(p: Reading) -> str:
    """'strength: urge (strong)'; intensity `none` is said as such, so that no value is left implicit."""
    if not p.strength:
        return ""
    inten = p.intensity
    note = "" if not inten else " (intensity none)" if inten == "none" else f" ({inten})"
    return f"strength: {p.strength}{note}"


def _heading(p: Reading) -> str:
    """'operative 3 · strength: urge (strong)', 'other (header)'."""
    parts = []
    if p.type:
        parts.append(p.type + (f" {p.number}" if p.number is not None else "") + (f" ({p.role})" if p.role else ""))
    parts.append(_strength(p))
    return " · ".join(x for x in parts if x)


def _clauses(p: Reading, clauses: list[Reading]) -> str:
    """A line under the heading of a paragraph with more than one clause: every clause's verb and strength, and
    the strongest ('clauses: 欢迎 declare (intensity none); 强烈敦促 urge (strong) · strongest: urge')."""
    if len(clauses) < 2:
        return ""
    items = "; ".join(f"{c.verb.text if c.verb else ''} {_strength(c).removeprefix('strength: ')}" for c in clauses)
    line = f"clauses: {items} · strongest: {p.max_strength}"
    return f'<p class="clauses" style="margin: 0; font-size: 0.9em">{html.escape(line)}</p>'


def _marks(unit: Unit, paragraphs: list[tuple[Reading, list[Reading]]]) -> tuple[list[dict], list[Addressee]]:
    """Non-overlapping marks (entities, then the verbs that overlap none) and the addressees, all in offsets
    of the unit's text; `paragraphs` are each paragraph's reading with its clauses."""
    ents = [{"start": e.start, "end": e.end, "label": e.label, "bg": COLORS.get(e.label, NO_CLASS)}
            for e in unit.entities or []]
    addressees: list[Addressee] = []
    for p, clauses in paragraphs:
        # the opener, then each later clause (its verb coloured by its own class, its own addressees)
        for c in [p] + clauses[1:]:
            verb = c.verb
            if verb and verb.start is not None and all(verb.end <= e["start"] or verb.start >= e["end"]
                                                       for e in ents):
                ents.append({"start": verb.start, "end": verb.end,
                             "label": f"VERB {_strength(c).removeprefix('strength: ')}".strip(),
                             "bg": COLORS.get(c.strength or "", NO_CLASS)})
            addressees += c.addressees or []
    ents.sort(key=lambda e: e["start"])
    return ents, sorted(addressees, key=lambda a: a.start)


def _text(s: str) -> str:
    return html.escape(s).replace("\n", "<br>")


def _addressee_tag(kind: str | None) -> str:
    return (f'<sub class="addressee-type" style="font-size: 0.7em; font-weight: bold; color: {COLORS["ADDRESSEE"]};'
            f' margin-left: 0.15em">→{html.escape(kind or "addressee")}</sub>')


def _markup(text: str, lo: int, hi: int, ents: list[dict], addressees: list[Addressee], lang: Any = None) -> str:
    """text[lo:hi] with entity marks (displaCy's template) and addressee spans underlined and typed; marks and
    addressees may overlap, because the text is cut at every boundary and each piece wrapped on its own. An
    addressee's type follows its last character (after the entity mark, if that ends there too). The block says
    its language and, for a right-to-left one, dir="rtl"."""
    rtl = is_rtl(lang)
    ents = [e for e in ents if e["start"] < hi and e["end"] > lo]
    addressees = [a for a in addressees if a.start < hi and a.end > lo]
    cuts = sorted({lo, hi} | {max(lo, min(hi, x)) for s in ents for x in (s["start"], s["end"])}
                  | {max(lo, min(hi, x)) for a in addressees for x in (a.start, a.end)})

    def tags(at: int) -> str:
        return "".join(_addressee_tag(x.type) for x in addressees if min(x.end, hi) == at)

    def pieces(a: int, b: int, *, tag_end: bool = True) -> str:
        out = []
        for s, e in zip(cuts, cuts[1:]):
            if s < a or e > b:
                continue
            seg = _text(text[s:e])
            inside = [x for x in addressees if x.start <= s and e <= x.end]
            if inside:
                seg = (f'<span class="addressee" style="border-bottom: 3px solid {COLORS["ADDRESSEE"]}" '
                       f'title="addressee: {html.escape(inside[0].type)}">{seg}</span>')
            out.append(seg + (tags(e) if tag_end or e < b else ""))
        return "".join(out)

    out, pos = [], lo
    for ent in ents:
        s, e = max(lo, ent["start"]), min(hi, ent["end"])
        if s < pos:
            continue
        out.append(pieces(pos, s))
        label = html.escape(ent["label"])
        out.append(TPL_ENT.format(bg=ent["bg"], text=pieces(s, e, tag_end=False),
                                  label=f'<bdi dir="ltr">{label}</bdi>' if rtl else label, kb_link="") + tags(e))
        pos = e
    out.append(pieces(pos, hi))
    block = TPL_ENTS.format(content="".join(out), dir="rtl" if rtl else "ltr")
    if isinstance(lang, str) and lang in PROFILES:
        attrs = f' lang="{lang}"' + (' dir="rtl"' if rtl else "")
        block = block.replace('<div class="entities"', f'<div class="entities"{attrs}', 1)
    return block


def _h(level: int, title: str) -> str:
    return f'<h{level} style="margin: 0">{html.escape(title)}</h{level}>'


def _unit(unit: Unit) -> str:
    text, lang = unit.text, unit.lang
    if unit.paragraphs is None:  # a paragraph record
        clauses = unit.clause_readings(text)
        ents, addressees = _marks(unit, [(unit, clauses)])
        title = " · ".join(x for x in (unit.key or "", _heading(unit)) if x)
        return _h(2, title) + _clauses(unit, clauses) + _markup(text, 0, len(text), ents, addressees, lang)
    paragraphs = [(p, p.clause_readings(text)) for p in unit.paragraphs]
    ents, addressees = _marks(unit, paragraphs)
    header = unit.meta.get("header") if isinstance(unit.meta.get("header"), dict) else {}
    out = [_h(2, " · ".join(str(x) for x in (unit.key, header.get("title"), f"{len(paragraphs)} paragraphs")
                            if x))]

    def loose(a: int, b: int) -> str:  # text no paragraph covers is shown too, untitled
        return _markup(text, a, b, ents, addressees, lang) if text[a:b].strip() else ""

    pos = 0
    for p, clauses in sorted(paragraphs, key=lambda pc: pc[0].start):
        out.append(loose(pos, p.start))
        out.append(f'<div class="paragraph" style="margin-top: 1.2em">{_h(3, _heading(p) or "paragraph")}'
                   f'{_clauses(p, clauses)}{_markup(text, p.start, p.end, ents, addressees, lang)}</div>')
        pos = max(pos, p.end)
    out.append(loose(pos, len(text)))
    return "".join(out)


def _legend() -> str:
    chip = '<span style="background: {}; padding: 0.1em 0.5em; margin: 0 0.2em; border-radius: 0.35em">{}</span>'
    ents = "".join(chip.format(COLORS[lab], lab) for lab in ENTITY_LABELS)
    verbs = "".join(chip.format(COLORS[c], f"VERB {c}") for c in STRENGTH_CLASSES)
    addr = (f'<span style="border-bottom: 3px solid {COLORS["ADDRESSEE"]}">addressee</span>'
            + _addressee_tag("type"))
    return (f'<p class="legend" style="line-height: 2">entities: {ents}<br>opening verb by strength class '
            f'(with its intensity): {verbs}<br>{addr}</p>')


def _not_utf8(path: Path) -> str:
    """'path:line: not UTF-8 text (...)' for the first line that does not decode."""
    with open(path, "rb") as f:
        for n, line in enumerate(f, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as e:
                return f"{path}:{n}: not UTF-8 text ({e.reason} at byte {e.start + 1})"
    return f"{path}: not UTF-8 text"


def _units(inp: Path) -> Iterator[tuple[int, Unit]]:
    """Each record's unit (records.parse), with its line; a record that cannot be read is one line."""
    try:
        for n, rec in records(inp, ValueError):
            try:
                yield n, parse(rec)
            except RecordError as e:
                raise ValueError(f"{inp}:{n}: {e}") from None
    except UnicodeDecodeError:
        raise ValueError(_not_utf8(inp)) from None


def render(inp: Path, out: Path, *, limit: int | None = 500, lang: str | None = None) -> tuple[int, int]:
    """Write the page for the first `limit` records (all with None or 0), of language `lang` only if given;
    returns (shown, total records)."""
    limit = limit if limit and limit > 0 else None
    units, last, total = [], 0, 0
    for last, unit in _units(inp):
        if lang and unit.lang != lang:
            continue
        total += 1
        if limit and len(units) >= limit:
            if not lang:  # the rest is counted by lines, without parsing
                last -= 1
                total -= 1
                break
            continue
        units.append(_unit(unit))
    if limit and len(units) >= limit and not lang:
        with open(inp, encoding="utf-8", errors="replace") as f:
            total += sum(1 for n, line in enumerate(f, start=1) if n > last and line.strip())
    content = _legend() + "".join(TPL_FIGURE.format(content=u) for u in units)
    page = TPL_PAGE.format(content=content, lang="en", dir="ltr").replace(
        "<title>displaCy</title>", f"<meta charset='utf-8'><title>{html.escape(inp.name)}</title>", 1)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    return len(units), total
