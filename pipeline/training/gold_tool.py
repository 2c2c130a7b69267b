"""Gold entity data: pre-annotation, review files, validation, and conversion to doccano JSONL.

Annotators (people or helpers) correct *review files*: one JSON object per line,
    {"id", "lang", "doc", "split", "text", "entities": [[surface, LABEL, id, occurrence], ...]}
where `surface` is the exact text of the span and `occurrence` counts which appearance of that surface in the
text is meant (0 = first). Strings are easier to check by eye than offsets; `check` turns them into offsets
and reports every problem; `export` writes doccano JSONL (`label` as [start, end, LABEL], ids in `entities`).

`check` also takes doccano JSONL (the splits, the fresh sets) and compares decisions across all the files given:
the same surface text (case and whitespace folded) must get one label and one id everywhere, and must not be
left unlabelled where it stands as a whole word outside every span. Intended differences (short titles whose id
depends on the unit, words that are a name in one sentence and generic in another) are listed with their reason
in `annotations/entities/consistency.tsv` (`--allow` names another file).

    python -m pipeline.training.gold_tool check FILE... [--allow TSV]
    python -m pipeline.training.gold_tool export FILE... -o annotations/entities/
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..scheme import ENTITY_LABELS


def offsets(text: str, surface: str, occurrence: int) -> tuple[int, int] | None:
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(surface)


def to_spans(rec: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """Review record -> entity dicts with offsets, and the list of problems found."""
    problems: list[str] = []
    spans: list[dict[str, Any]] = []
    for ent in rec.get("entities", []):
        if not isinstance(ent, list) or len(ent) not in (3, 4):
            problems.append(f"entity {ent!r}: expected [surface, LABEL, id, occurrence]")
            continue
        surface, label, ident = ent[0], ent[1], ent[2]
        occ = ent[3] if len(ent) == 4 else 0
        if label not in ENTITY_LABELS:
            problems.append(f"{surface!r}: unknown label {label!r}")
            continue
        if not surface or surface != surface.strip():
            problems.append(f"{surface!r}: empty or padded with spaces")
            continue
        off = offsets(rec["text"], surface, int(occ))
        if off is None:
            problems.append(f"{surface!r} (occurrence {occ}) not found in the text")
            continue
        if label in ("RESOLUTION", "DATE", "DOCUMENT") and not ident:
            problems.append(f"{surface!r}: {label} needs an id")
        spans.append({"start": off[0], "end": off[1], "label": label, "text": surface, "id": ident or None})
    spans.sort(key=lambda s: s["start"])
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            problems.append(f"{a['text']!r} and {b['text']!r} overlap")
    return spans, problems


def read_review(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


ALLOW = Path(__file__).resolve().parents[2] / "annotations" / "entities" / "consistency.tsv"


def unit_spans(rec: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """Spans of a row in either format (review lists or doccano dicts), and the problems found."""
    ents = rec.get("entities", [])
    if all(isinstance(e, list) for e in ents):
        return to_spans(rec)
    problems = []
    for e in ents:
        if not isinstance(e, dict) or rec["text"][e.get("start", 0):e.get("end", 0)] != e.get("text"):
            problems.append(f"span {e!r} does not match the text")
        elif e.get("label") not in ENTITY_LABELS:
            problems.append(f"{e.get('text')!r}: unknown label {e.get('label')!r}")
    return ents, problems


def norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def read_allowed(path: Path | None) -> dict[str, tuple[str, str]]:
    """Intended differences, TSV `string<TAB>scope<TAB>reason` (# comments). The scope is a comma list of: `id` (the
    string's id depends on its unit: short titles, bodies named without their parent), `unlabelled` (the string is
    also an ordinary word, or part of one), unit ids (the string means something else in those units). Whatever the
    scope leaves out is still compared."""
    if path is None or not path.exists():
        return {}
    allowed = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 3 or not all(cols):
            raise ValueError(f"{path}:{n}: expected 'string<TAB>scope<TAB>reason', got {line!r}")
        key = norm(cols[0])
        if key in allowed:
            raise ValueError(f"{path}:{n}: {cols[0]!r} listed twice")
        allowed[key] = (cols[1], cols[2])
    return allowed


Where = tuple[str, str]  # (file name, unit id)


def set_aside(decs: dict[tuple, list[Where]], scope: str) -> dict[tuple, list[Where]]:
    """The decisions left once an intended difference is set aside."""
    items = {x.strip() for x in scope.split(",")}
    out: dict[tuple, list[Where]] = defaultdict(list)
    for dec, where in decs.items():
        if dec == ("unlabelled",) and "unlabelled" in items:
            continue
        if "id" in items and len(dec) == 2:
            dec = (dec[0], "(depends on the unit)")
        kept = [w for w in where if w[1] not in items]
        if kept:
            out[dec].extend(kept)
    return out


def _word_char(text: str, i: int) -> bool:
    """Whether text[i] continues a word of a spaced script (so does a hyphen between two such characters:
    `post-2015`). CJK characters give no word boundary, so they never block a match."""
    if i < 0 or i >= len(text):
        return False
    c = text[i]
    if c == "-":
        return _word_char(text, i - 1) and _word_char(text, i + 1)
    return c.isalnum() and not ("\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff")


def unlabelled(text: str, spans: list[dict[str, Any]], forms: set[str]) -> bool:
    """Whether one of `forms` (a name as labelled elsewhere, case kept: `WHO` is not `who`) stands in `text` as a
    whole word outside every span."""
    for form in forms:
        for m in re.finditer(r"\s+".join(re.escape(w) for w in form.split()), text):
            a, b = m.span()
            if (_word_char(text, a - 1) and _word_char(text, a)) or (_word_char(text, b) and _word_char(text, b - 1)):
                continue
            if not any(s["start"] < b and a < s["end"] for s in spans):
                return True
    return False


NAMES = ("ORG", "TREATY")


def decisions(units: list[tuple[str, dict[str, Any], list[dict[str, Any]]]]) -> dict[tuple, dict[tuple, list[Where]]]:
    """(language, surface text) -> decision (label, id) or ("unlabelled",) -> the (file, unit id) that took it.
    A DATE without a year takes its document's year (GUIDELINES), so its id is not compared. Only names (ORG,
    TREATY) are looked for outside spans: years, numbers and symbols stand unlabelled inside others by rule."""
    seen: dict[tuple, dict[tuple, list[Where]]] = defaultdict(lambda: defaultdict(list))
    forms: dict[tuple, set[str]] = defaultdict(set)
    for where, rec, spans in units:
        for s in spans:
            ident = s.get("id")
            if s["label"] == "DATE" and not re.search(r"\d{4}", s["text"]):
                ident = "(year of the document)"
            key = (rec.get("lang"), norm(s["text"]))
            seen[key][(s["label"], ident)].append((where, rec.get("id")))
            if s["label"] in NAMES:
                forms[key].add(" ".join(s["text"].split()))
    for where, rec, spans in units:
        low = norm(rec["text"])
        for key, fs in forms.items():
            if key[0] == rec.get("lang") and key[1] in low and unlabelled(rec["text"], spans, fs):
                seen[key][("unlabelled",)].append((where, rec.get("id")))
    return seen


def conflicts(paths: list[Path], allowed: dict[str, tuple[str, str]]) -> tuple[list[str], set[str]]:
    """Report lines of every string with more than one decision, and the allowed strings that were used."""
    units = []
    for p in paths:
        for rec in read_review(p):
            spans, _ = unit_spans(rec)
            units.append((p.name, rec, spans))
    report, used = [], set()
    for (lang, key), decs in sorted(decisions(units).items()):
        if len(decs) < 2:
            continue
        if key in allowed:
            used.add(key)
            decs = set_aside(decs, allowed[key][0])
            if len(decs) < 2:
                continue
        report.append(f"conflict {key!r} ({lang}):")
        for dec, where in sorted(decs.items(), key=lambda kv: -len(kv[1])):
            what = "unlabelled" if dec == ("unlabelled",) else f"{dec[0]} id={dec[1]!r}"
            names = [f"{f}:{u}" for f, u in dict.fromkeys(where)]
            more = f" (+{len(names) - 6} more)" if len(names) > 6 else ""
            report.append(f"    {what}: {len(where)} x in {', '.join(names[:6])}{more}")
    return report, used


def check(paths: list[Path], allow: Path | None = ALLOW) -> int:
    """Validate every row of every file, then compare decisions across them; non-zero if anything is wrong."""
    bad = 0
    for p in paths:
        for n, rec in enumerate(read_review(p), start=1):
            _, problems = unit_spans(rec)
            for msg in problems:
                print(f"{p}:{n}: {rec.get('id')}: {msg}")
                bad += 1
    allowed = read_allowed(allow)
    report, used = conflicts(paths, allowed)
    if report:
        print("\n".join(report))
    n_conf = sum(1 for line in report if line.startswith("conflict"))
    if stale := sorted(set(allowed) - used):
        print(f"listed in {allow} but not differing in these files: {', '.join(stale)}", file=sys.stderr)
    print(f"{bad} problems, {n_conf} conflicting strings ({len(used)} intended differences allowed by {allow})",
          file=sys.stderr)
    return 1 if bad or n_conf else 0


def doc_year(doc: str | None) -> int | None:
    """The year of a unit's document, for dates written without one: UNPC ids start with the year,
    SC symbols carry it in brackets, GA symbols give the session (session n opened in 1945 + n)."""
    import re

    doc = doc or ""
    if m := re.match(r"^(19|20)\d\d", doc):
        return int(m.group(0))
    if m := re.search(r"\((\d{4})\)", doc):
        return int(m.group(1))
    if m := re.match(r"^A/RES/(\d+)/(\d+)", doc):
        return 1945 + int(m.group(1))
    return None


def doccano_record(rec: dict[str, Any]) -> dict[str, Any]:
    spans, problems = to_spans(rec)
    if problems:
        raise ValueError(f"{rec.get('id')}: {problems[0]}")
    return {"id": rec["id"], "text": rec["text"], "lang": rec["lang"],
            "label": [[s["start"], s["end"], s["label"]] for s in spans], "entities": spans,
            "meta": {"doc": rec.get("doc"), "split": rec.get("split"), "source": rec.get("source"),
                     "year": doc_year(rec.get("doc"))}}


def export(paths: list[Path], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    by_split: dict[str, list[dict[str, Any]]] = {}
    for p in paths:
        for rec in read_review(p):
            by_split.setdefault(rec["split"], []).append(doccano_record(rec))
    for split, recs in by_split.items():
        recs.sort(key=lambda r: (r["lang"], r["id"]))
        tmp = out_dir / f"{split}.jsonl.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        tmp.replace(out_dir / f"{split}.jsonl")
        print(f"{split}: {len(recs)} units", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("files", nargs="+", type=Path)
    c.add_argument("--allow", type=Path, default=ALLOW, help="TSV of intended differences (string, reason)")
    e = sub.add_parser("export")
    e.add_argument("files", nargs="+", type=Path)
    e.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    if args.cmd == "check":
        sys.exit(check(args.files, args.allow))
    export(args.files, args.output)


if __name__ == "__main__":
    main()
