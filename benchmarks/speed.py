"""Speed and memory of `unap annotate` with the shipped pipelines, per language. Prints tables.

    .venv/bin/python benchmarks/speed.py [--mb 25] [--aligned-mb 2] [--quick]
    .venv/bin/python benchmarks/speed.py --make-data ../shared   # writes benchmarks/data/ (once)

The input is the bundled real corpus (examples/corpus: GA 79/138 in Chinese, GA 80/11 and SC 242 in English)
copied as many times as it takes to reach --mb megabytes of text per language, as separate files, so the
run reads, structures, annotates and writes exactly as a user's batch would. Figures:
- chars/s and docs/s of the full CLI run with --n-process 1 and 2, and the speed-up of 2 over 1;
- the tokenizer alone (nlp.make_doc, same segmenter) on the same paragraphs, and full/tokenizer ratio;
- each component's share of pipeline time (timed pipe by pipe on a sample);
- peak resident memory of the CLI process tree at 1/10 of the input and at the full input.
spaCy's published zh_core_web_sm speed (7,367 words/s on CPU) is printed for orientation.

The six languages are compared on the same content: 500 aligned lines of the UN Parallel Corpus v1.0 dev set
(benchmarks/data/unpc-aligned.<lang>.jsonl, every 8th line, copied into the repo by --make-data), as JSONL units
repeated to --aligned-mb MB, annotated with --n-process 1: chars/s, and lines/s against English (the same lines in
each language; target: no language more than 2x slower than English).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SOURCES = {"zh": [ROOT / "examples/corpus/A_RES_79_138.zh.txt"],
           "en": [ROOT / "examples/corpus/A_RES_80_11.md", ROOT / "examples/corpus/S_RES_0242_1967_EN_GOLD.txt"]}
ALIGNED = ROOT / "benchmarks" / "data"
ALIGNED_LANGS = ("zh", "en", "fr", "es", "ru", "ar")
UNAP = [str(ROOT / ".venv/bin/unap")] if (ROOT / ".venv/bin/unap").exists() else [sys.executable, "-m", "pipeline.cli"]


def make_corpus(lang: str, mb: float, folder: Path) -> tuple[int, int]:
    """Copies of the language's documents until `mb` MB of text; returns (documents, characters)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [(p.suffix, p.read_text(encoding="utf-8")) for p in SOURCES[lang]]
    target = mb * 1_000_000
    size = chars = n = 0
    while size < target:
        suffix, text = texts[n % len(texts)]
        (folder / f"doc{n:06d}{suffix}").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
        chars += len(text)
        n += 1
    return n, chars


def make_data(shared: Path, every: int = 8, n: int = 500) -> None:
    """Copy every `every`-th aligned UNPC dev-set line (1-based line numbers, as the gold ids) into
    benchmarks/data/unpc-aligned.<lang>.jsonl; only lines present in all six languages."""
    import json

    corpus = Path(shared) / "corpus" / "unpc-devset"
    lines = {lang: (corpus / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").split("\n")
             for lang in ALIGNED_LANGS}
    picked = [k for k in range(0, len(lines["en"]), every) if all(lines[lang][k].strip() for lang in lines)][:n]
    ALIGNED.mkdir(parents=True, exist_ok=True)
    for lang, text in lines.items():
        rows = [{"id": f"unpc:{k + 1}:{lang}", "text": text[k], "lang": lang} for k in picked]
        (ALIGNED / f"unpc-aligned.{lang}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(picked)} aligned lines per language -> {ALIGNED}/unpc-aligned.<lang>.jsonl")


def aligned_corpus(lang: str, mb: float, path: Path) -> tuple[int, int, int]:
    """The aligned lines of `lang` repeated (ids made unique) to about `mb` MB; (lines, units, characters)."""
    import json

    rows = [json.loads(x) for x in (ALIGNED / f"unpc-aligned.{lang}.jsonl").read_text(encoding="utf-8").splitlines()]
    size = chars = units = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < mb * 1_000_000:
            for r in rows:
                line = json.dumps({**r, "id": f"{r['id']}#{units}"}, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode("utf-8"))
                chars += len(r["text"])
                units += 1
    return len(rows), units, chars


def aligned_speed(mb: float, tmp: Path) -> list[dict]:
    """chars/s and lines/s of `unap annotate --n-process 1` on the aligned lines, per language with a pipeline."""
    from pipeline import models

    rows = []
    for lang in ALIGNED_LANGS:
        if not (models.default_model(lang) / "config.cfg").is_file():
            print(f"{lang}: no pipeline at {models.default_model(lang)}; skipped", file=sys.stderr)
            continue
        src = tmp / f"aligned.{lang}.jsonl"
        lines, units, chars = aligned_corpus(lang, mb, src)
        secs, rss = timed_run(UNAP + ["annotate", str(src), "-o", str(tmp / f"aligned-out.{lang}.jsonl"), "-q",
                                      "--lang", lang])
        rows.append({"lang": lang, "units": units, "chars": chars, "secs": secs, "rss": rss})
    return rows


def print_aligned(rows: list[dict], mb: float) -> None:
    en = next((r for r in rows if r["lang"] == "en"), None)
    print(f"\nsame content in six languages: aligned UNPC lines repeated to {mb:g} MB per language, --n-process 1\n")
    print("| language | units | chars/s | lines/s | time per line vs English (target <= 2.00) | peak memory |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        vs = f"{(r['secs'] / r['units']) / (en['secs'] / en['units']):.2f}" if en else "–"
        print(f"| {r['lang']} | {r['units']:,} | {r['chars'] / r['secs']:,.0f} | {r['units'] / r['secs']:,.1f} | {vs} "
              f"| {r['rss'] / 1024:,.0f} MB |")


def timed_run(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of the largest process of the run (GNU time -f %M covers the parent;
    the workers are measured through RUSAGE_CHILDREN of a wrapper)."""
    wrapper = ("import resource,subprocess,sys,time;t=time.time();r=subprocess.run(sys.argv[1:]);"
               "print(time.time()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    out = subprocess.run([sys.executable, "-c", wrapper] + args, capture_output=True, text=True, cwd=ROOT)
    secs, rss, rc = out.stdout.strip().split()[-3:]
    if rc not in ("0", "1"):
        raise RuntimeError(out.stderr[-2000:])
    return float(secs), int(rss)


def component_shares(lang: str, texts: list[str]) -> tuple[float, dict[str, float]]:
    from pipeline import models

    nlp = models.load(models.default_model(lang))
    t0 = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    tok = time.perf_counter() - t0
    shares = {}
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        shares[name] = time.perf_counter() - t0
    total = tok + sum(shares.values())
    return tok, {"tokenizer": tok / total, **{k: v / total for k, v in shares.items()}}


def paragraphs(folder: Path, lang: str) -> list[str]:
    from pipeline.io.read import read_units, Unit

    return [u.text for u in read_units([str(folder)], lang=lang) if isinstance(u, Unit)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=25.0, help="MB of text per language (default 25: 50 MB in all)")
    ap.add_argument("--quick", action="store_true", help="2 MB (aligned: 0.5 MB) per language, for a smoke run")
    ap.add_argument("--aligned-mb", type=float, default=2.0, help="MB of aligned lines per language (default 2)")
    ap.add_argument("--aligned-only", action="store_true", help="only the six-language table")
    ap.add_argument("--make-data", metavar="SHARED", default=None,
                    help="copy the aligned lines from SHARED/corpus/unpc-devset into benchmarks/data/ and stop")
    args = ap.parse_args()
    if args.make_data:
        make_data(Path(args.make_data))
        return
    mb = 2.0 if args.quick else args.mb
    tmp = Path(tempfile.mkdtemp(prefix="unap-bench-"))
    aligned_mb = 0.5 if args.quick else args.aligned_mb
    aligned = aligned_speed(aligned_mb, tmp)
    if args.aligned_only:
        shutil.rmtree(tmp, ignore_errors=True)
        print_aligned(aligned, aligned_mb)
        return
    rows = []
    try:
        for lang in ("zh", "en"):
            full = tmp / lang / "full"
            small = tmp / lang / "small"
            n_docs, n_chars = make_corpus(lang, mb, full)
            make_corpus(lang, mb / 10, small)
            texts = paragraphs(full, lang)
            # tokenizer alone, same segmenter, same paragraphs
            from pipeline import models
            nlp = models.load(models.default_model(lang))
            t0 = time.perf_counter()
            for t in texts:
                nlp.make_doc(t)
            tok_s = time.perf_counter() - t0
            res = {}
            for n in (1, 2):
                out = tmp / lang / f"out{n}.jsonl"
                secs, rss = timed_run(UNAP + ["annotate", str(full), "-o", str(out), "-q", "--lang", lang,
                                              "--n-process", str(n)])
                res[n] = (secs, rss)
            secs_small, rss_small = timed_run(UNAP + ["annotate", str(small), "-o", str(tmp / lang / "small.jsonl"),
                                                      "-q", "--lang", lang])
            tok_total, shares = component_shares(lang, texts[: max(200, len(texts) // 20)])
            rows.append({"lang": lang, "docs": n_docs, "chars": n_chars, "units": len(texts), "tok_s": tok_s,
                         "res": res, "small": (secs_small, rss_small), "shares": shares})
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"\ninput: bundled corpus multiplied to {mb:g} MB of text per language; machine: {os.cpu_count()} cores\n")
    print("| language | mode | chars/s | docs/s | peak memory |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['lang']} | tokenizer alone | {r['chars'] / r['tok_s']:,.0f} | – | – |")
        for n, (secs, rss) in r["res"].items():
            print(f"| {r['lang']} | unap annotate --n-process {n} | {r['chars'] / secs:,.0f} | {r['docs'] / secs:,.1f} "
                  f"| {rss / 1024:,.0f} MB |")
    print("\n| language | full / tokenizer (target >= 0.5) | n-process 2 speed-up (target >= 1.6) "
          "| peak memory 1/10 -> full input (target < +10%) |")
    print("|---|---|---|---|")
    for r in rows:
        one, two = r["res"][1], r["res"][2]
        ratio = (r["chars"] / one[0]) / (r["chars"] / r["tok_s"])
        growth = (one[1] - r["small"][1]) / r["small"][1]
        print(f"| {r['lang']} | {ratio:.2f} | {one[0] / two[0]:.2f}x | {r['small'][1] / 1024:,.0f} MB -> "
              f"{one[1] / 1024:,.0f} MB ({growth:+.1%}) |")
    print("\ncomponent shares of pipeline time (sample):")
    for r in rows:
        print(f"  {r['lang']}: " + ", ".join(f"{k} {v:.0%}" for k, v in r["shares"].items()))
    print("\nfor orientation: spaCy's published zh_core_web_sm speed is 7,367 words/s (CPU).")
    print_aligned(aligned, aligned_mb)


if __name__ == "__main__":
    main()
