"""The stanza backbone: its UD test scores re-measured live, and its speed against the default backbone.

    .venv/bin/python benchmarks/stanza_eval.py [--lang zh|en] [--skip-scores] [--json out.json]

Per language:
- UD test scores of models/stanza-<lang>/ measured now (pipeline.training.train_stanza.evaluate: stanza's
  CoNLL 2018 scorer) next to those in its meta.json: word segmentation (Tokens/Words F1), sentence F1, UPOS,
  UAS and LAS from raw text, and UPOS/UAS/LAS with gold tokenization;
- the speed of `unap annotate`-equivalent processing (read units, run the whole pipeline, export the JSON
  record; 1 process, what the local engine does per batch) with the default backbone and with stanza, on the
  same paragraphs (the test fixtures and examples/corpus), in chars/s, and the ratio. Models are loaded and
  warmed up before timing; the best of --repeat runs counts.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.engines import local  # noqa: E402
from pipeline.io.read import Unit, read_units  # noqa: E402
from pipeline.training import train_stanza as ts  # noqa: E402

TEXTS = [ROOT / "tests" / "fixtures", ROOT / "examples" / "corpus"]


def tasks_by_lang() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"zh": [], "en": []}
    for item in read_units([str(p) for p in TEXTS]):
        if isinstance(item, Unit) and item.lang in out:  # the stanza models exist for zh and en only
            out[item.lang].append(item.to_task())
    return out


def speed(tasks: list[dict], backbone: str, repeat: int, batch_size: int = 32) -> float:
    paths = {lang: str(ROOT / "models" / f"unap-{lang}") for lang in ("zh", "en")}
    local._init(paths, False, backbone)
    local.process_batch(tasks[:2])  # load and warm up
    chars = sum(len(t["text"]) for t in tasks)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for k in range(0, len(tasks), batch_size):
            res = local.process_batch(tasks[k:k + batch_size])
            bad = [r for r in res if "error" in r]
            if bad:
                raise SystemExit(f"{backbone}: {bad[0]['id']}: {bad[0]['error']}")
        best = min(best, time.perf_counter() - t0)
    return chars / best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", choices=["zh", "en"], default=None)
    ap.add_argument("--skip-scores", action="store_true", help="speed only")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--json", default=None, help="also write the figures here")
    args = ap.parse_args()
    langs = [args.lang] if args.lang else ["zh", "en"]
    report: dict = {}
    tasks = tasks_by_lang()
    for lang in langs:
        model_dir = ROOT / "models" / f"stanza-{lang}"
        meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
        rep = report[lang] = {"model": str(model_dir.relative_to(ROOT)), "size_mb": round(ts.dir_size(model_dir) / 1e6, 1),
                              "train_seconds": meta.get("train_seconds", {}).get("total")}
        print(f"\n== {lang}: {rep['model']} ({rep['size_mb']} MB, trained in {rep['train_seconds']}s)")
        if not args.skip_scores:
            live = ts.evaluate(lang, model_dir)
            rep["scores"] = live
            old = meta.get("test", {})
            print(f"UD test ({live['file']})            live   meta.json")
            for part, keys in (("raw_text", ("Tokens", "Words", "Sentences", "UPOS", "UAS", "LAS")),
                               ("gold_tokenization", ("UPOS", "UAS", "LAS"))):
                for k in keys:
                    label = f"{'raw text' if part == 'raw_text' else 'gold tokens'}: {k}"
                    print(f"  {label:<30} {live[part][k]:6.2f}  {old.get(part, {}).get(k, float('nan')):6.2f}")
        ts_tasks = tasks[lang]
        chars = sum(len(t["text"]) for t in ts_tasks)
        base = speed(ts_tasks, "spacy", args.repeat)
        alt = speed(ts_tasks, "stanza", args.repeat)
        rep["speed"] = {"units": len(ts_tasks), "chars": chars, "spacy_chars_per_s": round(base),
                        "stanza_chars_per_s": round(alt), "stanza_over_spacy": round(alt / base, 3)}
        print(f"speed, {len(ts_tasks)} paragraphs, {chars:,} chars, 1 process: default backbone {base:,.0f} chars/s, "
              f"stanza {alt:,.0f} chars/s (stanza/default = {alt / base:.2f}, {base / alt:.1f}x slower)")
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
