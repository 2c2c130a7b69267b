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


def test_document_record_reads_each_paragraph():
    text = "1. Urges all States to act;\n\n2. Decides to remain seized."
    u = parse({"id": "S/RES/1", "text": text, "lang": "en", "paragraph": None, "paragraphs": [
        {"start": 0, "end": 27, "type": "operative", "number": 1, "strength": "urge", "intensity": "none",
         "verb": {"start": 3, "end": 8, "text": "Urges"}, "addressees": [{"start": 9, "end": 19, "type": "states"}],
         "clauses": [{"verb": {"start": 3, "end": 8, "text": "Urges"}, "strength": "urge", "addressees": []}]},
        {"start": 29, "end": 56, "type": "operative", "number": "2 bis", "strength": "decide", "verb": None}]})
    assert u.type is None and u.strength is None  # a document's reading is its paragraphs'
    first, second = u.paragraphs
    assert (first.start, first.end, first.number, first.verb.text, first.addressees[0].type) == (0, 27, 1, "Urges",
                                                                                                  "states")
    assert [(c.verb.start, c.strength) for c in first.clause_readings(text)] == [(3, "urge")]
    assert (second.number, second.strength, second.verb) == ("2 bis", "decide", None)
    with pytest.raises(RecordError, match="paragraph 0-99 does not fit the text"):
        parse({"text": text, "paragraphs": [{"start": 0, "end": 99}]})
    with pytest.raises(RecordError, match="verb 3-99 does not fit the text"):
        parse({"text": text, "paragraph": {"verb": {"start": 3, "end": 99}}})


def test_a_flat_row_gives_its_verb_as_text():
    u = parse({"id": "x", "text": TEXT, "strength": "urge", "verb": "Urges"})
    assert (u.verb.start, u.verb.text) == (None, "Urges")


def test_a_span_gives_back_the_keys_its_entry_had():
    u = parse({"text": TEXT, "entities": [{"start": 10, "end": 26, "label": "ORG", "text": "Security Council",
                                           "id": None}, [0, 5, "X"], {"start_offset": 6, "end_offset": 9,
                                                                       "label": "Y"}]})
    assert [e.entry() for e in u.entities] == [
        {"start": 10, "end": 26, "label": "ORG", "text": "Security Council", "id": None},
        {"start": 0, "end": 5, "label": "X"}, {"start": 6, "end": 9, "label": "Y"}]


def test_the_record_as_read_is_kept_for_writers():
    rec = {"id": "u1", "text": TEXT, "cats": {"urge": 0.9}, "meta": {"footnotes": ["1"]}, "extra": [1, 2]}
    u = parse(rec)
    assert u.raw == rec and "raw" not in u.dict()


@pytest.mark.parametrize("unit", ["paragraph", "document"])
def test_every_field_annotate_writes_is_read_back(tmp_path, unit):
    """The annotate writer (export.py) and this reader agree: each paragraph's type, number, role, class,
    intensity, verb, addressees, clauses and strongest class, and every entity with its id."""
    import json

    from pipeline.cli import main

    from .conftest import SEED

    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(SEED), "-o", str(out), "--unit", unit, "-q"]) == 0
    checked = 0
    for line in out.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        u = parse(rec)
        assert [e.entry() for e in u.entities] == rec["entities"]
        pairs = [(u, rec["paragraph"])] if unit == "paragraph" else list(zip(u.paragraphs, rec["paragraphs"]))
        assert len(pairs) == (1 if unit == "paragraph" else len(rec["paragraphs"]))
        for p, given in pairs:
            assert {k: getattr(p, k) for k in ("type", "number", "role", "strength", "intensity", "clauses",
                                               "max_strength")} == {k: given.get(k) for k in (
                "type", "number", "role", "strength", "intensity", "clauses", "max_strength")}
            assert (p.verb.dict() if p.verb else None) == given["verb"]
            assert [a.dict() for a in p.addressees or []] == [
                {"start": a["start"], "end": a["end"], "type": a["type"], "text": a["text"]}
                for a in given.get("addressees") or []]
            checked += 1
    assert checked > 100  # the seed's 106 paragraphs
