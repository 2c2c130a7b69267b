"""Make the damage suite: copies of clean resolutions damaged the way PDF extraction damages them.

    .venv/bin/python benchmarks/make_damage.py            # writes tests/fixtures/damage/ (deterministic)

Each clean file is parsed, and its paragraphs and footnotes are written out again as a PDF extraction would
leave them. One variant per damage kind:

- `fn-sup`, `fn-plain`, `fn-md`: pages end in the middle of paragraphs, and the footnotes of each page stand
  between the two halves, written with superscript digits (`¹ See ...`, markers `peace,¹`), as plain numbered
  lines (`1 See ...`, markers `peace,1`; a Chinese text keeps superscript markers) or as Markdown
  (`[^1]: See ...`, markers `[^1]`);
- `furniture`: the same page breaks carry the page's footer and the next page's header: the symbol
  (`A/RES/80/11`), the page number (`2/5`), the job number (`25-19870 (E)`), the running title, alone or
  two on a line;
- `wrap`: every paragraph broken into print lines, with words hyphenated across lines (`organi-` / `zation`,
  `Secretary-` / `General`);
- `bold`: `**` around the opening verb of every operative paragraph;
- `sublist`: a page break (footnotes, furniture) inside or between the items of every numbered sub-paragraph
  list ((a), (b) ...); only for files that have such lists;
- `combined`: all of the above at once;
- `noblank`: the clean text with no blank line between paragraphs (one paragraph per line, as copied text and
  line-per-paragraph corpora come);
- `dense`: `combined` with no blank lines at all, as PDF extraction without layout leaves it.

Cut points, page lengths and layouts come from a random generator seeded with the file name, so the output is
the same on every run. The clean parse is the reference the suite compares with (`pipeline/structure/agreement.py`).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.structure.blocks import NUMBERED, SUPERSCRIPTS  # noqa: E402
from pipeline.structure.paragraphs import CONNECTIVES, operative_openers  # noqa: E402
from pipeline.structure.parse import parse_document  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
OUT = FIXTURES / "damage"
CLEAN = ["A_RES_79_138.zh.txt", "A_RES_80_1.md", "A_RES_80_11.md", "A_RES_80_21.md", "A_RES_80_53.md",
         "A_RES_80_63.md", "S_RES_0001_1946_EN_GOLD.txt", "S_RES_0242_1967_EN_GOLD.txt",
         # the four other languages: the aligned UNPC fixtures (short, no footnotes; comment lines start with #)
         *(f"languages/{stem}.{lang}.txt" for stem in ("S_RES_2209_2015", "A_RES_69_170")
           for lang in ("fr", "es", "ru", "ar"))]
KINDS = ["fn-sup", "fn-plain", "fn-md", "furniture", "wrap", "bold", "sublist", "combined", "noblank", "dense"]
# characters of body text per page, about a third of a printed UN page (the short fixtures of the other
# languages get shorter pages, so that their paragraphs are cut too)
PAGE = {"en": 1600, "zh": 700, "fr": 600, "es": 600, "ru": 600, "ar": 600}
WIDTH = {"en": 78, "zh": 38, "fr": 78, "es": 78, "ru": 78, "ar": 70}
JOB = {"en": "E", "zh": "C", "fr": "F", "es": "S", "ru": "R", "ar": "A"}  # the job number's language letter
RECYCLE = {"en": "Please recycle", "zh": "请回收", "fr": "Merci de recycler", "es": "Se ruega reciclar",
           "ru": "Просьба отправить на вторичную переработку", "ar": None}
LETTERS, LOWER = r"[^\W\d_]", r"[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁ]"  # a letter, a lower-case letter (Latin, Cyrillic)


def lang_of(name: str) -> str:
    return next((lang for lang in ("zh", "fr", "es", "ru", "ar") if f".{lang}." in name), "en")


def clean_text(name: str) -> str:
    """A clean file's text, less the comment lines (#) the language fixtures start with."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return "\n".join(x for x in text.split("\n") if not x.startswith("#")) if name.startswith("languages/") else text


def clean_parse(name: str):
    return parse_document(clean_text(name), lang=lang_of(name), fmt="md" if name.endswith(".md") else "txt",
                          source=name)


def sup(n: str) -> str:
    return n.translate(str.maketrans("0123456789", SUPERSCRIPTS))


def render_marker(refs: list[str], style: str, lang: str) -> str:
    if style == "md":
        return "".join(f"[^{r}]" for r in refs)
    if style == "sup" or lang == "zh":
        return "⁻".join(sup(r) for r in (refs if len(refs) < 3 else [refs[0], refs[-1]]))
    if lang == "ar":
        return "".join(f"({r})" for r in refs)  # Arabic PDFs: "(1)"
    return ",".join(refs)


def render_note(key: str, text: str, style: str, lang: str = "en") -> str:
    if style == "md":
        return f"[^{key}]: {text}"
    if style == "plain" and lang == "ar":
        return f"({key}) {text}"
    return f"{sup(key) if style == 'sup' else key} {text}"


class Writer:
    """Paragraph texts in, damaged text out: pages, footnotes at page breaks, furniture, wrapping, bold."""

    def __init__(self, doc, name: str, kind: str, rng: random.Random):
        self.doc, self.name, self.kind, self.rng = doc, name, kind, rng
        self.lang = doc.lang
        self.style = {"fn-sup": "sup", "fn-plain": "plain", "fn-md": "md"}.get(kind) or self.native_style()
        self.cuts = kind in ("fn-sup", "fn-plain", "fn-md", "furniture", "combined", "dense")
        self.furniture = kind in ("furniture", "sublist", "combined", "dense")
        self.wrap = kind in ("wrap", "combined", "dense")
        self.bold = kind in ("bold", "combined", "dense")
        self.sublist = kind in ("sublist", "combined", "dense")
        self.joiner = "\n" if kind in ("noblank", "dense") else "\n\n"  # between paragraphs (and page parts)
        self.out: list[str] = []
        self.marks: list[tuple[int, list[str]]] = []  # (position, refs) of the markers of the part being written
        self.pending: list[str] = []  # footnote numbers whose markers were written, notes not yet
        self.emitted: set[str] = set()
        self.page, self.on_page = 1, 0
        self.job = f"{doc.header.get('adoption_date', '2025')[2:4]}-{rng.randint(10000, 29999)}"
        self.fmt = "md" if self.style == "md" else "txt"

    def native_style(self) -> str:
        if self.name.endswith(".md"):
            return "md"
        return "sup" if self.lang == "zh" else "plain"

    # --- pieces -------------------------------------------------------------------------------------------
    def body_text(self, p) -> tuple[str, list[tuple[int, list[str]]]]:
        """The paragraph with its markers in this variant's style, and (position, refs) of each marker."""
        text, marks, pos = "", [], 0
        for mk in sorted(p.markers, key=lambda m: m["start"]):
            text += p.text[pos:mk["start"]]
            marks.append((len(text), mk["refs"]))
            text += render_marker(mk["refs"], self.style, self.lang)
            pos = mk["end"]
        text += p.text[pos:]
        if self.bold and p.type == "operative":
            bolded = bold_opener(text, self.lang)
            marks = [(at + len(bolded) - len(text), refs) for at, refs in marks]
            text = bolded
        return text, marks

    def notes_block(self, final: bool = False) -> list[str]:
        keys = sorted(self.doc.footnotes, key=lambda k: (len(k), k))
        if final:
            due = [k for k in keys if k not in self.emitted]
        else:
            top = max((int(k) for k in self.pending if k.isdigit()), default=0)
            due = [k for k in keys if k not in self.emitted and (not k.isdigit() or int(k) <= top)]
        self.emitted.update(due)
        self.pending.clear()
        lines = [render_note(k, self.doc.footnotes[k].text, self.style, self.lang) for k in due]
        if not lines:
            return []
        if self.style == "plain" and self.lang == "en":
            return ["\n".join(lines)]  # pdftotext: one block of consecutive lines
        return lines

    def furniture_lines(self) -> list[str]:
        sym = self.doc.header.get("symbol", "")
        if sym.startswith("S/RES/"):
            sym = re.sub(r"\((\d{4})\)$", r" (\1)", sym)
        title = self.doc.header.get("title", "")
        total = self.rng.randint(self.page + 1, self.page + 9)
        job = f"{self.job} ({JOB[self.lang]})"
        layouts = [
            [f"{job}", f"{self.page}/{total}", sym, title],
            [f"{self.page}/{total} {self.job}", f"{sym} {title}".strip()],
            [sym, f"{self.page}/{total}"],
            [f"{self.job}", f"{self.page}/{total}", f"{title} {sym}".strip()],
        ]
        lines = self.rng.choice(layouts)
        if self.page == 1 and RECYCLE[self.lang]:
            lines = [*lines, RECYCLE[self.lang]]  # the first page's footer
        self.page += 1
        return [x for x in lines if x]

    def page_break(self) -> None:
        self.out.extend(self.notes_block())
        if self.furniture:
            lines = self.furniture_lines()
            if self.rng.random() < 0.5:
                self.out.extend(lines)  # each on its own block
            else:
                self.out.append("\n".join(lines))
        self.on_page = 0

    def emit(self, text: str, upto: int | None = None) -> None:
        """Write a part (or its first `upto` characters' worth of markers) and note its footnotes as due."""
        self.out.append(wrap(text, self.lang, self.rng) if self.wrap else text)
        self.pending.extend(r for at, refs in self.marks if upto is None or at < upto for r in refs)
        self.marks = [(at, refs) for at, refs in self.marks if upto is not None and at >= upto]

    # --- the walk ----------------------------------------------------------------------------------------
    def run(self) -> str:
        for p in self.doc.paragraphs:
            text, marks = self.body_text(p)
            offset = 0
            for i, part in enumerate(text.split("\n")):
                # the markers of this part: a page's footnotes are those whose markers stand on it
                self.marks = [(at - offset, refs) for at, refs in marks if offset <= at < offset + len(part) + 1]
                offset += len(part) + 1
                is_item = p.type == "operative" and i > 0
                body = p.type in ("preambular", "operative")
                if self.sublist and is_item and self.rng.random() < 0.7:
                    if self.rng.random() < 0.5 or len(part) < 80:
                        self.page_break()  # between two items
                        self.emit(part)
                    else:
                        self.cut(part)  # inside an item
                    continue
                if self.cuts and body and self.on_page + len(part) > PAGE[self.lang] and len(part) > 60:
                    self.cut(part)
                    continue
                self.emit(part)
                self.on_page += len(part)
        notes = self.notes_block(final=True)
        self.out.extend(notes)
        text = self.joiner.join(self.out) + "\n"
        if self.fmt == "md" and self.name.endswith(".md"):
            raw = clean_text(self.name)
            meta_end = raw.find("\n---\n", 4) + 5
            text = raw[:meta_end] + "\n" + text
        return text

    def cut(self, part: str) -> None:
        at = cut_point(part, self.lang, self.rng, self.marks)
        if at is None:
            self.emit(part)
            self.on_page += len(part)
            return
        self.emit(part[:at].rstrip(), upto=at)
        self.page_break()
        self.emit(part[at:].lstrip())
        self.on_page = len(part) - at


def cut_point(text: str, lang: str, rng: random.Random, marks=()) -> int | None:
    """Somewhere in the middle 20-80% of a paragraph where a print line may end, not before a marker (a marker
    is printed with the word it follows)."""
    lo, hi = int(len(text) * 0.2), int(len(text) * 0.8)
    near = {at + d for at, _ in marks for d in (-1, 0, 1)}
    if lang == "zh":
        cands = [i for i in range(lo, hi) if not (text[i - 1].isascii() and text[i].isascii())
                 and text[i] not in "，。；：、）》”" + SUPERSCRIPTS + "⁻" and text[i - 1] not in "（《“"]
    else:
        cands = [i + 1 for i in range(lo, hi) if text[i] == " " and not text[i + 1:i + 3].startswith("[^")]
    cands = [i for i in cands if i not in near]
    return rng.choice(cands) if cands else None


def bold_opener(text: str, lang: str) -> str:
    m = NUMBERED.match(text)
    if not m:
        return text
    body = text[m.end():]
    lead = CONNECTIVES[lang].match(body).end()
    low = body.lower()
    for op in operative_openers(lang):
        if low.startswith(op, lead) and (lang == "zh" or not low[lead + len(op):lead + len(op) + 1].isalpha()):
            end = lead + len(op)
            return text[:m.end()] + "**" + body[:end] + "**" + body[end:]
    return text


def wrap(text: str, lang: str, rng: random.Random) -> str:
    """Hard line breaks every WIDTH characters or so; long English words are hyphenated across lines."""
    width = WIDTH[lang]
    if lang == "zh":
        lines, cur = [], ""
        for i, ch in enumerate(text):
            cur += ch
            nxt = text[i + 1:i + 2]
            if len(cur) >= width + rng.randint(-4, 2) and nxt and nxt not in "，。；：、）》”" + SUPERSCRIPTS \
                    and not (ch.isascii() and nxt.isascii()) and ch not in "（《“":
                lines.append(cur)
                cur = ""
        lines.append(cur)
        return "\n".join(line.strip() for line in lines if line.strip())
    lines, cur = [], ""
    for word in text.split(" "):
        limit = width + rng.randint(-8, 4)
        if cur and len(cur) + 1 + len(word) > limit:
            room = limit - len(cur) - 1
            m = re.fullmatch(rf"({LETTERS}+-)({LETTERS}[\w-]*[,;.:]?)", word)
            if m and len(m.group(1)) <= room:  # a compound breaks at its own hyphen
                lines.append(cur + " " + m.group(1))
                cur = m.group(2)
                continue
            # a long word is hyphenated (Arabic script is not)
            if lang != "ar" and re.fullmatch(rf"{LOWER}{{9,}}[,;.:]?", word) and room >= 4:
                k = rng.randint(4, min(room, len(word.rstrip(",;.:")) - 4))
                lines.append(cur + " " + word[:k] + "-")
                cur = word[k:]
                continue
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    lines.append(cur)
    return "\n".join(lines)


def make(name: str, kind: str) -> tuple[str, str] | None:
    doc = clean_parse(name)
    if kind == "sublist" and not any(p.type == "operative" and "\n" in p.text for p in doc.paragraphs):
        return None
    w = Writer(doc, name, kind, random.Random(f"{name}:{kind}"))
    return w.run(), w.fmt


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for name in CLEAN:
        stem = Path(name).name.rsplit(".", 1)[0]
        for kind in KINDS:
            made = make(name, kind)
            if made is None:
                continue
            text, fmt = made
            out = f"{stem}.{kind}.{fmt}"
            (args.out / out).write_text(text, encoding="utf-8")
            manifest.append({"file": out, "clean": name, "kind": kind, "lang": lang_of(name), "fmt": fmt})
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"{len(manifest)} damaged variants of {len(CLEAN)} clean files -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
