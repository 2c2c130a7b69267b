"""Round-trip timings of the doccano loop on this machine: server start, push and pull of N units, and the
server's memory (web app + task worker). Uses the same code as `unap doccano serve/push/pull`.

    DOCCANO_PASSWORD=... .venv/bin/python benchmarks/doccano_roundtrip.py [--units 1000] [--data .doccano-bench]
"""
import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.doccano import server, sync  # noqa: E402
from pipeline.doccano.connection import Settings  # noqa: E402


def rss_mb(pids: list[int]) -> float:
    """Resident memory of the given processes and all their descendants."""
    out = subprocess.run(["ps", "-eo", "pid,ppid,rss"], capture_output=True, text=True).stdout.split("\n")[1:]
    rows = [tuple(map(int, l.split())) for l in out if l.strip()]
    keep, frontier = set(pids), set(pids)
    while frontier:
        frontier = {p for p, pp, _ in rows if pp in frontier and p not in keep}
        keep |= frontier
    return sum(r for p, _, r in rows if p in keep) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=1000)
    ap.add_argument("--data", default=str(ROOT / ".doccano-bench"))
    args = ap.parse_args()
    os.environ.setdefault("DOCCANO_USERNAME", "admin")
    os.environ.setdefault("DOCCANO_PASSWORD", secrets.token_urlsafe(12))
    home = Path(args.data)
    server.stop(home)
    if (home / "db.sqlite3").exists():
        (home / "db.sqlite3").unlink()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.time()
    server.install(home)
    t_install = time.time() - t0
    t0 = time.time()
    url = server.start(home, port=port)
    t_start = time.time() - t0
    os.environ["DOCCANO_URL"] = url
    try:
        with tempfile.TemporaryDirectory() as tmp:
            ann = Path(tmp) / "units.jsonl"
            subprocess.run([str(ROOT / ".venv/bin/unap"), "annotate", str(ROOT / "examples/corpus"), "-o", str(ann),
                            "-q"], check=True)
            base = [json.loads(l) for l in ann.read_text(encoding="utf-8").splitlines()]
            units = [{**base[i % len(base)], "id": f"bench-{i}"} for i in range(args.units)]
            settings = Settings.load()
            t0 = time.time()
            sync.push(ann, "bench", settings, units=units, log=lambda m: None)
            t_push = time.time() - t0
            t0 = time.time()
            rep = sync.pull("bench", Path(tmp) / "gold.jsonl", settings)
            t_pull = time.time() - t0
            mem = rss_mb(json.loads((home / "pids.json").read_text())["pids"])
        print(f"| step | seconds |\n|---|---|\n| install doccano into its venv (0 if there) | {t_install:.1f} |"
              f"\n| server start (migrate, admin, web app, worker) | {t_start:.1f} |"
              f"\n| push {args.units} units | {t_push:.1f} ({args.units / t_push:.0f} units/s) |"
              f"\n| pull {args.units} units | {t_pull:.1f} ({args.units / t_pull:.0f} units/s) |")
        print(f"\nserver memory (gunicorn with 2 workers + celery worker): {mem:.0f} MB RSS; pull report: "
              f"{rep['units_added']} added, {rep['unchanged']} unchanged")
    finally:
        server.stop(home)


if __name__ == "__main__":
    main()
