"""How sure the NER must be before combined mode adds one of its entities: a threshold per label, chosen on dev.

Combined mode keeps every rule span and adds an NER candidate (doc.spans["ner_scored"], `unap_ner`) that overlaps no
rule span when its score reaches its label's threshold. The thresholds are chosen here on the dev split, label by
label, as the value that maximizes strict micro-F1 of the combination (None: the label is never added), and stored
in the pipeline's config (`unap_entities.model_thresholds`). The overlap policy is measured the same way: "rules"
(a rule span always wins) against "score" (a candidate at or above `override` replaces the rule spans it overlaps).
"""
from __future__ import annotations

from typing import Any, Sequence

from spacy.language import Language

GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999)


def candidates(nlp: Language, units: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per unit: gold (start, end, label), rule spans, and scored NER candidates, all as character offsets."""
    from .train import ner_doc

    ner = nlp.get_pipe("ner")
    out = []
    for u in units:
        doc = ner(ner_doc(nlp, u["text"]))
        group = doc.spans.get("ner_scored")
        scored = [(s.start_char, s.end_char, s.label_, sc) for s, sc in zip(group, group.attrs["scores"])] if group \
            else []
        rules = [(s.start_char, s.end_char, s.label_) for s in doc.spans.get("entity_rules", [])]
        out.append({"gold": {(e["start"], e["end"], e["label"]) for e in u["entities"]}, "rules": rules,
                    "scored": sorted(scored, key=lambda c: -c[3])})
    return out


def combine(unit: dict[str, Any], thresholds: dict[str, float | None], policy: str = "rules",
            override: float = 1.0) -> set[tuple[int, int, str]]:
    final = list(unit["rules"])
    for s, e, label, score in unit["scored"]:
        t = thresholds.get(label)
        if t is None or score < t:
            continue
        hits = [r for r in final if s < r[1] and r[0] < e]
        if hits and not (policy == "score" and score >= override and all(r in unit["rules"] for r in hits)):
            continue
        final = [r for r in final if r not in hits] + [(s, e, label)]
    return set(final)


def micro_f1(units: Sequence[dict[str, Any]], thresholds: dict[str, float | None], policy: str = "rules",
             override: float = 1.0) -> float:
    tp = fp = fn = 0
    for u in units:
        pred = combine(u, thresholds, policy, override)
        tp += len(pred & u["gold"])
        fp += len(pred - u["gold"])
        fn += len(u["gold"] - pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose(units: Sequence[dict[str, Any]], labels: Sequence[str]) -> dict[str, Any]:
    """Thresholds label by label (coordinate ascent, two rounds), then the overlap policy; with the dev F1 of
    rules alone and of the choice, so the gain is on record."""
    th: dict[str, float | None] = {label: None for label in labels}
    base = micro_f1(units, th)
    for _ in range(2):
        for label in labels:
            best = (micro_f1(units, th), th[label])
            for t in GRID:
                f = micro_f1(units, {**th, label: t})
                if f > best[0] + 1e-9:
                    best = (f, t)
            th[label] = best[1]
    chosen = micro_f1(units, th)
    policy, override = "rules", 1.0
    for t in GRID:
        f = micro_f1(units, th, "score", t)
        if f > chosen + 1e-9:
            chosen, policy, override = f, "score", t
    return {"thresholds": th, "policy": policy, "override": override, "dev_rules_f1": round(base, 4),
            "dev_combined_f1": round(chosen, 4)}
