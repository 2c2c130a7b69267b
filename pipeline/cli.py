"""`unap` command line: thin wrappers over the modules; every error is one line on stderr."""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path


def _err(msg: str) -> None:
    print(f"unap: {msg}", file=sys.stderr)


def cmd_annotate(args: argparse.Namespace) -> int:
    from .engines import local
    from .io.decode import InputError
    from .io.read import Unit, Warning_, read_units
    from .io.write import JsonlWriter, write_docbin
    from . import models

    out = Path(args.output)
    fmt = args.format
    paths = {lang: str(models.resolve(args.model, lang)) for lang in ("zh", "en")}
    wanted = [args.lang] if args.lang in ("zh", "en") else ["zh", "en"]
    missing = [lang for lang in wanted if not (Path(paths[lang]) / "config.cfg").is_file()]
    if len(missing) == len(wanted):
        _err(f"{paths[missing[0]]}: no spaCy pipeline there (pass --model, or run `unap build-models`)")
        return 2
    try:
        writer = JsonlWriter(out, resume=args.resume) if fmt == "jsonl" else None
    except (FileNotFoundError, OSError) as e:
        _err(str(e))
        return 2
    if fmt == "spacy" and not out.parent.is_dir():
        _err(f"{out}: output folder {out.parent} does not exist")
        return 2
    done = writer.done if writer else set()

    errors: list[str] = []
    warnings: list[str] = []
    stats = {"units": 0, "skipped": 0, "documents": set()}
    labels: collections.Counter = collections.Counter()
    types: collections.Counter = collections.Counter()
    strengths: collections.Counter = collections.Counter()
    docs_bytes: list[bytes] = []

    def tasks():
        for item in read_units(args.paths, unit=args.unit, lang=args.lang):
            if isinstance(item, InputError):
                errors.append(str(item))
                _err(str(item))
            elif isinstance(item, Warning_):
                warnings.append(str(item))
                if not args.quiet:
                    _err(str(item))
            elif isinstance(item, Unit):
                if item.id in done:
                    stats["skipped"] += 1
                    continue
                stats["documents"].add(item.meta.get("document") or item.meta.get("source"))
                yield item.to_task()

    try:
        from tqdm import tqdm
        bar = tqdm(unit=" units", disable=args.quiet or not sys.stderr.isatty(), file=sys.stderr)
    except ImportError:  # pragma: no cover
        bar = None
    t0 = time.time()
    try:
        for res in local.run(tasks(), paths=paths, n_process=args.n_process, batch_size=args.batch_size,
                             want_docs=(fmt == "spacy")):
            if "error" in res:
                errors.append(f"{res['id']}: {res['error']}")
                _err(errors[-1])
                continue
            stats["units"] += 1
            if writer:
                writer.write(res["line"])
            if fmt == "spacy":
                docs_bytes.append(res["doc"])
            s = res["record"]
            labels.update(s["labels"])
            types.update(s["types"])
            strengths.update(s["strengths"])
            if bar is not None:
                bar.update(1)
    except KeyboardInterrupt:
        if writer:
            writer.close_partial()
        _err(f"interrupted; {out}.part holds what was done: rerun with --resume")
        return 130
    if bar is not None:
        bar.close()
    if writer:
        writer.commit()
    elif fmt == "spacy":
        from . import models as m
        vocab = m.load(Path(next(iter(paths.values())))).vocab if docs_bytes else None
        if vocab is not None:
            write_docbin(docs_bytes, out, vocab)
    dt = time.time() - t0
    summary = (f"{stats['units']} units from {len(stats['documents'])} documents in {dt:.1f}s"
               f" ({len(stats['documents']) / dt if dt else 0:.1f} docs/s)"
               + (f", {stats['skipped']} already done" if stats["skipped"] else "")
               + f"; paragraphs: {dict(types)}; entities: {dict(labels)}; strength: {dict(strengths)}"
               + f"; {len(warnings)} warnings in {len({w.split(': warning: ')[0] for w in warnings})} documents"
               + f"; {len(errors)} errors -> {out}")
    print(summary, file=sys.stderr)
    return 1 if errors else 0


def cmd_build_models(args: argparse.Namespace) -> int:
    from .build import build

    for lang in args.langs:
        path = build(lang, Path(args.output) if args.output else None)
        print(f"built {path}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="unap", description="Annotate UN resolutions (Chinese and English).")
    sub = ap.add_subparsers(dest="command", required=True)

    a = sub.add_parser("annotate", help="annotate files, folders or JSONL units and write annotated JSONL")
    a.add_argument("paths", nargs="+", help=".txt/.md resolutions, folders of them, or .jsonl units")
    a.add_argument("-o", "--output", required=True, help="output file (.jsonl, or .spacy with --format spacy)")
    a.add_argument("--unit", choices=["paragraph", "document"], default="paragraph")
    a.add_argument("--lang", choices=["auto", "zh", "en"], default="auto")
    a.add_argument("--model", default=None, help="pipeline folder, or a folder holding unap-zh/ and unap-en/")
    a.add_argument("--format", choices=["jsonl", "spacy"], default="jsonl")
    a.add_argument("--n-process", type=int, default=1)
    a.add_argument("--batch-size", type=int, default=32)
    a.add_argument("--resume", action="store_true", help="skip units already in OUTPUT (or its .part)")
    a.add_argument("-q", "--quiet", action="store_true")
    a.set_defaults(func=cmd_annotate)

    b = sub.add_parser("build-models", help="assemble the shipped pipelines from models/configs/")
    b.add_argument("langs", nargs="*", default=["zh", "en"])
    b.add_argument("-o", "--output", default=None, help="folder for unap-<lang>/ (default models/)")
    b.set_defaults(func=cmd_build_models)

    args = ap.parse_args(argv)
    if getattr(args, "n_process", 1) < 1:
        ap.error("--n-process must be at least 1")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
