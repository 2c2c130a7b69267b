"""Paths -> units to annotate. Files and folders (recursive) of .txt/.md resolutions, and .jsonl units.

Errors are values (InputError), not exceptions, so a batch goes on past a bad document.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..structure.model import Document
from ..structure.parse import parse_document
from .decode import CJK, InputError, decode

SUFFIXES = {".txt", ".md", ".jsonl"}
LATIN = re.compile(r"[A-Za-z]")


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


def detect_lang(text: str) -> str | None:
    """'zh' or 'en' by script; None when the text has neither."""
    cjk, latin = len(CJK.findall(text[:20000])), len(LATIN.findall(text[:20000]))
    if cjk == 0 and latin == 0:
        return None
    return "zh" if cjk >= 0.2 * latin else "en"


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


def _pick_lang(text: str, lang: str, where: str, line: int | None = None) -> str:
    if lang in ("zh", "en"):
        return lang
    found = detect_lang(text)
    if found is None:
        raise InputError(where, "no Chinese or Latin letters: cannot tell the language (use --lang)", line)
    return found


def read_jsonl(path: Path, lang: str) -> Iterator[Unit | InputError]:
    try:
        text, _enc = decode(path.read_bytes(), str(path))
    except InputError as e:
        yield e
        return
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(str(path), f"malformed JSON ({e.msg} at column {e.colno})", n)
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield InputError(str(path), "a unit needs a JSON object with a string 'text'", n)
            continue
        if not rec["text"].strip():
            yield InputError(str(path), "empty 'text'", n)
            continue
        meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
        try:
            unit_lang = rec.get("lang") if rec.get("lang") in ("zh", "en") else _pick_lang(rec["text"], lang,
                                                                                        str(path), n)
        except InputError as e:
            yield e
            continue
        uid = str(rec["id"]) if rec.get("id") not in (None, "") else f"{path.name}:{n}"
        yield Unit(uid, rec["text"], unit_lang, {**meta, "source": str(path), "line": n})


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
    doc_ids: dict[str, str] = {}
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        if item.suffix.lower() == ".jsonl":
            yield from read_jsonl(item, lang)
            continue
        try:
            text, enc = decode(item.read_bytes(), str(item))
            doc_lang = _pick_lang(text, lang, str(item))
        except InputError as e:
            yield e
            continue
        except OSError as e:
            yield InputError(str(item), f"cannot read: {e.strerror}")
            continue
        stem = item.name.rsplit(".", 1)[0]
        doc = parse_document(text, lang=doc_lang, fmt=item.suffix.lower().lstrip("."), source=str(item),
                             doc_id=None)
        if doc.id == str(item):
            doc.id = stem
        if doc.id in doc_ids:  # two files claim one symbol: keep ids unique so units never collide
            doc.warnings.append(f"document id {doc.id} already used by {doc_ids[doc.id]}; using {doc.id}@{stem}")
            doc.id = f"{doc.id}@{stem}"
        doc_ids[doc.id] = str(item)
        for w in doc.warnings:
            yield Warning_(str(item), w)
        for u in document_units(doc, unit):
            u.meta["encoding"] = enc
            yield u
