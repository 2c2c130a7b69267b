"""The fresh held-out entity test sets (annotations/entities/fresh/): how each was chosen, built and checked.

    .venv/bin/python annotations/entities/fresh/make_fresh.py COMMAND SET [--shared DIR] [--into DIR] [FILES]

SET (README.md has the story of each):
    fresh1     test_fresh.jsonl      English, 14 unused CR-UNSC Security Council resolutions of 1946-1993
    fresh2     test_fresh2.jsonl     English, 12 UNBench Security Council draft resolutions of 2002-2024
    fresh3.zh  test_fresh3.zh.jsonl  Chinese, 2023 UN sentence pairs (the Chinese side)
    fresh3.en  test_fresh3.en.jsonl  English, 2023 UN sentence pairs (the English side)
    fresh4.zh  test_fresh4.zh.jsonl  Chinese, 2023 UN sentence pairs, made after the third set had been scored
    fresh6.zh  test_fresh6.zh.jsonl  Chinese, 2023 UN sentence pairs no file of the project names (blind)
    fresh6.en  test_fresh6.en.jsonl  English, the other side of the same 80 pairs
    fresh7.zh  test_fresh7.zh.jsonl  Chinese, 2023 UN sentence pairs, blind again after fresh6 was scored and read
    fresh7.en  test_fresh7.en.jsonl  English, the other side of the same pairs
    (fresh5.{fr,es,ru,ar} were written as JSONL by hand, without spans files: not made by this tool.)
    A group runs its sets in turn: fresh3 = fresh3.zh + fresh3.en, fresh6 = fresh6.zh + fresh6.en,
    fresh7 = fresh7.zh + fresh7.en.
COMMAND:
    select   choose the units and write selected*.jsonl; once that file exists it is frozen, and `select` only
             says whether a new choice would still be the same (annotations/ grows, so it often would not)
    build    hand spans (SET's spans file, or SPANS OUT) -> the set's JSONL; only turns span texts into offsets
    check    validate the set's JSONL (or FILE) and print every span in context
    context  every unit with its spans bracketed and the capitalized words left outside (second-pass aid)
    diff     units whose spans differ between the first-pass spans file (or PASS1) and the final one
--shared: the read-only corpora (default: ../shared beside the repository), read by `select` and by `check` of
fresh1 and fresh2 (source blocks and lines).

Rebuilding each set from its spans file and frozen selection gives the committed file byte for byte
(README.md, "Rebuilding every set", has the commands that show it into a temporary folder).

Independent of the project's pipeline: imports nothing from `pipeline/`, never runs a model. The spans files
were written by hand, unit by unit: '## <unit id>', then one 'LABEL | surface | id' line per span in text order
(id '-' = null; '\\n' in a surface stands for a newline of the text; a surface prefixed 'N@' takes its N-th
occurrence after the previous span). fresh6's and fresh7's files name the pair ('# <pair id>') and leave a null id
empty.

Selection of fresh1 (deterministic):
- pool: every file of the read-only corpora whose symbol or file stem does not occur as a unit id, `doc` or
  `meta.doc` in annotations/entities/*.jsonl, annotations/entities/reviewed/*, annotations/strength/*.jsonl,
  annotations/addressees/*.jsonl (all 35 GA 80th-session resolutions are used there, so the pool is the
  102 unused CR-UNSC Security Council resolutions);
- a document's paragraphs are the blank-line separated blocks of the file, text kept exactly (internal print line
  breaks included, trailing newline stripped); block 0 is the heading; body paragraphs follow, minus the bare
  "The Security Council," line, and end at the "Adopted ..." line or the first footnote block;
- per decade a quota of documents, taken in order of sha1(file name), skipping a document whose topic class
  (renewal of a peacekeeping mandate, admission of a Member, party to the ICJ Statute, rules of procedure) was
  already taken in that decade, and keeping at most 3 mandate renewals overall; a document needs >= 4 body
  paragraphs unless no document of its decade has that many; a slot a decade cannot fill passes to the next;
- from each document the heading and up to 8 body paragraphs in source order: all of them when there are <= 8,
  else up to 6 that contain a cue for an entity (digit, "United Nations", Council, Assembly, Charter, Court,
  Commission, Committee, Treaty, Convention, Agreement, resolution), plus the first others in order up to
  min(8, max(5, cues + 2)) paragraphs (so a document keeps some paragraphs without entities).
After annotation the print line breaks inside a unit were replaced by spaces (one character for one, so no offset
moves): `build fresh1` does the same as its last step.

Selection of fresh2 (deterministic; frozen in selected2.jsonl, which is `select2()` run on the annotations/ of
commit 686dc2a that made the set: later gold and silver files quote two of its lines). Source:
unsc-drafts-en/task3.json (UNBench, MIT): `drafts` (30 English SC draft resolutions) and `labels` (1 adopted).
- a draft is in the pool when (a) it cites a year >= 2003 (in a resolution number "nnnn (yyyy)", a symbol
  S/yyyy/..., S/PRST/yyyy/..., or a date): the CR-UNSC corpus the project's SC gold was drawn from ends with
  S/RES/1454 (2002), so an adopted draft of 2002 or before is (in its final form) among those resolutions; a draft
  citing no year at all (draft 20) is out; (b) it has >= 6 candidate paragraphs;
- candidate paragraphs: source lines j >= 1 that are a whole paragraph (start like one: a capital, a digit or "(";
  end with , ; . or :; the previous non-empty line ended with one of those too); lines holding several paragraphs
  run together are dropped, and so are lines whose text (number stripped, whitespace, hyphens and quotes
  normalized) already occurs in any annotations/**/*.jsonl text (first or last 60 characters found);
- the 30 list positions are cut into three blocks (0-9, 10-19, 20-29); from each block 4 pool drafts in order of
  sha1(draft text); a slot a block cannot fill passes to the next block;
- per draft, cue paragraphs (CUE2) split into preambular and operative, each in order of sha1("<index>#<line>"),
  taken alternately (preambular first) up to 7; then 1 paragraph without a cue (more if needed to reach 6);
  kept in source order; the opening line "The Security Council," (line 0) once, from the first chosen draft.
Unit text = the source line exactly. The year of each draft (meta.year) was decided by reading it (YEAR).

Selection of fresh3.* and fresh4.zh (deterministic). Source: un-zh-en-pairs-2023/corpus.json (5,829
Chinese-English sentence pairs of 2023 UN documents, often misaligned, so each language side is used alone):
- a sentence is a candidate when it is long enough to be a sentence (en >= 60 characters, zh >= 25), does not
  already occur in any annotations/**/*.jsonl text, and its pair id is not chosen for the other language (the
  English set was chosen in a run that saw an earlier Chinese choice, so 7 pair ids are in both sets);
- candidates in order of sha1("<lang>:<pair id>"); the first 60 with an entity cue (CUE3: treaties, resolutions,
  document symbols) and the first 60 of the rest; zh first, en from the remaining pairs; unit text = the sentence;
- fresh4.zh: the same from pairs in neither third-set file, in order of sha1("zh4:<pair id>").
The selections were made once and frozen in selected3.{zh,en}.jsonl and selected4.zh.jsonl; build and check
read those files.

Selection of fresh6.* (deterministic, one choice of pairs for both languages, frozen in selected6.jsonl; made
after fresh3/fresh4 had been scored and studied, as a blind set for the shipped zh and en pipelines). Source: the
same pairs:
- a pair is out when its id occurs in any file under annotations/, tests/ or benchmarks/ (gold, silver,
  selections, results; the set's own files and README.md aside), when it lies within NEAR (5) ids of a pair of
  another fresh gold set (neighbouring ids come from one document; the pair corpus gives no document ids), or
  when its English text or the first 30 characters of its Chinese text occur in those files;
- it needs en >= 50 and zh >= 20 characters, 1.3 <= len(en)/len(zh) <= 6 and an entity cue on both sides (CUE6:
  a capitalized name, a year, a symbol or "resolution n" in English; 联合国, 《, a year, 决议, 组织, 委员会 ... in Chinese);
- pairs in order of sha1("fresh6:<pair id>"), a pair whose two texts repeat an earlier pair's dropped, the first 80.
Each side is a unit of its own (`un2023-<pair id>:<lang>`, split test_fresh6).

Selection of fresh7.* (frozen in selected7.jsonl; made after fresh6 had been scored blind and its errors read):
the fresh6 rules, with fresh6's files now among the files that name or quote pairs, so that no pair is within NEAR
(5) ids of a pair of fresh6 or of any other fresh gold set; pairs in order of sha1("fresh7:<pair id>"), the first
N7 (60), or all when fewer; if fewer than MIN7 (40) pass, the length-ratio rule alone is dropped. 32 passed, so
it was: 49 pairs (ratio 1.3 <= len(en)/len(zh) <= 6 dropped; every other rule kept).
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]                      # the repository
LABELS = {"RESOLUTION", "TREATY", "DATE", "ORG", "DOCUMENT"}


class FreshSet(NamedTuple):
    """One set's files and the form its spans file was written in."""
    lang: str
    out: str                    # the gold JSONL
    spans: str                  # final hand spans
    pass1: str | None           # first-pass spans (None: not kept)
    selected: str               # frozen selection
    header: str = "## "         # a spans file line starting with this names the next unit
    null: str = "-"             # id written for null
    unit: str = "{}"            # unit id from the name in the spans file


SETS = {
    "fresh1": FreshSet("en", "test_fresh.jsonl", "spans.txt", "spans.pass1.txt", "selected.jsonl"),
    "fresh2": FreshSet("en", "test_fresh2.jsonl", "spans2.txt", None, "selected2.jsonl"),
    "fresh3.zh": FreshSet("zh", "test_fresh3.zh.jsonl", "spans3.zh.txt", "spans3.zh.pass1.txt", "selected3.zh.jsonl"),
    "fresh3.en": FreshSet("en", "test_fresh3.en.jsonl", "spans3.en.txt", "spans3.en.pass1.txt", "selected3.en.jsonl"),
    "fresh4.zh": FreshSet("zh", "test_fresh4.zh.jsonl", "spans4.zh.txt", "spans4.zh.pass1.txt", "selected4.zh.jsonl"),
    # both languages from one frozen file of pairs; spans files name the pair ('# <pair id>', empty id = null)
    "fresh6.zh": FreshSet("zh", "test_fresh6.zh.jsonl", "spans6.zh.txt", None, "selected6.jsonl",
                          header="# ", null="", unit="un2023-{}:zh"),
    "fresh6.en": FreshSet("en", "test_fresh6.en.jsonl", "spans6.en.txt", None, "selected6.jsonl",
                          header="# ", null="", unit="un2023-{}:en"),
    "fresh7.zh": FreshSet("zh", "test_fresh7.zh.jsonl", "spans7.zh.txt", None, "selected7.jsonl",
                          header="# ", null="", unit="un2023-{}:zh"),
    "fresh7.en": FreshSet("en", "test_fresh7.en.jsonl", "spans7.en.txt", None, "selected7.jsonl",
                          header="# ", null="", unit="un2023-{}:en"),
}
GROUPS = {"fresh3": ("fresh3.zh", "fresh3.en"), "fresh6": ("fresh6.zh", "fresh6.en"),
          "fresh7": ("fresh7.zh", "fresh7.en")}
PAIR_SETS = ("fresh3", "fresh4", "fresh6", "fresh7")  # sentences of the 2023 pairs: the same id rules
BLIND_PAIRS = {"fresh6": 6, "fresh7": 7}    # sets chosen as whole pairs (selected<N>.jsonl, split test_fresh<N>)
SHARED = ROOT.parent / "shared"             # set by --shared


def corpus(name: str) -> Path:
    return SHARED / "corpus" / name


def sha(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    tmp.replace(path)


def norm(s: str) -> str:
    s = s.replace("\u2011", "-").replace("\u2010", "-").replace("\u2019", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def annotated_text(skip: tuple[str, ...]) -> str:
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


# ================================================================ fresh1: unused CR-UNSC resolutions
QUOTA = {1940: 4, 1950: 2, 1960: 1, 1970: 2, 1980: 3, 1990: 2}
MAX_BODY = 8
CUE1 = re.compile(r"\d|United Nations|Council|Assembly|Charter|Court|Commission|Committee|Treaty|Convention|"
                  r"Agreement|[Rr]esolution")
FOOTNOTE = re.compile(r"^\d+ (Ibid|Official|See|Two|One|By its|No details|Adopted|Modified|League|In the absence|S/)")


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


def select1() -> list[dict]:
    sc_dir, ga_dir = corpus("unsc-resolutions-en"), corpus("ga80-resolutions-en")
    vals = used_values()
    ga_unused = [p for p in sorted(ga_dir.glob("*.md")) if not is_used(p.stem, ga_symbol(p.stem), vals)]
    print(f"GA80 files: {len(list(ga_dir.glob('*.md')))}, unused: {len(ga_unused)}")
    pool = [p for p in sorted(sc_dir.glob("*.txt")) if not is_used(p.stem, sc_symbol(p.stem), vals)]
    print(f"SC files: {len(list(sc_dir.glob('*.txt')))}, unused: {len(pool)}")
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
            cue = [k for k in bd if CUE1.search(bl[k])][:6]
            total = min(MAX_BODY, max(5, len(cue) + 2))
            rest = [k for k in bd if k not in cue][:total - len(cue)]
            bd = sorted(cue + rest)
        shutil.copyfile(p, HERE / "sources" / p.name)
        sym = sc_symbol(p.stem)
        year = int(p.stem.split("_")[3])
        print(f"{sym:18} {year} topic={tp or '-':12} units={1 + len(bd)}")
        for k in [0] + bd:
            units.append({"id": f"{p.stem}#{k}", "text": bl[k], "lang": "en",
                          "meta": {"doc": sym, "split": "test_fresh", "source": sc_dir.name, "year": year}})
    print(f"{len(chosen)} documents, {len(units)} units")
    return units


def check_rows1(rows: list[dict], errors: list[str]) -> None:
    """Text identical to the source block (print line breaks as spaces), copied source identical, meta, and
    every document unused elsewhere in annotations/."""
    sc_dir = corpus("unsc-resolutions-en")
    vals = used_values()
    src_text: dict[str, list[str]] = {}
    for r in rows:
        uid = r["id"]
        stem, k = uid.split("#")
        if stem not in src_text:
            src_text[stem] = blocks((sc_dir / f"{stem}.txt").read_text(encoding="utf-8"))
        if src_text[stem][int(k)].replace("\n", " ") != r["text"]:
            errors.append(f"{uid}: text differs from source block {k}")
        if (HERE / "sources" / f"{stem}.txt").read_text(encoding="utf-8") != (sc_dir / f"{stem}.txt").read_text(encoding="utf-8"):
            errors.append(f"{uid}: copied source differs")
        m = r["meta"]
        if m["doc"] != sc_symbol(stem) or m["split"] != "test_fresh" or r["lang"] != "en":
            errors.append(f"{uid}: meta")
        if is_used(stem, m["doc"], vals):
            errors.append(f"{uid}: document {m['doc']} is used elsewhere in annotations/")


# ================================================================ fresh2: UNBench draft resolutions
N_PER_BLOCK = 4
MAX_CUE = 7
MAX_PLAIN = 1
END = re.compile(r"[,;.:]\s*$")
START = re.compile(r"^\s*[A-Z0-9(]")
OPERATIVE = re.compile(r"^\s*\d{1,2}\.\s")
MERGED = re.compile(r"[,;.:]\s+(\d{1,2}\.|\([a-z]{1,4}\))\s+[A-Z]|\S\s{8,}\S")
LEAD = re.compile(r"^\s*(\d{1,2}\.|\([a-z]{1,4}\))?\s*")
YEARS = re.compile(r"\d+ \((\d{4})\)|S/(?:PRST/)?(\d{4})/|(?:January|February|March|April|May|June|July|August|"
                   r"September|October|November|December) (\d{4})")
CUE2 = re.compile(r"\b(19|20)\d\d\b|\b[A-Z]/\d|\b[A-Z]/[A-Z]+/\d|[Rr]esolutions? \d|United Nations|\bUN\b|Security Council|"
                  r"General Assembly|Charter|Convention|Treaty|Agreement|Protocol|Statute|Tribunal|Court|Commission|"
                  r"Committee|Panel of Experts|Office|Union|Organization|Mission (in|for|of)|\b[A-Z]{4,}\b|\b(AU|EU)\b")

# Year of each chosen draft (meta.year), decided by reading the draft: the latest year of something the draft
# cites as already existing (a resolution number, a document symbol, a dated report, letter, statement or event);
# deadlines and the end dates of the periods the draft itself sets ("until 31 January 2025") are not counted.
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


def drafts() -> dict:
    return json.loads((corpus("unsc-drafts-en") / "task3.json").read_text(encoding="utf-8"))


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


def select2(verbose: bool = False) -> list[dict]:
    data = drafts()
    texts, labels = data["drafts"], data["labels"]
    ann = annotated_text(("test_fresh2.", "selected2."))
    info = {}
    for i, t in enumerate(texts):
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
        pool = sorted([i for i in range(10 * b, 10 * b + 10) if info[i][2]], key=lambda i: sha(texts[i]))
        take = pool[:quota]
        chosen += take
        carry = quota - len(take)
    chosen.sort()
    units = []
    for n, i in enumerate(chosen):
        lines = texts[i].split("\n")
        cand = info[i][1]
        first_op = next((j for j, l in enumerate(lines) if OPERATIVE.match(l) or re.search(r"[,;.]\s+1\.\s+[A-Z]", l)),
                        len(lines))
        key = lambda j: sha(f"{i}#{j}")  # noqa: E731
        cue = [j for j in cand if CUE2.search(lines[j])]
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
        meta = {"doc": f"UNBench draft {i} ({'adopted' if labels[i] == 1 else 'not adopted'})", "split": "test_fresh2",
                "source": "unsc-drafts-en", "year": YEAR.get(i)}
        for j in picked:
            units.append({"id": f"unbench-draft-{i}#{j}", "text": lines[j], "lang": "en", "meta": dict(meta)})
        if verbose:
            print(f"  chosen draft {i}: lines {picked} (first operative line {first_op}; cue {len(cue)}, "
                  f"plain {len(cand) - len(cue)})")
    if verbose:
        print(f"{len(chosen)} drafts, {len(units)} units")
    return units


def check_rows2(rows: list[dict], errors: list[str]) -> None:
    """Units equal to the selection, text identical to the source line, meta."""
    data = drafts()
    if [r["id"] for r in rows] != [u["id"] for u in frozen("fresh2")]:
        errors.append("unit ids differ from the selection")
    for r in rows:
        uid = r["id"]
        m = re.match(r"^unbench-draft-(\d+)#(\d+)$", uid)
        i, j = int(m.group(1)), int(m.group(2))
        if data["drafts"][i].split("\n")[j] != r["text"]:
            errors.append(f"{uid}: text differs from source line")
        meta = r["meta"]
        want = f"UNBench draft {i} ({'adopted' if data['labels'][i] == 1 else 'not adopted'})"
        if (meta.get("doc") != want or meta.get("split") != "test_fresh2" or meta.get("source") != "unsc-drafts-en"
                or not isinstance(meta.get("year"), int) or r["lang"] != "en"):
            errors.append(f"{uid}: meta {meta}")


# ================================================================ fresh3.*, fresh4.zh: 2023 UN sentence pairs
N_CUE, N_PLAIN = 60, 60
MIN_LEN = {"en": 60, "zh": 25}
CUE3 = {
    "en": re.compile(r"Convention|Treaty|Agreement|Protocol|Covenant|Charter|Statute|[Rr]esolutions? \d"
                     r"|\b[A-Z]{1,4}/(?:[A-Z0-9.]+/)*\d"),
    "zh": re.compile(r"公约|条约|协定|议定书|盟约|宪章|规约|决议|[A-Z]{1,4}/(?:[A-Z0-9.]+/)*\d"),
}
OWN_FILES = ("selected3.", "test_fresh3.", "selected4.", "test_fresh4.")  # not "already annotated" text


def pairs() -> list[dict]:
    return json.loads((corpus("un-zh-en-pairs-2023") / "corpus.json").read_text(encoding="utf-8"))["data"]


def _pick(data: list[dict], lang: str, ann: str, taken: set[str], salt: str = "") -> list[dict]:
    salt = salt or lang
    cands = [x for x in data if x["id"] not in taken and len(x[lang].strip()) >= MIN_LEN[lang]
             and norm(x[lang])[:60] not in ann]
    cands.sort(key=lambda x: sha(f"{salt}:{x['id']}"))
    cue = [x for x in cands if CUE3[lang].search(x[lang])][:N_CUE]
    plain = [x for x in cands if not CUE3[lang].search(x[lang])][:N_PLAIN]
    chosen = sorted(cue + plain, key=lambda x: sha(f"{salt}:{x['id']}"))
    return [pair_unit(x, lang, "test_fresh3", bool(CUE3[lang].search(x[lang])),
                      **({"set": salt} if salt != lang else {})) for x in chosen]


def pair_unit(x: dict, lang: str, split: str, cue: bool, **extra) -> dict:
    """One language side of a pair as a unit of its own (the sides are often not translations of each other)."""
    return {"id": f"un2023-{x['id']}:{lang}", "text": x[lang], "lang": lang,
            "meta": {"doc": f"un-zh-en-pairs-2023 {x['id']}", "split": split, "source": "un-zh-en-pairs-2023",
                     "year": x.get("year", 2023), "theme": x["theme"], "cue": cue, **extra}}


def select3(key: str) -> list[dict]:
    data = pairs()
    ann = annotated_text(OWN_FILES)
    if key == "fresh4.zh":  # pairs used by neither third-set file, in a new sha1 order
        taken = {u["meta"]["doc"].split()[-1] for k in ("fresh3.zh", "fresh3.en") for u in frozen(k)}
        out = _pick(data, "zh", ann, taken, salt="zh4")
        for u in out:
            u["meta"]["split"] = "test_fresh4"
        return out
    zh = _pick(data, "zh", ann, set())
    if key == "fresh3.zh":
        return zh
    return _pick(data, "en", ann, {u["meta"]["doc"].split()[-1] for u in zh})


def check_rows3(rows: list[dict], expect: list[dict], errors: list[str]) -> None:
    if [r["id"] for r in rows] != [u["id"] for u in expect]:
        errors.append("unit ids differ from the selection")
    for r, u in zip(rows, expect):
        if r["text"] != u["text"]:
            errors.append(f"{r['id']}: text differs from the source sentence")


# ================================================================ fresh6.*: 2023 pairs, blind for zh and en
NEAR = 5            # ids this close to a gold pair's id are out (neighbouring ids often come from one document)
N6 = 80
CUE6 = {
    "en": re.compile(r"(?<!^)(?<![.:;] )\b(?:[A-Z][a-z]+|[A-Z]{2,})(?: (?:of|on|for|and|the|to|[A-Z][a-z]+|[A-Z]{2,}))*"
                     r" [A-Z][a-z]+|\b(?:19|20)\d\d\b|resolution \d|[A-Z]/\d|\b[A-Z]{3,}\b"),
    "zh": re.compile(r"联合国|《|\d{4}年|决议|组织|委员会|理事会|公约|署|基金|计划署|大会"),
}
N7, MIN7 = 60, 40     # fresh7: up to 60 pairs; the length-ratio rule is dropped only if fewer than 40 pass
RATIO = (1.3, 6)    # len(en) / len(zh) of a pair whose sides are likely one sentence each


def own_files(n: int) -> re.Pattern:
    """The files of set n (its gold, selection and spans): not evidence that a pair is already used."""
    return re.compile(rf"(test_fresh{n}|selected{n}|spans{n})\.")


def repo_text(own: re.Pattern) -> str:
    """Every text file the project holds about its data (annotations/, tests/, benchmarks/): a pair named or
    quoted there is not blind."""
    parts = []
    for sub in ("annotations", "tests", "benchmarks"):
        for p in (ROOT / sub).rglob("*"):
            if p.is_file() and not own.match(p.name) and p != HERE / "README.md":
                try:
                    parts.append(p.read_text(encoding="utf-8"))
                except (UnicodeDecodeError, OSError):
                    pass
    return "\n".join(parts)


def blind_pool(n: int, ratio: tuple[float, float] | None = RATIO) -> list[dict]:
    """Pairs that set n may take (see the module docstring), in order of sha1("fresh<n>:<pair id>"), a pair whose
    two texts repeat an earlier pair's dropped; ratio None drops the length-ratio rule."""
    own = own_files(n)
    text = repo_text(own)
    used = set(re.findall(r"(?:un2023-|pairs-2023 )([a-z_]+_\d+)", text))
    gold = set()
    for f in HERE.glob("test_fresh*.jsonl"):
        if not own.match(f.name):
            gold |= set(re.findall(r"un2023-([a-z_]+_\d+):", f.read_text(encoding="utf-8")))
    near = {(t, int(k) + d) for t, k in (g.rsplit("_", 1) for g in gold) for d in range(-NEAR, NEAR + 1)}
    pool = []
    for x in pairs():
        theme, k = x["id"].rsplit("_", 1)
        en, zh = x["en"].strip(), x["zh"].strip()
        if x["id"] in used or (theme, int(k)) in near or en in text or zh[:30] in text:
            continue
        if len(en) >= 50 and len(zh) >= 20 and (ratio is None or ratio[0] <= len(en) / len(zh) <= ratio[1]) \
                and CUE6["en"].search(en) and CUE6["zh"].search(zh):
            pool.append(x)
    pool.sort(key=lambda x: sha(f"fresh{n}:" + x["id"]))
    seen_texts, out = set(), []
    for x in pool:
        key = (x["en"].strip(), x["zh"].strip())
        if key not in seen_texts:
            seen_texts.add(key)
            out.append({"id": x["id"], "theme": x["theme"], "en": key[0], "zh": key[1]})
    return out


def select6() -> list[dict]:
    """The pairs of the sixth set (pair records, both sides): see the module docstring."""
    out = blind_pool(6)
    print(f"{len(out)} candidate pairs (distinct texts), {min(N6, len(out))} selected")
    return out[:N6]


def select7() -> list[dict]:
    """The pairs of the seventh set: fresh6's rules, fresh6 now among the gold sets it keeps away from."""
    out = blind_pool(7)
    if len(out) < MIN7:
        print(f"only {len(out)} pairs pass (fewer than {MIN7}); the length-ratio rule is dropped")
        out = blind_pool(7, ratio=None)
    print(f"{len(out)} candidate pairs (distinct texts), {min(N7, len(out))} selected")
    return out[:N7]


# ================================================================ every set: spans -> offsets, checks
def frozen(key: str) -> list[dict]:
    """The selection as made once and committed: build and check read it, so that the set does not move when
    annotations/ changes later (fresh6, fresh7: the file holds pairs, each side is a unit)."""
    rows = read_jsonl(HERE / SETS[key].selected)
    n = BLIND_PAIRS.get(key.split(".")[0])
    if n:
        return [pair_unit(x, SETS[key].lang, f"test_fresh{n}", True) for x in rows]
    return rows


def read_spans(path: Path, fs: FreshSet) -> dict[str, list[tuple[str, str, str | None]]]:
    """'## <unit id>' (fs.header, fs.unit) then one 'LABEL | surface | id' line per span, in text order; id '-'
    (fs.null) = null; '\\n' in a surface is a newline of the text."""
    out: dict[str, list] = {}
    cur = None
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#!"):
            continue
        if line.startswith(fs.header):
            cur = fs.unit.format(line[len(fs.header):].strip())
            if cur in out:
                raise SystemExit(f"{path.name}:{n}: unit {cur} twice")
            out[cur] = []
            continue
        parts = [x.strip() for x in line.split(" | ")]
        if len(parts) != 3 or cur is None:
            raise SystemExit(f"{path.name}:{n}: bad line {line!r}")
        lab, surf, ident = parts
        out[cur].append((lab, surf.replace("\\n", "\n"), None if ident == fs.null else ident))
    return out


def rows_from_spans(units: list[dict], spans: dict[str, list], lang: str) -> list[dict]:
    """Gold rows: each unit's hand spans turned into offsets (searched after the end of the previous span;
    'N@surface': its N-th occurrence there)."""
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


def make_rows(key: str, spans_file: Path) -> list[dict]:
    rows = rows_from_spans(frozen(key), read_spans(spans_file, SETS[key]), SETS[key].lang)
    if key == "fresh1":  # print line breaks inside a unit -> spaces, one character for one (no offset moves)
        for r in rows:
            r["text"] = r["text"].replace("\n", " ")
            for e in r["entities"]:
                e["text"] = e["text"].replace("\n", " ")
    return rows


def build(key: str, spans_file: Path | None = None, out_file: Path | None = None) -> None:
    out = out_file or HERE / SETS[key].out
    rows = make_rows(key, spans_file or HERE / SETS[key].spans)
    write_jsonl(out, rows)
    print(f"{len(rows)} units, {sum(len(r['entities']) for r in rows)} spans -> {out.name}")


RES_ID = re.compile(r"^(A/RES/(\d+/\d+[A-Z]?|\d+[A-Z]?\((?:[IVXL]+|S-\d+|ES-\d+)\)|ES-\d+/\d+)"
                    r"|S/RES/\d+\(\d{4}\)|E/RES/\d{4}/\d+|E/RES/\d+[A-Z]?\([IVXL]+\))$")
# other bodies keep their own symbol form (GUIDELINES): A/HRC/RES/53/2, ECLAC/RES/...; a decision without a
# symbol is named by its body and number ("ECE decision I(70)"); allowed in the 2023 sets
OTHER_RES_ID = re.compile(r"^(?:[A-Z]+/)*[A-Z]+/(?:RES|DEC)/[\w()./-]+$|^[A-Z]+ decision [\w()./-]+$")
DATE_ONE = r"\d{4}(-\d{2}(-\d{2})?)?"
DATE_ID = re.compile(rf"^{DATE_ONE}(/{DATE_ONE})?$")
# a body with a numbered series writes it in the first segment (UNGEGN: GEGN.2/2023/103/CRP.103)
DOC_ID = re.compile(r"^[A-Z]+(\.\d+)?(/[A-Za-z0-9.\-]+)+$")


def gazetteer() -> dict[str, dict[str, str]]:
    """label -> {lower-cased name without a leading 'the ': id}"""
    g: dict[str, dict[str, str]] = {"ORG": {}, "TREATY": {}}
    for line in open(ROOT / "pipeline/lexicons/gazetteer.tsv", encoding="utf-8"):
        p = line.rstrip("\n").split("\t")
        if len(p) == 4 and p[0] in g:
            g[p[0]][re.sub(r"^the ", "", p[3].strip(), flags=re.I).lower()] = p[1]
    return g


def valid_date(ident: str) -> bool:
    for part in ident.split("/"):
        y, *rest = [int(x) for x in part.split("-")]
        try:
            date(y, rest[0] if rest else 1, rest[1] if len(rest) > 1 else 1)
        except ValueError:
            return False
    return True


def check_span(key: str, r: dict, e: dict, errors: list[str], gaz: dict, gaz_mismatch: list[str]) -> None:
    """One span: offsets, whitespace, label, word boundaries (English sets but the first), ids (the rules of
    each set as it was checked when made)."""
    uid, text = r["id"], r["text"]
    s, t, lab, ident = e["start"], e["end"], e["label"], e["id"]
    if text[s:t] != e["text"]:
        errors.append(f"{uid}: offsets {s}-{t} give {text[s:t]!r} not {e['text']!r}")
    if e["text"] != e["text"].strip() or not e["text"]:
        errors.append(f"{uid}: span {e['text']!r} has outer whitespace")
    if lab not in LABELS:
        errors.append(f"{uid}: label {lab}")
    if key != "fresh1" and SETS[key].lang == "en" and ((s > 0 and text[s - 1].isalnum())
                                                    or (t < len(text) and text[t].isalnum())):
        errors.append(f"{uid}: span {e['text']!r} at {s}-{t} cuts a word")
    if lab == "RESOLUTION":
        if not (ident and (RES_ID.match(ident) or (key.startswith(PAIR_SETS) and OTHER_RES_ID.match(ident)))):
            errors.append(f"{uid}: RESOLUTION id {ident!r}")
        elif key == "fresh2":
            mm = re.search(r"(\d+) \((\d{4})\)", e["text"])
            if mm and ident != f"S/RES/{mm.group(1)}({mm.group(2)})":
                errors.append(f"{uid}: RESOLUTION id {ident!r} does not match {e['text']!r}")
    if lab == "DATE":
        if not (ident and DATE_ID.match(ident) and (key == "fresh1" or valid_date(ident))):
            errors.append(f"{uid}: DATE id {ident!r}")
        year = r["meta"].get("year")
        if key == "fresh2" and ident and not re.search(r"\d{4}", e["text"]) and not ident.startswith(str(year)):
            errors.append(f"{uid}: DATE without a year in the text must take the document year")
    if lab == "DOCUMENT" and not (ident and DOC_ID.match(ident)
                                  and (key.startswith(PAIR_SETS) or ident == re.sub(r"\s", "", e["text"]))):
        errors.append(f"{uid}: DOCUMENT id {ident!r}")  # the 2023 sets give a mistyped symbol its corrected id
    if lab in ("ORG", "TREATY") and key == "fresh2":
        name = re.sub(r"^the ", "", e["text"], flags=re.I).lower()
        if name in gaz[lab] and gaz[lab][name] != ident:
            short = " (short title?)" if e["text"].lower().startswith("the ") else ""
            gaz_mismatch.append(f"{uid}: {e['text']!r} -> {ident!r}, gazetteer name gives {gaz[lab][name]!r}{short}")


def check(key: str, path: Path | None = None, show: bool = True) -> bool:
    rows = read_jsonl(path or HERE / SETS[key].out)
    errors: list[str] = []
    if key == "fresh1":
        check_rows1(rows, errors)
    elif key == "fresh2":
        check_rows2(rows, errors)
    else:
        check_rows3(rows, frozen(key), errors)
    gaz = gazetteer()
    gaz_ids = {lab: set(v.values()) for lab, v in gaz.items()}
    counts: dict[str, int] = {}
    non_gaz: set[tuple[str, str]] = set()
    gaz_mismatch: list[str] = []
    for r in rows:
        if [[e["start"], e["end"], e["label"]] for e in r["entities"]] != r["label"]:
            errors.append(f"{r['id']}: label and entities disagree")
        prev_end = -1
        for e in r["entities"]:
            counts[e["label"]] = counts.get(e["label"], 0) + 1
            check_span(key, r, e, errors, gaz, gaz_mismatch)
            if e["start"] < prev_end:
                errors.append(f"{r['id']}: overlapping or unsorted span at {e['start']}")
            prev_end = e["end"]
            if e["label"] in ("ORG", "TREATY") and e["id"] is not None and e["id"] not in gaz_ids[e["label"]]:
                non_gaz.add((e["label"], e["id"]))
    for e in errors:
        print("ERROR", e)
    docs = {r["meta"]["doc"] for r in rows}
    print(f"{len(rows)} units from {len(docs)} documents; {sum(counts.values())} spans: "
          + ", ".join(f"{k} {counts.get(k, 0)}" for k in sorted(LABELS)))
    print(f"units without spans: {sum(1 for r in rows if not r['entities'])}")
    nulls = [(r["id"], e["text"]) for r in rows for e in r["entities"] if e["id"] is None]
    print(f"null ids: {len(nulls)}")
    if gaz_mismatch:
        print("spans whose text is a gazetteer name of another id (check by hand):")
        for g in gaz_mismatch:
            print("  " + g)
    if non_gaz:
        print("ORG/TREATY ids not in the gazetteer (full official names from the text):")
        for lab, i in sorted(non_gaz):
            print(f"  {lab}: {i}")
    if show:
        for r in rows:
            print(f"\n## {r['id']}  {r['text'][:70]!r}")
            for e in r["entities"]:
                ctx = r["text"][max(0, e["start"] - 25):e["end"] + 25].replace("\n", "⏎")
                print(f"   {e['label']:10} {e['text']!r:45} -> {e['id']}   …{ctx}…")
    print("OK" if not errors else f"{len(errors)} errors")
    return not errors


def context(key: str, path: Path | None = None) -> None:
    """Second-pass reading aid: every unit with its spans in [brackets|LABEL], and the capitalized words,
    digits and acronyms left outside spans."""
    for r in read_jsonl(path or HERE / SETS[key].out):
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


def diff(key: str, pass1: Path | None = None) -> None:
    """Units whose spans (offsets, labels or ids) differ between a first-pass spans file and the final one."""
    first = pass1 or (HERE / SETS[key].pass1 if SETS[key].pass1 else None)
    if first is None:
        raise SystemExit(f"{key}: no first-pass spans file is kept; name one")
    a = {r["id"]: r["entities"] for r in make_rows(key, first)}
    b = {r["id"]: r["entities"] for r in make_rows(key, HERE / SETS[key].spans)}
    changed = [k for k in b if a.get(k) != b[k]]
    for k in changed:
        sa = {(e["start"], e["end"], e["label"], e["text"], e["id"]) for e in a.get(k, [])}
        sb = {(e["start"], e["end"], e["label"], e["text"], e["id"]) for e in b[k]}
        print(k)
        for e in sorted(sa - sb, key=str):
            print("   -", e)
        for e in sorted(sb - sa, key=str):
            print("   +", e)
    print(f"{len(changed)} of {len(b)} units changed in the second pass")


def select(key: str) -> None:
    units = (select1() if key == "fresh1" else select2(verbose=True) if key == "fresh2"
             else select6() if key.startswith("fresh6") else select7() if key.startswith("fresh7")
             else select3(key))
    path = HERE / SETS[key].selected
    if path.exists():  # made once; recomputing only reports whether it would still be the same
        same = [u["id"] for u in units] == [u["id"] for u in read_jsonl(path)]
        print(f"{path.name} exists; a new selection would be {'the same' if same else 'different'}")
    else:
        write_jsonl(path, units)
        print(f"{len(units)} units -> {path.name}")


def main(argv: list[str] | None = None) -> None:
    global SHARED
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=["select", "build", "check", "context", "diff"])
    ap.add_argument("set", choices=[*SETS, *GROUPS], help="a set, or a group of sets: " + ", ".join(
        f"{g} = {' + '.join(ks)}" for g, ks in GROUPS.items()))
    ap.add_argument("files", nargs="*", type=Path,
                    help="build: SPANS OUT; check, context: the JSONL; diff: the first-pass spans file")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the read-only corpora (default %(default)s)")
    ap.add_argument("--into", type=Path, help="build: write the set's file(s) into this folder (to compare)")
    args = ap.parse_args(argv)
    SHARED = args.shared
    f = args.files
    keys = GROUPS.get(args.set, (args.set,))
    if f and len(keys) > 1:
        ap.error(f"FILES name one file: give one set of {args.set} ({', '.join(keys)})")
    if args.command == "select":  # one run per selection file (fresh6's and fresh7's two sets share one)
        for k in {SETS[k].selected or k: k for k in keys}.values():
            select(k)
    elif args.command == "build":
        if args.into and not args.into.is_dir():
            ap.error(f"--into {args.into}: not a folder")
        for k in keys:
            build(k, *(f[:2] if len(f) >= 2 else [HERE / SETS[k].spans, args.into / SETS[k].out] if args.into else []))
    elif args.command == "check":
        ok = [check(k, f[0] if f else None) for k in keys]  # every set checked, then the exit status
        if not all(ok):
            sys.exit(1)
    elif args.command == "context":
        for k in keys:
            context(k, f[0] if f else None)
    else:
        for k in keys:
            diff(k, f[0] if f else None)


if __name__ == "__main__":
    main()
