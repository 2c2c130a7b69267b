"""Build and check the addressee gold data in annotations/addressees/.

How the files were made
-----------------------
1. ``select``: the paragraphs to annotate are chosen deterministically from
   annotations/strength/{train,dev,test}.jsonl (each keeps its split there):
   candidates are sorted by sha1 of their id and taken in that order until the
   quota of their cell (split x language x source x strength group) is full.
   English: at most 3 paragraphs per ``doc``, texts longer than 1,200
   characters left out, urge/request/encourage paragraphs over-sampled.
   Chinese: train 60 UNPC, dev all 18, test all 52 seed paragraphs + 28 UNPC.
   French, Spanish, Russian, Arabic: every UNPC row of dev (18) and test (42)
   and the first 30 UNPC train rows per language; their rows come after the
   zh/en rows in every file, so the zh/en rows and their order are unchanged.
   ``python make_gold.py select`` writes selected.jsonl and review.txt (the
   texts to read).
2. The annotator (a person, not a program) read every selected paragraph and
   wrote its addressees by hand into spans.txt (zh, en) and
   spans.languages.txt (fr, es, ru, ar: read beside the aligned English line,
   without running the pipeline), one block per paragraph:

       <id>
       <type>: <span text>
       <type>: <span text> @@ <anchor>

   or ``none`` when the paragraph has no addressee.  An anchor is a longer
   stretch of the text that contains the span; it only disambiguates where the
   span is when the same words occur earlier in the paragraph.  Lines starting
   with ``#`` are notes (in spans.languages.txt they also record the
   addressees of later clause verbs, which the gold leaves out).
3. ``python make_gold.py build`` only turns span texts into character offsets
   (each span searched from the end of the previous one, or inside its anchor)
   and writes {train,dev,test}.jsonl; ``python make_gold.py check`` validates
   the files (offsets, types, texts identical to the source, order, counts) and
   prints every span in context for the second reading.
"""

from __future__ import annotations

import collections
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "strength"
SPLITS = ("train", "dev", "test")
TYPES = ("states", "parties", "secretariat", "un_system", "other_org")
LANGS = ("zh", "en", "fr", "es", "ru", "ar")
SPANS = ("spans.txt", "spans.languages.txt")
MAX_EN_CHARS = 1200
MAX_PER_DOC_EN = 3

GROUP = {"urge": "ure", "request": "ure", "encourage": "ure", "decide": "decide", "declare": "declare"}
SRCS = {"UNPC v1.0 dev set": "unpc", "GA 80th session": "ga", "CR-UNSC": "cr", "seed (hand-labelled)": "seed"}

# (split, lang, source, group) -> how many paragraphs; group None = any strength
QUOTA = {
    ("train", "zh", "unpc", None): 60,
    ("dev", "zh", "unpc", None): 18,
    ("test", "zh", "seed", None): 52,
    ("test", "zh", "unpc", None): 28,
    # English: about 60 % urge/request/encourage
    ("train", "en", "unpc", "ure"): 12, ("train", "en", "unpc", "decide"): 5, ("train", "en", "unpc", "declare"): 3,
    ("train", "en", "ga", "ure"): 12, ("train", "en", "ga", "decide"): 5, ("train", "en", "ga", "declare"): 3,
    ("train", "en", "cr", "ure"): 19, ("train", "en", "cr", "decide"): 7, ("train", "en", "cr", "declare"): 4,
    ("dev", "en", "unpc", "ure"): 4, ("dev", "en", "unpc", "declare"): 2,
    ("dev", "en", "ga", "ure"): 6, ("dev", "en", "ga", "decide"): 2, ("dev", "en", "ga", "declare"): 1,
    ("dev", "en", "cr", "ure"): 5, ("dev", "en", "cr", "decide"): 3, ("dev", "en", "cr", "declare"): 2,
    ("test", "en", "unpc", "ure"): 9, ("test", "en", "unpc", "decide"): 5, ("test", "en", "unpc", "declare"): 4,
    ("test", "en", "ga", "ure"): 11, ("test", "en", "ga", "decide"): 4, ("test", "en", "ga", "declare"): 3,
    ("test", "en", "cr", "ure"): 23, ("test", "en", "cr", "decide"): 7, ("test", "en", "cr", "declare"): 4,
    # French, Spanish, Russian, Arabic: the aligned UNPC lines of dev and test, 30 train lines for training
    **{(split, lang, "unpc", None): n for lang in LANGS[2:] for split, n in (("train", 30), ("dev", 18), ("test", 42))},
}


def sha(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def load_source() -> dict[str, list[dict]]:
    out = {}
    for split in SPLITS:
        with open(SRC / f"{split}.jsonl", encoding="utf-8") as f:
            out[split] = [json.loads(line) for line in f if line.strip()]
    return out


def select() -> list[dict]:
    src = load_source()
    chosen = []
    for split in SPLITS:
        rows = sorted(src[split], key=lambda r: sha(r["id"]))
        filled = collections.Counter()
        per_doc = collections.Counter()
        for r in rows:
            s = SRCS[r["source"]]
            if r["lang"] != "en":
                cell = (split, r["lang"], s, None)
            else:
                if len(r["text"]) > MAX_EN_CHARS or per_doc[r["doc"]] >= MAX_PER_DOC_EN:
                    continue
                cell = (split, "en", s, GROUP[r["strength"]])
            if filled[cell] >= QUOTA.get(cell, 0):
                continue
            filled[cell] += 1
            if r["lang"] == "en":
                per_doc[r["doc"]] += 1
            chosen.append(r)
        for cell, n in QUOTA.items():
            if cell[0] == split and filled[cell] != n:
                print("quota not met", cell, filled[cell], n, file=sys.stderr)
    # file order: zh/en first (split, language, source order), then fr/es/ru/ar the same way
    order = {r["id"]: i for i, r in enumerate(r for s in SPLITS for r in src[s])}
    chosen.sort(key=lambda r: (r["lang"] not in LANGS[:2], SPLITS.index(r["split"]), LANGS.index(r["lang"]),
                               order[r["id"]]))
    return chosen


def write_selection() -> None:
    chosen = select()
    with open(HERE / "selected.jsonl", "w", encoding="utf-8") as f:
        for r in chosen:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(HERE / "review.txt", "w", encoding="utf-8") as f:
        for r in chosen:
            f.write(f"{r['id']}\t{r['split']}\t{r['strength']}\t{r['doc']}\n{r['text']}\n\n")
    print(collections.Counter((r["split"], r["lang"]) for r in chosen))


def spans_lines() -> list[str]:
    """The lines of the hand-written span files, zh/en first (the second file is optional)."""
    lines = []
    for name in SPANS:
        if (HERE / name).exists():
            with open(HERE / name, encoding="utf-8") as f:
                lines += f.read().splitlines()
    return lines


def read_spans() -> dict[str, list[tuple[str, str, str | None]]]:
    ann: dict[str, list] = {}
    cur = None
    for line in spans_lines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            cur = line.strip()
            if cur in ann:
                raise SystemExit(f"duplicate id in {' / '.join(SPANS)}: {cur}")
            ann[cur] = []
            continue
        body = line.strip()
        if body == "none":
            continue
        typ, _, span = body.partition(": ")
        anchor = None
        if " @@ " in span:
            span, anchor = span.split(" @@ ", 1)
        ann[cur].append((typ.strip(), span, anchor))
    return ann


def offsets(text: str, spans) -> list[dict]:
    out = []
    pos = 0
    for typ, span, anchor in spans:
        if anchor is not None:
            a = text.find(anchor, pos)
            if a < 0:
                raise ValueError(f"anchor not found: {anchor!r}")
            k = anchor.find(span)
            if k < 0:
                raise ValueError(f"span {span!r} not inside anchor {anchor!r}")
            start = a + k
        else:
            start = text.find(span, pos)
            if start < 0:
                raise ValueError(f"span not found after {pos}: {span!r}")
        end = start + len(span)
        out.append({"start": start, "end": end, "text": span, "type": typ})
        pos = end
    return out


def build() -> None:
    chosen = [json.loads(l) for l in open(HERE / "selected.jsonl", encoding="utf-8")]
    ann = read_spans()
    missing = [r["id"] for r in chosen if r["id"] not in ann]
    extra = set(ann) - {r["id"] for r in chosen}
    if extra:
        raise SystemExit(f"annotated ids not selected: {sorted(extra)}")
    if missing:
        print(f"{len(missing)} selected paragraphs not annotated yet", file=sys.stderr)
    by_split = collections.defaultdict(list)
    for r in chosen:
        if r["id"] not in ann:
            continue
        try:
            spans = offsets(r["text"], ann[r["id"]])
        except ValueError as e:
            raise SystemExit(f"{r['id']}: {e}")
        by_split[r["split"]].append({
            "id": r["id"], "doc": r["doc"], "lang": r["lang"], "text": r["text"],
            "strength": r["strength"], "verb": r["verb"], "split": r["split"],
            "addressees": spans,
        })
    for split in SPLITS:
        with open(HERE / f"{split}.jsonl", "w", encoding="utf-8") as f:
            for row in by_split[split]:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    check(verbose=False)


def check(verbose: bool = True) -> None:
    src = {r["id"]: r for rows in load_source().values() for r in rows}
    counts = collections.Counter()
    types = collections.Counter()
    types_lang = collections.Counter()
    none = collections.Counter()
    errors = 0
    for split in SPLITS:
        for line in open(HERE / f"{split}.jsonl", encoding="utf-8"):
            row = json.loads(line)
            s = src.get(row["id"])
            if s is None or s["text"] != row["text"] or s["split"] != split or row["split"] != split \
                    or s["lang"] != row["lang"] or s["doc"] != row["doc"]:
                print("SOURCE MISMATCH", row["id"]); errors += 1
            counts[(split, row["lang"])] += 1
            prev = 0
            if not row["addressees"]:
                none[(split, row["lang"])] += 1
            for a in row["addressees"]:
                t = row["text"]
                if t[a["start"]:a["end"]] != a["text"] or a["type"] not in TYPES or a["start"] < prev \
                        or a["text"] != a["text"].strip() or not a["text"]:
                    print("BAD SPAN", row["id"], a); errors += 1
                prev = a["end"]
                types[a["type"]] += 1
                types_lang[(row["lang"], a["type"])] += 1
            if verbose:
                t = row["text"]
                marked = t
                for a in reversed(row["addressees"]):
                    marked = marked[:a["start"]] + "[[" + marked[a["start"]:a["end"]] + "|" + a["type"] + "]]" + marked[a["end"]:]
                print(f"{row['id']} ({row['strength']})\n  {marked}\n")
    print("paragraphs", dict(counts), "total", sum(counts.values()))
    print("no addressee", dict(none), "total", sum(none.values()))
    print("types", dict(types), "spans", sum(types.values()))
    print("types by lang", dict(sorted(types_lang.items())))
    print("errors", errors)
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    {"select": write_selection, "build": build, "check": check}[cmd]()
