"""The components' contracts: they declare what they read and write, exchange data through span keys and
`Doc._.unap_*` only (the reader's paragraphs, year and id travel with the Doc, into DocBin too), a pipeline
travels whole through to_bytes/from_bytes, and an evaluation configuration is its own pipeline, never a change
to the shared one."""
import json
import shutil

import pytest
import spacy
from spacy.tokens import DocBin

from pipeline import models
from pipeline.components.unit import unit_doc
from pipeline.entities.corrections import Corrections
from pipeline.evaluation import run
from pipeline.export import record
from pipeline.io.read import Unit, read_units
from pipeline.io.write import write_docbin

from .conftest import FIXTURES, GA, SEED

# zh and en with a trained NER; fr without one, with corrections learned from gold
DOCS = {"zh": SEED, "en": GA, "fr": FIXTURES / "languages" / "S_RES_2209_2015.fr.txt"}


def shipped(lang):
    return models.load(models.default_model(lang))


def document(path) -> Unit:
    (unit,) = [u for u in read_units([str(path)], unit="document") if isinstance(u, Unit)]
    return unit


def annotate(nlp, unit: Unit) -> dict:
    doc = nlp(unit_doc(nlp, unit.text, paragraphs=unit.paragraphs, year=unit.meta.get("year"), uid=unit.id))
    return record(doc, unit.to_task())


@pytest.mark.parametrize("lang", sorted(DOCS))
def test_what_a_component_requires_an_earlier_one_assigns(lang):
    assert not any(shipped(lang).analyze_pipes()["problems"].values())


@pytest.mark.parametrize("lang", sorted(DOCS))
def test_entities_component_saves_the_names_the_rules_find(lang):
    """The NER's spans get their ids from the same list (hand-written and learned names) the rules use."""
    nlp = shipped(lang)
    assert nlp.get_pipe("unap_entities").gazetteer.rows == nlp.get_pipe("unap_entity_rules").gazetteer.rows


def test_teach_gives_learned_names_to_both_entity_components(tmp_path):
    rows = (models.default_model("fr") / "unap_entity_rules" / "corrections.jsonl").read_text(encoding="utf-8")
    corrections = Corrections.load(models.default_model("fr") / "unap_entity_rules" / "corrections.jsonl")
    nlp = spacy.blank("fr")
    nlp.add_pipe("unap_entity_rules")
    nlp.add_pipe("unap_entities", config={"mode": "rules"})
    gazetteer = nlp.get_pipe("unap_entities").gazetteer
    # the first learned name with an id that the hand-written gazetteer does not give (a name learned without id,
    # a short form whose id depends on its unit, is no test of this)
    name = next(r for r in map(json.loads, rows.splitlines()) if r["kind"] == "name" and r["label"] == "ORG"
                and r["id"] and gazetteer.canonical(r["text"], "ORG", "fr") != r["id"])
    models.teach(nlp, corrections)
    nlp.to_disk(tmp_path / "p")
    back = spacy.load(tmp_path / "p")
    assert back.get_pipe("unap_entities").gazetteer.canonical(name["text"], "ORG", "fr") == name["id"]
    doc = back(f"Le {name['text']} a présenté son rapport.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [(name["text"], name["id"])]


def test_reader_paragraphs_year_and_id_reach_the_components_and_the_docbin(tmp_path):
    nlp = shipped("en")
    unit = document(GA)
    doc = nlp(unit_doc(nlp, unit.text, paragraphs=unit.paragraphs, year=2025, uid=unit.id))
    assert [(p.start_char, p.end_char, p.label_) for p in doc.spans["paragraphs"]] == \
        [(p["start"], p["end"], p["type"]) for p in unit.paragraphs]
    write_docbin([doc.to_bytes()], tmp_path / "out.spacy", nlp.vocab)
    (back,) = DocBin().from_disk(tmp_path / "out.spacy").get_docs(nlp.vocab)
    given = (back._.unap_paragraphs, back._.unap_year, back._.unap_id)
    assert json.loads(json.dumps(given)) == [unit.paragraphs, 2025, unit.id]  # msgpack gives tuples for lists
    assert [(p.start_char, p.label_, p._.number) for p in back.spans["paragraphs"]] == \
        [(p.start_char, p.label_, p._.number) for p in doc.spans["paragraphs"]]


@pytest.mark.parametrize("lang", sorted(DOCS))
def test_bytes_round_trip_annotates_the_same(lang):
    nlp = shipped(lang)
    copy = spacy.blank(lang, config=nlp.config).from_bytes(nlp.to_bytes())
    unit = document(DOCS[lang])
    assert annotate(copy, unit) == annotate(nlp, unit)


def test_lexicons_changed_in_a_pipeline_travel_in_its_bytes(tmp_path):
    """The opener and addressee vocabularies are part of a pipeline's bytes (what to_disk saves), not read again
    from the package: rows added to a loaded pipeline reach a pipeline built from its config; excluded, they do
    not."""
    nlp = spacy.load(models.default_model("en"))  # its own copy: models.load's is shared
    shipped_bytes = nlp.to_bytes()
    opverbs, addressees = nlp.get_pipe("unap_opverbs"), nlp.get_pipe("unap_addressees")
    opverbs.lexicon = opverbs.lexicon.replace(
        {"opverbs": opverbs.lexicon.verbs + [{"phrase": "proposes", "kind": "operative", "class": "decide"}]})
    folder = tmp_path / "addressees"
    addressees.to_disk(folder)
    with open(folder / "addressees.en.tsv", "a", encoding="utf-8") as f:
        f.write("(?i)\\bwombat coalition\\b\tparties\n")
    addressees.from_disk(folder)
    data = nlp.to_bytes()
    shutil.rmtree(folder)  # the bytes carry the rows, not the folder's name

    def tagged(pipeline, text):
        doc = pipeline(unit_doc(pipeline, text, ptype="operative"))
        return [(s.text, s._.source) for s in doc.spans["opverbs"]], \
            [(s.text, s._.addressee_type) for s in doc.spans["addressees"]]

    texts = ("2. Proposes that the Commission consider the question;", "1. Calls upon the Wombat Coalition to act;")
    copy = spacy.blank("en", config=nlp.config).from_bytes(data)
    assert [tagged(copy, t) for t in texts] == [tagged(nlp, t) for t in texts] == \
        [([("Proposes", "lexicon")], []), ([("Calls upon", "lexicon")], [("the Wombat Coalition", "parties")])]
    old = spacy.blank("en", config=nlp.config).from_bytes(shipped_bytes)
    old.get_pipe("unap_opverbs").from_bytes(opverbs.to_bytes(exclude=["opverbs"]))
    old.get_pipe("unap_addressees").from_bytes(addressees.to_bytes(), exclude=["addressees"])
    assert [tagged(old, t) for t in texts] == [([("Proposes", "model")], []), ([("Calls upon", "lexicon")], [])]


def test_evaluation_configurations_leave_the_shared_pipeline_alone():
    nlp = shipped("en")
    units = [{"text": "4. Calls upon the Ethics Office of UNICEF to report by 3 May 2015 on resolution 2286 (2016);",
              "type": "operative"}]
    shipped_preds = run.predict(nlp, units)
    model = run.predict(nlp, units, "model")  # the NER alone splits "Ethics Office of" from "UNICEF"
    assert model != shipped_preds
    assert (nlp.get_pipe("unap_entities").mode, nlp.get_pipe("unap_opverbs").mode) == ("rules", "combined")
    assert run.predict(nlp, units) == shipped_preds
    loaded = models.load(models.default_model("en"), {"components.unap_entities.mode": "model",
                                                       "components.unap_opverbs.mode": "model", "nlp.disabled": []})
    assert models.configured(nlp, run.overrides(nlp, "model")) is loaded  # one pipeline per configuration
    assert model == run.predict(loaded, units)
    own = spacy.load(models.default_model("en"))  # not one of models.load's: configured from its bytes
    assert run.predict(own, units, "model") == model and own.get_pipe("unap_entities").mode == "rules"
