"""`unap` command line: thin wrappers over the modules; every error is one line on stderr."""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

from .engines.batch import Tally, input_bytes, unit_tasks
from .io.paths import folder_problem, output_problem
from .languages import UN_LANGUAGES


_BAR = None  # the progress bar while one is drawn: messages are written through it, never onto its line


def _err(msg: str) -> None:
    if _BAR is not None and not _BAR.disable:
        _BAR.write(f"unap: {msg}", file=sys.stderr)
    else:
        print(f"unap: {msg}", file=sys.stderr)


def output_format(args: argparse.Namespace) -> str:
    """--format, or what the output's suffix says (`-o x.spacy` is a DocBin)."""
    if args.format:
        return args.format
    return "spacy" if str(args.output).lower().endswith(".spacy") else "jsonl"


def cmd_annotate(args: argparse.Namespace) -> int:
    global _BAR
    from .engines import local
    from .io import langid
    from .io.write import JsonlWriter, write_docbin
    from . import models, preflight

    out = Path(args.output)
    fmt = args.format = output_format(args)
    if args.lang not in ("auto", *langid.SUPPORTED):
        _err(langid.unsupported_message(args.lang))
        return 2
    if fmt == "spacy" and args.resume:
        _err("--resume works with JSONL output only (a DocBin is written whole at the end)")
        return 2
    if args.engine == "dask":
        return annotate_dask(args, out)
    problem = output_problem(out)
    if problem:
        _err(problem)
        return 2
    paths = preflight.pipeline_paths(args.model)
    try:
        preflight.check_backbone(args.backbone, args.lang, preflight.ready_languages(paths, args.lang))
    except preflight.NotReady as e:
        _err(str(e))
        return 2
    try:
        writer = JsonlWriter(out, resume=args.resume) if fmt == "jsonl" else None
    except (FileNotFoundError, OSError) as e:
        _err(str(e))
        return 2
    done = writer.done if writer else set()

    tally = Tally()
    errors = tally.errors
    docs_bytes: list[bytes] = []
    weights: dict[str, int] = {}

    from tqdm import tqdm
    show_bar = not args.quiet and sys.stderr.isatty()
    _BAR = bar = tqdm(total=input_bytes(args.paths) if show_bar else None, unit="B", unit_scale=True,
                      disable=not show_bar, file=sys.stderr, desc="annotate")

    def tasks():
        for t in unit_tasks(args, errors, tally.warnings, tally.stats, done, advance=bar.update, report=_err):
            weights[t["id"]] = t.pop("weight")
            yield t

    unloaded: collections.Counter = collections.Counter()  # units per language whose pipeline cannot load
    t0 = time.time()
    try:
        for res in local.run(tasks(), paths=paths, n_process=args.n_process, batch_size=args.batch_size,
                             want_docs=(fmt == "spacy"), backbone=args.backbone):
            bar.update(weights.pop(res["id"], 0))
            if "error" in res:
                errors.append(f"{res['id']}: {res['error']}")
                if res.get("unloaded"):  # one line per language, not one per unit
                    unloaded[res["unloaded"]] += 1
                    if unloaded[res["unloaded"]] > 1:
                        continue
                _err(errors[-1])
                continue
            tally.add(res["record"])
            if writer:
                writer.write(res["line"])
            if fmt == "spacy":
                docs_bytes.append(res["doc"])
    except KeyboardInterrupt:
        bar.close()
        _BAR = None
        if writer:
            writer.close_partial()
        _err(f"interrupted; {out}.part holds what was done: rerun with --resume")
        return 130
    bar.close()
    _BAR = None
    for lang, n in unloaded.items():
        if n > 1:
            _err(f"{n} units in {lang} not annotated: no {lang} pipeline")
    if writer and errors and not writer.written and not done:  # every input failed: no empty file as a result
        writer.discard()
        print(tally.summary(time.time() - t0, f"{out} not written"), file=sys.stderr)
        return 1
    try:
        if writer:
            writer.commit()
        elif fmt == "spacy" and docs_bytes:
            write_docbin(docs_bytes, out, models.load(Path(next(iter(paths.values())))).vocab)
    except OSError as e:
        _err(f"{out}: cannot write: {e.strerror or e}")
        return 2
    print(tally.summary(time.time() - t0, out), file=sys.stderr)
    return 1 if errors else 0


def annotate_dask(args: argparse.Namespace, out: Path) -> int:
    """`--engine dask`: partitioned JSONL in the output folder plus manifest.json.

    OUT is replaced whole once the run is complete (io.staging); a folder that holds files already is replaced
    only with --overwrite.
    """
    from . import preflight
    from .engines import dask_engine
    from .io.staging import staged_folder

    if args.resume or args.format != "jsonl":
        _err("--engine dask writes partitioned JSONL; it does not take --resume or --format spacy")
        return 2
    problem = output_problem(out, folder=True)
    if problem:
        _err(problem)
        return 2
    if out.is_dir() and any(out.iterdir()) and not args.overwrite:
        _err(f"{out}: folder is not empty (an earlier run?); pass --overwrite to replace it")
        return 2
    paths = preflight.pipeline_paths(args.model)
    try:
        preflight.any_pipeline(paths)
        preflight.check_backbone(args.backbone, args.lang, preflight.with_pipeline(paths, args.lang))
    except preflight.NotReady as e:
        _err(str(e))
        return 2
    errors: list[str] = []
    stats = {"units": 0, "skipped": 0, "documents": set()}
    docs = stats["documents"]

    def tasks():
        for t in unit_tasks(args, errors, [], stats, set(), report=_err):
            t.pop("weight", None)
            yield t

    t0 = time.time()
    units = 0
    labels: collections.Counter = collections.Counter()
    with staged_folder(out) as staging:
        for part in dask_engine.run(tasks(), staging, paths=paths, scheduler=args.scheduler,
                                    n_workers=args.workers, partition_size=args.partition_size,
                                    backbone=args.backbone):
            units += part["units"]
            for e in part["errors"]:
                errors.append(e)
                _err(e)
            for srec in part["summaries"]:
                labels.update(srec["labels"])
    dt = time.time() - t0
    print(f"{units} units from {len(docs)} documents in {dt:.1f}s on dask ({args.scheduler or 'local cluster'}); "
          f"entities: {dict(labels)}; {len(errors)} errors -> {out}/ (manifest.json)", file=sys.stderr)
    return 1 if errors else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluation import report, run, session

    try:
        units = run.read_gold(Path(args.gold))
    except (run.GoldError, OSError) as e:
        _err(str(e))
        return 2
    name = args.name or time.strftime("%Y%m%d-%H%M%S")
    problem = folder_problem(Path(args.runs_dir) / name)
    if problem:
        _err(problem)
        return 2
    refused = session.assign_languages(units, args.lang, args.gold)
    if refused:
        _err(refused[0] + (f" (and {len(refused) - 1} more units)" if len(refused) > 1 else ""))
        return 2
    langs = sorted({u["lang"] for u in units})
    try:
        nlps = session.load_pipelines(args.model, langs)
        base = session.load_pipelines(args.baseline, langs) if args.baseline else None
    except FileNotFoundError as e:
        _err(str(e))
        return 2
    configs = [c.strip() for c in args.configs.split(",")] if args.configs else ["shipped"]
    bad = session.unknown_configs(configs)
    if bad:
        _err(f"unknown configuration {bad[0]!r} (use shipped, rules, model, combined)")
        return 2
    scores = session.evaluate(units, nlps, configs=configs, rounds=args.rounds, baseline=base,
                              baseline_name=args.baseline,
                              header={"name": name, "model": args.model or "models/ (shipped)", "gold": args.gold})
    if args.learning_curve:
        from .training.measure import learning_curve

        scores["learning_curve"] = learning_curve(units, langs, epochs=args.curve_epochs)
    out = report.write_run(Path(args.runs_dir) / name, scores)
    print((Path(out) / "report.md").read_text(encoding="utf-8").split("## Worst errors")[0], file=sys.stdout)
    print(f"wrote {out}/scores.json, report.md, report.html", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .show import render

    try:
        n, total = render(Path(args.input), Path(args.output), limit=args.limit, lang=args.lang)
    except (ValueError, OSError) as e:
        _err(str(e))
        return 2
    if n < total:
        print(f"showing the first {n} of {total} units; use --limit N to show more (--limit 0: all)",
              file=sys.stderr)
    print(f"rendered {n} units -> {args.output}", file=sys.stderr)
    return 0


def _push_selection(args: argparse.Namespace):
    """The `choose` function of a push: the first --limit units, or the --limit most informative by --select."""
    from . import models, selection

    def choose(units: list[dict]) -> list[dict]:
        if not args.select:
            return units[:args.limit]
        picked = selection.select(units, args.select, args.limit, seed=args.seed,
                                  nlp_for=lambda lang: models.load(models.resolve(args.model, lang)))
        if args.select != "random" and picked:
            sel = [u["meta"]["selection"]["priority"] for u in picked]
            print(f"selected {len(picked)} of {len(units)} units by {args.select} "
                  f"(priority {sel[0]:.3f} down to {sel[-1]:.3f})", file=sys.stderr)
        return picked
    return choose


def cmd_doccano(args: argparse.Namespace) -> int:
    from .doccano import server, sync
    from .doccano.connection import DoccanoError, Settings

    try:
        if args.action == "serve":
            home = Path(args.data) if args.data else server.DEFAULT_HOME
            if args.stop:
                if not server.stop(home):
                    _err(f"no doccano server recorded in {home.resolve()}: nothing stopped (give the --data "
                         f"folder it was started with)")
                    return 1
                print("stopped", file=sys.stderr)
                return 0
            url = server.start(home, port=args.port, quiet=not args.verbose)
            print(f"doccano is up at {url} (data in {home}); stop it with `{server.stop_command(home)}`",
                  file=sys.stderr)
            print(url)
            return 0
        settings = Settings.load(Path(args.config) if args.config else None)
        if args.action == "push":
            choose = _push_selection(args) if args.select or args.limit is not None else None
            sync.push(Path(args.input), args.project, settings, choose=choose, log=lambda m: print(m, file=sys.stderr),
                      lang=args.lang)
            return 0
        gold = Path(args.output)
        report = sync.pull(args.project, gold, settings, only_approved=args.only_approved, lang=args.lang)
        print(json.dumps(report, ensure_ascii=False, indent=1))
        if report.get("nothing"):  # no empty gold file: exit 1 if there is none to train on, else 0
            _err(f"{report['nothing']}; {gold} " + ("left as it was" if gold.exists() else "not written"))
        if report["conflicts"]:
            _err(f"{len(report['conflicts'])} conflicts (changed in doccano and in {args.output} since the last "
                 f"pull), left as they are: {', '.join(report['conflicts'][:10])}")
        for b in report["bad_spans"]:
            _err(b)
        return 1 if report["conflicts"] or report["bad_spans"] or not gold.exists() else 0
    except (DoccanoError, server.ServerError, OSError) as e:
        _err(str(e))
        return 2


def cmd_agreement(args: argparse.Namespace) -> int:
    """Agreement between annotators of the same units; optionally the adjudicated gold and a JSON report.
    Everything is read and checked before anything is written."""
    from . import agreement
    from .doccano.connection import DoccanoError, Settings

    for p in (Path(x) for x in (args.output, args.report) if x):
        if not p.parent.is_dir():
            _err(f"{p}: output folder {p.parent} does not exist")
            return 2
    try:
        if args.files:
            ann, skipped = agreement.read_files([Path(f) for f in args.files]), {}
        else:
            settings = Settings.load(Path(args.config) if args.config else None)
            ann, skipped = agreement.read_project(args.project, settings, annotators=args.annotators)
        rep = {"source": {"files": args.files} if args.files else {"project": args.project},
               "skipped": skipped, **agreement.report(ann)}
        gold = agreement.adjudicate(ann) if args.output else None
    except (agreement.AgreementError, DoccanoError, OSError) as e:
        _err(str(e))
        return 2
    print(agreement.summary(rep))
    try:
        if gold is not None:
            agreement.write_jsonl(Path(args.output), gold)
            states = collections.Counter(u["meta"]["adjudication"] for u in gold)
            print(f"adjudicated gold: {len(gold)} units ({', '.join(f'{n} {k}' for k, n in states.items())}) "
                  f"-> {args.output}", file=sys.stderr)
        if args.report:
            agreement.write_text(Path(args.report), json.dumps(rep, ensure_ascii=False, indent=1) + "\n")
            print(f"report -> {args.report}", file=sys.stderr)
    except OSError as e:
        _err(str(e))
        return 2
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    """Retrain from the gold in annotations/ plus --gold files pulled from doccano; compare on the dev split."""
    from . import models
    from .evaluation.run import GoldError
    from .training import measure, retrain

    langs = [args.lang] if args.lang else retrain.languages()
    try:
        retrain.check_sources(langs)
        extra = measure.read_extra_gold(args.gold or [])
    except (retrain.NoTrainingData, GoldError, OSError) as e:
        _err(str(e))
        return 2
    outs = {lang: retrain.output_folder(args.output, lang) for lang in langs}
    for out in outs.values():
        problem = folder_problem(out.parent)
        if problem:
            _err(problem)
            return 2
        out.parent.mkdir(parents=True, exist_ok=True)
    for lang, out in outs.items():
        info = measure.retrain_and_compare(lang, extra, out, before=models.resolve(args.before, lang),
                                           epochs=args.epochs, quiet=args.quiet)
        for line in info["report"]:
            _err(f"corrections: {line}")
        heads = f" ({', '.join(info['heads'])})" if info["heads"] else ""
        print(f"{lang}: trained on {info['strength_rows']} strength rows and {info['entity_units']} entity units "
              f"({info['from_gold']} from --gold); learned {info['names']} names, {info['removed']} removed spans and "
              f"{len(info['heads'])} head words{heads} -> {out}; dev split: before {measure.summary(info['before'])}, after "
              f"{measure.summary(info['after'])}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="unap", description="Annotate UN resolutions in the six UN languages.")
    sub = ap.add_subparsers(dest="command", required=True)

    a = sub.add_parser("annotate", help="annotate files, folders or JSONL units and write annotated JSONL")
    a.add_argument("paths", nargs="+", help=".txt/.md resolutions, folders of them, or .jsonl units")
    a.add_argument("-o", "--output", required=True, help="output file (.jsonl, or .spacy with --format spacy)")
    a.add_argument("--unit", choices=["paragraph", "document"], default="paragraph")
    a.add_argument("--lang", default="auto", metavar="{auto,zh,en,fr,es,ru,ar}",
                   help="auto: identify each file's / unit's language among the six UN languages")
    a.add_argument("--model", default=None, help="pipeline folder, or a folder holding unap-<lang>/ folders")
    a.add_argument("--format", choices=["jsonl", "spacy"], default=None,
                   help="default: spacy when OUTPUT ends in .spacy, else jsonl")
    a.add_argument("--n-process", type=int, default=1)
    a.add_argument("--batch-size", type=int, default=32)
    a.add_argument("--resume", action="store_true", help="skip units already in OUTPUT (or its .part)")
    a.add_argument("-q", "--quiet", action="store_true")
    a.add_argument("--strict", action="store_true", help="a unit id used twice is an error (default: a warning)")
    a.add_argument("--overwrite", action="store_true", help="--engine dask: replace a non-empty output folder")
    a.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="dask: partitions on a Dask cluster; -o is then a folder of part files + manifest.json")
    a.add_argument("--scheduler", default=None, help="Dask scheduler address (default: start a local cluster)")
    a.add_argument("--workers", type=int, default=2, help="workers of the local Dask cluster")
    a.add_argument("--partition-size", type=int, default=500, help="units per Dask partition")
    a.add_argument("--backbone", choices=["spacy", "stanza"], default="spacy",
                   help="stanza: segment, tag and parse with our stanza models (models/stanza-<lang>/), then run "
                        "the same components (needs `pip install -e '.[stanza]'`)")
    a.set_defaults(func=cmd_annotate)


    e = sub.add_parser("evaluate", help="score a pipeline on gold units; writes runs/NAME/")
    e.add_argument("--model", default=None, help="pipeline folder or folder with unap-<lang>/ (default: shipped)")
    e.add_argument("--gold", required=True, help="gold JSONL (doccano export of this project, or annotate output)")
    e.add_argument("--baseline", default=None, help="a second pipeline: paired bootstrap comparison")
    e.add_argument("--name", default=None, help="run name (default: a timestamp)")
    e.add_argument("--lang", choices=UN_LANGUAGES, default=None, help="language of units that do not say")
    e.add_argument("--configs", default=None, help="comma list of shipped,rules,model,combined (side by side)")
    e.add_argument("--runs-dir", default="runs")
    e.add_argument("--rounds", type=int, default=1000, help="bootstrap resamples")
    e.add_argument("--learning-curve", action="store_true", help="retrain on 25/50/75/100%% of the train split")
    e.add_argument("--curve-epochs", type=int, default=5)
    e.set_defaults(func=cmd_evaluate)

    s = sub.add_parser("show", help="render annotated JSONL as an HTML page (displaCy)")
    s.add_argument("input", help="unap annotate output (paragraph or document units)")
    s.add_argument("-o", "--output", required=True, help="the HTML page to write")
    s.add_argument("--limit", type=int, default=500, metavar="N",
                   help="render at most the first N units (default 500; 0: all); a cut is reported on stderr")
    s.add_argument("--lang", choices=UN_LANGUAGES, default=None, help="show only the units of this language")
    s.set_defaults(func=cmd_show)

    d = sub.add_parser("doccano", help="the doccano correction loop: serve, push, pull")
    dsub = d.add_subparsers(dest="action", required=True)
    ds = dsub.add_parser("serve", help="install (first time) and run a local doccano 1.8.4 on 127.0.0.1")
    ds.add_argument("--data", default=None, help="data folder (default ~/.unap/doccano or $UNAP_DOCCANO_HOME)")
    ds.add_argument("--port", type=int, default=8000)
    ds.add_argument("--stop", action="store_true", help="stop the server started from this data folder")
    ds.add_argument("--verbose", action="store_true")
    dp = dsub.add_parser("push", help="upload annotated units as pre-annotations (idempotent, resumable)")
    dp.add_argument("input", help="annotated JSONL (unap annotate output)")
    dp.add_argument("--project", required=True)
    dp.add_argument("--config", default=None, help="JSON file with url/username/password (else DOCCANO_* env)")
    dp.add_argument("--select", choices=["uncertain", "disagreement", "random"], default=None,
                    help="push the units the pipeline is least sure of / where rules and model disagree, "
                         "most informative first (random: the control)")
    dp.add_argument("--limit", type=int, default=None, help="push at most N units (the next N not yet pushed)")
    dp.add_argument("--model", default=None, help="pipeline that scores the units (default: the shipped one)")
    dp.add_argument("--seed", type=int, default=0, help="random seed for --select random")
    dp.add_argument("--lang", choices=UN_LANGUAGES, default=None,
                    help="push only the units of this language (one project per language; Arabic needs its own)")
    dl = dsub.add_parser("pull", help="pull corrections and merge them into a gold file")
    dl.add_argument("--project", required=True)
    dl.add_argument("-o", "--output", required=True, help="gold JSONL to merge into (created if missing)")
    dl.add_argument("--only-approved", action="store_true")
    dl.add_argument("--lang", choices=UN_LANGUAGES, default=None, help="merge only the examples of this language")
    dl.add_argument("--config", default=None)
    d.set_defaults(func=cmd_doccano)

    g = sub.add_parser("agreement", help="inter-annotator agreement (spans, strength classes) and adjudicated gold")
    src = g.add_mutually_exclusive_group(required=True)
    src.add_argument("--project", default=None, help="doccano project: every member's labels, via the export")
    src.add_argument("--files", nargs="+", default=None, help="two or more JSONL files, one per annotator (stem)")
    g.add_argument("--config", default=None, help="JSON file with url/username/password (else DOCCANO_* env)")
    g.add_argument("--annotators", nargs="+", default=None,
                   help="with --project: only these users (default: every member with labels of their own)")
    g.add_argument("-o", "--output", default=None, help="adjudicated gold JSONL (majority; every version in meta)")
    g.add_argument("--report", default=None, help="JSON report: pairwise scores, kappa, alpha, disagreements")
    g.set_defaults(func=cmd_agreement)

    t = sub.add_parser("train", help="retrain the pipelines from annotations/ (+ pulled gold); compare on dev")
    t.add_argument("--lang", choices=UN_LANGUAGES, default=None, help="default: every language with a config")
    t.add_argument("--gold", action="append", help="extra gold JSONL (e.g. pulled from doccano); repeatable")
    t.add_argument("-o", "--output", default=None, help="folder for unap-<lang>/ (default: replace models/)")
    t.add_argument("--before", default=None, help="pipeline to compare against (default: the current one)")
    t.add_argument("--epochs", type=int, default=None)
    t.add_argument("-q", "--quiet", action="store_true")
    t.set_defaults(func=cmd_train)

    args = ap.parse_args(argv)
    if getattr(args, "limit", None) is not None and args.limit < 1 and args.command == "doccano":
        ap.error("--limit must be at least 1")
    if getattr(args, "n_process", 1) < 1:
        ap.error("--n-process must be at least 1")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
