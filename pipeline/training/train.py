"""Train a language's pipeline from its config and the gold data in annotations/, and save it.

    python -m pipeline.training.train zh [--output models/unap-zh]

Two trainable components, trained on their own data, each keeping the epoch that scores best on dev:
- `unap_strength_textcat` on annotations/strength/ (operative paragraphs with a strength class);
- `ner` (if the config has it) on annotations/entities/ (doccano JSONL with entity spans).
Data hashes, sizes and dev scores go to the pipeline's meta.json.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

from spacy import util
from spacy.language import Language
from spacy.training import Example
from spacy.util import minibatch

from .. import models
from ..languages import UN_LANGUAGES
from ..io.jsonl import records
from ..records import RecordError, Unit, parse as parse_record
from ..evaluation.classes import score_classes
from ..evaluation.entities import score_entities
from ..scheme import STRENGTH_CLASSES
from ..augment import damage

DATA = models.ROOT / "annotations" / "strength"
ENTITY_DATA = models.ROOT / "annotations" / "entities"


def _read(path: Path) -> Iterator[tuple[dict[str, Any], Unit]]:
    """Each row of a training file with the unit records.parse reads from it (its spans checked)."""
    for n, r in records(path, ValueError, "a training row"):
        try:
            yield r, parse_record(r)
        except RecordError as e:
            raise ValueError(f"{path}:{n}: {e}") from None


def read_split(split: str, lang: str, folder: Path = DATA) -> list[dict[str, Any]]:
    """Strength rows of one split and language: the rows as written, with the unit's `strength` and
    `intensity` (a row in the annotate shape has them in its paragraph)."""
    return [{**r, "strength": u.strength, "intensity": u.intensity}
            for r, u in _read(folder / f"{split}.jsonl") if u.lang == lang and u.strength]


def read_entities(split: str, lang: str, folder: Path = ENTITY_DATA) -> list[dict[str, Any]]:
    """Entity gold units (doccano JSONL as exported by gold_tool / doccano pull) of one split and language: the
    rows as written; a row with doccano's `label` triples only gets them as `entities`. Rows of `new/<lang>.jsonl`
    (a new language's hand-made gold, before it is merged into the split files) whose meta.split is `split`
    count too, unless the split file has the same id."""
    pairs = []
    path = folder / f"{split}.jsonl"
    if path.exists():
        pairs = [(r, u) for r, u in _read(path) if u.lang == lang]
    new = folder / "new" / f"{lang}.jsonl"
    if new.exists():
        have = {r.get("id") for r, _ in pairs}
        pairs += [(r, u) for r, u in _read(new) if u.lang == lang and (r.get("meta") or {}).get("split") == split
                  and r.get("id") not in have]
    return [r if isinstance(r.get("entities"), list) else
            {**r, "entities": [{"start": e.start, "end": e.end, "label": e.label, "id": e.id} for e in u.entities or []]}
            for r, u in pairs]


def data_hash(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _loop(nlp: Language, component: str, train_ex: list[Example], score_dev: Callable[[], float], *,
          epochs: int, batch_size: int, dropout: float, rnd: random.Random, quiet: bool) -> tuple[float, int]:
    """Train one component (the others frozen), keep its best epoch on dev; returns (best score, epoch)."""
    pipe = nlp.get_pipe(component)
    optimizer = nlp.resume_training()
    best: tuple[float, bytes | None, int] = (-1.0, None, 0)
    for epoch in range(1, epochs + 1):
        rnd.shuffle(train_ex)
        losses: dict[str, float] = {}
        for batch in minibatch(train_ex, size=batch_size):
            pipe.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        dev = score_dev()
        if not quiet:
            print(f"{component} epoch {epoch:2d} loss {losses.get(component, 0):9.3f} dev {dev:.3f}", file=sys.stderr)
        if dev > best[0] or best[1] is None:
            best = (dev, pipe.to_bytes(), epoch)
    pipe.from_bytes(best[1])
    return best[0], best[2]


# --- strength classifier ------------------------------------------------------------------------------
def strength_examples(nlp: Language, rows: list[dict[str, Any]]) -> list[Example]:
    return [Example.from_dict(nlp.make_doc(r["text"]), {"cats": {c: float(c == r["strength"])
                                                                 for c in STRENGTH_CLASSES}}) for r in rows]


def classifier_predictions(nlp: Language, rows: list[dict[str, Any]]) -> list[str]:
    tc = nlp.get_pipe("unap_strength_textcat")
    docs = [tc.window_doc(nlp.make_doc(r["text"])[:]) for r in rows]
    scores = tc.model.ops.to_numpy(tc.model.predict(docs)) if docs else []
    return [tc.labels[int(row.argmax())] for row in scores]


def train_textcat(nlp: Language, lang: str, tcfg: dict[str, Any], rnd: random.Random, *, epochs: int,
                  data: Path = DATA, quiet: bool = False, train_rows: list[dict[str, Any]] | None = None
                  ) -> dict[str, Any]:
    rows = train_rows if train_rows is not None else read_split("train", lang, data)
    dev_rows = read_split("dev", lang, data)
    augmented = list(rows)  # damaged copies teach the classifier to read through OCR/extraction faults
    for k in range(int(tcfg.get("augment", 0))):
        rnd_k = random.Random(1000 + k)
        augmented += [{**r, "text": damage(r["text"], lang, rnd_k)} for r in rows]
    train_ex = strength_examples(nlp, augmented)

    def dev_score() -> float:
        if not dev_rows:
            return 0.0
        return score_classes([r["strength"] for r in dev_rows], classifier_predictions(nlp, dev_rows),
                             STRENGTH_CLASSES)["macro_f1"]

    best, epoch = _loop(nlp, "unap_strength_textcat", train_ex, dev_score, epochs=epochs,
                        batch_size=int(tcfg.get("batch_size", 16)), dropout=float(tcfg.get("dropout", 0.2)),
                        rnd=rnd, quiet=quiet)
    return {"units": len(rows), "augmented_copies": int(tcfg.get("augment", 0)), "best_epoch": epoch,
            "dev_macro_f1": round(best, 4), "data_sha256": data_hash(data / "train.jsonl", data / "dev.jsonl")}


# --- entity recognizer --------------------------------------------------------------------------------
def ner_doc(nlp: Language, text: str, gold: list[dict[str, Any]] | None = None):
    """The Doc the NER sees: tokens split where the rules put boundaries (as at run time) and, in training,
    where the gold puts them, so no gold span is lost to tokenization."""
    from ..components.entity_rules import split_tokens_at

    doc = nlp.make_doc(text)
    if "unap_entity_rules" in nlp.pipe_names:
        doc = nlp.get_pipe("unap_entity_rules")(doc)
    if gold:
        split_tokens_at(doc, [o for s in gold for o in (s["start"], s["end"])])
    return doc


def ner_examples(nlp: Language, units: list[dict[str, Any]]) -> list[Example]:
    out = []
    for u in units:
        doc = ner_doc(nlp, u["text"], u["entities"])
        out.append(Example.from_dict(doc, {"entities": [(s["start"], s["end"], s["label"]) for s in u["entities"]]}))
    return out


def ner_predictions(nlp: Language, units: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    ner = nlp.get_pipe("ner")
    out = []
    for u in units:
        doc = ner(ner_doc(nlp, u["text"]))
        out.append([{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents])
    return out


def with_silver(lang: str, tcfg: dict[str, Any], units: list[dict[str, Any]],
                folder: Path = ENTITY_DATA / "silver") -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The NER's training units and settings when it learns from the repository's gold: `units` plus the first
    `ner_silver_units` units of the language's silver file (the rules over unlabelled UN text,
    pipeline/training/silver.py), trained for `ner_silver_epochs`; as given without those [unap_training] keys."""
    n = int(tcfg.get("ner_silver_units", 0))
    path = folder / f"{lang}.jsonl"
    if n <= 0 or not path.exists():
        return units, tcfg
    return units + [r for r, _ in _read(path)][:n], {**tcfg, "ner_epochs": tcfg.get("ner_silver_epochs",
                                                                                      tcfg.get("ner_epochs"))}


def train_ner(nlp: Language, lang: str, tcfg: dict[str, Any], rnd: random.Random, *, epochs: int,
              data: Path = ENTITY_DATA, quiet: bool = False, train_units: list[dict[str, Any]] | None = None
              ) -> dict[str, Any] | None:
    units = train_units if train_units is not None else read_entities("train", lang, data)
    if not units:
        return None
    dev = read_entities("dev", lang, data)
    train_ex = ner_examples(nlp, units)

    def dev_score() -> float:
        if not dev:
            return 0.0
        return score_entities([u["entities"] for u in dev], ner_predictions(nlp, dev))["strict"]["f"]

    best, epoch = _loop(nlp, "ner", train_ex, dev_score, epochs=int(tcfg.get("ner_epochs", epochs)),
                        batch_size=int(tcfg.get("ner_batch_size", 8)), dropout=float(tcfg.get("ner_dropout", 0.2)),
                        rnd=rnd, quiet=quiet)
    return {"units": len(units), "best_epoch": epoch, "dev_f1": round(best, 4),
            "data_sha256": data_hash(data / "train.jsonl", data / "dev.jsonl")}


def fresh_component(nlp: Language, lang: str, component: str, examples: list[Example],
                    overrides: dict[str, Any] | None = None) -> None:
    """Replace one trainable component of a loaded pipeline by an untrained one from the language's config
    (with dotted-key `overrides`, as `spacy train` takes them), initialized on `examples` (labels and shapes);
    the other components stay as they are."""
    cfg = util.load_config(models.CONFIG_DIR / f"{lang}.cfg", overrides=overrides or {})
    fresh = util.load_model_from_config(cfg, auto_fill=True, validate=True)
    conf = {k: v for k, v in fresh.config["components"][component].items() if k != "factory"}
    nlp.replace_pipe(component, component, config=conf)
    nlp.get_pipe(component).initialize(lambda: examples, nlp=nlp)


def retrain_one(lang: str, component: str, output: Path | None = None, *, quiet: bool = False) -> dict[str, Any]:
    """Retrain one trainable component of the saved pipeline (the others kept as they are), e.g. the NER
    after new entity gold came back from doccano, without paying for the classifier again."""
    import spacy

    cfg = util.load_config(models.CONFIG_DIR / f"{lang}.cfg")
    tcfg = dict(cfg.get("unap_training", {}))
    util.fix_random_seed(int(tcfg.get("seed", 0)))
    rnd = random.Random(int(tcfg.get("seed", 0)))
    path = models.default_model(lang)
    nlp = spacy.load(path, config={"nlp.disabled": []})  # every trained component, also one not run
    epochs = int(tcfg.get("epochs", 12))
    info = dict(nlp.meta.get("unap", {}))
    if component == "ner":
        units, ner_cfg = with_silver(lang, tcfg, read_entities("train", lang))
        fresh_component(nlp, lang, "ner", ner_examples(nlp, units))  # every label, also one only silver has
        info["ner"] = train_ner(nlp, lang, ner_cfg, rnd, epochs=epochs, quiet=quiet, train_units=units)
    else:
        rows = read_split("train", lang)
        fresh_component(nlp, lang, component, strength_examples(nlp, rows[:300]))
        info["strength"] = train_textcat(nlp, lang, tcfg, rnd, epochs=epochs, quiet=quiet)
    nlp.meta["unap"] = info
    nlp.meta["built"] = datetime.date.today().isoformat()
    for name in cfg["nlp"].get("disabled") or []:
        nlp.disable_pipe(name)
    out = output if output is not None else path
    nlp.to_disk(out)
    return {"path": str(out), **info}


def train(lang: str, output: Path | None = None, *, data: Path = DATA, entity_data: Path = ENTITY_DATA,
          epochs: int | None = None, quiet: bool = False, train_rows: list[dict[str, Any]] | None = None,
          train_units: list[dict[str, Any]] | None = None, corrections=None) -> dict[str, Any]:
    """Train the pipeline and save it; `corrections` (entities.corrections.Corrections, learned from the gold by
    training/retrain.py) are saved with its rules component."""
    cfg = util.load_config(models.CONFIG_DIR / f"{lang}.cfg")
    tcfg = dict(cfg.get("unap_training", {}))
    epochs = epochs or int(tcfg.get("epochs", 12))
    util.fix_random_seed(int(tcfg.get("seed", 0)))
    rnd = random.Random(int(tcfg.get("seed", 0)))
    # components the config disables are a run-time choice: they are trained and saved all the same, disabled
    run_disabled = list(cfg["nlp"].get("disabled") or [])
    cfg["nlp"]["disabled"] = []
    seg_dir = None
    if cfg["nlp"].get("tokenizer", {}).get("segmenter") == "pkuseg":
        seg_dir = models.MODELS_DIR / str(tcfg.get("pkuseg_model", "pkuseg-un"))
        cfg.setdefault("initialize", {})["tokenizer"] = {"pkuseg_model": str(seg_dir),
                                          "pkuseg_user_dict": str(seg_dir / "user_dict.txt")}
    nlp = util.load_model_from_config(cfg, auto_fill=True, validate=True)
    if seg_dir is not None:  # the trained segmenter (models/pkuseg-un), with its user dictionary
        from .segmenter.load import load_into
        load_into(nlp, seg_dir)
    # one initialization for the tokenizer (e.g. the pkuseg model named in the config) and every component:
    # the classifier takes its labels from the strength examples, the NER from the entity examples
    init = strength_examples(nlp, (train_rows if train_rows is not None else read_split("train", lang, data))[:300])
    # the NER: given units as they are (e.g. `unap train --gold`), the repository's gold with its silver
    ner_units, ner_cfg = (train_units, tcfg) if train_units is not None else \
        with_silver(lang, tcfg, read_entities("train", lang, entity_data), entity_data / "silver")
    if "ner" in nlp.pipe_names:  # its labels: every label of its training units, gold or silver
        init += ner_examples(nlp, ner_units)
    nlp.initialize(lambda: init)
    if seg_dir is not None:
        load_into(nlp, seg_dir)  # keeps pkuseg's general-dictionary post-processor off (see train_segmenter)
    info: dict[str, Any] = {"strength": train_textcat(nlp, lang, tcfg, rnd, epochs=epochs, data=data, quiet=quiet,
                                                      train_rows=train_rows)}
    if "ner" in nlp.pipe_names:
        info["ner"] = train_ner(nlp, lang, ner_cfg, rnd, epochs=epochs, data=entity_data, quiet=quiet,
                                train_units=ner_units)
    nlp.meta.update({
        "name": f"unap_{lang}", "version": "0.3.0",
        "description": "UN resolution pipeline: structure, entities (rules + NER), operative-verb strength",
        "built": datetime.date.today().isoformat(), "unap": info})
    if corrections is not None:
        models.teach(nlp, corrections)
    for name in run_disabled:
        nlp.disable_pipe(name)
    out = output if output is not None else models.default_model(lang)
    nlp.to_disk(out)
    return {"path": str(out), **info}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lang", choices=UN_LANGUAGES)
    ap.add_argument("--output", type=Path, default=None)
    ap.add_argument("--epochs", type=int, default=None)
    ap.add_argument("--only", choices=["ner", "unap_strength_textcat"], default=None,
                    help="retrain just this component of the saved pipeline")
    args = ap.parse_args()
    if args.only:
        print(json.dumps(retrain_one(args.lang, args.only, args.output), indent=1))
    else:
        print(json.dumps(train(args.lang, args.output, epochs=args.epochs), indent=1))


if __name__ == "__main__":
    main()
