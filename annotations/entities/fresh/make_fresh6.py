"""The sixth fresh entity test set (test_fresh6.zh.jsonl, test_fresh6.en.jsonl): selection, build and check.

    .venv/bin/python annotations/entities/fresh/make_fresh6.py select [--shared DIR]   # -> selected6.jsonl
    .venv/bin/python annotations/entities/fresh/make_fresh6.py build                    # spans6.<lang>.txt -> JSONL
    .venv/bin/python annotations/entities/fresh/make_fresh6.py check                    # validate, print spans

A blind set for zh and en, annotated by hand before the pipeline was run on it (README.md, "Sixth fresh set").
Selection (deterministic, no model): pairs of ../shared/corpus/un-zh-en-pairs-2023/corpus.json whose id occurs
in no file under annotations/, tests/ or benchmarks/ (gold, silver, selections), that lie more than 5 ids away
from every pair of a gold set (neighbouring ids often come from one document), whose texts occur nowhere in
those files, with en >= 50 and zh >= 20 characters, a plausible length ratio (1.3 <= en/zh <= 6) and an entity
cue on both sides; taken in order of sha1("fresh6:<id>"), duplicates of an earlier pair's texts skipped, 80.
The two sides of a pair are often not translations of each other, so each side is a unit of its own.

Spans files: '# <pair id>', then one 'LABEL | surface | id' line per span in text order (empty id = null); each
surface is searched after the end of the previous span. Imports nothing from pipeline/.
"""
import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SELECTED = HERE / "selected6.jsonl"
OWN = re.compile(r"(test_fresh6|selected6|spans6|make_fresh6)\.")
LABELS = {"RESOLUTION", "TREATY", "DATE", "ORG", "DOCUMENT"}
CUE_EN = re.compile(
    r"(?<!^)(?<![.:;] )\b(?:[A-Z][a-z]+|[A-Z]{2,})(?: (?:of|on|for|and|the|to|[A-Z][a-z]+|[A-Z]{2,}))* [A-Z][a-z]+"
    r"|\b(?:19|20)\d\d\b|resolution \d|[A-Z]/\d|\b[A-Z]{3,}\b")
CUE_ZH = re.compile(r"联合国|《|\d{4}年|决议|组织|委员会|理事会|公约|署|基金|计划署|大会")


def _repo_text():
    """Every text file the project holds about its data: a pair named or quoted there is not blind."""
    parts = []
    for sub in ("annotations", "tests", "benchmarks"):
        for p in (ROOT / sub).rglob("*"):
            if p.is_file() and not OWN.match(p.name) and p != HERE / "README.md":
                try:
                    parts.append(p.read_text(encoding="utf-8"))
                except (UnicodeDecodeError, OSError):
                    pass
    return "\n".join(parts)


def select(shared):
    pairs = json.loads((shared / "corpus/un-zh-en-pairs-2023/corpus.json").read_text(encoding="utf-8"))["data"]
    text = _repo_text()
    used = set(re.findall(r"(?:un2023-|pairs-2023 )([a-z_]+_\d+)", text))
    gold = set()
    for f in (f for f in HERE.glob("test_fresh*.jsonl") if not OWN.match(f.name)):
        gold |= set(re.findall(r"un2023-([a-z_]+_\d+):", f.read_text(encoding="utf-8")))
    near = {(t, int(n) + k) for t, n in (g.rsplit("_", 1) for g in gold) for k in range(-5, 6)}
    pool = []
    for x in pairs:
        theme, n = x["id"].rsplit("_", 1)
        en, zh = x["en"].strip(), x["zh"].strip()
        if x["id"] in used or (theme, int(n)) in near or en in text or zh[:30] in text:
            continue
        if len(en) < 50 or len(zh) < 20 or not 1.3 <= len(en) / len(zh) <= 6:
            continue
        if CUE_EN.search(en) and CUE_ZH.search(zh):
            pool.append(x)
    pool.sort(key=lambda x: hashlib.sha1(("fresh6:" + x["id"]).encode()).hexdigest())
    seen, out = set(), []
    for x in pool:
        key = (x["en"].strip(), x["zh"].strip())
        if key not in seen:
            seen.add(key)
            out.append(x)
    with SELECTED.open("w", encoding="utf-8") as f:
        for x in out[:80]:
            f.write(json.dumps({"id": x["id"], "theme": x["theme"], "en": x["en"].strip(), "zh": x["zh"].strip()},
                               ensure_ascii=False) + "\n")
    print(f"{len(pool)} candidate pairs, {min(80, len(out))} selected -> {SELECTED.name}")


def read_spans(path):
    units, cur = {}, None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# "):
            cur = units.setdefault(line[2:].strip(), [])
        elif line.strip():
            label, surface, eid = (p.strip() for p in line.split(" | ")) if line.count(" | ") == 2 else (None,) * 3
            if label not in LABELS or not surface:
                sys.exit(f"{path.name}:{n}: expected 'LABEL | surface | id', got {line!r}")
            cur.append((label, surface, eid or None))
    return units


def build():
    selected = [json.loads(l) for l in SELECTED.open(encoding="utf-8")]
    for lang in ("zh", "en"):
        units = read_spans(HERE / f"spans6.{lang}.txt")
        if list(units) != [x["id"] for x in selected]:
            sys.exit(f"spans6.{lang}.txt: units differ from {SELECTED.name}")
        with (HERE / f"test_fresh6.{lang}.jsonl").open("w", encoding="utf-8") as f:
            for x in selected:
                text, pos, ents = x[lang], 0, []
                for label, surface, eid in units[x["id"]]:
                    start = text.find(surface, pos)
                    if start < 0:
                        sys.exit(f"{x['id']}:{lang}: {surface!r} not found after offset {pos}")
                    pos = start + len(surface)
                    ents.append({"start": start, "end": pos, "label": label, "text": surface, "id": eid})
                f.write(json.dumps({
                    "id": f"un2023-{x['id']}:{lang}", "text": text, "lang": lang,
                    "label": [[e["start"], e["end"], e["label"]] for e in ents], "entities": ents,
                    "meta": {"doc": f"un-zh-en-pairs-2023 {x['id']}", "split": "test_fresh6",
                             "source": "un-zh-en-pairs-2023", "year": 2023, "theme": x["theme"], "cue": True},
                }, ensure_ascii=False) + "\n")
        print(f"test_fresh6.{lang}.jsonl: {len(selected)} units, {sum(map(len, units.values()))} spans")


DATE_ID = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?(/\d{4}(-\d\d(-\d\d)?)?)?$")


def problem(text: str, e: dict, prev_end: int) -> str | None:
    """What is wrong with span `e` of `text` (after a span ending at `prev_end`), if anything."""
    eid = e["id"] or ""
    if text[e["start"]:e["end"]] != e["text"]:
        return "offsets"
    if e["start"] < prev_end:
        return "overlap"
    if e["label"] == "DATE" and not DATE_ID.match(eid):
        return "date id"
    if e["label"] == "RESOLUTION" and not re.match(r"^[ASE]/", eid):
        return "symbol"
    if e["label"] == "DOCUMENT" and (not eid or " " in eid):
        return "document id"
    return None


def check():
    bad = 0
    for lang in ("zh", "en"):
        for line in (HERE / f"test_fresh6.{lang}.jsonl").open(encoding="utf-8"):
            r, end = json.loads(line), 0
            for e in r["entities"]:
                if err := problem(r["text"], e, end):
                    bad += 1
                    print(f"{r['id']}: {err}: {e}")
                end = e["end"]
                t = r["text"]
                ctx = t[max(0, e["start"] - 12):e["start"]] + "[" + e["text"] + "]" + t[e["end"]:e["end"] + 12]
                print(f"{r['id']}\t{e['label']}\t{e['id']}\t{ctx}")
    sys.exit(bad and 1)

if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["select", "build", "check"])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    a = ap.parse_args()
    select(a.shared) if a.command == "select" else build() if a.command == "build" else check()
