"""Annotation on a Dask cluster: the input is cut into partitions of units, each worker loads the pipelines
once (the same per-process cache as the local engine) and writes its partition as JSONL, atomically; the
client writes a manifest. Without a scheduler address a local cluster is started.

The output folder must be reachable by the workers under the same path (a shared filesystem on a real
cluster). Results are the same as the single-process run, partitioned; sort by id to compare.
"""
from __future__ import annotations

import json
import os
import time
from collections import deque
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator


def process_partition(tasks: list[dict[str, Any]], index: int, out_dir: str, paths: dict[str, str],
                      backbone: str = "spacy") -> dict[str, Any]:
    """Runs on a worker: annotate one partition and write part-NNNNN.jsonl (temp file + rename)."""
    from . import local

    local._init(paths, False, backbone)
    results = local.process_batch(tasks)
    name = f"part-{index:05d}.jsonl"
    tmp = Path(out_dir) / (name + ".tmp")
    errors, summaries = [], []
    with open(tmp, "w", encoding="utf-8") as f:
        for r in results:
            if "error" in r:
                errors.append(f"{r['id']}: {r['error']}")
            else:
                f.write(r["line"] + "\n")
                summaries.append(r["record"])
    os.replace(tmp, Path(out_dir) / name)
    return {"part": name, "units": len(summaries), "errors": errors, "summaries": summaries,
            "worker_pid": os.getpid()}


def _partitions(tasks: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(tasks)
    while batch := list(islice(it, size)):
        yield batch


def run(tasks: Iterable[dict[str, Any]], out_dir: Path, *, paths: dict[str, str], scheduler: str | None = None,
        n_workers: int = 2, partition_size: int = 500, window: int | None = None,
        backbone: str = "spacy") -> Iterator[dict[str, Any]]:
    """Yield one result per finished partition (in partition order); write manifest.json at the end."""
    from dask.distributed import Client, LocalCluster

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    started = time.time()
    parts: list[dict[str, Any]] = []
    try:
        window = window or 2 * max(1, len(client.scheduler_info().get("workers", {})) or n_workers)
        pending: deque = deque()
        for k, part in enumerate(_partitions(tasks, partition_size)):
            pending.append(client.submit(process_partition, part, k, str(out_dir), paths, backbone, pure=False))
            if len(pending) >= window:  # bounded: the input streams, it is never all in memory
                res = pending.popleft().result()
                parts.append(res)
                yield res
        while pending:
            res = pending.popleft().result()
            parts.append(res)
            yield res
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    manifest = {"parts": [{"file": p["part"], "units": p["units"], "errors": len(p["errors"])} for p in parts],
                "units": sum(p["units"] for p in parts), "errors": sum(len(p["errors"]) for p in parts),
                "scheduler": scheduler or f"local ({n_workers} workers)", "seconds": round(time.time() - started, 2)}
    tmp = out_dir / "manifest.json.tmp"
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(tmp, out_dir / "manifest.json")
