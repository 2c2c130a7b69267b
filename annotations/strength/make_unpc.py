"""Strength rows for French, Spanish, Russian and Arabic from the aligned UNPC dev set, and the structure fixtures.

Run by a developer with the shared corpora at hand; the project then reads only what it writes:

    .venv/bin/python annotations/strength/make_unpc.py --shared ../shared            # rows
    .venv/bin/python annotations/strength/make_unpc.py --shared ../shared --fixtures # tests/fixtures/languages/

Rows: an operative line of the English side is labelled from its opener exactly as the Chinese rows were
(`pipeline.training.strength_data.en_label`, the table `operative_verbs.en.tsv` plus its hand decisions), and the
label holds for the aligned line of every language. The split is by document (`split_of` of the `.ids` document),
the same function the zh rows were split with, so one document is in the same split in all languages; the script
checks that against the zh rows already in the files. Rows of fr/es/ru/ar are replaced, all others kept as written.

Fixtures: no whole resolution in these languages is at hand, so a resolution-like text is built per language from
the aligned lines of one resolution document, in that language's document order, after an addressing formula
written by hand (the UNPC sample holds no formula line); the file's header comment says so.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.training.strength_data import OUT, load_table, unpc_records  # noqa: E402

LANGS = ("fr", "es", "ru", "ar")
ALL = ("zh", "en") + LANGS
SOURCE = "UNPC v1.0 dev set"  # the source field of the rows unpc_records writes
FIXTURES = ROOT / "tests" / "fixtures" / "languages"
# document -> (file stem, the organ's addressing formula in each language)
FORMULAS = {
    "sc": {"en": "The Security Council,", "zh": "安全理事会，", "fr": "Le Conseil de sécurité,",
           "es": "El Consejo de Seguridad,", "ru": "Совет Безопасности,", "ar": "إن مجلس الأمن،"},
    "ga": {"en": "The General Assembly,", "zh": "大会，", "fr": "L'Assemblée générale,", "es": "La Asamblea General,",
           "ru": "Генеральная Ассамблея,", "ar": "إن الجمعية العامة،"},
}
DOCUMENTS = {"2015/s/res/2209__2015_": ("S_RES_2209_2015", "sc"), "2015/a/res/69/170": ("A_RES_69_170", "ga")}


def read_devset(shared: Path) -> tuple[dict[str, list[str]], list[str]]:
    base = shared / "corpus" / "unpc-devset" / "UNv1.0.devset"
    lines = {lang: Path(f"{base}.{lang}").read_text(encoding="utf-8").split("\n") for lang in ALL}
    return lines, Path(f"{base}.ids").read_text(encoding="utf-8").split("\n")


def write_rows(rows: list[dict]) -> None:
    """Replace the fr/es/ru/ar rows of each split file; check each document's split against the zh rows."""
    zh_split = {}
    kept: dict[str, list[str]] = {}
    for split in ("train", "dev", "test"):
        kept[split] = []
        for line in (OUT / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r["lang"] in LANGS:
                continue
            kept[split].append(line)
            if r["lang"] == "zh" and r.get("source") == SOURCE:
                zh_split[r["doc"]] = split
    for r in rows:
        if zh_split.get(r["doc"], r["split"]) != r["split"]:
            raise SystemExit(f"{r['id']}: document {r['doc']} is in {zh_split[r['doc']]} for zh, {r['split']} here")
    for split in ("train", "dev", "test"):
        new = [json.dumps(r, ensure_ascii=False) for r in rows if r["split"] == split]
        (OUT / f"{split}.jsonl").write_text("\n".join(kept[split] + new) + "\n", encoding="utf-8")


def write_fixtures(lines: dict[str, list[str]], ids: list[str]) -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for doc, (stem, organ) in DOCUMENTS.items():
        rows = [(i, fields) for i, fields in enumerate(ids) if fields.split()[:1] == [doc]]
        for lang in ALL:
            # '.ids' fields after the document: "lang:line-in-document:count"; order by this language's lines
            pos = {i: int(next(f for f in fields.split()[1:] if f.startswith(lang + ":")).split(":")[1])
                   for i, fields in rows}
            body = [lines[lang][i] for i in sorted(pos, key=pos.get)]
            head = [f"# Built by annotations/strength/make_unpc.py from the UNPC v1.0 dev set lines of {doc}",
                    "# (aligned across the six languages, in this language's document order). No whole document in",
                    "# this language is at hand: the formula line below is written by hand, the rest is UNPC text."]
            text = "\n".join(head) + "\n\n" + FORMULAS[organ][lang] + "\n\n" + "\n\n".join(body) + "\n"
            (FIXTURES / f"{stem}.{lang}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", required=True, type=Path, help="the shared folder (corpus/unpc-devset)")
    ap.add_argument("--fixtures", action="store_true", help="write the structure fixtures instead of the rows")
    args = ap.parse_args()
    if args.fixtures:
        write_fixtures(*read_devset(args.shared))
        return
    rows = unpc_records(args.shared, load_table(OUT / "operative_verbs.en.tsv"), LANGS)
    write_rows(rows)
    print(Counter((r["split"], r["lang"]) for r in rows))


if __name__ == "__main__":
    main()
