"""Choose the units of the entity gold set and pre-annotate them with the rule components, as review files.

    python -m pipeline.training.entity_units --shared ../shared -o annotations/entities/review

Units: every paragraph of the seed (zh); UNPC dev-set lines, both sides of the same lines (two thirds drawn
from lines where the rules find something, one third at random, so the set is not only what rules see);
paragraphs of GA 80th-session and SC resolutions (en). Splits by document, as for the strength data.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import spacy

from ..structure.parse import parse_document
from .strength_data import split_of


def pre_annotate(nlp, text: str) -> list[list]:
    rules = nlp.get_pipe("unap_entity_rules")
    cands = rules.candidates(text)
    out, seen = [], {}
    from ..entities.ids import entity_id
    for c in cands:
        surface = text[c.start:c.end]
        occ = text.count(surface, 0, c.start)
        ident = entity_id(c.label, surface, c.key, text, c.start, nlp.lang, None, rules.gazetteer)
        out.append([surface, c.label, ident, occ])
        seen[surface] = seen.get(surface, 0) + 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, required=True)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--unpc-lines", type=int, default=330)
    ap.add_argument("--resolution-paragraphs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    from .. import components  # noqa: F401
    nlps = {lang: spacy.load(f"models/unap-{lang}") for lang in ("zh", "en")}
    for lang, nlp in nlps.items():
        if "unap_entity_rules" not in nlp.pipe_names:
            nlp.add_pipe("unap_entity_rules", after="unap_paragraphs")
    rnd = random.Random(args.seed)
    args.output.mkdir(parents=True, exist_ok=True)

    # seed
    raw = (args.shared / "seed" / "A_RES_79_138.zh.txt").read_text(encoding="utf-8")
    doc = parse_document(raw, lang="zh", source="A_RES_79_138.zh.txt")
    seed = []
    counters: dict[str, int] = {}
    for p in doc.paragraphs:
        code = {"preambular": "pp", "operative": "op", "other": "x"}[p.type]
        counters[code] = counters.get(code, 0) + 1
        local = f"op{p.number}" if p.type == "operative" and p.number else f"{code}{counters[code]}"
        seed.append({"id": f"A/RES/79/138#{local}", "lang": "zh", "doc": "A/RES/79/138", "split": "test",
                     "source": "seed", "text": p.text})
    for f in doc.footnotes.values():
        seed.append({"id": f"A/RES/79/138#fn{f.marker}", "lang": "zh", "doc": "A/RES/79/138", "split": "test",
                     "source": "seed footnote", "text": f.text})

    # UNPC: both sides of the same lines
    base = args.shared / "corpus" / "unpc-devset" / "UNv1.0.devset"
    en = Path(f"{base}.en").read_text(encoding="utf-8").split("\n")
    zh = Path(f"{base}.zh").read_text(encoding="utf-8").split("\n")
    ids = Path(f"{base}.ids").read_text(encoding="utf-8").split("\n")
    usable = [i for i in range(len(en)) if 20 <= len(en[i]) <= 700 and zh[i].strip() and ids[i].strip()]
    rich = [i for i in usable if nlps["en"].get_pipe("unap_entity_rules").candidates(en[i])]
    n_rich = args.unpc_lines * 2 // 3
    pick = set(rnd.sample(rich, min(n_rich, len(rich))))
    rest = [i for i in usable if i not in pick]
    pick |= set(rnd.sample(rest, args.unpc_lines - len(pick)))
    unpc = []
    for i in sorted(pick):
        d = ids[i].split()[0]
        for lang, text in (("zh", zh[i]), ("en", en[i])):
            unpc.append({"id": f"unpc:{i + 1}:{lang}", "lang": lang, "doc": d, "split": split_of(d),
                         "source": "UNPC v1.0 dev set", "text": text, "pair": i + 1})

    # GA / SC paragraphs (en)
    paras = []
    for folder, fmt in (("ga80-resolutions-en", "md"), ("unsc-resolutions-en", "txt")):
        for fn in sorted((args.shared / "corpus" / folder).glob(f"*.{fmt}")):
            d = parse_document(fn.read_text(encoding="utf-8"), lang="en", fmt=fmt, source=fn.name)
            sym = d.header.get("symbol") or fn.stem
            for k, p in enumerate(d.paragraphs):
                if p.type in ("preambular", "operative") and 30 <= len(p.text) <= 900:
                    paras.append({"id": f"{fn.stem}#{k}", "lang": "en", "doc": sym, "split": split_of(sym),
                                  "source": folder, "text": p.text})
    ga = [p for p in paras if p["source"].startswith("ga80")]
    sc = [p for p in paras if not p["source"].startswith("ga80")]
    chosen = rnd.sample(ga, args.resolution_paragraphs // 2) + rnd.sample(sc, args.resolution_paragraphs // 2)

    def write(name: str, units: list[dict]) -> None:
        with open(args.output / name, "w", encoding="utf-8") as f:
            for u in units:
                u = dict(u)
                u["entities"] = pre_annotate(nlps[u["lang"]], u["text"])
                f.write(json.dumps(u, ensure_ascii=False) + "\n")

    write("seed.zh.jsonl", seed)
    write("resolutions.en.jsonl", chosen)
    pairs = sorted({u["pair"] for u in unpc})
    n_batches = 5
    for b in range(n_batches):
        mine = set(pairs[b::n_batches])
        write(f"unpc.{b + 1}.jsonl", [u for u in unpc if u["pair"] in mine])
    print(f"seed {len(seed)}, resolutions {len(chosen)}, unpc {len(unpc)} units in {n_batches} batches")


if __name__ == "__main__":
    main()
