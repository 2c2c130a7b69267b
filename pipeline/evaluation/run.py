"""`unap evaluate`: run a pipeline on gold units and score it, with bootstrap intervals and an optional
paired comparison against a baseline pipeline. Produces the `scores.json` document (schema_version 1)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from spacy.language import Language

from .. import models
from ..components.unit import unit_doc
from ..scheme import ENTITY_LABELS, INTENSITIES, PARAGRAPH_TYPES, STRENGTH_CLASSES
from ..io.jsonl import records
from ..records import RecordError, parse as parse_record
from ..export import clauses_of
from .bootstrap import interval, paired
from .classes import score_classes
from .addressees import score_addressees
from .clauses import score_clauses
from .entities import score_entities

SCHEMA_VERSION = 1
# evaluation configurations: entity merge mode and opener mode set together, as config overrides at load
CONFIGS = {"rules": ("rules", "lexicon"), "model": ("model", "model"), "combined": ("combined", "combined")}


class GoldError(ValueError):
    pass


def read_gold(path: Path) -> list[dict[str, Any]]:
    """Gold units from any JSONL shape this project reads (records.parse: doccano JSONL as exported by this
    project, annotate output, the strength and addressee data). Each unit: text, lang, and whichever of
    entities / addressees / clauses / type / strength / intensity it has."""
    units = []
    for n, r in records(path, GoldError, "a gold unit"):
        try:
            unit = parse_record(r)
        except RecordError as e:
            raise GoldError(f"{path}:{n}: " + (f"span {e.span[0]}-{e.span[1]} outside the text" if e.span
                                               else str(e))) from None
        u: dict[str, Any] = {"id": str(r.get("id", f"{path.name}:{n}")), "text": unit.text, "lang": unit.lang}
        if unit.year is not None:
            u["year"] = unit.year
        if unit.entities is not None:
            u["entities"] = [{"start": e.start, "end": e.end, "label": e.label, "id": e.id} for e in unit.entities]
        if unit.addressees is not None:
            u["addressees"] = [{"start": a.start, "end": a.end, "type": a.type} for a in unit.addressees]
        if unit.clauses is not None:  # every clause of the paragraph (GUIDELINES.md, "Clauses")
            u["clauses"] = unit.clauses
        for key in ("type", "strength", "intensity"):
            if getattr(unit, key) is not None:
                u[key] = getattr(unit, key)
        if (u.get("strength") or "addressees" in u) and "type" not in u:
            u["type"] = "operative"
        units.append(u)
    if not units:
        raise GoldError(f"{path}: no gold units")
    return units


def overrides(nlp: Language, config: str) -> dict[str, Any]:
    """The config overrides of evaluation configuration `config` for the components `nlp` has; the model and
    combined configurations also run a trained component the pipeline keeps disabled (the NER of zh/en)."""
    ent_mode, op_mode = CONFIGS[config]
    out: dict[str, Any] = {f"components.{name}.mode": mode for name, mode in
                           (("unap_entities", ent_mode), ("unap_opverbs", op_mode)) if name in nlp.pipe_names}
    if ent_mode != "rules" and nlp.disabled:
        out["nlp.disabled"] = []
    return out


def predict(nlp: Language, units: Sequence[dict[str, Any]], config: str | None = None) -> list[dict[str, Any]]:
    """Annotate every gold text as a unit (its gold paragraph type, if any, is given as structure). `config`
    (rules, model, combined) runs the pipeline loaded with that configuration's overrides; `nlp` is not changed."""
    if config:
        nlp = models.configured(nlp, overrides(nlp, config))
    docs = [unit_doc(nlp, u["text"], ptype=u.get("type"), year=u.get("year")) for u in units]
    out = []
    for doc in nlp.pipe(docs):
        para = doc.spans["paragraphs"][0] if doc.spans.get("paragraphs") else None
        verbs = list(doc.spans.get("opverbs", []))
        v = verbs[0] if verbs else None
        out.append({
            "entities": [{"start": e.start_char, "end": e.end_char, "label": e.label_, "id": e.kb_id_ or None}
                         for e in doc.ents],
            "type": para.label_ if para is not None else None,
            "strength": v._.strength if v is not None else None,
            "intensity": v._.intensity if v is not None and para is not None and para.label_ == "operative"
            else None,
            "verb": v.text if v is not None else None,
            "addressees": [{"start": a.start_char, "end": a.end_char, "type": a._.addressee_type}
                           for a in doc.spans.get("addressees", [])],
            "clauses": clauses_of(doc, para) if para is not None and para.label_ == "operative" else [],
        })
    return out


# --- per-unit tallies, so that bootstrap resamples are cheap ----------------------------------------------
def _entity_counts(g: list[dict], p: list[dict]) -> tuple[int, int, int, int, int]:
    gk = {(s["start"], s["end"], s["label"]): s for s in g}
    pk = {(s["start"], s["end"], s["label"]): s for s in p}
    tp_keys = [k for k in pk if k in gk]
    ids_ok = sum((pk[k].get("id") or "") == (gk[k].get("id") or "") for k in tp_keys)
    return len(tp_keys), len(pk) - len(tp_keys), len(gk) - len(tp_keys), ids_ok, len(tp_keys)


def _f1(rows: Sequence[tuple[int, ...]], idx: Sequence[int]) -> float:
    tp = sum(rows[i][0] for i in idx)
    fp = sum(rows[i][1] for i in idx)
    fn = sum(rows[i][2] for i in idx)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _id_acc(rows: Sequence[tuple[int, ...]], idx: Sequence[int]) -> float:
    n = sum(rows[i][4] for i in idx)
    return sum(rows[i][3] for i in idx) / n if n else 0.0


def _acc(pairs: Sequence[tuple[Any, Any]], idx: Sequence[int]) -> float:
    return sum(pairs[i][0] == pairs[i][1] for i in idx) / len(idx) if idx else 0.0


def _macro(pairs: Sequence[tuple[Any, Any]], idx: Sequence[int]) -> float:
    return score_classes([pairs[i][0] for i in idx], [pairs[i][1] for i in idx], STRENGTH_CLASSES)["macro_f1"]


def score(units: Sequence[dict[str, Any]], preds: Sequence[dict[str, Any]], *, rounds: int = 1000
          ) -> tuple[dict[str, Any], dict[str, Any]]:
    """Scores (JSON-ready) and the per-unit tallies used for intervals and paired comparisons."""
    ent_idx = [i for i, u in enumerate(units) if "entities" in u]
    ent_rows = [_entity_counts(units[i]["entities"], preds[i]["entities"]) for i in ent_idx]
    typ = [(u["type"], preds[i]["type"]) for i, u in enumerate(units) if u.get("type")]
    st = [(u["strength"], preds[i]["strength"]) for i, u in enumerate(units) if u.get("strength")]
    inten = [(u["intensity"], preds[i]["intensity"]) for i, u in enumerate(units)
             if u.get("strength") and u.get("intensity")]
    out: dict[str, Any] = {"units": len(units)}
    if ent_idx:
        labels = [lab for lab in ENTITY_LABELS if any(e["label"] == lab for i in ent_idx
                                                      for e in units[i]["entities"])] or ENTITY_LABELS
        ents = score_entities([units[i]["entities"] for i in ent_idx], [preds[i]["entities"] for i in ent_idx],
                              labels=labels)
        ents["units"] = len(ent_idx)
        ents["ci"] = {
            "strict_f": interval(lambda idx: _f1(ent_rows, idx), len(ent_rows), rounds=rounds),
            "id_accuracy": interval(lambda idx: _id_acc(ent_rows, idx), len(ent_rows), rounds=rounds),
        }
        out["entities"] = ents
    if typ:
        out["paragraph_type"] = score_classes([g for g, _ in typ], [p for _, p in typ], PARAGRAPH_TYPES)
    if st:
        res = score_classes([g for g, _ in st], [p for _, p in st], STRENGTH_CLASSES)
        res["ci"] = {"accuracy": interval(lambda idx: _acc(st, idx), len(st), rounds=rounds),
                     "macro_f1": interval(lambda idx: _macro(st, idx), len(st), rounds=min(rounds, 300))}
        out["strength"] = res
    if inten:
        out["intensity"] = score_classes([g for g, _ in inten], [p for _, p in inten], INTENSITIES)
    addr = [i for i, u in enumerate(units) if "addressees" in u]
    if addr:
        out["addressees"] = score_addressees([units[i]["addressees"] for i in addr],
                                             [preds[i]["addressees"] for i in addr])
    cl = [i for i, u in enumerate(units) if "clauses" in u]
    if cl:  # clause detection, class and addressees, when the gold has clauses
        out["clauses"] = score_clauses([units[i]["clauses"] for i in cl], [preds[i].get("clauses", []) for i in cl])
    tallies = {"ent_rows": ent_rows, "strength": st}
    return out, tallies


def compare(a: dict[str, Any], b: dict[str, Any], *, rounds: int = 1000) -> dict[str, Any]:
    """Paired bootstrap of system a minus baseline b on the same units."""
    out: dict[str, Any] = {}
    if a["ent_rows"]:
        ra, rb = a["ent_rows"], b["ent_rows"]
        out["entities_strict_f"] = paired(lambda idx: _f1(ra, idx), lambda idx: _f1(rb, idx), len(ra), rounds=rounds)
    if a["strength"]:
        sa, sb = a["strength"], b["strength"]
        out["strength_accuracy"] = paired(lambda idx: _acc(sa, idx), lambda idx: _acc(sb, idx), len(sa), rounds=rounds)
    return out


def worst_errors(units: Sequence[dict[str, Any]], preds: Sequence[dict[str, Any]], k: int = 20) -> list[dict]:
    """The k units with the most errors (entity misses and false spans, wrong strength)."""
    scored = []
    for u, p in zip(units, preds):
        gk = {(s["start"], s["end"], s["label"]) for s in u.get("entities", [])}
        pk = {(s["start"], s["end"], s["label"]) for s in p["entities"]} if "entities" in u else set()
        missed = sorted(gk - pk)
        spurious = sorted(pk - gk)
        wrong_strength = bool(u.get("strength")) and u["strength"] != p["strength"]
        n = len(missed) + len(spurious) + 2 * wrong_strength
        if n:
            scored.append({"id": u["id"], "text": u["text"], "lang": u.get("lang"), "errors": n, "missed": missed,
                           "spurious": spurious,
                           "gold_strength": u.get("strength"), "pred_strength": p["strength"]})
    scored.sort(key=lambda r: -r["errors"])
    return scored[:k]
