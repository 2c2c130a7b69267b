"""Silver entity data: the hand-written rules run over unlabelled UN text, for the NER to learn from beside the gold.

    python -m pipeline.training.silver --shared ../shared [--max-units 4000]

Sources (read-only corpora, see ../shared/README.md): the UNPC v1.0 dev set (en, zh lines), the 2023 zh-en
sentence pairs (each side alone), the English Security Council resolutions 1946-94 and the GA 80th-session
resolutions (their preambular and operative paragraphs). Nothing of a document or sentence pair that any gold
split or fresh test set uses is taken (by document id, pair id and text), nor of a fresh set's selection
(fresh/selected*.jsonl, made before its gold exists) or a document listed in silver/held_out_docs.txt (sets
being annotated elsewhere), so the held-out figures stay held-out. Writes annotations/entities/silver/{zh,en}.jsonl
(doccano JSONL, meta.silver = true; --out for another folder); training reads those files, never ../shared.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path
from typing import Any, Iterator

from .. import models

GOLD_DIR = models.ROOT / "annotations" / "entities"
OUT_DIR = GOLD_DIR / "silver"
HELD_OUT_DOCS = OUT_DIR / "held_out_docs.txt"
PAIR_ID = re.compile(r"(?:un2023-)?([a-z_]+?_\d+)(?::\w+)?")


def _norm_doc(d: str) -> str:
    return re.sub(r"\s+", "", d or "").upper()


def held_out() -> tuple[set[str], set[str], set[str]]:
    """Documents, pair ids and texts of every gold and fresh set and fresh selection: none of them becomes silver."""
    docs, pairs, texts = set(), set(), set()
    fresh = GOLD_DIR / "fresh"
    for f in list(GOLD_DIR.glob("*.jsonl")) + list(fresh.glob("test_*.jsonl")) + list(fresh.glob("selected*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            meta = r.get("meta") or {}
            texts.update(str(r[k]).strip() for k in ("text", "zh", "en") if r.get(k))
            docs.add(_norm_doc(str(meta.get("doc", ""))))
            m = PAIR_ID.fullmatch(str(r.get("id", "")))
            if m:
                pairs.add(m.group(1))
    if HELD_OUT_DOCS.exists():
        docs.update(_norm_doc(d) for d in HELD_OUT_DOCS.read_text(encoding="utf-8").splitlines()
                    if d.strip() and not d.startswith("#"))
    return docs, pairs, texts


def unpc(shared: Path) -> Iterator[tuple[str, str, str, str]]:
    """(lang, unit id, document, text) of UNPC dev-set lines."""
    base = shared / "corpus" / "unpc-devset"
    ids = (base / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
    for lang in ("en", "zh"):
        for n, (line, ident) in enumerate(zip((base / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").split("\n"),
                                              ids)):
            yield lang, f"unpc:{n}:{lang}", ident.split()[0], line


def pairs(shared: Path) -> Iterator[tuple[str, str, str, str]]:
    data = json.loads((shared / "corpus" / "un-zh-en-pairs-2023" / "corpus.json").read_text(encoding="utf-8"))
    for p in data["data"]:
        for lang in ("zh", "en"):
            yield lang, f"un2023-{p['id']}:{lang}", f"pair:{p['id']}", p[lang]


def resolutions(shared: Path) -> Iterator[tuple[str, str, str, str]]:
    from ..structure.parse import parse_document

    files = sorted((shared / "corpus" / "unsc-resolutions-en").glob("*.txt")) + \
        sorted((shared / "corpus" / "ga80-resolutions-en").glob("*.md"))
    for f in files:
        doc = parse_document(f.read_text(encoding="utf-8"), lang="en", fmt=f.suffix.lstrip("."), source=str(f))
        for k, p in enumerate(doc.paragraphs):
            if p.type in ("preambular", "operative"):
                yield "en", f"{f.stem}#{k}", doc.id, p.text


def build(shared: Path, max_units: int, out_dir: Path = OUT_DIR) -> dict[str, int]:
    import spacy

    docs, held_pairs, texts = held_out()
    rules = {}
    for lang in ("zh", "en"):
        nlp = spacy.blank(lang)
        rules[lang] = nlp.add_pipe("unap_entity_rules")
    rows: dict[str, list[dict[str, Any]]] = {"zh": [], "en": []}
    seen: set[str] = set()
    for source, items in (("UNPC v1.0 dev set", unpc(shared)), ("un-zh-en-pairs-2023", pairs(shared)),
                          ("UN resolutions (SC 1946-94, GA 80)", resolutions(shared))):
        for lang, uid, doc, text in items:
            text = text.strip()
            if len(text) < (20 if lang == "zh" else 40) or text in texts or text in seen:
                continue
            if _norm_doc(doc) in docs or (doc.startswith("pair:") and doc[5:] in held_pairs):
                continue
            seen.add(text)
            r = rules[lang]
            spans = [{"start": c.start, "end": c.end, "label": c.label, "id": r._id(c, text, None)}
                     for c in r.candidates(text)]
            rows[lang].append({"id": uid, "text": text, "lang": lang,
                               "label": [[s["start"], s["end"], s["label"]] for s in spans],
                               "entities": [{**s, "text": text[s["start"]:s["end"]]} for s in spans],
                               "meta": {"source": source, "doc": doc, "silver": True}})
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for lang, units in rows.items():
        # a fixed sample, the same on every machine: by hash of the unit id
        units.sort(key=lambda u: hashlib.sha1(u["id"].encode()).hexdigest())
        units = units[:max_units]
        with open(out_dir / f"{lang}.jsonl", "w", encoding="utf-8") as f:
            for u in units:
                f.write(json.dumps(u, ensure_ascii=False) + "\n")
        counts[lang] = len(units)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=models.ROOT.parent / "shared")
    ap.add_argument("--max-units", type=int, default=4000)
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="folder for {zh,en}.jsonl")
    args = ap.parse_args()
    print(json.dumps(build(args.shared, args.max_units, args.out)))


if __name__ == "__main__":
    main()
