"""Writes unpc.jsonl: the 154 UNPC dev-set operative lines of annotations/strength/ (ids unpc:<line>:en) with their
aligned French, Spanish, Russian and Arabic lines, for the addressee benchmark of those languages
(benchmarks/addressees_languages.py). Split by document: the documents sorted by sha1 of their id, the first half
"dev" (rules were written looking at these), the second half "test" (scored once). Run once, by hand:

    .venv/bin/python annotations/addressees/aligned/make_aligned.py ../shared
"""
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STRENGTH = HERE.parent.parent / "strength"
LANGS = ("en", "fr", "es", "ru", "ar")


def main(shared: str) -> None:
    base = Path(shared) / "corpus" / "unpc-devset" / "UNv1.0.devset"
    lines = {lang: Path(f"{base}.{lang}").read_text(encoding="utf-8").split("\n") for lang in LANGS}
    ids = Path(f"{base}.ids").read_text(encoding="utf-8").split("\n")
    rows = []
    for split in ("train", "dev", "test"):
        for line in (STRENGTH / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r["id"].startswith("unpc:") and r["lang"] == "en":
                n = int(r["id"].split(":")[1])
                if ids[n - 1].split()[0] != r["doc"] or lines["en"][n - 1] != r["text"]:
                    raise SystemExit(f"line {n}: the dev set does not match annotations/strength/")
                rows.append({"line": n, "doc": r["doc"], **{lang: lines[lang][n - 1] for lang in LANGS}})
    docs = sorted({r["doc"] for r in rows}, key=lambda d: hashlib.sha1(d.encode()).hexdigest())
    dev = set(docs[:len(docs) // 2])
    with open(HERE / "unpc.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(rows, key=lambda r: r["line"]):
            r = {"line": r["line"], "doc": r["doc"], "split": "dev" if r["doc"] in dev else "test",
                 **{lang: r[lang] for lang in LANGS}}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "lines,", len(docs), "documents ->", HERE / "unpc.jsonl")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared")
