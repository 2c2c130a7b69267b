"""Agreement statistics: Cohen's kappa and Krippendorff's alpha, span agreement per pair (the evaluation
scorer), strength agreement, the disagreement worklist, and the report with its terminal summary."""
from __future__ import annotations

from collections import Counter
from typing import Any, Hashable, Iterable, Sequence

from ..evaluation.entities import score_entities
from ..scheme import ENTITY_LABELS
from .base import Annotations, _key, _pairs, _unit_order, _votes


# --- coefficients -------------------------------------------------------------------------------------
def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two aligned label lists; None when undefined (no items, or chance agreement is 1)."""
    if len(a) != len(b):
        raise ValueError("the two label lists differ in length")
    n = len(a)
    if not n:
        return None
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    chance = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if chance == 1:
        return None
    return (observed - chance) / (1 - chance)


def krippendorff_alpha(units: Iterable[Iterable[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal data. Each unit lists the values its coders gave (None = missing);
    units with fewer than two values are not pairable and drop out. None when undefined (one value only)."""
    coincidences: Counter = Counter()
    for values in units:
        vals = Counter(v for v in values if v is not None)
        m = sum(vals.values())
        if m < 2:
            continue
        for c in vals:
            for k in vals:
                coincidences[c, k] += vals[c] * (vals[k] - (c == k)) / (m - 1)
    n_c: Counter = Counter()
    for (c, _), v in coincidences.items():
        n_c[c] += v
    n = sum(n_c.values())
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    if n <= 1 or expected == 0:
        return None
    observed = sum(v for (c, k), v in coincidences.items() if c != k)
    return 1 - (n - 1) * observed / expected


def _labels(ann: Annotations) -> list[str]:
    found = {e["label"] for units in ann.values() for u in units.values() for e in u["entities"]}
    return [lab for lab in ENTITY_LABELS if lab in found] + sorted(found - set(ENTITY_LABELS))


def span_agreement(ann: Annotations) -> dict[str, Any]:
    """Exact and overlap P/R/F per label and micro for every pair (first annotator as reference), plus the mean
    F1 over pairs. F1 is None, not 0, where a pair has no span (of that label) at all."""
    labels = _labels(ann)
    pairs = []
    for a, b, units in _pairs(ann):
        s = score_entities([ann[a][u]["entities"] for u in units], [ann[b][u]["entities"] for u in units],
                           labels=labels)
        row: dict[str, Any] = {"a": a, "b": b, "units": len(units)}
        for mode, key in (("exact", "strict"), ("overlap", "overlap")):
            per = {lab: dict(v, f=v["f"] if v["tp"] + v["fp"] + v["fn"] else None)
                   for lab, v in s["per_label"][key].items()}
            micro = {k: s[key][k] for k in ("p", "r", "f", "tp", "fp", "fn")}
            micro["f"] = micro["f"] if micro["tp"] + micro["fp"] + micro["fn"] else None
            row[mode] = {"micro": micro, "per_label": per}
        pairs.append(row)
    mean: dict[str, Any] = {}
    for mode in ("exact", "overlap"):
        mean[mode] = {"micro_f": _mean([p[mode]["micro"]["f"] for p in pairs]),
                      "per_label_f": {lab: _mean([p[mode]["per_label"][lab]["f"] for p in pairs]) for lab in labels}}
    return {"labels": labels, "pairs": pairs, "mean": mean}


def _mean(xs: Iterable[float | None]) -> float | None:
    vals = [x for x in xs if x is not None]
    return sum(vals) / len(vals) if vals else None


def strength_agreement(ann: Annotations) -> dict[str, Any]:
    """Kappa per pair over the units both classified, their mean, and alpha over every unit (a unit an
    annotator left without a class, or does not have, is a missing value)."""
    pairs = []
    for a, b, units in _pairs(ann):
        both = [u for u in units if ann[a][u]["strength"] and ann[b][u]["strength"]]
        xa = [ann[a][u]["strength"] for u in both]
        xb = [ann[b][u]["strength"] for u in both]
        pairs.append({"a": a, "b": b, "n": len(both), "kappa": cohen_kappa(xa, xb),
                      "observed": sum(x == y for x, y in zip(xa, xb)) / len(both) if both else None})
    units = _unit_order(ann)
    values = [[ann[name][u]["strength"] if u in ann[name] else None for name in sorted(ann)] for u in units]
    return {"pairs": pairs, "mean_kappa": _mean(p["kappa"] for p in pairs),
            "alpha": krippendorff_alpha(values),
            "alpha_units": sum(1 for v in values if sum(x is not None for x in v) >= 2)}


def disagreements(ann: Annotations) -> list[dict[str, Any]]:
    """Per unit, the spans not every annotator of the unit has (with who has each) and the strength classes if
    they differ: the adjudication worklist."""
    out = []
    for uid in _unit_order(ann):
        names, spans, strengths = _votes(ann, uid)
        if len(names) < 2:
            continue
        text = ann[names[0]][uid]["text"]
        split = [{"start": s, "end": e, "label": lab, "text": text[s:e],
                  "by": [n for n in names if (s, e, lab) in {_key(x) for x in ann[n][uid]["entities"]}]}
                 for (s, e, lab), c in sorted(spans.items()) if c < len(names)]
        row: dict[str, Any] = {"unit_id": uid, "text": text}
        if split:
            row["spans"] = split
        if len(strengths) > 1:
            row["strength"] = {n: ann[n][uid]["strength"] for n in names}
        if len(row) > 2:
            out.append(row)
    return out


def report(ann: Annotations) -> dict[str, Any]:
    units = _unit_order(ann)
    return {"annotators": sorted(ann), "units": len(units),
            "units_by_all": sum(1 for u in units if all(u in ann[n] for n in ann)),
            "spans": span_agreement(ann), "strength": strength_agreement(ann),
            "disagreements": disagreements(ann)}


def summary(rep: dict[str, Any]) -> str:
    """The report as a short table for the terminal."""
    def f(x: float | None) -> str:
        return "    –" if x is None else f"{x:5.3f}"

    sp, st = rep["spans"], rep["strength"]
    pairs = sp["pairs"]
    lines = [f"annotators: {', '.join(rep['annotators'])}"
             + (f" (skipped: {'; '.join(f'{k}: {v}' for k, v in rep['skipped'].items())})" if rep.get("skipped")
                else ""),
             f"units: {rep['units']} ({rep['units_by_all']} annotated by all)", "",
             "span F1            " + "".join(f"{p['a'] + '~' + p['b']:>18}" for p in pairs)
             + ("              mean" if len(pairs) > 1 else ""),
             "                   " + "     exact overlap" * (len(pairs) + (len(pairs) > 1))]
    for lab in sp["labels"] + ["micro"]:
        cells = []
        for p in pairs:
            for mode in ("exact", "overlap"):
                cells.append(p[mode]["micro"]["f"] if lab == "micro" else p[mode]["per_label"][lab]["f"])
        if len(pairs) > 1:
            for mode in ("exact", "overlap"):
                m = sp["mean"][mode]
                cells.append(m["micro_f"] if lab == "micro" else m["per_label_f"][lab])
        body = "".join(f"{f(c):>10}" if i % 2 == 0 else f"{f(c):>8}" for i, c in enumerate(cells))
        lines.append(f"  {lab:<17}{body}")
    lines.append("")
    for p in st["pairs"]:
        lines.append(f"strength kappa {p['a']}~{p['b']}: {f(p['kappa']).strip()} (agreement "
                     f"{f(p['observed']).strip()} on {p['n']} units both classified)")
    if len(st["pairs"]) > 1:
        lines.append(f"strength kappa, mean over pairs: {f(st['mean_kappa']).strip()}")
    lines.append(f"strength Krippendorff's alpha (nominal): {f(st['alpha']).strip()} ({st['alpha_units']} units)")
    dis = rep["disagreements"]
    lines.append(f"disagreements: {len(dis)} units ({sum(1 for d in dis if 'spans' in d)} with spans, "
                 f"{sum(1 for d in dis if 'strength' in d)} with strength)"
                 + (": " + ", ".join(d["unit_id"] for d in dis[:8]) + (" …" if len(dis) > 8 else "") if dis else ""))
    return "\n".join(lines)
