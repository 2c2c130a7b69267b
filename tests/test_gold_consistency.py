"""The entity gold says one thing: `gold_tool check` finds a string labelled two ways (label, id, or labelled in one
unit and left out in another) in real gold rows, lets a listed intended difference pass, and the shipped zh/en gold
passes it."""
import copy
import json
from pathlib import Path

import pytest

from pipeline.training import gold_tool

ENT = Path(__file__).resolve().parent.parent / "annotations" / "entities"
SHIPPED = ([ENT / f"{s}.jsonl" for s in ("train", "dev", "test")] + sorted((ENT / "fresh").glob("test_fresh*.jsonl"))
           + sorted((ENT / "new").glob("*.jsonl")))


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sample(name: str, n: int = 3) -> list[dict]:
    """Real test-split units whose gold labels `name` (ORG), and nothing planted yet."""
    out = [r for r in rows(ENT / "test.jsonl") if any(e["text"] == name for e in r["entities"])][:n]
    assert len(out) == n, f"test.jsonl has fewer than {n} units labelling {name!r}"
    return out


def write(tmp_path: Path, units: list[dict]) -> Path:
    p = tmp_path / "gold.jsonl"
    p.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in units), encoding="utf-8")
    return p


def run(capsys, paths, allow=None) -> tuple[int, str]:
    code = gold_tool.check(paths, allow)
    return code, capsys.readouterr().out


def test_consistent_sample_passes(tmp_path, capsys):
    code, out = run(capsys, [write(tmp_path, sample("General Assembly"))])
    assert code == 0 and "conflict" not in out


def test_planted_id_conflict_is_reported_with_both_decisions_and_units(tmp_path, capsys):
    units = copy.deepcopy(sample("General Assembly"))
    planted = next(e for e in units[1]["entities"] if e["text"] == "General Assembly")
    planted["id"] = "UN Security Council"
    code, out = run(capsys, [write(tmp_path, units)])
    assert code == 1
    assert "conflict 'general assembly' (en)" in out
    assert "id='UN General Assembly'" in out and "id='UN Security Council'" in out
    assert units[1]["id"] in out and units[0]["id"] in out


def test_planted_label_conflict_across_files(tmp_path, capsys):
    units = sample("General Assembly")
    other = copy.deepcopy(units[0])
    next(e for e in other["entities"] if e["text"] == "General Assembly")["label"] = "TREATY"
    other["id"] += "-copy"
    a = write(tmp_path, units)
    b = tmp_path / "other.jsonl"
    b.write_text(json.dumps(other, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out = run(capsys, [a, b])
    assert code == 1 and "TREATY id='UN General Assembly'" in out and f"other.jsonl:{other['id']}" in out


def test_removed_span_is_reported_as_unlabelled(tmp_path, capsys):
    units = copy.deepcopy(sample("General Assembly"))
    units[2]["entities"] = [e for e in units[2]["entities"] if e["text"] != "General Assembly"]
    code, out = run(capsys, [write(tmp_path, units)])
    assert code == 1 and f"unlabelled: 1 x in gold.jsonl:{units[2]['id']}" in out


def test_a_word_inside_another_or_in_another_case_is_not_unlabelled(tmp_path, capsys):
    text = "The WHO office asked who would attend, and WHOIS records were checked."
    unit = {"id": "t#1", "lang": "en", "text": text,
            "entities": [{"start": 4, "end": 7, "label": "ORG", "text": "WHO", "id": "World Health Organization"}]}
    code, out = run(capsys, [write(tmp_path, [unit])])
    assert code == 0, out


def test_listed_intended_difference_passes_and_only_for_its_scope(tmp_path, capsys):
    units = copy.deepcopy(sample("General Assembly"))
    next(e for e in units[1]["entities"] if e["text"] == "General Assembly")["id"] = None
    gold = write(tmp_path, units)
    allow = tmp_path / "allow.tsv"
    allow.write_text(f"General Assembly\t{units[1]['id']}\tplanted: another assembly\n", encoding="utf-8")
    assert run(capsys, [gold], allow)[0] == 0
    allow.write_text("General Assembly\tunlabelled\tplanted: the wrong scope\n", encoding="utf-8")
    assert run(capsys, [gold], allow)[0] == 1


def test_bad_allow_file_is_a_clear_error(tmp_path):
    allow = tmp_path / "allow.tsv"
    allow.write_text("General Assembly\tid\n", encoding="utf-8")
    with pytest.raises(ValueError, match="allow.tsv:1: expected 'string<TAB>scope<TAB>reason'"):
        gold_tool.read_allowed(allow)


def test_review_file_problems_still_fail(tmp_path, capsys):
    rec = {"id": "r#1", "lang": "zh", "text": "安全理事会开会。", "entities": [["安理会", "ORG", "UN Security Council", 0]]}
    code, out = run(capsys, [write(tmp_path, [rec])])
    assert code == 1 and "'安理会' (occurrence 0) not found in the text" in out


def test_shipped_gold_passes(capsys):
    code, out = run(capsys, SHIPPED, gold_tool.ALLOW)
    assert len(SHIPPED) == 37  # train/dev/test, 30 fresh sets (9 zh/en, 4 fr/es/ru/ar, 5 fresh8, 6 fresh9, 6 fresh10), 4 new-language gold files
    assert code == 0, out
