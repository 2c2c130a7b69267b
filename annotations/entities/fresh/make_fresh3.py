"""Third fresh held-out entity test set, Chinese and English (annotations/entities/fresh/test_fresh3.{en,zh}.jsonl).

    .venv/bin/python annotations/entities/fresh/make_fresh3.py select en|zh      # write the chosen units (no spans)
    .venv/bin/python annotations/entities/fresh/make_fresh3.py build en|zh       # hand spans -> test_fresh3.LANG.jsonl
    .venv/bin/python annotations/entities/fresh/make_fresh3.py check en|zh       # validate + print every span in context
    .venv/bin/python annotations/entities/fresh/make_fresh3.py context en|zh     # units with spans bracketed (2nd pass)

Independent of the project's pipeline: imports nothing from `pipeline/`, never runs a model. The spans in
spans3.LANG.txt are written by hand, unit by unit; `build` only turns span texts into offsets.

Source: /work/shared/corpus/un-zh-en-pairs-2023/corpus.json (5,829 Chinese-English sentence pairs from 2023 UN
documents of six themes; the pairs are often misaligned, so each language side is used on its own). No other
file of the project uses these sentences.

Selection (deterministic):
- a sentence is a candidate when it is long enough to be a sentence (en >= 60 characters, zh >= 25), does not
  already occur in any annotations/**/*.jsonl text, and its pair id is not chosen for the other language (meant
  to keep the two sets apart; the English set was chosen in a run that saw an earlier Chinese choice, so 7 pair
  ids are in both sets; each side was annotated on its own, by a different annotator);
- candidates in order of sha1("<lang>:<pair id>"); the first N_CUE with an entity cue (CUE below, treaties,
  resolutions and document symbols, the rarer labels) and the first N_PLAIN of the rest (random sentences: dates,
  organizations and sentences with nothing to find); zh is chosen first, en from the remaining pairs;
- unit text = the sentence exactly.
The selection was made once and frozen in selected3.{zh,en}.jsonl; build and check read those files.
`select zh4` / `build zh4` / `check zh4` make the fourth set (Chinese, test_fresh4.zh.jsonl) the same way, from
pairs in neither third-set file, after the third had been scored.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_fresh2 as f2  # noqa: E402  (offset building and validation shared with the second set)

SRC = Path("/work/shared/corpus/un-zh-en-pairs-2023/corpus.json")
SPLIT = "test_fresh3"
N_CUE, N_PLAIN = 60, 60
MIN_LEN = {"en": 60, "zh": 25}
CUE = {
    "en": re.compile(r"Convention|Treaty|Agreement|Protocol|Covenant|Charter|Statute|[Rr]esolutions? \d"
                     r"|\b[A-Z]{1,4}/(?:[A-Z0-9.]+/)*\d"),
    "zh": re.compile(r"公约|条约|协定|议定书|盟约|宪章|规约|决议|[A-Z]{1,4}/(?:[A-Z0-9.]+/)*\d"),
}


# other bodies keep their own symbol form (GUIDELINES): A/HRC/RES/53/2, ECLAC/RES/...; a decision without a
# symbol is named by its body and number ("ECE decision I(70)")
OTHER_RES_ID = re.compile(r"^(?:[A-Z]+/)*[A-Z]+/(?:RES|DEC)/[\w()./-]+$|^[A-Z]+ decision [\w()./-]+$")


def sha(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


# set key -> (language, set number): the third set in both languages, and a fourth, Chinese, made after the
# third had been scored (same source and rules, pairs of neither third-set file)
SETS = {"zh": ("zh", 3), "en": ("en", 3), "zh4": ("zh", 4)}


OWN_FILES = ("selected3.", "test_fresh3.", "selected4.", "test_fresh4.")  # not "already annotated" text


def _lang(key: str) -> str:
    return SETS[key][0]


def out_file(key: str) -> Path:
    lang, n = SETS[key]
    return HERE / f"test_fresh{n}.{lang}.jsonl"


def spans_file(key: str) -> Path:
    lang, n = SETS[key]
    return HERE / f"spans{n}.{lang}.txt"


def selected_file(key: str) -> Path:
    lang, n = SETS[key]
    return HERE / f"selected{n}.{lang}.jsonl"


def _pick(data: list[dict], lang: str, ann: str, taken: set[str], salt: str = "") -> list[dict]:
    salt = salt or lang
    cands = [x for x in data if x["id"] not in taken and len(x[lang].strip()) >= MIN_LEN[lang]
             and f2.norm(x[lang])[:60] not in ann]
    cands.sort(key=lambda x: sha(f"{salt}:{x['id']}"))
    cue = [x for x in cands if CUE[lang].search(x[lang])][:N_CUE]
    plain = [x for x in cands if not CUE[lang].search(x[lang])][:N_PLAIN]
    chosen = sorted(cue + plain, key=lambda x: sha(f"{salt}:{x['id']}"))
    return [{"id": f"un2023-{x['id']}:{lang}", "text": x[lang], "lang": lang,
             "meta": {"doc": f"un-zh-en-pairs-2023 {x['id']}", "split": SPLIT, "source": "un-zh-en-pairs-2023",
                      "year": x.get("year", 2023), "theme": x["theme"], "cue": bool(CUE[lang].search(x[lang])),
                      **({"set": salt} if salt != lang else {})}}
            for x in chosen]


def select() -> dict[str, list[dict]]:
    data = json.loads(SRC.read_text(encoding="utf-8"))["data"]
    ann = f2.annotated_text(OWN_FILES)
    zh = _pick(data, "zh", ann, set())
    en = _pick(data, "en", ann, {u["meta"]["doc"].split()[-1] for u in zh})
    return {"zh": zh, "en": en}


def select4() -> list[dict]:
    """The fourth set: Chinese sentences of pairs used by neither third-set file, in a new sha1 order."""
    data = json.loads(SRC.read_text(encoding="utf-8"))["data"]
    taken = {u["meta"]["doc"].split()[-1] for k in ("zh", "en") for u in frozen(k)}
    out = _pick(data, "zh", f2.annotated_text(OWN_FILES), taken, salt="zh4")
    for u in out:
        u["meta"]["split"] = "test_fresh4"
    return out


def frozen(lang: str) -> list[dict]:
    """The selection as made once and committed (selected3.LANG.jsonl): build and check read it, so that the
    set does not move when annotations/ changes later."""
    return [json.loads(l) for l in open(selected_file(lang), encoding="utf-8")]


def build(lang: str) -> None:
    rows = f2.rows_from_spans(frozen(lang), f2.read_spans(spans_file(lang)), _lang(lang))
    tmp = out_file(lang).with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    tmp.replace(out_file(lang))
    print(f"{len(rows)} units, {sum(len(r['entities']) for r in rows)} spans -> {out_file(lang).name}")


def check(lang: str, show: bool = True) -> None:
    rows = [json.loads(l) for l in open(out_file(lang), encoding="utf-8")]
    expect = frozen(lang)
    gaz = f2.gazetteer()
    errors, counts, non_gaz = [], {}, set()
    if [r["id"] for r in rows] != [u["id"] for u in expect]:
        errors.append("unit ids differ from the selection")
    for r, u in zip(rows, expect):
        if r["text"] != u["text"]:
            errors.append(f"{r['id']}: text differs from the source sentence")
        prev = -1
        for e in r["entities"]:
            s, t, lab, ident = e["start"], e["end"], e["label"], e["id"]
            counts[lab] = counts.get(lab, 0) + 1
            if r["text"][s:t] != e["text"] or not e["text"].strip() or e["text"] != e["text"].strip():
                errors.append(f"{r['id']}: bad span {e['text']!r} at {s}-{t}")
            if lab not in f2.LABELS:
                errors.append(f"{r['id']}: label {lab}")
            if _lang(lang) == "en" and ((s > 0 and r["text"][s - 1].isalnum()) or (t < len(r["text"]) and r["text"][t].isalnum())):
                errors.append(f"{r['id']}: span {e['text']!r} cuts a word")
            if s < prev:
                errors.append(f"{r['id']}: overlapping or unsorted span at {s}")
            prev = t
            if lab == "RESOLUTION" and not (ident and (f2.RES_ID.match(ident) or OTHER_RES_ID.match(ident))):
                errors.append(f"{r['id']}: RESOLUTION id {ident!r}")
            if lab == "DATE" and not (ident and f2.DATE_ID.match(ident) and f2.valid_date(ident)):
                errors.append(f"{r['id']}: DATE id {ident!r}")
            if lab == "DOCUMENT" and not (ident and f2.DOC_ID.match(ident)):
                errors.append(f"{r['id']}: DOCUMENT id {ident!r}")
            if lab in ("ORG", "TREATY") and ident is not None and ident not in set(gaz[lab].values()):
                non_gaz.add((lab, ident))
    for e in errors:
        print("ERROR", e)
    print(f"{len(rows)} units; {sum(counts.values())} spans: " + ", ".join(f"{k} {counts.get(k, 0)}" for k in sorted(f2.LABELS)))
    print(f"units without spans: {sum(1 for r in rows if not r['entities'])}")
    if non_gaz:
        print("ORG/TREATY ids not in the gazetteer (official English names):")
        for lab, i in sorted(non_gaz):
            print(f"  {lab}: {i}")
    if show:
        for r in rows:
            print(f"\n## {r['id']}  {r['text'][:70]!r}")
            for e in r["entities"]:
                print(f"   {e['label']:10} {e['text']!r:45} -> {e['id']}")
    print("OK" if not errors else f"{len(errors)} errors")
    if errors:
        sys.exit(1)


def context(lang: str) -> None:
    for line in open(out_file(lang), encoding="utf-8"):
        r = json.loads(line)
        t, out, pos = r["text"], [], 0
        for e in r["entities"]:
            out += [t[pos:e["start"]], f"[{t[e['start']:e['end']]}|{e['label']}]"]
            pos = e["end"]
        out.append(t[pos:])
        print(f"## {r['id']}\n{''.join(out)}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("select", "build", "check", "context") or sys.argv[2] not in SETS:
        sys.exit(f"usage: make_fresh3.py select|build|check|context {'|'.join(SETS)}")
    cmd, lang = sys.argv[1], sys.argv[2]
    if cmd == "select":
        units = select4() if lang == "zh4" else select()[lang]
        path = selected_file(lang)
        if path.exists():  # made once (2026-11-28); recomputing only reports whether it would still be the same
            same = [u["id"] for u in units] == [u["id"] for u in frozen(lang)]
            print(f"{path.name} exists; a new selection would be {'the same' if same else 'different'}")
        else:
            path.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in units), encoding="utf-8")
            print(f"{len(units)} units ({sum(u['meta']['cue'] for u in units)} with a cue) -> {path.name}")
    else:
        {"build": build, "check": check, "context": context}[cmd](lang)
