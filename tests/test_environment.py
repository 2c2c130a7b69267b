"""environment.yml (conda) and pyproject.toml list the same dependencies; the wheel carries the package and its models."""
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def norm(req: str) -> str:
    return re.sub(r"\s+", "", req).lower()


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {norm(r) for r in project["dependencies"]}
    for extra in project.get("optional-dependencies", {}).values():
        wanted |= {norm(r) for r in extra}
    pip_lines = re.findall(r"^\s{6}- (.+)$", (ROOT / "environment.yml").read_text(), flags=re.M)
    listed = {norm(l) for l in pip_lines if not l.startswith("-e")}
    assert listed == wanted


def test_every_subpackage_is_packaged():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pipeline").rglob("*.py")
             if "__pycache__" not in p.parts}
    assert found <= listed


@pytest.mark.slow
def test_wheel_annotates_from_another_folder(tmp_path):
    """`pip install .` (not editable) carries the shipped pipelines: annotate runs from any folder."""
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
                    *map(str, wheels.glob("*.whl"))], check=True, capture_output=True)
    run_in = tmp_path / "elsewhere"
    run_in.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("UNAP_MODELS", None)
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "annotate", str(ROOT / "tests/fixtures/A_RES_79_138.zh.txt"),
                        "-o", "w.jsonl", "-q"], cwd=run_in, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    recs = [json.loads(x) for x in (run_in / "w.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum(x["paragraph"]["type"] == "operative" for x in recs) == 52
    # and the pipelines of the other languages: an Arabic operative paragraph of the UNPC sample
    ar = (ROOT / "tests/fixtures/unpc/devset-sample.ar.txt").read_text(encoding="utf-8").splitlines()[10]
    (run_in / "ar.jsonl").write_text(json.dumps({"id": "ar", "text": ar}, ensure_ascii=False) + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "annotate", "ar.jsonl", "-o", "ar.out.jsonl", "-q"],
                       cwd=run_in, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    rec = json.loads((run_in / "ar.out.jsonl").read_text(encoding="utf-8"))
    assert rec["lang"] == "ar" and rec["paragraph"]["type"] == "operative" and rec["paragraph"]["strength"]
    where = subprocess.run([sys.executable, "-c", "import pipeline.models as m; print(m.MODELS_DIR)"], cwd=run_in,
                           env=env, capture_output=True, text=True).stdout.strip()
    assert where == str(site / "unap_models")
