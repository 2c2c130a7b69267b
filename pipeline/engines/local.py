"""Run the pipeline over a stream of unit tasks, in this process or in N worker processes.

Workers load each pipeline once and do everything per unit (tokenize, annotate, export to a JSON line),
so the parent only reads input and writes lines; output order is input order.
"""
from __future__ import annotations

import json
import multiprocessing as mp
from collections import deque
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator

from .. import models
from ..components.unit import unit_doc
from ..export import record

_PATHS: dict[str, str] = {}
_WANT_DOCS = False
_BACKBONE = "spacy"
_STANZA_NLP: dict[tuple[str, str], Any] = {}  # (pipeline folder, lang) -> a pipeline of its own on stanza


def _init(paths: dict[str, str], want_docs: bool, backbone: str = "spacy") -> None:
    global _PATHS, _WANT_DOCS, _BACKBONE
    _PATHS, _WANT_DOCS, _BACKBONE = paths, want_docs, backbone


def _load(lang: str):
    """The pipeline of `lang` on the current backbone, loaded once per process. The stanza one is a separate
    copy (never the spaCy one of models.load's cache with its tokenizer swapped), so both can coexist."""
    path = Path(_PATHS[lang])
    if _BACKBONE == "spacy":
        return models.load(path)
    if _BACKBONE != "stanza":
        raise ValueError(f"unknown backbone {_BACKBONE!r}")
    key = (str(path.resolve()), lang)
    if key not in _STANZA_NLP:
        from ..backbones import stanza_backbone

        _STANZA_NLP[key] = stanza_backbone.load(path)
    return _STANZA_NLP[key]


def _make_doc(nlp, task: dict[str, Any]):
    return unit_doc(nlp, task["text"], paragraphs=task.get("paragraphs"), year=(task.get("meta") or {}).get("year"),
                    uid=task["id"])


def process_batch(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Annotate a batch; one result per task: {"id", "line"} or {"id", "error"}."""
    results: list[dict[str, Any] | None] = [None] * len(tasks)
    for lang in sorted({t["lang"] for t in tasks}):
        idx = [i for i, t in enumerate(tasks) if t["lang"] == lang]
        try:
            nlp = _load(lang)
        except Exception as e:  # a missing model fails every unit of that language, clearly
            for i in idx:
                results[i] = {"id": tasks[i]["id"], "error": f"cannot load the {lang} pipeline: {e}", "unloaded": lang}
            continue
        try:  # batched through nlp.pipe: the NER and the classifier work on many docs at once
            docs = list(nlp.pipe(_make_doc(nlp, tasks[i]) for i in idx))
        except Exception:  # one bad unit must not fail the batch: redo it unit by unit
            docs = []
            for i in idx:
                try:
                    docs.append(nlp(_make_doc(nlp, tasks[i])))
                except Exception as e:
                    docs.append(e)
        for i, doc in zip(idx, docs):
            t = tasks[i]
            if isinstance(doc, Exception):
                results[i] = {"id": t["id"], "error": f"annotation failed: {type(doc).__name__}: {doc}"}
                continue
            try:
                rec = record(doc, t)
                if _BACKBONE != "spacy":
                    rec["meta"]["backbone"] = _BACKBONE
                res = {"id": t["id"], "line": json.dumps(rec, ensure_ascii=False), "record": _summary(rec)}
                if _WANT_DOCS:
                    res["doc"] = doc.to_bytes()
                results[i] = res
            except Exception as e:
                results[i] = {"id": t["id"], "error": f"annotation failed: {type(e).__name__}: {e}"}
    return results  # type: ignore[return-value]


def _summary(rec: dict[str, Any]) -> dict[str, Any]:
    paras = rec["paragraphs"] if rec.get("paragraph") is None and "paragraphs" in rec else (
        [rec["paragraph"]] if rec.get("paragraph") else [])
    return {"labels": [e["label"] for e in rec["entities"]], "types": [p["type"] for p in paras],
            "strengths": [p["strength"] for p in paras if p.get("strength")]}


def _batches(it: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(it)
    while batch := list(islice(it, size)):
        yield batch


def run(tasks: Iterable[dict[str, Any]], *, paths: dict[str, str], n_process: int = 1, batch_size: int = 32,
        want_docs: bool = False, backbone: str = "spacy") -> Iterator[dict[str, Any]]:
    if n_process <= 1:
        _init(paths, want_docs, backbone)
        for batch in _batches(tasks, batch_size):
            yield from process_batch(batch)
        return
    ctx = mp.get_context("fork") if hasattr(mp, "get_context") else mp
    with ctx.Pool(n_process, initializer=_init, initargs=(paths, want_docs, backbone)) as pool:
        # a bounded window of batches in flight: the input is streamed, never read whole into memory
        pending: deque = deque()
        for batch in _batches(tasks, batch_size):
            pending.append(pool.apply_async(process_batch, (batch,)))
            if len(pending) >= 2 * n_process + 2:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
