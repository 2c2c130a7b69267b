"""Lone units: how each language's pipeline types a line given alone (a JSONL unit without document context),
on the 500 aligned UNPC dev-set lines of benchmarks/data/ (every eighth line of the dev set; reports, letters,
meeting records, agendas and resolutions).

A numbered line is no operative paragraph by its number alone: reports number their paragraphs too. The aligned
strength gold (annotations/strength/, the numbered operative lines of the set's resolutions and drafts, from
their English opener) says which lines are operative paragraphs; every other line typed operative is a report's
or an agenda's line given a strength it does not have.

    .venv/bin/python benchmarks/lone_units.py [--langs zh en fr es ru ar]

Prints per language: lines typed operative, of which gold operative lines (precision), gold operative lines
typed operative (recall), strength accuracy on them, and paragraph-type agreement with the English line.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import models  # noqa: E402
from pipeline.evaluation import run  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
GOLD = ROOT / "annotations" / "strength"


def gold_rows() -> dict[str, dict]:
    out = {}
    for split in ("train", "dev", "test"):
        for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["id"].startswith("unpc:"):
                out[row["id"]] = row
    return out


def typed(lang: str) -> list[tuple[str, dict]]:
    units = [json.loads(x) for x in (DATA / f"unpc-aligned.{lang}.jsonl").read_text(encoding="utf-8").splitlines()]
    for u in units:
        u.pop("type", None)  # typed from the text, as a user's JSONL line is
    nlp = models.load(models.resolve(None, lang))
    return [(u["id"], p) for u, p in zip(units, run.predict(nlp, units))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--langs", nargs="+", default=["zh", "en", "fr", "es", "ru", "ar"])
    args = ap.parse_args()
    gold = gold_rows()
    readings = {lang: typed(lang) for lang in dict.fromkeys(["en", *args.langs])}
    english = {i.rsplit(":", 1)[0]: p["type"] for i, p in readings["en"]}
    print("| lang | lines | typed operative | of which gold operative (precision) | gold operative lines typed "
          "operative (recall) | strength accuracy on them | type agrees with English |")
    print("|---|---|---|---|---|---|---|")
    for lang in args.langs:
        preds = readings[lang]
        op = [(i, p) for i, p in preds if p["type"] == "operative"]
        hits = [(i, p) for i, p in op if i in gold]
        n_gold = sum(i in gold for i, _ in preds)
        right = sum(p["strength"] == gold[i]["strength"] for i, p in hits)
        agree = sum(p["type"] == english[i.rsplit(":", 1)[0]] for i, p in preds)
        prec = len(hits) / len(op) if op else 0.0
        print(f"| {lang} | {len(preds)} | {len(op)} | {len(hits)} ({prec:.2f}) | {len(hits)}/{n_gold} | "
              f"{right}/{len(hits)} | {agree / len(preds):.3f} |")


if __name__ == "__main__":
    main()
