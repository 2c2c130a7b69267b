"""Fresh held-out English entity test set (annotations/entities/fresh/).

    .venv/bin/python annotations/entities/fresh/make_fresh.py select   # choose documents and paragraphs
    .venv/bin/python annotations/entities/fresh/make_fresh.py build    # hand spans (spans.txt) -> test_fresh.jsonl
    .venv/bin/python annotations/entities/fresh/make_fresh.py check    # validate + print every span in context
    .venv/bin/python annotations/entities/fresh/make_fresh.py diff     # units changed between pass 1 and pass 2

Independent of the project's pipeline: this script imports nothing from `pipeline/` and never runs a model.
The spans in spans.txt were written by hand, unit by unit; `build` only turns span texts into offsets.

Selection (deterministic, `select`):
- pool: every file of the read-only corpora whose symbol or file stem does not occur as a unit id, `doc` or
  `meta.doc` in annotations/entities/*.jsonl, annotations/entities/reviewed/*, annotations/strength/*.jsonl,
  annotations/addressees/*.jsonl (all 35 GA 80th-session resolutions are used there, so the pool is the
  102 unused CR-UNSC Security Council resolutions);
- a document's paragraphs are the blank-line separated blocks of the file, text kept exactly (internal print line
  breaks included, trailing newline stripped); block 0 is the heading; body paragraphs follow, minus the bare
  "The Security Council," line, and end at the "Adopted ..." line or the first footnote block;
- per decade a quota of documents, taken in order of sha1(file name), skipping a document whose topic class
  (renewal of a peacekeeping mandate, admission of a Member, party to the ICJ Statute, rules of procedure) was
  already taken in that decade, and keeping at most 3 mandate renewals overall; a document needs >= 4 body paragraphs unless no document of
  its decade has that many; a slot a decade cannot fill passes to the next decade;
- from each document the heading and up to 8 body paragraphs in source order: all of them when there are <= 8,
  else up to 6 that contain a cue for an entity (digit, "United Nations", Council, Assembly, Charter, Court,
  Commission, Committee, Treaty, Convention, Agreement, resolution), plus the first others in order up to
  min(8, max(5, cues + 2)) paragraphs (so a document keeps some paragraphs without entities).
"""
from __future__ import annotations

import glob
import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]          # /work/main
HERE = Path(__file__).resolve().parent
SHARED = Path("/work/shared/corpus")
SC_DIR = SHARED / "unsc-resolutions-en"
GA_DIR = SHARED / "ga80-resolutions-en"

QUOTA = {1940: 4, 1950: 2, 1960: 1, 1970: 2, 1980: 3, 1990: 2}
MAX_BODY = 8
LABELS = {"RESOLUTION", "TREATY", "DATE", "ORG", "DOCUMENT"}
CUE = re.compile(r"\d|United Nations|Council|Assembly|Charter|Court|Commission|Committee|Treaty|Convention|"
                 r"Agreement|[Rr]esolution")


# ---------------------------------------------------------------- used documents
def used_values() -> set[str]:
    files = (glob.glob(str(ROOT / "annotations/entities/*.jsonl")) + glob.glob(str(ROOT / "annotations/entities/reviewed/*"))
             + glob.glob(str(ROOT / "annotations/strength/*.jsonl")) + glob.glob(str(ROOT / "annotations/addressees/*.jsonl")))
    vals: set[str] = set()
    for f in files:
        for line in open(f, encoding="utf-8"):
            if not line.strip():
                continue
            r = json.loads(line)
            for v in (r.get("id"), r.get("doc"), (r.get("meta") or {}).get("doc")):
                if v:
                    vals.add(str(v).split("#")[0])
    return vals


def sc_symbol(stem: str) -> str:
    m = re.match(r"S_RES_(\d+)_(\d+)_EN_GOLD$", stem)
    return f"S/RES/{int(m.group(1))}({m.group(2)})"


def ga_symbol(stem: str) -> str:
    m = re.match(r"A_RES_80_(\d+)$", stem)
    return f"A/RES/80/{m.group(1)}"


def is_used(stem: str, sym: str, vals: set[str]) -> bool:
    return stem in vals or sym in vals


# ---------------------------------------------------------------- paragraphs
def blocks(text: str) -> list[str]:
    """Blank-line separated blocks, text exact (lines joined by their own newlines)."""
    out, cur = [], []
    for line in text.split("\n"):
        if line.strip() == "":
            if cur:
                out.append("\n".join(cur))
                cur = []
        else:
            cur.append(line)
    if cur:
        out.append("\n".join(cur))
    return out


FOOTNOTE = re.compile(r"^\d+ (Ibid|Official|See|Two|One|By its|No details|Adopted|Modified|League|In the absence|S/)")


def body(bl: list[str]) -> list[int]:
    idx = []
    for k in range(1, len(bl)):
        b = bl[k].strip()
        if re.match(r"^(Adopted|Adapted)\b", b) or FOOTNOTE.match(b):
            break
        if b in ("The Security Council,", "The Security Council"):
            continue
        idx.append(k)
    return idx


def topic(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    if re.search(r"(renew|extend) the (mandate|stationing)", text):
        return "renewal"
    if re.search(r"admitted to membership|admission of", text) and len(text) < 900:
        return "admission"
    if re.search(r"party to the Statute of the International Court", text):
        return "icj_statute"
    if re.search(r"[“\"]Rule \d+", text):
        return "rules"
    return ""


def sha(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()


def select() -> None:
    vals = used_values()
    ga_unused = [p for p in sorted(GA_DIR.glob("*.md")) if not is_used(p.stem, ga_symbol(p.stem), vals)]
    print(f"GA80 files: {len(list(GA_DIR.glob('*.md')))}, unused: {len(ga_unused)}")
    pool = [p for p in sorted(SC_DIR.glob("*.txt")) if not is_used(p.stem, sc_symbol(p.stem), vals)]
    print(f"SC files: {len(list(SC_DIR.glob('*.txt')))}, unused: {len(pool)}")
    by_dec: dict[int, list[Path]] = {}
    for p in pool:
        year = int(p.stem.split("_")[3])
        by_dec.setdefault(year // 10 * 10, []).append(p)
    chosen = []
    renewals = 0
    carry = 0
    for dec, quota in QUOTA.items():
        quota += carry
        cands = sorted(by_dec.get(dec, []), key=lambda p: sha(p.name))
        info = []
        for p in cands:
            t = p.read_text(encoding="utf-8")
            bl = blocks(t)
            info.append((p, t, bl, body(bl)))
        need = 4 if any(len(b) >= 4 for *_, b in info) else 1
        seen_topics: set[str] = set()
        taken = 0
        for p, t, bl, bd in info:
            if taken == quota:
                break
            if len(bd) < need:
                continue
            tp = topic(t)
            if tp and tp in seen_topics:
                continue
            if tp == "renewal" and renewals >= 3:
                continue
            if tp:
                seen_topics.add(tp)
            renewals += tp == "renewal"
            chosen.append((p, t, bl, bd, tp))
            taken += 1
        carry = quota - taken
    units = []
    (HERE / "sources").mkdir(exist_ok=True)
    for p, t, bl, bd, tp in sorted(chosen, key=lambda c: c[0].name):
        if len(bd) > MAX_BODY:
            cue = [k for k in bd if CUE.search(bl[k])][:6]
            total = min(MAX_BODY, max(5, len(cue) + 2))
            rest = [k for k in bd if k not in cue][:total - len(cue)]
            bd = sorted(cue + rest)
        shutil.copyfile(p, HERE / "sources" / p.name)
        sym = sc_symbol(p.stem)
        year = int(p.stem.split("_")[3])
        print(f"{sym:18} {year} topic={tp or '-':12} units={1 + len(bd)}")
        for k in [0] + bd:
            text = bl[k]
            units.append({"id": f"{p.stem}#{k}", "text": text, "lang": "en",
                          "meta": {"doc": sym, "split": "test_fresh", "source": SC_DIR.name, "year": year}})
    with open(HERE / "selected.jsonl", "w", encoding="utf-8") as f:
        for u in units:
            f.write(json.dumps(u, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} documents, {len(units)} units -> selected.jsonl")


# ---------------------------------------------------------------- hand spans -> offsets
def read_spans(path: Path) -> dict[str, list[tuple[str, str, str | None]]]:
    """spans.txt: '## <unit id>' then one 'LABEL | surface | id' line per span, in text order.
    In the surface, \\n stands for a newline of the text; id '-' means null."""
    out: dict[str, list] = {}
    cur = None
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#!"):
            continue
        if line.startswith("## "):
            cur = line[3:].strip()
            out[cur] = []
            continue
        parts = [x.strip() for x in line.split(" | ")]
        if len(parts) != 3 or cur is None:
            raise SystemExit(f"{path.name}:{n}: bad line {line!r}")
        lab, surf, ident = parts
        out[cur].append((lab, surf.replace("\\n", "\n"), None if ident == "-" else ident))
    return out


def build(spans_file: Path = HERE / "spans.txt", out_file: Path = HERE / "test_fresh.jsonl") -> list[dict]:
    units = [json.loads(l) for l in open(HERE / "selected.jsonl", encoding="utf-8")]
    spans = read_spans(spans_file)
    missing = [u["id"] for u in units if u["id"] not in spans]
    extra = [k for k in spans if k not in {u["id"] for u in units}]
    if missing or extra:
        raise SystemExit(f"units without a spans block: {missing}; blocks for unknown units: {extra}")
    rows = []
    for u in units:
        text, pos, ents = u["text"], 0, []
        for lab, surf, ident in spans[u["id"]]:
            i = text.find(surf, pos)
            if i < 0:
                raise SystemExit(f"{u['id']}: {surf!r} not found after offset {pos}")
            ents.append({"start": i, "end": i + len(surf), "label": lab, "text": surf, "id": ident})
            pos = i + len(surf)
        rows.append({"id": u["id"], "text": text, "lang": "en",
                     "label": [[e["start"], e["end"], e["label"]] for e in ents],
                     "entities": ents, "meta": u["meta"]})
    with open(out_file, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} units, {sum(len(r['entities']) for r in rows)} spans -> {out_file.name}")
    return rows


# ---------------------------------------------------------------- validation
RES_ID = re.compile(r"^(A/RES/(\d+/\d+[A-Z]?|\d+[A-Z]?\((?:[IVXL]+|S-\d+|ES-\d+)\)|ES-\d+/\d+)"
                    r"|S/RES/\d+\(\d{4}\)|E/RES/\d{4}/\d+|E/RES/\d+[A-Z]?\([IVXL]+\))$")
DATE_ONE = r"\d{4}(-\d{2}(-\d{2})?)?"
DATE_ID = re.compile(rf"^{DATE_ONE}(/{DATE_ONE})?$")
DOC_ID = re.compile(r"^[A-Z]+(/[A-Za-z0-9.\-]+)+$")


def gazetteer() -> dict[str, set[str]]:
    ids: dict[str, set[str]] = {"ORG": set(), "TREATY": set()}
    for line in open(ROOT / "pipeline/lexicons/gazetteer.tsv", encoding="utf-8"):
        p = line.rstrip("\n").split("\t")
        if len(p) == 4 and p[0] in ids:
            ids[p[0]].add(p[1])
    return ids


def check(path: Path = HERE / "test_fresh.jsonl", show: bool = True) -> None:
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    vals = used_values()
    gaz = gazetteer()
    errors, counts, non_gaz = [], {}, set()
    src_text = {}
    for r in rows:
        uid = r["id"]
        stem, k = uid.split("#")
        if stem not in src_text:
            src_text[stem] = blocks((SC_DIR / f"{stem}.txt").read_text(encoding="utf-8"))
        if src_text[stem][int(k)] != r["text"]:
            errors.append(f"{uid}: text differs from source block {k}")
        if (HERE / "sources" / f"{stem}.txt").read_text(encoding="utf-8") != (SC_DIR / f"{stem}.txt").read_text(encoding="utf-8"):
            errors.append(f"{uid}: copied source differs")
        m = r["meta"]
        if m["doc"] != sc_symbol(stem) or m["split"] != "test_fresh" or r["lang"] != "en":
            errors.append(f"{uid}: meta")
        if is_used(stem, m["doc"], vals):
            errors.append(f"{uid}: document {m['doc']} is used elsewhere in annotations/")
        ents = r["entities"]
        if [[e["start"], e["end"], e["label"]] for e in ents] != r["label"]:
            errors.append(f"{uid}: label and entities disagree")
        prev_end = -1
        for e in ents:
            s, t, lab, ident = e["start"], e["end"], e["label"], e["id"]
            counts[lab] = counts.get(lab, 0) + 1
            if r["text"][s:t] != e["text"]:
                errors.append(f"{uid}: offsets {s}-{t} give {r['text'][s:t]!r} not {e['text']!r}")
            if e["text"] != e["text"].strip() or not e["text"]:
                errors.append(f"{uid}: span {e['text']!r} has outer whitespace")
            if lab not in LABELS:
                errors.append(f"{uid}: label {lab}")
            if s < prev_end:
                errors.append(f"{uid}: overlapping or unsorted span at {s}")
            prev_end = t
            if lab == "RESOLUTION" and not (ident and RES_ID.match(ident)):
                errors.append(f"{uid}: RESOLUTION id {ident!r}")
            if lab == "DATE" and not (ident and DATE_ID.match(ident)):
                errors.append(f"{uid}: DATE id {ident!r}")
            if lab == "DOCUMENT" and not (ident and DOC_ID.match(ident) and ident == re.sub(r"\s", "", e["text"])):
                errors.append(f"{uid}: DOCUMENT id {ident!r}")
            if lab in ("ORG", "TREATY") and ident is not None and ident not in gaz[lab]:
                non_gaz.add((lab, ident))
    for e in errors:
        print("ERROR", e)
    docs = sorted({r["meta"]["doc"] for r in rows}, key=lambda d: (d.split("(")[1], int(d[6:].split("(")[0])))
    print(f"{len(rows)} units from {len(docs)} documents; {sum(counts.values())} spans: "
          + ", ".join(f"{k} {counts.get(k, 0)}" for k in sorted(LABELS)))
    print(f"units without spans: {sum(1 for r in rows if not r['entities'])}")
    if non_gaz:
        print("ids not in the gazetteer (full official names from the text):")
        for lab, i in sorted(non_gaz):
            print(f"  {lab}: {i}")
    if show:
        for r in rows:
            print(f"\n## {r['id']}  {r['text'][:70]!r}")
            for e in r["entities"]:
                ctx = r["text"][max(0, e["start"] - 25):e["end"] + 25].replace("\n", "⏎")
                print(f"   {e['label']:10} {e['text']!r:45} -> {e['id']}   …{ctx}…")
    print("OK" if not errors else f"{len(errors)} errors")
    if errors:
        sys.exit(1)


def diff() -> None:
    """Units whose spans (offsets, labels or ids) differ between the first pass and the final file."""
    a = {r["id"]: r["entities"] for r in build(HERE / "spans.pass1.txt", Path("/dev/null"))}
    b = {r["id"]: r["entities"] for r in build(HERE / "spans.txt", Path("/dev/null"))}
    changed = [k for k in b if a.get(k) != b[k]]
    for k in changed:
        print(k)
        sa = {(e["start"], e["end"], e["label"], e["id"]) for e in a[k]}
        sb = {(e["start"], e["end"], e["label"], e["id"]) for e in b[k]}
        for e in sorted(sa - sb):
            print("   -", e)
        for e in sorted(sb - sa):
            print("   +", e)
    print(f"{len(changed)} of {len(b)} units changed in the second pass")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd == "build" and len(sys.argv) > 2:          # e.g. build spans.pass1.txt test_fresh.pass1.jsonl
        build(HERE / sys.argv[2], HERE / sys.argv[3])
    elif cmd == "check" and len(sys.argv) > 2:
        check(HERE / sys.argv[2])
    else:
        {"select": select, "build": build, "check": check, "diff": diff}[cmd]()
