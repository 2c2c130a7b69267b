"""Inter-annotator agreement: how far people labelling the same units agree, before their work becomes gold.

Input is `annotator -> unit id -> {"text", "entities": [{start, end, label}], "strength"}` (optionally also
`lang`, `type`, `meta`), read from exported JSONL files or from a doccano project's per-user export. Spans are
compared pairwise with the evaluation scorer (F1 is symmetric, so either side may be the reference); strength
classes get Cohen's kappa per pair and Krippendorff's alpha (nominal; any number of annotators, missing values
allowed). The adjudicated gold keeps what a majority agrees on and every annotator's version in its meta, so
nobody's work is lost and the units that still need a person are marked.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import zipfile
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any, Hashable, Iterable, Sequence

from .evaluation.entities import score_entities
from .io.jsonl import records
from .scheme import ENTITY_LABELS, STRENGTH_CLASSES

Annotations = dict[str, dict[str, dict[str, Any]]]  # annotator -> unit id -> unit

# doccano export columns and meta keys that are labels or bookkeeping, not the unit's own metadata
_NOT_META = {"id", "text", "entities", "label", "cats", "Comments", "comments", "unit_id", "lang", "paragraph",
             "paragraph_type", "strength", "meta", "unap_complete", "unap_version"}


class AgreementError(ValueError):
    pass


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


# --- agreement ----------------------------------------------------------------------------------------
def _pairs(ann: Annotations) -> list[tuple[str, str, list[str]]]:
    """Annotator pairs with the units both have, in a stable order."""
    out = []
    for a, b in combinations(sorted(ann), 2):
        out.append((a, b, [u for u in ann[a] if u in ann[b]]))
    return out


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


def _unit_order(ann: Annotations) -> list[str]:
    order: dict[str, None] = {}
    for name in sorted(ann):
        order.update(dict.fromkeys(ann[name]))
    return list(order)


def _key(e: dict) -> tuple[int, int, str]:
    return e["start"], e["end"], e["label"]


def _votes(ann: Annotations, uid: str) -> tuple[list[str], Counter, Counter]:
    """Annotators who have the unit, how many of them have each span, and each strength value."""
    names = [n for n in sorted(ann) if uid in ann[n]]
    spans = Counter(k for n in names for k in {_key(e) for e in ann[n][uid]["entities"]})
    strengths = Counter(ann[n][uid]["strength"] for n in names)
    return names, spans, strengths


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


def adjudicate(ann: Annotations) -> list[dict[str, Any]]:
    """Gold units in this project's doccano JSONL shape: spans and the class a strict majority of the unit's
    annotators chose (with two annotators: what both chose). `meta.adjudication` is `agreed`, `majority`
    (differences outvoted), `needs review` (a tie, as whenever two annotators differ, or no class with a
    majority) or `single annotator`; `meta.annotators` keeps every version."""
    gold = []
    for uid in _unit_order(ann):
        names, spans, strengths = _votes(ann, uid)
        first = ann[names[0]][uid]
        text = first["text"]
        half = len(names) / 2
        kept = sorted(k for k, c in spans.items() if c > half)
        strength = next((v for v, c in strengths.items() if c > half), None)
        if len(names) == 1:
            status = "single annotator"
        elif all(c == len(names) for c in spans.values()) and len(strengths) == 1:
            status = "agreed"
        elif any(c == half for c in spans.values()) or all(c <= half for c in strengths.values()):
            status = "needs review"  # a tie (always, with two annotators) or no class with a majority
        else:
            status = "majority"
        ents = [{"start": s, "end": e, "label": lab, "text": text[s:e]} for s, e, lab in kept]
        meta = dict(first.get("meta") or {})
        meta["adjudication"] = status
        meta["annotators"] = {n: {"entities": [dict(zip(("start", "end", "label"), _key(e)))
                                               for e in sorted(ann[n][uid]["entities"], key=_key)],
                                  "strength": ann[n][uid]["strength"]} for n in names}
        gold.append({"id": uid, "text": text, "lang": first.get("lang"),
                     "label": [[s, e, lab] for s, e, lab in kept], "entities": ents,
                     "paragraph": {"type": first.get("type") or ("operative" if strength else None),
                                   "strength": strength},
                     "meta": meta})
    return gold


def report(ann: Annotations) -> dict[str, Any]:
    units = _unit_order(ann)
    return {"annotators": sorted(ann), "units": len(units),
            "units_by_all": sum(1 for u in units if all(u in ann[n] for n in ann)),
            "spans": span_agreement(ann), "strength": strength_agreement(ann),
            "disagreements": disagreements(ann)}


def write_text(path: Path, text: str) -> None:
    """Atomically: a crash leaves the old file or the new one, never half of one."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


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


# --- readers ------------------------------------------------------------------------------------------
def _spans(r: dict, where: str) -> list[dict]:
    raw = r["entities"] if isinstance(r.get("entities"), list) else None
    if raw is None and isinstance(r.get("label"), list) and all(isinstance(x, (list, dict)) for x in r["label"]):
        raw = r["label"]
    out = []
    for x in raw or []:
        if isinstance(x, dict):
            s, e, lab = x.get("start", x.get("start_offset")), x.get("end", x.get("end_offset")), x.get("label")
        elif isinstance(x, (list, tuple)) and len(x) == 3:
            s, e, lab = x
        else:
            raise AgreementError(f"{where}: cannot read the span {json.dumps(x, ensure_ascii=False)[:60]}")
        if not (isinstance(s, int) and isinstance(e, int) and isinstance(lab, str)
                and 0 <= s < e <= len(r["text"])):
            raise AgreementError(f"{where}: span {s}-{e} {lab} does not fit the text")
        out.append({"start": s, "end": e, "label": lab})
    return out


def _strength_of(r: dict, where: str) -> str | None:
    """The paragraph's class, else the record's, else doccano's category names (annotate output's `cats` are
    model scores, and its paragraph already says)."""
    para = r.get("paragraph") if isinstance(r.get("paragraph"), dict) else {}
    for d in (para, r):
        if "strength" in d:
            return d["strength"] or None
    cats = r.get("cats")
    if isinstance(cats, list):  # doccano's export
        found = sorted(set(cats), key=lambda c: (STRENGTH_CLASSES + [c]).index(c))
        if len(found) > 1:
            raise AgreementError(f"{where}: {len(found)} strength classes ({', '.join(found)}); one expected")
        return found[0] if found else None
    return None


def parse_unit(r: dict[str, Any], where: str) -> tuple[str | None, dict[str, Any]]:
    """(unit id or None, unit) from this project's gold/annotate shape or doccano's export (meta flattened
    into the record, `entities` as [start, end, label], `cats` as names)."""
    meta = r.get("meta") if isinstance(r.get("meta"), dict) else None
    uid = (meta or {}).get("unit_id") or r.get("unit_id") or r.get("id")
    para = r.get("paragraph") if isinstance(r.get("paragraph"), dict) else {}
    unit = {"text": r["text"], "entities": _spans(r, where), "strength": _strength_of(r, where),
            "lang": r.get("lang"), "type": para.get("type") or r.get("paragraph_type"),
            "meta": meta if meta is not None else {k: v for k, v in r.items() if k not in _NOT_META},
            "pushed": (meta or r).get("unap_version")}
    return (str(uid) if uid not in (None, "") else None), unit


def _read_file(path: Path, shown: str | None = None) -> tuple[dict[str, dict], dict[str, str]]:
    """Units by id, and text -> id for the records that had one. Units with no id are keyed by their text."""
    units: dict[str, dict] = {}
    ids: dict[str, str] = {}
    try:
        for n, r in records(path, AgreementError, "a unit"):
            where = f"{shown or path}:{n}"
            uid, unit = parse_unit(r, where)
            key = uid if uid is not None else "text:" + unit["text"]
            if key in units:
                raise AgreementError(f"{where}: unit {uid or repr(unit['text'][:30])} appears twice")
            units[key] = unit
            if uid is not None:
                ids[unit["text"]] = uid
    except (AgreementError, OSError) as e:
        msg = str(e) if shown is None else str(e).replace(str(path), shown)
        raise AgreementError(msg) from None
    return units, ids


def _combine(per_name: dict[str, tuple[dict[str, dict], dict[str, str]]], source: dict[str, str]) -> Annotations:
    """Units without an id take the id another annotator gave the same text (else one made from the text); the
    same id must mean the same text everywhere."""
    text_ids: dict[str, str] = {}
    for _, ids in per_name.values():
        for t, i in ids.items():
            text_ids.setdefault(t, i)
    ann: Annotations = {}
    seen: dict[str, tuple[str, str]] = {}
    for name, (units, _) in per_name.items():
        ann[name] = {}
        for key, u in units.items():
            uid = key
            if key.startswith("text:"):
                uid = text_ids.get(u["text"]) or "text-" + hashlib.sha256(u["text"].encode()).hexdigest()[:12]
            if uid in seen and seen[uid][1] != u["text"]:
                raise AgreementError(f"{source[name]}: unit {uid} has another text than in {source[seen[uid][0]]}")
            seen.setdefault(uid, (name, u["text"]))
            ann[name][uid] = u
    return ann


def read_files(paths: Sequence[Path]) -> Annotations:
    """Two or more exported JSONL files, one per annotator, named after the file stem."""
    if len(paths) < 2:
        raise AgreementError("agreement needs at least two annotators' files")
    per_name: dict[str, tuple[dict, dict]] = {}
    source: dict[str, str] = {}
    for p in map(Path, paths):
        if p.stem in per_name:
            raise AgreementError(f"{p}: another file is also named {p.stem!r}; the file stem names the annotator")
        if not p.is_file():
            raise AgreementError(f"{p}: no such file")
        per_name[p.stem] = _read_file(p)
        source[p.stem] = str(p)
        if not per_name[p.stem][0]:
            raise AgreementError(f"{p}: no units")
    ann = _combine(per_name, source)
    for a, b, units in _pairs(ann):
        if not units:
            raise AgreementError(f"{source[a]} and {source[b]} share no unit (matched by meta.unit_id or id, "
                                 f"else by text)")
    return ann


def _pre_annotation_only(units: dict[str, dict]) -> bool:
    """True when every unit equals the version `unap doccano push` uploaded (kept in the example's meta): the
    pushing user's machine labels, not a person's annotation."""
    from .doccano.sync import unit_version

    return bool(units) and all(u["pushed"] == unit_version(u["text"], u["entities"], u["strength"])
                               for u in units.values())


def read_project(project: str, settings, *, annotators: Sequence[str] | None = None,
                 timeout: float | None = None) -> tuple[Annotations, dict[str, str]]:
    """Every member's labels from a doccano project, through the admin's dataset export (the REST label
    endpoints show a user only their own labels). Returns the annotations and the skipped members with why."""
    from .doccano.connection import DoccanoError, connect, retry

    client = connect(settings)
    proj = next((p for p in retry(lambda: list(client.list_projects()), what="list projects") if p.name == project),
                None)
    if proj is None:
        raise DoccanoError(f"no doccano project named {project!r} at {settings.url}")
    shown = f"doccano project {project!r}"
    with tempfile.TemporaryDirectory(prefix="unap-agreement-") as tmp:
        archive = _export(client, proj.id, Path(tmp), timeout or float(os.environ.get("UNAP_DOCCANO_EXPORT_TIMEOUT",
                                                                                        "300")))
        folder = Path(tmp) / "members"
        folder.mkdir()
        with zipfile.ZipFile(archive) as z:
            names = [n for n in z.namelist() if n.endswith(".jsonl") and "/" not in n and not n.startswith(".")]
            if names == ["all.jsonl"]:
                raise DoccanoError(f"{shown} uses collaborative annotation: doccano keeps one shared set of "
                                   f"labels there, so there is nothing to compare")
            for n in names:
                (folder / n).write_bytes(z.read(n))
        per_name: dict[str, tuple[dict, dict]] = {}
        skipped: dict[str, str] = {}
        for f in sorted(folder.glob("*.jsonl")):
            name = f.stem
            if annotators and name not in annotators:
                continue
            units, ids = _read_file(f, f"{shown}, {f.name}")
            if not any(u["entities"] or u["strength"] for u in units.values()):
                skipped[name] = "no labels"
            elif not annotators and _pre_annotation_only(units):
                skipped[name] = "labels identical to the pushed pre-annotations"
            else:
                per_name[name] = (units, ids)
    missing = sorted(set(annotators or []) - set(per_name) - set(skipped))
    if missing:
        raise DoccanoError(f"{shown} has no member named {', '.join(missing)}")
    if len(per_name) < 2:
        raise DoccanoError(f"{shown}: {len(per_name)} member(s) with their own labels; agreement needs two"
                           + (f" (skipped {', '.join(f'{k}: {v}' for k, v in skipped.items())})" if skipped else ""))
    return _combine(per_name, {n: f"{shown}, {n}.jsonl" for n in per_name}), skipped


def _export(client, project_id: int, folder: Path, timeout: float) -> Path:
    """Run doccano's JSONL export (a celery task) and download the zip. doccano-client waits up to an hour for
    a task; without a worker that is a hang, so this polls with its own deadline."""
    from .doccano.connection import DoccanoError, retry

    options = retry(lambda: client.list_download_options(project_id), what="list export formats")
    option = next((o for o in options if o.name == "JSONL"), None)
    if option is None:
        raise DoccanoError(f"doccano offers no JSONL export for this project ({', '.join(o.name for o in options)})")
    use = client.data_export
    repo, tasks = use._data_download_repository, use._task_status_repository
    task = retry(lambda: repo.schedule_download(project_id, option, False), what="start the export")
    deadline = time.time() + timeout
    while True:
        status = retry(lambda: tasks.get(task), what="export status")
        if status.ready:
            break
        if time.time() > deadline:
            raise DoccanoError(f"doccano's export did not finish within {timeout:.0f} s (is its celery worker "
                               f"running?)")
        time.sleep(0.5)
    if status.error:
        raise DoccanoError(f"doccano's export failed: {str(status.error)[:200]}")
    return retry(lambda: repo.download(project_id, task, str(folder)), what="download the export")
