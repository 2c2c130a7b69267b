"""Build the clause gold (annotations/clauses/{dev,test}.jsonl) from the hand-written clause lines.

    .venv/bin/python annotations/clauses/make_gold.py build    # clauses.{zh,en}.txt -> dev.jsonl, test.jsonl
    .venv/bin/python annotations/clauses/make_gold.py check    # validate and print every clause in context

`clauses.<lang>.txt` holds one paragraph a line, written by hand after reading the paragraph in full:
`id || verb/class/intensity/addressees ;; ...` (GUIDELINES.md, "Clauses"). This script only turns texts into
offsets: a clause verb is searched from the end of the previous clause verb, an addressee from the end of its
clause verb (`^text`: from the start of the paragraph, for a pronoun that takes the opener's addressee), and
`=` copies the opener's addressees from the hand-made addressee gold (annotations/addressees/). Paragraph
texts come unchanged from annotations/strength/. Split by document: the seed and the documents of the
addressee test split go to test, the others to dev unless their document's sha1 is even (test).
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CLASSES = ("decide", "urge", "request", "encourage", "declare")
INTENSITIES = ("none", "strong", "strongest")
TYPES = ("states", "parties", "secretariat", "un_system", "other_org")


def _load(folder: str) -> dict:
    out = {}
    for sp in ("train", "dev", "test"):
        path = ROOT / "annotations" / folder / f"{sp}.jsonl"
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            r["_split"] = sp
            out[r["id"]] = r
    return out


def parse_line(line: str) -> tuple[str, list[tuple[str, str, str, str]]]:
    uid, rest = line.split(" || ", 1)
    clauses = []
    for part in rest.split(" ;; "):
        verb, cls, inten, addr = part.split("/", 3)
        clauses.append((verb, cls, inten, addr))
    return uid.strip(), clauses


def build_row(uid: str, clauses, strength: dict, addressees: dict) -> dict:
    src = strength[uid]
    text = src["text"]
    out = []
    pos = 0
    for k, (verb, cls, inten, addr) in enumerate(clauses):
        assert cls in CLASSES and inten in INTENSITIES, (uid, verb, cls, inten)
        at = text.find(verb, pos)
        if at < 0:
            raise ValueError(f"{uid}: verb {verb!r} not found after {pos}")
        vend = at + len(verb)
        spans = []
        if addr == "=":
            assert k == 0, f"{uid}: '=' only for the opener"
            spans = [{"start": a["start"], "end": a["end"], "text": a["text"], "type": a["type"]}
                     for a in addressees[uid]["addressees"]]
        elif addr:
            apos = vend
            # split on the last ':' of each comma-separated item, re-joining items without a type
            items, buf = [], ""
            for item in addr.split(","):
                buf = f"{buf},{item}" if buf else item
                if buf.rsplit(":", 1)[-1] in TYPES:
                    items.append(buf)
                    buf = ""
            assert not buf, (uid, addr)
            for item in items:
                a_text, typ = item.rsplit(":", 1)
                from_start = a_text.startswith("^")
                a_text = a_text.lstrip("^")
                s = text.find(a_text, 0 if from_start else apos)
                if s < 0:
                    raise ValueError(f"{uid}: addressee {a_text!r} not found")
                spans.append({"start": s, "end": s + len(a_text), "text": a_text, "type": typ})
                if not from_start:
                    apos = s + len(a_text)
        out.append({"verb": {"start": at, "end": vend, "text": verb}, "strength": cls, "intensity": inten,
                    "addressees": spans})
        pos = vend
    return {"id": uid, "doc": src["doc"], "lang": src["lang"], "text": text, "type": "operative",
            "strength": out[0]["strength"], "clauses": out}


def split_of(row: dict, addressees: dict, test_docs: set) -> str:
    if row["doc"] in test_docs or row["id"].startswith("A/RES/79/138"):
        return "test"
    if any(a["doc"] == row["doc"] for a in addressees.values()):
        return "dev"
    return "test" if int(hashlib.sha1(row["doc"].encode()).hexdigest(), 16) % 2 == 0 else "dev"


def build() -> None:
    strength = _load("strength")
    addressees = _load("addressees")
    test_docs = {a["doc"] for a in addressees.values() if a["_split"] == "test"}
    rows = []
    for lang in ("zh", "en"):
        seen = set()
        for line in open(HERE / f"clauses.{lang}.txt", encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            uid, clauses = parse_line(line)
            assert uid not in seen, f"{uid} twice"
            seen.add(uid)
            row = build_row(uid, clauses, strength, addressees)
            assert row["lang"] == lang, uid
            row["split"] = split_of(row, addressees, test_docs)
            rows.append(row)
    for sp in ("dev", "test"):
        with open(HERE / f"{sp}.jsonl", "w", encoding="utf-8") as f:
            for r in rows:
                if r["split"] == sp:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for lang in ("zh", "en"):
        for sp in ("dev", "test"):
            sel = [r for r in rows if r["lang"] == lang and r["split"] == sp]
            n = sum(len(r["clauses"]) for r in sel)
            multi = sum(len(r["clauses"]) > 1 for r in sel)
            print(f"{lang} {sp}: {len(sel)} paragraphs, {len(set(r['doc'] for r in sel))} documents, {n} clauses, "
                  f"{multi} paragraphs with more than one")


def check() -> None:
    for sp in ("dev", "test"):
        for line in open(HERE / f"{sp}.jsonl", encoding="utf-8"):
            r = json.loads(line)
            text = r["text"]
            last = -1
            for k, c in enumerate(r["clauses"]):
                v = c["verb"]
                assert text[v["start"]:v["end"]] == v["text"] and v["start"] > last, r["id"]
                last = v["start"]
                for a in c["addressees"]:
                    assert text[a["start"]:a["end"]] == a["text"] and a["type"] in TYPES, r["id"]
                if k > 0:
                    print(f"{r['id']} [{k}] {c['strength']}/{c['intensity']} …{text[max(0, v['start'] - 15):v['end'] + 25]}… "
                          f"-> {[a['text'] for a in c['addressees']]}")
    print("ok")


if __name__ == "__main__":
    {"build": build, "check": check}[sys.argv[1] if len(sys.argv) > 1 else "build"]()
