"""environment.yml (conda) and pyproject.toml must list the same dependencies."""
import re
import tomllib
from pathlib import Path

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
