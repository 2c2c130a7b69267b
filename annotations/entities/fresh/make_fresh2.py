"""Second fresh held-out English entity test set (annotations/entities/fresh/test_fresh2.jsonl).

    .venv/bin/python annotations/entities/fresh/make_fresh2.py select   # show the chosen drafts and paragraphs
    .venv/bin/python annotations/entities/fresh/make_fresh2.py build    # hand spans (spans2.txt) -> test_fresh2.jsonl
    .venv/bin/python annotations/entities/fresh/make_fresh2.py check    # validate + print every span in context
    .venv/bin/python annotations/entities/fresh/make_fresh2.py context  # every unit with its spans bracketed (2nd pass aid)
    .venv/bin/python annotations/entities/fresh/make_fresh2.py diff PASS1_SPANS  # units changed against a first-pass file

Independent of the project's pipeline: this script imports nothing from `pipeline/` and never runs a model.
The spans in spans2.txt were written by hand, unit by unit; `build` only turns span texts into offsets.

Source: /work/shared/corpus/unsc-drafts-en/task3.json (UNBench, MIT): `drafts` (30 English Security Council draft
resolutions, one source line = one paragraph in most drafts, but many drafts also carry print-broken paragraphs
spread over several lines) and `labels` (1 adopted, 0 not adopted).

Selection (deterministic, recomputed by every command; no file of its own):
- a draft is in the pool when
  (a) it cites a year >= 2003 (in a resolution number "nnnn (yyyy)", a symbol S/yyyy/..., S/PRST/yyyy/..., or a
      date): the CR-UNSC corpus the project's SC gold was drawn from ends with S/RES/1454 (2002), so an adopted
      draft of 2002 or before is (in its final form) among those resolutions, 800 of which are in annotations/;
      a draft citing no year at all (draft 20) is out, its year cannot be told from its content;
  (b) it has >= 6 candidate paragraphs (below);
- candidate paragraphs of a draft: source lines j >= 1 that are a whole paragraph: the line starts like a paragraph
  (after optional spaces: a capital letter, a digit or "("), ends with , ; . or :, and the previous non-empty line
  also ended with one of those (so it is not the tail of a print-broken paragraph); lines that hold several
  paragraphs run together (a paragraph number or "(a)" after punctuation inside the line, or a gap of 8+ spaces
  inside it after the paragraph number) are dropped; lines whose text (paragraph number stripped, whitespace and hyphen/quote forms normalized) already occurs in any annotations/**/*.jsonl
  text (first or last 60 characters found) are dropped: they were seen (formula lines such as "Acting under
  Chapter VII of the Charter of the United Nations," or "Decides to remain actively seized of the matter.");
- the 30 list positions are cut into three blocks (0-9, 10-19, 20-29); from each block 4 pool drafts in order of
  sha1(draft text); a slot a block cannot fill passes to the next block;
- per draft, paragraphs with an entity cue (CUE below) are split into preambular (before the first line that starts
  with a paragraph number, or holds "1. <Capital>" after punctuation) and operative, each in order of
  sha1("<index>#<line>"), and taken alternately (preambular first) up to 7; then 1 paragraph without a cue in the
  same sha1 order (more if needed to reach 6), so that a draft gives 8 paragraphs (all of them when it has fewer
  candidates, at least 6); kept in source order;
- CUE: a year (19xx/20xx), a document symbol, "resolution(s) <digit>", United Nations/UN, Security Council, General
  Assembly, Charter, Convention, Treaty, Agreement, Protocol, Statute, Tribunal, Court, Commission, Committee,
  Panel of Experts, Office, Union, Organization, "Mission in/for/of", a word of 4+ capitals, AU, EU (paragraph
  numbers and three-letter country abbreviations such as DRC and CAR do not count);
- the opening line "The Security Council," (line 0) is taken once, from the first chosen draft in list order.
Unit text = the source line exactly (only the newline is stripped; leading spaces kept).
"""
from __future__ import annotations

import glob
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]          # /work/main
HERE = Path(__file__).resolve().parent
SRC = Path("/work/shared/corpus/unsc-drafts-en/task3.json")
SPANS = HERE / "spans2.txt"
OUT = HERE / "test_fresh2.jsonl"
SPLIT = "test_fresh2"

N_PER_BLOCK = 4
MAX_CUE = 7
MAX_PLAIN = 1
LABELS = {"RESOLUTION", "TREATY", "DATE", "ORG", "DOCUMENT"}
END = re.compile(r"[,;.:]\s*$")
START = re.compile(r"^\s*[A-Z0-9(]")
OPERATIVE = re.compile(r"^\s*\d{1,2}\.\s")
MERGED = re.compile(r"[,;.:]\s+(\d{1,2}\.|\([a-z]{1,4}\))\s+[A-Z]|\S\s{8,}\S")
LEAD = re.compile(r"^\s*(\d{1,2}\.|\([a-z]{1,4}\))?\s*")
YEARS = re.compile(r"\d+ \((\d{4})\)|S/(?:PRST/)?(\d{4})/|(?:January|February|March|April|May|June|July|August|"
                   r"September|October|November|December) (\d{4})")
CUE = re.compile(r"\b(19|20)\d\d\b|\b[A-Z]/\d|\b[A-Z]/[A-Z]+/\d|[Rr]esolutions? \d|United Nations|\bUN\b|Security Council|"
                 r"General Assembly|Charter|Convention|Treaty|Agreement|Protocol|Statute|Tribunal|Court|Commission|"
                 r"Committee|Panel of Experts|Office|Union|Organization|Mission (in|for|of)|\b[A-Z]{4,}\b|\b(AU|EU)\b")

# Year of each chosen draft (meta.year), decided by reading the draft: the latest year of something the draft
# cites as already existing (a resolution number, a document symbol, a dated report, letter, statement or event);
# deadlines and the end dates of the periods the draft itself sets ("until 31 January 2025") are not counted.
# Filled in after the selection; see README.md ("Second fresh set").
YEAR: dict[int, int] = {
    3: 2021,    # report of the Secretary-General of 2 September 2021 (S/2021/759)
    4: 2017,    # report S/2017/206
    6: 2024,    # reports of 3 January 2024 (S/2024/12, S/2024/13)
    8: 2022,    # report S/2022/446, letter S/2022/448, note published on 30 May 2022
    10: 2023,   # resolution 2693 (2023); "the upcoming local elections in 2024"
    11: 2010,   # S/2010/651 (cited in annex 1); the 2010 completion date "has not been met"
    18: 2023,   # resolution 2684 (2023); clashes in Tripoli on 14 August 2023 (own deadlines run to 2025)
    19: 2003,   # report of 23 June 2003 (S/2003/663)
    22: 2004,   # resolution 1546 (2004) of 8 June 2004; report of 5 August 2004 (S/2004/625)
    25: 2002,   # report dated 25 October 2002 (S/2002/1115) (own deadlines in 2003)
    27: 2017,   # resolution 2397 (2017); statement of 29 August 2017 (own deadlines from 3 August 2018)
    29: 2020,   # resolution 2520 (2020); S/2020/174; electoral law of February 2020
}


def sha(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def norm(s: str) -> str:
    s = s.replace("\u2011", "-").replace("\u2010", "-").replace("\u2019", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def annotated_text(skip: tuple[str, ...] = (OUT.name,)) -> str:
    """Every gold text in annotations/, except files whose name starts with one of `skip` (a set's own files)."""
    texts = []
    for f in sorted(glob.glob(str(ROOT / "annotations/**/*.jsonl"), recursive=True)):
        if Path(f).name.startswith(skip):
            continue
        for line in open(f, encoding="utf-8"):
            if line.strip():
                t = json.loads(line).get("text")
                if t:
                    texts.append(norm(t))
    return "\n".join(texts)


def seen(line: str, ann: str) -> bool:
    s = norm(re.sub(r"^\s*(\d{1,2}\.|\([a-z]{1,4}\))\s*", "", line))
    if len(s) <= 60:
        return len(s) >= 25 and s in ann
    return s[:60] in ann or s[-60:] in ann


def candidates(text: str, ann: str) -> list[int]:
    lines = text.split("\n")
    out, prev_end = [], True
    for j, line in enumerate(lines):
        if not line.strip():
            continue
        if (j > 0 and prev_end and START.match(line) and END.search(line) and not MERGED.search(LEAD.sub("", line))
                and not seen(line, ann)):
            out.append(j)
        prev_end = bool(END.search(line))
    return out


def cited_years(text: str) -> list[int]:
    return [int(next(g for g in m.groups() if g)) for m in YEARS.finditer(text)]


def select(verbose: bool = False) -> list[dict]:
    data = json.loads(SRC.read_text(encoding="utf-8"))
    drafts, labels = data["drafts"], data["labels"]
    ann = annotated_text()
    info = {}
    for i, t in enumerate(drafts):
        ys = cited_years(t)
        cand = candidates(t, ann)
        ok = bool(ys) and max(ys) >= 2003 and len(cand) >= 6
        info[i] = (ys, cand, ok)
        if verbose:
            print(f"draft {i:2} label={labels[i]} sha1={sha(t)[:8]} max cited year={max(ys) if ys else '-'} "
                  f"candidate paragraphs={len(cand)} pool={'yes' if ok else 'no'}")
    chosen, carry = [], 0
    for b in range(3):
        quota = N_PER_BLOCK + carry
        pool = sorted([i for i in range(10 * b, 10 * b + 10) if info[i][2]], key=lambda i: sha(drafts[i]))
        take = pool[:quota]
        chosen += take
        carry = quota - len(take)
    chosen.sort()
    units = []
    for n, i in enumerate(chosen):
        lines = drafts[i].split("\n")
        cand = info[i][1]
        first_op = next((j for j, l in enumerate(lines) if OPERATIVE.match(l) or re.search(r"[,;.]\s+1\.\s+[A-Z]", l)),
                        len(lines))
        key = lambda j: sha(f"{i}#{j}")
        cue = [j for j in cand if CUE.search(lines[j])]
        pre = sorted([j for j in cue if j < first_op], key=key)
        op = sorted([j for j in cue if j >= first_op], key=key)
        picked = []
        while len(picked) < MAX_CUE and (pre or op):
            for grp in (pre, op):
                if grp and len(picked) < MAX_CUE:
                    picked.append(grp.pop(0))
        plain = sorted([j for j in cand if j not in cue], key=key)
        n_plain = max(min(MAX_PLAIN, len(plain)), 6 - len(picked))
        picked += plain[:n_plain]
        if len(picked) < 6:                       # too few plain paragraphs: fill with the remaining cue ones
            rest = sorted([j for j in cue if j not in picked], key=key)
            picked += rest[:6 - len(picked)]
        picked.sort()
        if n == 0:
            picked = [0] + picked
        meta = {"doc": f"UNBench draft {i} ({'adopted' if labels[i] == 1 else 'not adopted'})", "split": SPLIT,
                "source": "unsc-drafts-en", "year": YEAR.get(i)}
        for j in picked:
            units.append({"id": f"unbench-draft-{i}#{j}", "text": lines[j], "lang": "en", "meta": dict(meta)})
        if verbose:
            print(f"  chosen draft {i}: lines {picked} (first operative line {first_op}; cue {len(cue)}, "
                  f"plain {len(cand) - len(cue)})")
    if verbose:
        print(f"{len(chosen)} drafts, {len(units)} units")
    return units


# ---------------------------------------------------------------- hand spans -> offsets
def read_spans(path: Path) -> dict[str, list[tuple[str, str, str | None]]]:
    """spans2.txt: '## <unit id>' then one 'LABEL | surface | id' line per span, in text order; id '-' = null.
    A surface may be prefixed by 'N@' to take its N-th occurrence after the previous span (default 1)."""
    out: dict[str, list] = {}
    cur = None
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#!"):
            continue
        if line.startswith("## "):
            cur = line[3:].strip()
            if cur in out:
                raise SystemExit(f"{path.name}:{n}: unit {cur} twice")
            out[cur] = []
            continue
        parts = [x.strip() for x in line.split(" | ")]
        if len(parts) != 3 or cur is None:
            raise SystemExit(f"{path.name}:{n}: bad line {line!r}")
        lab, surf, ident = parts
        out[cur].append((lab, surf, None if ident == "-" else ident))
    return out


def build(spans_file: Path = SPANS, out_file: Path = OUT) -> list[dict]:
    rows = rows_from_spans(select(), read_spans(spans_file), "en")
    with open(out_file, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} units, {sum(len(r['entities']) for r in rows)} spans -> {out_file.name}")
    return rows


def rows_from_spans(units: list[dict], spans: dict[str, list], lang: str) -> list[dict]:
    """Gold rows: each unit's hand spans turned into offsets (searched after the end of the previous span)."""
    missing = [u["id"] for u in units if u["id"] not in spans]
    extra = [k for k in spans if k not in {u["id"] for u in units}]
    if missing or extra:
        raise SystemExit(f"units without a spans block: {missing}; blocks for unknown units: {extra}")
    rows = []
    for u in units:
        text, pos, ents = u["text"], 0, []
        for lab, surf, ident in spans[u["id"]]:
            k = 1
            m = re.match(r"^(\d+)@(.+)$", surf)
            if m:
                k, surf = int(m.group(1)), m.group(2)
            i = pos - 1
            for _ in range(k):
                i = text.find(surf, i + 1 if i >= pos else pos)
                if i < 0:
                    raise SystemExit(f"{u['id']}: {surf!r} (occurrence {k}) not found after offset {pos}")
            ents.append({"start": i, "end": i + len(surf), "label": lab, "text": surf, "id": ident})
            pos = i + len(surf)
        rows.append({"id": u["id"], "text": text, "lang": lang,
                     "label": [[e["start"], e["end"], e["label"]] for e in ents],
                     "entities": ents, "meta": u["meta"]})
    return rows


# ---------------------------------------------------------------- validation
RES_ID = re.compile(r"^(A/RES/(\d+/\d+[A-Z]?|\d+[A-Z]?\((?:[IVXL]+|S-\d+|ES-\d+)\)|ES-\d+/\d+)"
                    r"|S/RES/\d+\(\d{4}\)|E/RES/\d{4}/\d+|E/RES/\d+[A-Z]?\([IVXL]+\))$")
DATE_ONE = r"\d{4}(-\d{2}(-\d{2})?)?"
DATE_ID = re.compile(rf"^{DATE_ONE}(/{DATE_ONE})?$")
DOC_ID = re.compile(r"^[A-Z]+(/[A-Za-z0-9.\-]+)+$")


def gazetteer() -> dict[str, dict[str, str]]:
    """label -> {lower-cased name without a leading 'the ': id}"""
    g: dict[str, dict[str, str]] = {"ORG": {}, "TREATY": {}}
    for line in open(ROOT / "pipeline/lexicons/gazetteer.tsv", encoding="utf-8"):
        p = line.rstrip("\n").split("\t")
        if len(p) == 4 and p[0] in g:
            g[p[0]][re.sub(r"^the ", "", p[3].strip(), flags=re.I).lower()] = p[1]
    return g


def valid_date(ident: str) -> bool:
    from datetime import date
    for part in ident.split("/"):
        y, *rest = [int(x) for x in part.split("-")]
        try:
            date(y, rest[0] if rest else 1, rest[1] if len(rest) > 1 else 1)
        except ValueError:
            return False
    return True


def check(path: Path = OUT, show: bool = True) -> None:
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    data = json.loads(SRC.read_text(encoding="utf-8"))
    expect = {u["id"]: u for u in select()}
    gaz = gazetteer()
    gaz_ids = {lab: set(v.values()) for lab, v in gaz.items()}
    errors, counts, non_gaz, gaz_mismatch = [], {}, set(), []
    if [r["id"] for r in rows] != list(expect):
        errors.append("unit ids differ from the selection")
    for r in rows:
        uid = r["id"]
        m = re.match(r"^unbench-draft-(\d+)#(\d+)$", uid)
        i, j = int(m.group(1)), int(m.group(2))
        if data["drafts"][i].split("\n")[j] != r["text"]:
            errors.append(f"{uid}: text differs from source line")
        meta = r["meta"]
        want = f"UNBench draft {i} ({'adopted' if data['labels'][i] == 1 else 'not adopted'})"
        if (meta.get("doc") != want or meta.get("split") != SPLIT or meta.get("source") != "unsc-drafts-en"
                or not isinstance(meta.get("year"), int) or r["lang"] != "en"):
            errors.append(f"{uid}: meta {meta}")
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
            if (s > 0 and r["text"][s - 1].isalnum()) or (t < len(r["text"]) and r["text"][t].isalnum()):
                errors.append(f"{uid}: span {e['text']!r} at {s}-{t} cuts a word")
            if s < prev_end:
                errors.append(f"{uid}: overlapping or unsorted span at {s}")
            prev_end = t
            if lab == "RESOLUTION":
                if not (ident and RES_ID.match(ident)):
                    errors.append(f"{uid}: RESOLUTION id {ident!r}")
                else:
                    mm = re.search(r"(\d+) \((\d{4})\)", e["text"])
                    if mm and ident != f"S/RES/{mm.group(1)}({mm.group(2)})":
                        errors.append(f"{uid}: RESOLUTION id {ident!r} does not match {e['text']!r}")
            if lab == "DATE" and not (ident and DATE_ID.match(ident) and valid_date(ident)):
                errors.append(f"{uid}: DATE id {ident!r}")
            if lab == "DATE" and ident and not re.search(r"\d{4}", e["text"]) and not ident.startswith(str(meta.get("year"))):
                errors.append(f"{uid}: DATE without a year in the text must take the document year")
            if lab == "DOCUMENT" and not (ident and DOC_ID.match(ident) and ident == re.sub(r"\s", "", e["text"])):
                errors.append(f"{uid}: DOCUMENT id {ident!r}")
            if lab in ("ORG", "TREATY"):
                key = re.sub(r"^the ", "", e["text"], flags=re.I).lower()
                if key in gaz[lab] and gaz[lab][key] != ident and not e["text"].lower().startswith("the "):
                    gaz_mismatch.append(f"{uid}: {e['text']!r} -> {ident!r}, gazetteer name gives {gaz[lab][key]!r}")
                elif key in gaz[lab] and gaz[lab][key] != ident:
                    gaz_mismatch.append(f"{uid}: {e['text']!r} -> {ident!r}, gazetteer name gives {gaz[lab][key]!r} (short title?)")
                if ident is not None and ident not in gaz_ids[lab]:
                    non_gaz.add((lab, ident))
    for e in errors:
        print("ERROR", e)
    drafts = sorted({int(r["id"].split("-")[2].split("#")[0]) for r in rows})
    print(f"{len(rows)} units from {len(drafts)} drafts {drafts}; {sum(counts.values())} spans: "
          + ", ".join(f"{k} {counts.get(k, 0)}" for k in sorted(LABELS)))
    print(f"units without spans: {sum(1 for r in rows if not r['entities'])}")
    nulls = [(r["id"], e["text"]) for r in rows for e in r["entities"] if e["id"] is None]
    print(f"null ids: {nulls}")
    if gaz_mismatch:
        print("spans whose text is a gazetteer name of another id (check by hand):")
        for g in gaz_mismatch:
            print("  " + g)
    if non_gaz:
        print("ids not in the gazetteer (full official names from the text):")
        for lab, i in sorted(non_gaz):
            print(f"  {lab}: {i}")
    if show:
        for r in rows:
            print(f"\n## {r['id']}  {r['text'][:70]!r}")
            for e in r["entities"]:
                ctx = r["text"][max(0, e["start"] - 25):e["end"] + 25]
                print(f"   {e['label']:10} {e['text']!r:45} -> {e['id']}   …{ctx}…")
    print("OK" if not errors else f"{len(errors)} errors")
    if errors:
        sys.exit(1)


def context(path: Path = OUT) -> None:
    """Second-pass reading aid: every unit with its spans in [brackets|LABEL], and the capitalized words,
    digits and acronyms left outside spans."""
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        t, out, pos, outside = r["text"], [], 0, []
        for e in r["entities"]:
            out.append(t[pos:e["start"]])
            outside.append(t[pos:e["start"]])
            out.append(f"[{t[e['start']:e['end']]}|{e['label']}]")
            pos = e["end"]
        out.append(t[pos:])
        outside.append(t[pos:])
        caps = sorted({w for seg in outside for w in re.findall(r"\b(?:[A-Z][\w’'‑-]*|\d[\d/()., ]*)", seg)
                       if w not in ("The", "A", "An")})
        print(f"## {r['id']}\n{''.join(out)}\n   outside: {', '.join(caps)}\n")


def diff(pass1: Path) -> None:
    """Units whose spans (offsets, labels or ids) differ between a first-pass spans file and spans2.txt."""
    a = {r["id"]: r["entities"] for r in build(pass1, Path("/dev/null"))}
    b = {r["id"]: r["entities"] for r in build(SPANS, Path("/dev/null"))}
    changed = [k for k in b if a.get(k) != b[k]]
    for k in changed:
        sa = {(e["start"], e["end"], e["label"], e["text"], e["id"]) for e in a[k]}
        sb = {(e["start"], e["end"], e["label"], e["text"], e["id"]) for e in b[k]}
        print(k)
        for e in sorted(sa - sb):
            print("   -", e)
        for e in sorted(sb - sa):
            print("   +", e)
    print(f"{len(changed)} of {len(b)} units changed in the second pass")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd == "select":
        select(verbose=True)
    elif cmd == "build" and len(sys.argv) > 3:          # e.g. build /tmp/spans2.pass1.txt /tmp/pass1.jsonl
        build(Path(sys.argv[2]), Path(sys.argv[3]))
    elif cmd == "check" and len(sys.argv) > 2:
        check(Path(sys.argv[2]))
    elif cmd == "diff":
        diff(Path(sys.argv[2]))
    elif cmd == "context" and len(sys.argv) > 2:
        context(Path(sys.argv[2]))
    else:
        {"build": build, "check": check, "context": context}[cmd]()
