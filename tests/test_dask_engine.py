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


@pytest.mark.slow
def test_dask_rerun_into_an_earlier_run_replaces_it_whole(tmp_path, capsys):
    out = tmp_path / "dask"
    common = ["-q", "--engine", "dask", "--workers", "1"]
    assert main(["annotate", str(SEED), str(GA), "-o", str(out), "--partition-size", "25", *common]) == 0
    assert len(list(out.glob("part-*.jsonl"))) > 3
    # a second run into the same folder is refused without --overwrite, and leaves the earlier run whole
    assert main(["annotate", str(SC), "-o", str(out), *common]) == 2
    assert "folder is not empty (an earlier run?); pass --overwrite" in capsys.readouterr().err
    assert len(list(out.glob("part-*.jsonl"))) > 3
    assert main(["annotate", str(SC), "-o", str(out), "--overwrite", *common]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "part-00000.jsonl"]
    lines = (out / "part-00000.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == manifest["units"] == 10
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".dask")]  # no staging folder left
