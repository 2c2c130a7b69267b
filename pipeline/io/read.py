"""Paths -> units to annotate. Files and folders (recursive) of .txt/.md resolutions, and .jsonl units.

Errors are values (InputError), not exceptions, so a batch goes on past a bad document.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..structure.blocks import NUMBERED
from ..structure.model import Document
from ..structure.parse import parse_document
from ..structure.split import split_documents
from . import langid
from .decode import InputError, decode
from .jsonl import json_error

SUFFIXES = {".txt", ".md", ".jsonl"}


@dataclass
class Unit:
    id: str
    text: str
    lang: str
    meta: dict[str, Any] = field(default_factory=dict)
    # paragraphs of the unit: [{"start", "end", "type", "number", "role"}]; None = type it from the text
    paragraphs: list[dict[str, Any]] | None = None
    kind: str = "paragraph"  # "paragraph" | "document"

    def to_task(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "lang": self.lang, "meta": self.meta,
                "paragraphs": self.paragraphs, "kind": self.kind}


@dataclass
class Warning_:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: warning: {self.message}"


def iter_files(paths: list[str]) -> Iterator[Path | InputError]:
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield InputError(p, "no such file or directory")
        elif path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not files:
                yield InputError(p, "folder holds no .txt, .md or .jsonl files")
            yield from files
        elif path.suffix.lower() not in SUFFIXES:
            yield InputError(p, f"unsupported file type '{path.suffix}' (use .txt, .md or .jsonl)")
        else:
            yield path


def _pick_lang(text: str, lang: str, where: str, line: int | None = None,
               identified: tuple[str | None, float] | None = None) -> tuple[str, Warning_ | None]:
    """The supported language to annotate `text` in, and a warning if it is doubtful; or InputError
    (unsupported or unknown language)."""
    try:
        found, doubt = langid.choose(text, lang, identified)
    except ValueError as e:
        raise InputError(where, str(e), line)
    return found, Warning_(f"{where}:{line}" if line else where, doubt) if doubt else None


def _identified(lines: list[str]) -> Iterator[tuple[int, tuple[str | None, float]]]:
    """(line number, langid.identify) of every unit of a JSONL file that has a text and no `lang` of its own:
    the first pass, so that the short and unsure units take the language of the file's sure ones."""
    for n, line in enumerate(lines, start=1):
        try:
            rec = json.loads(line) if line.strip() else None
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and isinstance(rec.get("text"), str) and rec["text"].strip() and not rec.get("lang"):
            yield n, langid.identify(rec["text"])


def read_jsonl(path: Path, lang: str) -> Iterator[Unit | InputError]:
    try:
        text, _enc = decode(path.read_bytes(), str(path))
    except InputError as e:
        yield e
        return
    lines = text.split("\n")
    found = dict(_identified(lines))
    defaults = langid.file_defaults(list(found.values()))
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(str(path), json_error(e), n)
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield InputError(str(path), "a unit needs a JSON object with a string 'text'", n)
            continue
        if not rec["text"].strip():
            yield InputError(str(path), "empty 'text'", n)
            continue
        meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
        try:
            unit_lang, doubt = _pick_lang(rec["text"], rec["lang"].lower() if isinstance(rec.get("lang"), str)
                                   and rec["lang"] else lang, str(path), n,
                                          langid.in_file(found[n], defaults) if n in found else None)
        except InputError as e:
            yield e
            continue
        if doubt:
            yield doubt
        uid = str(rec["id"]) if rec.get("id") not in (None, "") else f"{path.name}:{n}"
        given = _given_type(rec)
        if isinstance(given, str):
            yield InputError(str(path), given, n)
            continue
        yield Unit(uid, rec["text"], unit_lang, {**meta, "source": str(path), "line": n}, given)


PARAGRAPH_TYPES = ("preambular", "operative", "other")


def _given_type(rec: dict[str, Any]) -> list[dict[str, Any]] | str | None:
    """The paragraph type a JSONL unit states (`"type"`, or `paragraph.type` of an annotated record, so that a
    record annotated again keeps the type its document gave it): the unit's one paragraph; None when it states
    none (typed from its text); a message when the type is unknown."""
    para = rec.get("paragraph") if isinstance(rec.get("paragraph"), dict) else {}
    ptype = rec.get("type", para.get("type"))
    if ptype is None:
        return None
    if ptype not in PARAGRAPH_TYPES:
        return f"unknown paragraph type {ptype!r} (one of {', '.join(PARAGRAPH_TYPES)})"
    number = rec.get("number", para.get("number"))
    if number is None and ptype == "operative":
        m = NUMBERED.match(rec["text"])
        number = int(m.group(1)) if m else None
    return [{"start": 0, "end": len(rec["text"]), "type": ptype,
             "number": number if isinstance(number, int) and ptype == "operative" else None,
             "role": para.get("role") if ptype == "other" else None}]


def document_units(doc: Document, unit: str) -> Iterator[Unit]:
    """A structured document as paragraph units, or as one document unit with paragraph offsets."""
    base = {"source": doc.source, "document": doc.id}
    date = doc.header.get("adoption_date") or doc.header.get("document_date") or ""
    if date[:4].isdigit():
        base["year"] = int(date[:4])
    if doc.header.get("organ"):
        base["organ"] = doc.header["organ"]
    if unit == "document":
        parts, paras, pos = [], [], 0
        for p in doc.paragraphs:
            if parts:
                pos += 2
            paras.append({"start": pos, "end": pos + len(p.text), "type": p.type, "number": p.number,
                          "role": p.role, "markers": _markers(p, doc, pos)})
            parts.append(p.text)
            pos += len(p.text)
        yield Unit(doc.id, "\n\n".join(parts), doc.lang,
                   {**base, "header": doc.header, "warnings": doc.warnings,
                    "footnotes": {k: f.text for k, f in doc.footnotes.items()}}, paras, "document")
        return
    counters: dict[str, int] = {}
    seen: set[str] = set()
    for p in doc.paragraphs:
        code = {"preambular": "pp", "operative": "op", "other": "x"}[p.type]
        counters[code] = counters.get(code, 0) + 1
        local = f"op{p.number}" if p.type == "operative" and p.number is not None else f"{code}{counters[code]}"
        if local in seen:
            local = f"{local}-{counters[code]}"
        seen.add(local)
        para = {"start": 0, "end": len(p.text), "type": p.type, "number": p.number, "role": p.role,
                "markers": _markers(p, doc, 0)}
        yield Unit(f"{doc.id}#{local}", p.text, doc.lang, {**base, "paragraph_index": len(seen) - 1}, [para])


def _markers(p, doc: Document, offset: int) -> list[dict[str, Any]]:
    return [{"start": m["start"] + offset, "end": m["end"] + offset, "refs": m["refs"],
             "footnotes": [doc.footnotes[r].text for r in m["refs"] if r in doc.footnotes]} for m in p.markers]


def read_units(paths: list[str], *, unit: str = "paragraph", lang: str = "auto"
               ) -> Iterator[Unit | InputError | Warning_]:
    """Yield units in input order; InputError for a bad file or line; Warning_ for a doubtful document."""
    doc_ids: dict[str, tuple[str, str]] = {}  # document id -> (file, language) of the document that has it
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        if item.suffix.lower() == ".jsonl":
            yield from read_jsonl(item, lang)
            continue
        try:
            text, enc = decode(item.read_bytes(), str(item))
            doc_lang, doubt = _pick_lang(text, lang, str(item))
        except InputError as e:
            yield e
            continue
        except OSError as e:
            yield InputError(str(item), f"cannot read: {e.strerror}")
            continue
        if doubt:
            yield doubt
        stem = item.name.rsplit(".", 1)[0]
        pieces = split_documents(text)
        if len(pieces) > 1:
            yield Warning_(str(item), f"holds {len(pieces)} resolutions: each is a document of its own")
        for k, piece in enumerate(pieces, start=1):
            doc = parse_document(piece, lang=doc_lang, fmt=item.suffix.lower().lstrip("."), source=str(item),
                                 doc_id=None)
            if doc.id == str(item):
                doc.id = stem if len(pieces) == 1 else f"{stem}@{k}"
            if doc.id in doc_ids and doc_ids[doc.id][1] != doc.lang:  # the same resolution in another language
                doc.id = f"{doc.id}@{doc.lang}"
            if doc.id in doc_ids:  # two files claim one symbol: keep ids unique so units never collide
                doc.warnings.append(f"document id {doc.id} already used by {doc_ids[doc.id][0]}; "
                                    f"using {doc.id}@{stem}")
                doc.id = f"{doc.id}@{stem}"
            doc_ids[doc.id] = (str(item), doc.lang)
            where = str(item) if len(pieces) == 1 else f"{item} ({doc.id})"
            for w in doc.warnings:
                yield Warning_(where, w)
            for u in document_units(doc, unit):
                u.meta["encoding"] = enc
                if len(pieces) > 1:
                    u.meta["part"] = k
                yield u
