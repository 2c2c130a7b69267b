"""Which units a person should correct first: the ones the pipeline is least sure of, or where its rules and
its trained models disagree (`unap doccano push --select ...`). `random` is the control strategy.

Signals, per unit, all in [0, 1]:
- `ner_uncertainty`: the NER's beam search gives every candidate entity a probability p; a unit is as
  uncertain as its most doubtful candidate, 1 - |2p - 1| (1 when p = 0.5, 0 when the beam is sure).
- `strength_uncertainty`: 1 minus the margin between the classifier's top two strength classes (operative
  paragraphs only).
- `entity_disagreement`: Jaccard distance between the rule spans and the NER's own spans (label and offsets).
- `strength_disagreement`: 1 when the opener lexicon and the classifier name different classes (or the
  lexicon does not know the opener), else 0.
`uncertain` ranks by ner_uncertainty + strength_uncertainty, `disagreement` by the sum of the two
disagreements; ties keep the input order.
"""
from __future__ import annotations

import random
from typing import Any, Iterable, Sequence

from spacy.language import Language

from . import models
from .components.unit import unit_doc
from .records import parse as parse_record

STRATEGIES = ("uncertain", "disagreement", "random")
BEAM_WIDTH = 8


def _docs(nlp: Language, units: Sequence[dict[str, Any]]):
    for u in units:
        unit = parse_record(u)
        yield unit_doc(nlp, unit.text, ptype=unit.type or ("operative" if unit.strength else None), year=u.get("year"))


def signals(nlp: Language, units: Sequence[dict[str, Any]], *, batch_size: int = 64,
            entities: bool = True) -> list[dict[str, float]]:
    """The four signals of every unit (see the module docstring), computed with one pass of the pipeline.
    `entities=False` skips the entity components (their signals stay 0): a strength-only ranking is 10x faster."""
    out: list[dict[str, float]] = []
    if nlp.disabled:  # the signals read every trained model, also one the pipeline does not run (the zh/en NER)
        nlp = models.configured(nlp, {"nlp.disabled": []})
    skip = set() if entities else {"unap_entity_rules", "ner", "unap_entities"}
    docs = list(_docs(nlp, units))
    lexicon = nlp.get_pipe("unap_opverbs").lexicon if "unap_opverbs" in nlp.pipe_names else None
    for start in range(0, len(docs), batch_size):
        batch = docs[start:start + batch_size]
        ner_probs: list[dict] = [{} for _ in batch]
        ner_spans: list[set] = [set() for _ in batch]
        for name, proc in nlp.pipeline:
            if name in skip:
                continue
            if name == "ner":
                beams = proc.beam_parse(batch, beam_width=BEAM_WIDTH)
                ner_probs = proc.scored_ents(beams)
            batch = list(proc.pipe(batch)) if hasattr(proc, "pipe") else [proc(d) for d in batch]
            if name == "ner":
                ner_spans = [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in batch]
        for doc, probs, model in zip(batch, ner_probs, ner_spans):
            s = {"ner_uncertainty": max((1 - abs(2 * p - 1) for p in probs.values()), default=0.0),
                 "strength_uncertainty": 0.0, "entity_disagreement": 0.0, "strength_disagreement": 0.0}
            rules = {(r.start_char, r.end_char, r.label_) for r in doc.spans.get("entity_rules", [])}
            union = rules | model
            if union:
                s["entity_disagreement"] = 1 - len(rules & model) / len(union)
            for para in doc.spans.get("paragraphs", []):
                scores = para._.strength_scores if para.label_ == "operative" else None
                if not scores:
                    continue
                top = sorted(scores.values(), reverse=True)
                s["strength_uncertainty"] = max(s["strength_uncertainty"], 1 - (top[0] - (top[1] if len(top) > 1 else 0)))
                model_cls = max(scores, key=scores.get)
                found = lexicon.find(para.text, "operative") if lexicon is not None else None
                lex = found.cls if found is not None else None
                if lex != model_cls:
                    s["strength_disagreement"] = 1.0
            out.append({k: round(float(v), 6) for k, v in s.items()})
    return out


def priority(sig: dict[str, float], strategy: str) -> float:
    if strategy == "uncertain":
        return sig["ner_uncertainty"] + sig["strength_uncertainty"]
    if strategy == "disagreement":
        return sig["entity_disagreement"] + sig["strength_disagreement"]
    raise ValueError(f"unknown selection strategy {strategy!r}; choose one of {', '.join(STRATEGIES)}")


def rank(units: Sequence[dict[str, Any]], strategy: str, *, nlp_for: Any = None, seed: int = 0,
         entities: bool = True) -> list[tuple[int, float | None, dict[str, float] | None]]:
    """Indices of `units`, most informative first, with the priority and signals behind each.
    `nlp_for(lang)` returns the pipeline for a language (units of several languages are scored by their own)."""
    if strategy == "random":
        order = list(range(len(units)))
        random.Random(seed).shuffle(order)
        return [(i, None, None) for i in order]
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown selection strategy {strategy!r}; choose one of {', '.join(STRATEGIES)}")
    by_lang: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        by_lang.setdefault(u.get("lang") or "en", []).append(i)
    scored: list[tuple[int, float, dict[str, float]]] = []
    for lang, idx in by_lang.items():
        nlp = nlp_for(lang)
        for i, sig in zip(idx, signals(nlp, [units[i] for i in idx], entities=entities)):
            scored.append((i, priority(sig, strategy), sig))
    scored.sort(key=lambda t: (-t[1], t[0]))
    return scored


def select(units: Sequence[dict[str, Any]], strategy: str, limit: int | None, *, nlp_for: Any = None,
           seed: int = 0, exclude: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The `limit` most informative units not in `exclude` (ids), most informative first; each gets its rank,
    priority and signals in meta["selection"] so annotators and later analyses can see why it was chosen."""
    skip = set(exclude)
    pool = [u for u in units if u.get("id") not in skip]
    out = []
    for r, (i, prio, sig) in enumerate(rank(pool, strategy, nlp_for=nlp_for, seed=seed)[:limit], start=1):
        u = dict(pool[i])
        u["meta"] = {**(u.get("meta") or {}), "selection": {"strategy": strategy, "rank": r, "priority": prio,
                                                           "signals": sig}}
        out.append(u)
    return out
