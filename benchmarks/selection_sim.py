"""Simulated correction rounds: does choosing the units to correct by `uncertain` (or `disagreement`) save
work against `random`? Gold stands in for the annotator.

For each task, strategy and random seed: start from `--start` randomly chosen labelled units of the train
split (the pool); repeat: retrain the task's component from scratch on the labelled units, score it on the
test split, then let the strategy (pipeline.selection, the same code as `unap doccano push --select`) pick
the next `--step` pool units, whose gold is revealed. Tasks: `entities` (the NER alone, strict micro-F1) and
`strength` (the classifier alone, accuracy); the rules and the lexicon do not learn, so they are left out.

    .venv/bin/python benchmarks/selection_sim.py [--lang en] [--tasks entities,strength] [--seeds 3]
        [--out runs/selection-sim]

Prints per round the mean score of each strategy, and the summary figure: the fewest units with which
`uncertain` (and `disagreement`) reach random's final score, as a share of random's budget (target <= 70%).
Writes results.json (every run, every round) and curves.png to --out; results are appended as they come,
and a rerun skips the runs already in results.json.
"""
import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402
from spacy import util  # noqa: E402

from pipeline import models, selection  # noqa: E402
from pipeline.evaluation.entities import score_entities  # noqa: E402
from pipeline.training import train as T  # noqa: E402

STRATEGIES = ("uncertain", "disagreement", "random")


def load_task(task: str, lang: str) -> tuple[list[dict], list[dict]]:
    if task == "entities":
        pool = T.read_entities("train", lang)
        test = T.read_entities("test", lang)
        for u in pool + test:  # the entity gold carries no paragraph type: score entities only
            u.pop("paragraph", None)
    else:
        pool = [{**r, "paragraph": {"type": "operative"}} for r in T.read_split("train", lang)]
        test = T.read_split("test", lang)
    return pool, test


def train_and_score(task: str, lang: str, labelled: list[dict], test: list[dict], seed: int, epochs: int):
    """A pipeline whose task component was trained only on `labelled`, and its test score."""
    cfg = util.load_config(models.CONFIG_DIR / f"{lang}.cfg")
    tcfg = dict(cfg.get("unap_training", {}))
    util.fix_random_seed(seed)
    rnd = random.Random(seed)
    nlp = spacy.load(models.default_model(lang), config={"nlp.disabled": []})  # its NER too (shipped disabled)
    if task == "entities":
        T.fresh_component(nlp, lang, "ner", T.ner_examples(nlp, labelled))
        T.train_ner(nlp, lang, {**tcfg, "ner_epochs": epochs}, rnd, epochs=epochs, train_units=labelled, quiet=True)
        preds = T.ner_predictions(nlp, test)
        score = score_entities([u["entities"] for u in test], preds)["strict"]["f"]
    else:
        T.fresh_component(nlp, lang, "unap_strength_textcat", T.strength_examples(nlp, labelled[:300]))
        T.train_textcat(nlp, lang, tcfg, rnd, epochs=epochs, train_rows=labelled, quiet=True)
        preds = T.classifier_predictions(nlp, test)
        score = sum(p == r["strength"] for p, r in zip(preds, test)) / len(test)
    return nlp, score


def simulate(task: str, lang: str, strategy: str, seed: int, args) -> list[dict]:
    pool, test = load_task(task, lang)
    rnd = random.Random(seed)
    order = list(range(len(pool)))
    rnd.shuffle(order)
    labelled = order[:args.start]
    rounds = []
    budget = min(len(pool), args.start + args.step * args.rounds)
    while True:
        t0 = time.time()
        nlp, score = train_and_score(task, lang, [pool[i] for i in labelled], test, seed, args.epochs[task])
        rounds.append({"units": len(labelled), "score": round(score, 4), "seconds": round(time.time() - t0, 1)})
        print(f"  {task} {strategy} seed {seed}: {len(labelled)} units -> {score:.3f}", file=sys.stderr)
        if len(labelled) >= budget:
            return rounds
        have = set(labelled)
        rest = [i for i in range(len(pool)) if i not in have]
        ranked = selection.rank([pool[i] for i in rest], strategy, nlp_for=lambda _lang: nlp, seed=seed + len(have),
                                entities=task == "entities")
        labelled += [rest[j] for j, _, _ in ranked[:min(args.step, budget - len(labelled))]]


def reach(curve: list[tuple[int, float]], target: float) -> int | None:
    return next((n for n, s in curve if s >= target - 1e-9), None)


def summarize(results: list[dict], task: str) -> dict:
    runs = [r for r in results if r["task"] == task]
    mean: dict[str, list[tuple[int, float]]] = {}
    for strategy in STRATEGIES:
        rs = [r["rounds"] for r in runs if r["strategy"] == strategy]
        if not rs:
            continue
        n_rounds = min(len(x) for x in rs)
        mean[strategy] = [(rs[0][k]["units"], sum(x[k]["score"] for x in rs) / len(rs)) for k in range(n_rounds)]
    out = {"mean_curves": mean}
    if "random" in mean:
        final_n, final = mean["random"][-1]
        out["random_final"] = {"units": final_n, "score": round(final, 4)}
        for strategy in ("uncertain", "disagreement"):
            if strategy in mean:
                n = reach(mean[strategy], final)
                out[strategy] = {"units_to_reach_random_final": n,
                                 "share_of_random_budget": round(n / final_n, 3) if n else None,
                                 "final": round(mean[strategy][-1][1], 4)}
    return out


def plot(results: list[dict], tasks: list[str], path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    colors = {"uncertain": "#d62728", "disagreement": "#1f77b4", "random": "#7f7f7f"}
    fig, axes = plt.subplots(1, len(tasks), figsize=(6 * len(tasks), 4.2), squeeze=False)
    for ax, task in zip(axes[0], tasks):
        for r in results:
            if r["task"] == task:
                xs = [x["units"] for x in r["rounds"]]
                ax.plot(xs, [x["score"] for x in r["rounds"]], color=colors[r["strategy"]], alpha=0.25, lw=1)
        for strategy, curve in summarize(results, task)["mean_curves"].items():
            ax.plot([n for n, _ in curve], [s for _, s in curve], color=colors[strategy], lw=2.5, marker="o",
                    label=f"{strategy} (mean of seeds)")
        ax.set_xlabel("units annotated")
        ax.set_ylabel("NER strict micro-F1 (test)" if task == "entities" else "strength accuracy (test)")
        ax.set_title(task)
        ax.grid(alpha=0.3)
        ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", default="en", choices=["en", "zh"])
    ap.add_argument("--tasks", default="entities,strength")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--start", type=int, default=50, help="labelled units before the first round")
    ap.add_argument("--step", type=int, default=50, help="units revealed per round")
    ap.add_argument("--rounds", type=int, default=None, help="rounds (default: 4 for entities, 7 for strength)")
    ap.add_argument("--ner-epochs", type=int, default=15)
    ap.add_argument("--textcat-epochs", type=int, default=8)
    ap.add_argument("--out", type=Path, default=Path("runs/selection-sim"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    args.epochs = {"entities": args.ner_epochs, "strength": args.textcat_epochs}
    res_path = args.out / "results.json"
    results = json.loads(res_path.read_text()) if res_path.exists() else []
    tasks = args.tasks.split(",")
    fixed_rounds = args.rounds
    for task in tasks:
        args.rounds = fixed_rounds or (4 if task == "entities" else 7)
        for seed in range(args.seeds):
            for strategy in STRATEGIES:
                key = (task, args.lang, strategy, seed, args.start, args.step)
                if any((r["task"], r["lang"], r["strategy"], r["seed"], r["start"], r["step"]) == key for r in results):
                    continue
                rounds = simulate(task, args.lang, strategy, seed, args)
                results.append({"task": task, "lang": args.lang, "strategy": strategy, "seed": seed,
                                "start": args.start, "step": args.step, "rounds": rounds})
                tmp = res_path.with_suffix(".tmp")
                tmp.write_text(json.dumps(results, indent=1))
                tmp.replace(res_path)
    tasks = [t for t in ("entities", "strength") if any(r["task"] == t for r in results)]  # this and earlier runs
    plot(results, tasks, args.out / "curves.png")
    for task in tasks:
        s = summarize(results, task)
        print(f"\n## {task} ({args.lang})")
        for strategy, curve in s["mean_curves"].items():
            print(f"{strategy:13s} " + "  ".join(f"{n}:{v:.3f}" for n, v in curve))
        for strategy in ("uncertain", "disagreement"):
            if strategy in s:
                d = s[strategy]
                print(f"{strategy} reaches random's final {s['random_final']['score']:.3f} "
                      f"({s['random_final']['units']} units) with {d['units_to_reach_random_final']} units "
                      f"= {d['share_of_random_budget']} of the budget (target <= 0.70)")
    (args.out / "summary.json").write_text(json.dumps({t: summarize(results, t) for t in tasks}, indent=1))
    print(f"\ncurves: {args.out / 'curves.png'}")


if __name__ == "__main__":
    main()
