"""`unap show`: annotated JSONL -> one HTML page (displaCy entity view), each unit titled with its id,
paragraph type and number, and strength class and intensity, with the opening verb marked."""
from __future__ import annotations

import html
import os
from pathlib import Path

from spacy import displacy

from .io.jsonl import records
from .scheme import COLORS, ENTITY_LABELS, STRENGTH_CLASSES


def _title(rec: dict) -> str:
    p = rec.get("paragraph") or {}
    parts = [rec.get("id", "")]
    if p.get("type"):
        parts.append(p["type"] + (f" {p['number']}" if p.get("number") else ""))
    if p.get("strength"):
        parts.append(f"strength: {p['strength']}" + (f" ({p['intensity']})" if p.get("intensity") not in
                                                      (None, "none") else ""))
    return " · ".join(str(x) for x in parts if x)


def _manual(rec: dict) -> dict:
    ents = [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in rec.get("entities", [])]
    verb = (rec.get("paragraph") or {}).get("verb")
    if verb:
        strength = (rec.get("paragraph") or {}).get("strength")
        label = f"VERB:{strength}" if strength else "VERB"
        if all(verb["end"] <= e["start"] or verb["start"] >= e["end"] for e in ents):
            ents.append({"start": verb["start"], "end": verb["end"], "label": label})
    ents.sort(key=lambda e: e["start"])
    return {"text": rec["text"], "ents": ents, "title": _title(rec)}


def render(inp: Path, out: Path, *, limit: int = 500) -> int:
    docs = []
    for _, rec in records(inp, ValueError):
        docs.append(_manual(rec))
        if len(docs) >= limit:
            break
    colors = {lab: COLORS[lab] for lab in ENTITY_LABELS}
    colors.update({f"VERB:{c}": COLORS[c] for c in STRENGTH_CLASSES})
    colors["VERB"] = "#dddddd"
    page = displacy.render(docs, style="ent", manual=True, page=True, minify=True,
                           options={"colors": colors, "ents": list(colors)})
    page = page.replace("<title>displaCy</title>", f"<title>{html.escape(inp.name)}</title>", 1)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    return len(docs)
