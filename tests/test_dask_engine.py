"""`unap annotate --engine dask` on a local Dask cluster with 2 workers: same records as the single-process run."""
import json

import pytest

from pipeline.cli import main

from .conftest import GA, SC, SEED

pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_output_equals_single_process(tmp_path):
    single = tmp_path / "single.jsonl"
    assert main(["annotate", str(SEED), str(GA), str(SC), "-o", str(single), "-q"]) == 0
    out = tmp_path / "dask"
    assert main(["annotate", str(SEED), str(GA), str(SC), "-o", str(out), "-q", "--engine", "dask", "--workers", "2",
                 "--partition-size", "25"]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    parts = sorted(out.glob("part-*.jsonl"))
    assert [p.name for p in parts] == [p["file"] for p in manifest["parts"]]
    assert len(parts) == manifest["units"] // 25 + (1 if manifest["units"] % 25 else 0)
    lines = [l for p in parts for l in p.read_text(encoding="utf-8").splitlines()]
    expected = single.read_text(encoding="utf-8").splitlines()
    assert manifest["units"] == len(expected) and manifest["errors"] == 0
    key = lambda l: json.loads(l)["id"]  # noqa: E731
    assert sorted(lines, key=key) == sorted(expected, key=key)
    assert not list(out.glob("*.tmp"))


def test_dask_engine_refuses_resume(tmp_path, capsys):
    assert main(["annotate", str(SC), "-o", str(tmp_path / "d"), "--engine", "dask", "--resume"]) == 2
    assert "does not take --resume" in capsys.readouterr().err
