"""Cross-lingual ids: does a line name the same entities, with the same ids, in every language?

    .venv/bin/python benchmarks/crosslingual_ids.py [--split test|dev|train|test_fresh8|test_fresh9|test_fresh10|all]
        [--model DIR]

On the aligned UNPC dev-set lines of the entity gold (rows `unpc:<N>:<lang>` of annotations/entities/{train,dev,
test}.jsonl and annotations/entities/new/<lang>.jsonl that share N with an English row), for each language L:
- gold Jaccard: the (label, id) multiset of L's gold line against the English gold line;
- pipeline Jaccard: the same between L's pipeline output and the English pipeline's output on the aligned line.
Jaccard is pooled over the lines (sum of multiset intersections / sum of unions), so a pair of lines that both
name nothing counts for nothing. Target: pipeline >= 0.90 x gold. The gold is not perfect agreement either (a
translation may spell out an acronym, or drop a date), which is why the pipeline is measured against it.
The split is each line's document split (meta.split, the same in every language); the rules were written on
train and dev, so `test` is the figure that counts.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import models  # noqa: E402
from pipeline.evaluation import run  # noqa: E402
from pipeline.io.jsonl import records  # noqa: E402
from pipeline.languages import UN_LANGUAGES  # noqa: E402

GOLD = ROOT / "annotations" / "entities"
FRESH = ("fresh8", "fresh9", "fresh10")  # the fresh sets of aligned UNPC lines in every language


def aligned_gold() -> dict[str, dict[int, dict[str, Any]]]:
    """lang -> line number -> gold unit (text, year, entities, split), from the split files and new/<lang>.jsonl
    (a line in both is taken from the split files, where the lead merges the new gold)."""
    out: dict[str, dict[int, dict[str, Any]]] = {lang: {} for lang in UN_LANGUAGES}
    files = ([GOLD / f"{s}.jsonl" for s in ("train", "dev", "test")] + sorted((GOLD / "new").glob("*.jsonl"))
             + [GOLD / "fresh" / f"test_{s}.{lang}.jsonl" for s in FRESH for lang in UN_LANGUAGES])
    for path in files:
        if not path.exists():
            continue
        splits = {str(r.get("id")): (r.get("meta") or {}).get("split") for _, r in records(path, ValueError)}
        for u in run.read_gold(path):
            parts = u["id"].split(":")
            if len(parts) != 3 or parts[0] != "unpc" or parts[2] not in out or "entities" not in u:
                continue
            n = int(parts[1])
            if n not in out[parts[2]]:
                out[parts[2]][n] = {**u, "split": splits.get(u["id"]) or path.stem}
    return out


def bag(entities: list[dict[str, Any]]) -> Counter:
    return Counter((e["label"], e.get("id") or "") for e in entities)


def pooled_jaccard(pairs: list[tuple[Counter, Counter]]) -> float | None:
    inter = sum(sum((a & b).values()) for a, b in pairs)
    union = sum(sum((a | b).values()) for a, b in pairs)
    return inter / union if union else None


def of_label(pairs: list[tuple[Counter, Counter]], label: str) -> list[tuple[Counter, Counter]]:
    return [(Counter({k: v for k, v in a.items() if k[0] == label}),
             Counter({k: v for k, v in b.items() if k[0] == label})) for a, b in pairs]


def predictions(lang: str, units: list[dict[str, Any]], model: str | None) -> list[Counter]:
    path = models.resolve(model, lang)
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"{path}: no {lang} pipeline (train one: unap train --lang {lang})")
    return [bag(p["entities"]) for p in run.predict(models.load(path), units)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["test", "dev", "train", *(f"test_{s}" for s in FRESH), "all"], default="test",
                    help="test_fresh8, test_fresh9, test_fresh10: sets of 48, 42 and 42 aligned lines made after the "
                         "rules (fresh/README.md); `all` is train, dev and test")
    ap.add_argument("--model", default=None, help="folder holding unap-<lang>/ (default: the shipped pipelines)")
    ap.add_argument("--labels", action="store_true", help="also the Jaccard per label")
    ap.add_argument("--diff", type=int, default=0, metavar="N",
                    help="also the N (label, id) pairs most often found on one side only, per pair of pipelines")
    args = ap.parse_args()
    gold = aligned_gold()
    en = {n: u for n, u in gold["en"].items()
          if u["split"] == args.split or (args.split == "all" and u["split"] in ("train", "dev", "test"))}
    rows = []
    for lang in UN_LANGUAGES:
        if lang == "en":
            continue
        lines = sorted(n for n in gold[lang] if n in en)
        if not lines:
            print(f"{lang}: no aligned gold lines with English in split {args.split}", file=sys.stderr)
            continue
        mine = [gold[lang][n] for n in lines]
        english = [en[n] for n in lines]
        try:
            pred = predictions(lang, mine, args.model)
            pred_en = predictions("en", english, args.model)
        except FileNotFoundError as e:
            print(f"{lang}: {e}", file=sys.stderr)
            continue
        g = [(bag(a["entities"]), bag(b["entities"])) for a, b in zip(mine, english)]
        p = list(zip(pred, pred_en))
        rows.append((lang, len(lines), g, p))

    print(f"\nsplit: {args.split}; (label, id) multisets of each language's line against the English line\n")
    print("| pair | lines | gold Jaccard | pipeline Jaccard | pipeline / gold (target >= 0.90) |")
    print("|---|---|---|---|---|")
    for lang, n, g, p in rows:
        gj, pj = pooled_jaccard(g), pooled_jaccard(p)
        ratio = f"{pj / gj:.3f}" if gj and pj is not None else "–"
        print(f"| {lang}-en | {n} | {gj or 0:.3f} | {pj or 0:.3f} | {ratio} |")
    if args.labels:
        labels = sorted({k[0] for _, _, g, p in rows for pair in g + p for c in pair for k in c})
        print("\n| pair | " + " | ".join(f"{lab} gold / pipeline" for lab in labels) + " |")
        print("|---|" + "---|" * len(labels))
        for lang, _, g, p in rows:
            cells = []
            for lab in labels:
                gj, pj = pooled_jaccard(of_label(g, lab)), pooled_jaccard(of_label(p, lab))
                cells.append(f"{gj:.2f} / {pj:.2f}" if gj is not None and pj is not None else "–")
            print(f"| {lang}-en | " + " | ".join(cells) + " |")
    for lang, _, _, p in rows if args.diff else []:
        for side, pairs in ((lang, p), ("en", [(b, a) for a, b in p])):
            only = sum((a - b for a, b in pairs), Counter()).most_common(args.diff)
            print(f"{lang}-en, only in {side}: " + "; ".join(f"{k[0]} {k[1]!r} x{v}" for k, v in only))

if __name__ == "__main__":
    main()
