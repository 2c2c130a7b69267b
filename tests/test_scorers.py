"""Scorers against hand-computed examples: partial overlaps, empty gold, empty predictions, differing label sets."""
import pytest

from pipeline.evaluation.classes import score_classes
from pipeline.evaluation.entities import score_entities


def S(start, end, label, ident=None):
    return {"start": start, "end": end, "label": label, "id": ident}


def test_entities_hand_computed():
    gold = [[S(0, 5, "ORG", "UN"), S(10, 20, "DATE", "2024"), S(30, 40, "TREATY")],
            [S(0, 8, "RESOLUTION", "A/RES/1/1")]]
    pred = [[S(0, 5, "ORG", "UN"), S(12, 20, "DATE", "2024"), S(50, 55, "ORG")],
            [S(0, 8, "RESOLUTION", "A/RES/1/2")]]
    r = score_entities(gold, pred)
    # strict: tp = ORG(0,5) + RESOLUTION = 2; fp = DATE(12,20) + ORG(50,55) = 2; fn = DATE(10,20) + TREATY = 2
    assert (r["strict"]["tp"], r["strict"]["fp"], r["strict"]["fn"]) == (2, 2, 2)
    assert r["strict"]["p"] == pytest.approx(0.5) and r["strict"]["r"] == pytest.approx(0.5)
    # overlap: the DATE (12,20) overlaps gold (10,20): tp 3, fp 1, fn 1
    assert (r["overlap"]["tp"], r["overlap"]["fp"], r["overlap"]["fn"]) == (3, 1, 1)
    assert r["overlap"]["f"] == pytest.approx(0.75)
    assert r["per_label"]["strict"]["ORG"] == {"p": 0.5, "r": 1.0, "f": pytest.approx(2 / 3), "tp": 1, "fp": 1, "fn": 0}
    assert r["per_label"]["strict"]["TREATY"]["f"] == 0.0
    # ids: of the 2 strict matches, ORG id right, RESOLUTION id wrong
    assert r["id_accuracy"] == pytest.approx(0.5) and r["id_checked"] == 2
    # macro over labels present: ORG 2/3, DATE 0, TREATY 0, RESOLUTION 1
    assert r["strict"]["macro_f"] == pytest.approx((2 / 3 + 0 + 0 + 1) / 4)


def test_overlap_is_one_to_one():
    gold = [[S(0, 10, "ORG")]]
    pred = [[S(0, 4, "ORG"), S(5, 10, "ORG")]]
    r = score_entities(gold, pred)
    assert (r["overlap"]["tp"], r["overlap"]["fp"], r["overlap"]["fn"]) == (1, 1, 0)


def test_empty_gold_and_empty_predictions():
    r = score_entities([[]], [[S(0, 3, "ORG")]])
    assert r["strict"]["p"] == 0.0 and r["strict"]["r"] == 0.0 and r["strict"]["fp"] == 1
    r = score_entities([[S(0, 3, "ORG")]], [[]])
    assert r["strict"]["fn"] == 1 and r["strict"]["f"] == 0.0
    r = score_entities([[]], [[]])
    assert r["strict"]["f"] == 0.0 and r["id_accuracy"] == 0.0 and r["n_units"] == 1


def test_label_sets_that_differ():
    gold = [[S(0, 3, "ORG"), S(5, 9, "DOCUMENT")]]
    pred = [[S(0, 3, "ORG"), S(5, 9, "MISC")]]
    r = score_entities(gold, pred)  # union of labels
    assert set(r["per_label"]["strict"]) == {"ORG", "DOCUMENT", "MISC"}
    assert r["per_label"]["strict"]["MISC"]["fp"] == 1 and r["per_label"]["strict"]["DOCUMENT"]["fn"] == 1
    r = score_entities(gold, pred, labels=["ORG", "DOCUMENT"])  # scored on the gold scheme only
    assert (r["strict"]["tp"], r["strict"]["fp"], r["strict"]["fn"]) == (1, 0, 1)


def test_unit_count_must_match():
    with pytest.raises(ValueError):
        score_entities([[]], [])


def test_classes_hand_computed():
    gold = ["urge", "urge", "decide", "declare"]
    pred = ["urge", "decide", "decide", None]
    r = score_classes(gold, pred, ["decide", "urge", "declare"])
    assert r["accuracy"] == pytest.approx(0.5)
    assert r["per_class"]["decide"]["p"] == pytest.approx(0.5) and r["per_class"]["decide"]["r"] == 1.0
    assert r["per_class"]["urge"]["r"] == pytest.approx(0.5) and r["per_class"]["urge"]["p"] == 1.0
    assert r["per_class"]["declare"]["f"] == 0.0
    assert r["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)
    assert r["confusion"]["urge"] == {"decide": 1, "urge": 1, "declare": 0, "∅": 0}
    assert r["confusion"]["declare"]["∅"] == 1
