"""Build the labelled operative-paragraph data for verb strength (annotations/strength/*.jsonl).

Run once by a developer with the shared corpora at hand; the project itself then reads only the JSONL:

    python -m pipeline.training.strength_data --shared ../shared

Labels follow the project's labelling rule (GUIDELINES.md section 3, `derive_strength_labels.py`): the class of
an operative paragraph is the class of its English opener in `operative_verbs.en.tsv`, and it holds for the
aligned Chinese line of the UNPC dev set. Openers the table lacks get the hand decisions in HAND_OPENERS
(each one read in context); paragraphs with no recognizable opener (annex items, lists) are left out.
The seed (GA 79/138, Chinese) is labelled by hand from its bold openers (SEED_GOLD). Splits are by document.
Rows of other languages in the files (fr/es/ru/ar, annotations/strength/make_unpc.py) are kept as they are.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
from pathlib import Path

from .. import lexicons, models
from ..structure.parse import parse_document

OUT = models.ROOT / "annotations" / "strength"

# the words around an English opener, from pipeline/lexicons/modifiers.en.tsv (what the opener lexicon reads):
# connectives and subjects before it ("Also", "The Security Council"), an intensifier before or after it with its
# intensity ("strongly": strong, "in the strongest terms": strongest), an adjective of its object ("expresses its
# deep concern": strong)
PREFIX = rf"(?:(?:{lexicons.alternation(lexicons.phrases('en', 'connective'))}),?\s+)*"
INTENSITY = lexicons.values("en", "intensifier")
INTENS = rf"(?:({lexicons.alternation(sorted(INTENSITY, key=lambda p: (-len(p), p)))})\s+)?"
STRONGEST = lexicons.alternation(lexicons.phrases("en", "intensifier", "strongest"))
STRONG = lexicons.alternation(lexicons.phrases("en", "intensifier", "strong"))
ADJECTIVE = lexicons.alternation(lexicons.phrases("en", "adjective", "strong"))
NUM = re.compile(r"^\s*\d{1,3}\s*\.\s+")

# openers missing from operative_verbs.en.tsv, decided by hand (class), matched like the table's openers
HAND_OPENERS = {
    "re-emphasizes": "declare", "resolves": "decide", "supports": "declare", "reminds": "declare",
    "appeals again": "urge", "appeals once again": "urge", "calls once again upon": "urge",
    "calls once more upon": "urge", "calls again upon": "urge", "calls also upon": "urge", "calls further upon": "urge",
    "calls attention": "declare", "urgently calls": "urge", "undertakes": "decide", "accepts": "decide",
    "warns": "declare", "appreciates": "declare", "deprecates": "declare", "records": "declare",
    "entrusts": "decide", "solemnly declares": "decide", "commends": "declare", "censures": "declare",
    "mandates": "decide", "agrees": "decide", "finds": "decide", "takes cognizance": "declare",
    "underscores": "declare", "congratulates": "declare", "proclaims": "decide", "expects": "urge",
    "extends once more the stationing": "decide", "extends once again the stationing": "decide",
    "extends the stationing": "decide", "extends the period": "decide", "extends until": "decide",
    "extends its": "declare",
}


def load_table(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8") as f:
        return {r["opener"]: r["class"] for r in csv.DictReader(f, delimiter="\t")}


def en_label(text: str, table: dict[str, str]) -> tuple[str, str] | None:
    """(class, intensity) of an English operative paragraph from its opener, or None."""
    m = NUM.match(text)
    rest = text[m.end():] if m else text
    low = rest.lower().lstrip("‘'\"_ ")
    mm = re.match(PREFIX + INTENS + PREFIX, low)
    intensity = INTENSITY[mm.group(1)] if mm.group(1) else "none"
    low = low[mm.end():]
    merged = {**{k: v for k, v in HAND_OPENERS.items()}, **table}
    for op in sorted(merged, key=len, reverse=True):
        if low.startswith(op) and (len(low) == len(op) or not low[len(op)].isalpha()):
            if op.startswith("extends") and op not in HAND_OPENERS and op != "extends the mandate":
                continue
            after = low[len(op):len(op) + 60]
            if re.match(rf",?\s+(?:{STRONGEST})", after) or re.match(rf"^ its condemnation,? (?:{STRONGEST})", after):
                intensity = "strongest"
            elif op == "expresses" and re.match(rf"^ (its )?(?:{ADJECTIVE})\b", after):
                intensity = "strong"
            elif re.match(rf",?\s+(?:{STRONG})\b", after):
                intensity = "strong"
            return merged[op], intensity
    return None


def split_of(doc_id: str) -> str:
    h = int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 100
    return "train" if h < 70 else ("dev" if h < 85 else "test")


# GA 79/138 operative paragraphs 1-52 (Chinese), read one by one: (class, intensity)
SEED_GOLD = {
    1: ("declare", "none"), 2: ("urge", "none"), 3: ("declare", "strongest"), 4: ("declare", "none"),
    5: ("urge", "strong"), 6: ("urge", "none"), 7: ("urge", "none"), 8: ("urge", "none"), 9: ("urge", "none"),
    10: ("urge", "none"), 11: ("urge", "none"), 12: ("declare", "none"), 13: ("declare", "strong"),
    14: ("encourage", "none"), 15: ("declare", "none"), 16: ("declare", "none"), 17: ("declare", "none"),
    18: ("urge", "none"), 19: ("declare", "none"), 20: ("urge", "none"), 21: ("urge", "strong"),
    22: ("urge", "none"), 23: ("urge", "none"), 24: ("request", "none"), 25: ("request", "none"),
    26: ("encourage", "none"), 27: ("urge", "none"), 28: ("declare", "none"), 29: ("declare", "none"),
    30: ("declare", "none"), 31: ("urge", "none"), 32: ("request", "none"), 33: ("request", "none"),
    34: ("declare", "none"), 35: ("declare", "none"), 36: ("declare", "none"), 37: ("declare", "none"),
    38: ("encourage", "none"), 39: ("encourage", "none"), 40: ("request", "none"), 41: ("urge", "none"),
    42: ("declare", "none"), 43: ("request", "none"), 44: ("encourage", "none"), 45: ("urge", "none"),
    46: ("declare", "none"), 47: ("declare", "none"), 48: ("declare", "none"), 49: ("declare", "none"),
    50: ("declare", "none"), 51: ("urge", "none"), 52: ("request", "none"),
}
CONNECTIVE_ZH = re.compile(rf"^(?:{lexicons.alternation(lexicons.phrases('zh', 'connective'))})+")


def seed_records(shared: Path) -> list[dict]:
    raw = (shared / "seed" / "A_RES_79_138.zh.txt").read_text(encoding="utf-8")
    bold = {int(m.group(1)): m.group(2) for m in re.finditer(r"^(\d+)\.\s*\*\*(.+?)\*\*", raw, flags=re.M)}
    doc = parse_document(raw, lang="zh", source="A_RES_79_138.zh.txt")
    out = []
    for p in doc.paragraphs:
        if p.type != "operative":
            continue
        cls, inten = SEED_GOLD[p.number]
        verb = CONNECTIVE_ZH.sub("", bold.get(p.number, "请"))
        out.append({"id": f"A/RES/79/138#op{p.number}", "doc": "A/RES/79/138", "lang": "zh", "text": p.text,
                    "strength": cls, "intensity": inten, "verb": verb, "source": "seed (hand-labelled)",
                    "split": "test"})
    return out


def unpc_records(shared: Path, table: dict[str, str], langs: tuple[str, ...] = ("en", "zh")) -> list[dict]:
    """A row per language of `langs` for every UNPC dev-set line whose English side has a known opener: the label
    of the English line holds for the aligned line (annotations/strength/make_unpc.py makes fr/es/ru/ar)."""
    base = shared / "corpus" / "unpc-devset" / "UNv1.0.devset"
    lines = {lang: Path(f"{base}.{lang}").read_text(encoding="utf-8").split("\n") for lang in {"en", *langs}}
    ids = Path(f"{base}.ids").read_text(encoding="utf-8").split("\n")
    out = []
    for i, line in enumerate(lines["en"]):
        if not NUM.match(line):
            continue
        lab = en_label(line, table)
        if lab is None:
            continue
        doc = ids[i].split()[0]
        for lang in langs:
            out.append({"id": f"unpc:{i + 1}:{lang}", "doc": doc, "lang": lang, "text": lines[lang][i],
                        "strength": lab[0], "intensity": lab[1], "verb": None, "source": "UNPC v1.0 dev set",
                        "split": split_of(doc)})
    return out


def resolution_records(shared: Path, table: dict[str, str]) -> list[dict]:
    out = []
    for folder, fmt, src in (("ga80-resolutions-en", "md", "GA 80th session"),
                             ("unsc-resolutions-en", "txt", "CR-UNSC")):
        for fn in sorted((shared / "corpus" / folder).glob(f"*.{fmt}")):
            doc = parse_document(fn.read_text(encoding="utf-8"), lang="en", fmt=fmt, source=fn.name)
            doc_id = doc.header.get("symbol") or fn.stem
            for k, p in enumerate(doc.paragraphs):
                if p.type != "operative":
                    continue
                lab = en_label(p.text, table)
                if lab is None:
                    continue
                out.append({"id": f"{fn.stem}#{k}", "doc": doc_id, "lang": "en", "text": p.text, "strength": lab[0],
                            "intensity": lab[1], "verb": None, "source": src, "split": split_of(doc_id)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", required=True, type=Path)
    args = ap.parse_args()
    table = load_table(OUT / "operative_verbs.en.tsv")
    recs = seed_records(args.shared) + unpc_records(args.shared, table) + resolution_records(args.shared, table)
    for split in ("train", "dev", "test"):
        path = OUT / f"{split}.jsonl"
        # rows of the other languages (annotations/strength/make_unpc.py writes them) stay, after these
        others = [line for line in path.read_text(encoding="utf-8").splitlines()
                  if json.loads(line)["lang"] not in ("zh", "en")] if path.exists() else []
        with open(path, "w", encoding="utf-8") as f:
            for r in recs:
                if r["split"] == split:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            f.writelines(line + "\n" for line in others)
    from collections import Counter
    print(Counter((r["split"], r["lang"]) for r in recs))


if __name__ == "__main__":
    main()
