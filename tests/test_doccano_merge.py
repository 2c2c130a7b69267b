"""Merging pulled doccano examples into a gold file, without a server (the examples as `sync.fetch` returns
them): both record shapes the gold may hold, annotate output and flat rows with doccano's span triples, are read
through records.parse and come back with every field they had, changed only where a person changed something."""
import json

import pytest

from pipeline.doccano import sync
from pipeline.doccano.connection import DoccanoError
from pipeline.records import parse

TEXT = "3. Strongly urges all States to support the United Nations Children's Fund;"
FUND = TEXT.index("United Nations")


def annotated():
    return {"id": "X#op3", "text": TEXT, "lang": "en", "label": [[FUND, len(TEXT) - 1, "ORG"]],
            "entities": [{"start": FUND, "end": len(TEXT) - 1, "label": "ORG", "text": TEXT[FUND:-1],
                          "id": "UNICEF"}],
            "paragraph": {"type": "operative", "number": 3, "strength": "urge", "intensity": "strong",
                          "verb": {"start": 3, "end": 17, "text": "Strongly urges"},
                          "addressees": [{"start": 18, "end": 28, "text": "all States", "type": "states"}]},
            "cats": {"urge": 0.97}, "meta": {"document": "X", "year": 2024, "footnotes": ["1"]}}


def pulled(rec, *, strength=None, entities=None):
    """The example a push made of `rec`, as a pull fetches it, with a person's edits."""
    unit = parse(rec)
    ents, st = sync.in_doccano(unit)
    meta = json.loads(json.dumps({**sync.example_meta(unit), "unap_complete": True,
                                  "unap_version": sync.unit_version(unit.text, ents, st)}))
    return {"unit_id": unit.key, "text": unit.text, "meta": meta, "approved": True,
            "entities": ents if entities is None else entities, "strength": strength or st}


def gold_lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_an_approved_unit_comes_back_as_it_was_pushed(tmp_path):
    gold = tmp_path / "gold.jsonl"
    report = sync.merge([pulled(annotated())], gold)
    assert report["units_added"] == 1 and report["edits"] == {}
    (got,) = gold_lines(gold)
    want = annotated()
    want["meta"]["doccano"] = {"approved": True}
    assert got == want and list(got) == list(want)  # every field, in the same order


def test_a_flat_gold_row_keeps_its_shape_when_a_person_changes_it(tmp_path):
    gold = tmp_path / "gold.jsonl"
    row = {"id": "unpc:7:en", "text": TEXT, "lang": "en", "entities": [[FUND, len(TEXT) - 1, "ORG"]],
           "strength": "urge", "intensity": "strong", "verb": "Strongly urges", "split": "train"}
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    sync.merge([pulled(row)], gold)  # the first pull records the version people start from
    report = sync.merge([pulled(row, strength="request", entities=[])], gold)
    assert report["edits"] == {"unpc:7:en": {
        "removed": [[FUND, len(TEXT) - 1, "ORG", TEXT[FUND:-1]]], "strength": "urge -> request"}}
    (got,) = gold_lines(gold)
    assert got["strength"] == "request" and "paragraph" not in got  # the class stays where the row keeps it
    assert got["entities"] == [] and got["label"] == []
    assert {k: got[k] for k in ("id", "intensity", "verb", "split")} == {k: row[k] for k in
                                                                       ("id", "intensity", "verb", "split")}


def test_a_gold_file_with_a_span_outside_its_text_is_one_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "u1", "text": "short", "label": [[0, 99, "ORG"]]}) + "\n", encoding="utf-8")
    with pytest.raises(DoccanoError, match=rf"^{tmp_path}/gold.jsonl:1: span 0-99 ORG does not fit the text$"):
        sync.merge([], gold)
