"""One record for every outside shape: annotate output, gold rows, doccano's export, and the gold writer."""
import pytest

from pipeline.records import RecordError, gold_record, parse

TEXT = "Urges the Security Council to act;"


def test_annotate_output():
    u = parse({"id": "A/RES/1#op1", "text": TEXT, "lang": "en",
               "entities": [{"start": 10, "end": 26, "label": "ORG", "text": "Security Council", "id": "UNSC"}],
               "label": [[10, 26, "ORG"]], "cats": {"urge": 0.9},
               "paragraph": {"type": "operative", "strength": "urge", "intensity": "none",
                             "addressees": [{"start": 6, "end": 26, "text": "the Security Council", "type": "un_system"}]},
               "meta": {"year": 2024, "document": "A/RES/1"}})
    assert (u.key, u.type, u.strength, u.intensity, u.year) == ("A/RES/1#op1", "operative", "urge", "none", 2024)
    assert [(e.start, e.end, e.label, e.id) for e in u.entities] == [(10, 26, "ORG", "UNSC")]
    assert [(a.start, a.type) for a in u.addressees] == [(6, "un_system")]


def test_flat_gold_row():
    u = parse({"id": "x", "text": TEXT, "lang": "en", "strength": "urge", "addressees": []})
    assert u.entities is None and u.addressees == [] and u.strength == "urge" and u.type is None


def test_doccano_export():
    u = parse({"id": 7, "text": TEXT, "entities": [[10, 26, "ORG"]], "cats": ["urge"], "unit_id": "u1",
               "paragraph_type": "operative", "unap_version": "abc", "document": "A/RES/1", "Comments": []})
    assert (u.id, u.key, u.type, u.strength, u.pushed) == ("7", "u1", "operative", "urge", "abc")
    assert u.meta == {"document": "A/RES/1"} and u.year is None
    with pytest.raises(RecordError, match="2 strength classes"):
        parse({"text": TEXT, "cats": ["urge", "decide"]})


def test_bad_span():
    with pytest.raises(RecordError, match="span 0-99 ORG does not fit the text") as e:
        parse({"text": TEXT, "label": [[0, 99, "ORG"]]})
    assert e.value.span == (0, 99, "ORG")


def test_gold_writer_round_trip():
    rec = {"id": "u1", "text": TEXT, "lang": "en", "label": [[10, 26, "ORG"]],
           "entities": [{"start": 10, "end": 26, "label": "ORG", "text": "Security Council"}],
           "paragraph": {"type": "operative", "strength": "urge"}, "meta": {"adjudication": "agreed"}}
    assert gold_record(parse(rec)) == rec
