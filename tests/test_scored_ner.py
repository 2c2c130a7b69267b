"""The beam-scored NER (`unap_ner`), combined mode's per-label thresholds, and how the thresholds are chosen."""
import pytest
import spacy
from spacy.tokens import Span, SpanGroup

import pipeline.components  # noqa: F401
from pipeline import models
from pipeline.training import thresholds as TH

TEXT = ("Requests the Secretary-General to transmit the report to the International Association of Geodesy, "
        "the Intergovernmental Oceanographic Commission and the Government of Norway;")


@pytest.fixture(scope="module")
def scored():
    """The shipped English pipeline with its NER (saved, not run by default) decoded by `unap_ner` (beam of 8)."""
    nlp = spacy.load(models.default_model("en"), config={"nlp.disabled": []})
    conf = {k: v for k, v in nlp.config["components"]["ner"].items() if k != "factory"}
    weights = nlp.get_pipe("ner").to_bytes()
    nlp.remove_pipe("ner")
    nlp.add_pipe("unap_ner", name="ner", before="unap_entities", config=conf)
    nlp.get_pipe("ner").from_bytes(weights)
    return nlp


def test_scored_ner_writes_its_best_parse_and_scored_candidates(scored):
    doc = scored(TEXT)
    group = doc.spans["ner_scored"]
    scores = group.attrs["scores"]
    assert len(group) == len(scores) > 0
    assert all(0.05 <= s <= 1.0 for s in scores)
    candidates = {(s.start, s.end, s.label_) for s in group}
    # every entity of the best parse that reached the rules-free doc.ents is among the scored candidates
    ner = scored.get_pipe("ner")
    best = ner(scored.get_pipe("unap_entity_rules")(scored.make_doc(TEXT)))
    assert {(e.start, e.end, e.label_) for e in best.ents} <= candidates


def test_scored_ner_round_trips_through_bytes(scored):
    ner = scored.get_pipe("ner")
    nlp2 = spacy.load(models.default_model("en"), config={"nlp.disabled": []})
    conf = {k: v for k, v in nlp2.config["components"]["ner"].items() if k != "factory"}
    nlp2.remove_pipe("ner")
    nlp2.add_pipe("unap_ner", name="ner", before="unap_entities", config=conf)
    nlp2.get_pipe("ner").from_bytes(ner.to_bytes())
    doc_a, doc_b = scored(TEXT), nlp2(TEXT)
    a, b = doc_a.spans["ner_scored"], doc_b.spans["ner_scored"]
    assert [(s.start, s.end, s.label_) for s in a] == [(s.start, s.end, s.label_) for s in b]
    assert a.attrs["scores"] == b.attrs["scores"]


def merged(thresholds, candidates, rules=()):
    nlp = spacy.blank("en")
    merger = nlp.add_pipe("unap_entities", config={"model_thresholds": thresholds})
    doc = nlp.make_doc("Urges the Ansar Al Charia group and the Peace Fund of Oslo to act")
    doc.spans["entity_rules"] = [Span(doc, s, e, label=lb) for s, e, lb in rules]
    group = SpanGroup(doc, name="ner_scored", spans=[Span(doc, s, e, label=lb) for s, e, lb, _ in candidates])
    group.attrs["scores"] = [sc for *_, sc in candidates]
    doc.spans["ner_scored"] = group
    return [(e.text, e.label_, e._.source) for e in merger(doc).ents]


def test_combined_mode_adds_candidates_that_reach_their_labels_threshold():
    cands = [(2, 5, "ORG", 0.93), (8, 12, "ORG", 0.55)]
    assert merged({"ORG": 0.9}, cands) == [("Ansar Al Charia", "ORG", "model")]
    assert merged({"ORG": 0.5}, cands) == [("Ansar Al Charia", "ORG", "model"), ("Peace Fund of Oslo", "ORG", "model")]
    assert merged({}, cands) == []  # no thresholds: the best parse's doc.ents (empty here), as before


def test_rule_spans_win_overlaps_and_the_more_confident_candidate_wins_among_candidates():
    cands = [(8, 12, "ORG", 0.97), (8, 10, "TREATY", 0.8), (2, 6, "ORG", 0.99)]
    out = merged({"ORG": 0.5, "TREATY": 0.5}, cands, rules=[(2, 5, "ORG")])
    assert out == [("Ansar Al Charia", "ORG", "rules"), ("Peace Fund of Oslo", "ORG", "model")]


def test_thresholds_are_chosen_where_dev_f1_is_highest():
    # confident candidates are right, unsure ones wrong: the threshold must fall between them
    units = [{"gold": {(0, 5, "ORG"), (10, 15, "DATE")}, "rules": [(10, 15, "DATE")],
              "scored": [(0, 5, "ORG", 0.95), (20, 25, "ORG", 0.6)]} for _ in range(5)]
    choice = TH.choose(units, ["ORG", "TREATY"])
    assert 0.6 < choice["thresholds"]["ORG"] <= 0.95 and choice["thresholds"]["TREATY"] is None
    assert choice["dev_combined_f1"] == 1.0 and choice["dev_rules_f1"] < 1.0
