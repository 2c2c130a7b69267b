"""The README's "A real run (`unap evaluate ...`)" table holds what that command produces now
(benchmarks/check_readme.py reruns it: about 15 s), and the check catches a stale figure."""
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_checker():
    spec = importlib.util.spec_from_file_location("check_readme", ROOT / "benchmarks" / "check_readme.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


check = load_checker()
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def measured():
    found = check.claims(README)
    assert [c.command for c in found] == [
        "unap evaluate --gold annotations/entities/test.jsonl --configs rules,model,combined --name entities-test"]
    return found[0], check.measure(found[0].command)


def test_readme_evaluation_table_matches_the_command(measured):
    claim, got = measured
    assert claim.units == got.units == 255
    assert check.differences(README, claim, got) == []


def test_a_stale_figure_is_reported_and_update_restores_it(measured):
    claim, got = measured
    table = README[slice(*claim.table_at)]
    combined = next(line for line in table.splitlines() if line.startswith("| combined |"))
    real = combined.split("|")[4].strip()  # the id accuracy cell
    stale_line = combined.replace(f"| {real} |", "| 0.111 |")
    stale = README.replace(combined, stale_line).replace("255 units", "254 units")
    stale_claim = check.claims(stale)[0]
    assert check.differences(stale, stale_claim, got) == [
        "README says 254 units, the run has 255", f"combined / id accuracy: README 0.111, run {real}"]
    assert check.updated(stale, stale_claim, got) == README
