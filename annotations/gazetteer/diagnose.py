"""Why a line's (label, id) multiset differs from its English line's (run by hand on train/dev, never on test).

For every aligned UNPC gold line of a split (benchmarks/crosslingual_ids.py reads the same lines), each (label, id)
that one pipeline finds and the other does not is given one cause:
- gold differs: the two gold lines differ there too (the translation names it differently, or not at all);
- English side: the English pipeline disagrees with the English gold there (spurious, wrong id, missed);
- span missing in L: the L gold has the entity and no L pipeline span overlaps it;
- id empty in L: an L pipeline span overlaps it with the same label and no id;
- id differs in L: ... with another id (or another label);
- spurious in L: the L pipeline finds it where the L gold has nothing.

    .venv/bin/python annotations/gazetteer/diagnose.py --split dev [--show 40]
"""
from __future__ import annotations

import argparse
import collections
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from crosslingual_ids import aligned_gold, bag, predictions  # noqa: E402

from pipeline import models  # noqa: E402
from pipeline.evaluation import run  # noqa: E402

LANGS = ("fr", "es", "ru", "ar")
CLASSES = ("gold differs", "English side", "span missing in L", "id empty in L", "id differs in L", "spurious in L")


def spans(lang: str, units: list[dict]) -> list[list[dict]]:
    return [p["entities"] for p in run.predict(models.load(models.resolve(None, lang)), units)]


def cause(key: tuple[str, str], only_in: str, lg: Counter, eg: Counter, ep: Counter,
          text: str, gold: list[dict], pred: list[dict]) -> tuple[str, str]:
    """(class, what the L pipeline has there) of one (label, id) found on one side only."""
    if only_in == "en":
        if lg[key] < eg[key]:
            return "gold differs", ""
        if ep[key] > eg[key]:
            return "English side", ""
        for g in (g for g in gold if (g["label"], g.get("id") or "") == key):
            over = [p for p in pred if p["start"] < g["end"] and g["start"] < p["end"]]
            if not over:
                return "span missing in L", text[g["start"]:g["end"]]
            same = [p for p in over if p["label"] == key[0]]
            if same and not any(p["id"] for p in same):
                return "id empty in L", text[g["start"]:g["end"]]
            return "id differs in L", f"{text[g['start']:g['end']]} -> " + ", ".join(f"{p['label']} {p['id']!r}" for p in over)
        return "span missing in L", ""
    if lg[key] > eg[key]:
        return "gold differs", ""
    if ep[key] < eg[key]:
        return "English side", ""
    return "spurious in L", ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["train", "dev"], default="dev")
    ap.add_argument("--langs", nargs="+", default=list(LANGS))
    ap.add_argument("--show", type=int, default=0, help="print this many examples per class and language")
    a = ap.parse_args()
    gold = aligned_gold()
    en = {n: u for n, u in gold["en"].items() if u["split"] == a.split}
    table = {}
    for lang in a.langs:
        lines = sorted(n for n in gold[lang] if n in en)
        mine, english = [gold[lang][n] for n in lines], [en[n] for n in lines]
        pred, pred_en = spans(lang, mine), predictions("en", english, None)
        counts, shown, differing = Counter(), collections.defaultdict(list), 0
        for n, u, e, p, ep in zip(lines, mine, english, pred, pred_en):
            lp = Counter((s["label"], s["id"] or "") for s in p)
            lg, eg = bag(u["entities"]), bag(e["entities"])
            if lp == ep:
                continue
            differing += 1
            for side, diff in (("en", ep - lp), (lang, lp - ep)):
                for key, k in diff.items():
                    cls, what = cause(key, side, lg, eg, ep, u["text"], u["entities"], p)
                    counts[cls] += k
                    shown[cls].append(f"{n} {key[0]} {key[1]!r} only in {side}: {what}")
        table[lang] = (len(lines), differing, counts)
        for cls in CLASSES if a.show else ():
            for s in shown[cls][:a.show]:
                print(f"{lang} [{cls}] {s}")
    print(f"\nsplit {a.split}: (label, id) found by one pipeline only, by cause\n")
    print("| lang | lines | lines differing | " + " | ".join(CLASSES) + " |")
    print("|---|---|---|" + "---|" * len(CLASSES))
    for lang, (n, d, c) in table.items():
        print(f"| {lang} | {n} | {d} | " + " | ".join(str(c[k]) for k in CLASSES) + " |")


if __name__ == "__main__":
    main()
