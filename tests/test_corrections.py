"""Corrections that teach: a name people added is found in later documents, a span they removed is not proposed
again, the knowledge is saved with the pipeline with its provenance, and the hand-written gazetteer is not
overruled silently. The last test goes through a real doccano server and `unap train --gold`."""
import datetime
import json
import secrets

import pytest
import spacy

from pipeline.cli import main
from pipeline.entities.corrections import Corrections
from pipeline.training.retrain import learn_corrections

MISSED = "Calls upon the National Oil Corporation to cooperate fully with the Panel of Experts."
WRONG = "Notes that the Coordination Unit of the Ministry met in Tripoli on 3 May 2021."
LATER = "Welcomes the steps taken by the National Oil Corporation and by the Coordination Unit of the Ministry."


def unit(uid, text, entities, lang="en"):
    return {"id": uid, "text": text, "lang": lang, "gold": "pulled.jsonl",
            "entities": [{"start": text.index(t), "end": text.index(t) + len(t), "label": lab, "id": i}
                         for t, lab, i in entities]}


def rules(corrections=None, lang="en"):
    nlp = spacy.blank(lang)
    r = nlp.add_pipe("unap_entity_rules")
    if corrections is not None:
        r.set_corrections(corrections)
    return nlp, r


def found(r, text):
    return [(text[c.start:c.end], c.label, c.source) for c in r.candidates(text)]


GOLD = [unit("a", MISSED, [("National Oil Corporation", "ORG", "National Oil Corporation (Libya)"),
                           ("Panel of Experts", "ORG", None)]),
        unit("b", WRONG, [("3 May 2021", "DATE", "2021-05-03")])]


def learned(units):
    return learn_corrections("en", units)


def test_a_corrected_name_is_found_and_a_removed_span_is_not_proposed_again():
    _, before = rules()
    assert ("National Oil Corporation", "ORG", "learned") not in found(before, LATER)
    assert ("Coordination Unit of the Ministry", "ORG", "title") in found(before, LATER)
    corr, report = learned(GOLD)
    assert [(r.kind, r.label, r.text, r.id, r.gold, r.unit) for r in corr.rows] == [
        ("name", "ORG", "National Oil Corporation", "National Oil Corporation (Libya)", "pulled.jsonl", "a"),
        ("not", "ORG", "Coordination Unit of the Ministry", "", "pulled.jsonl", "b")]
    _, after = rules(corr)
    got = found(after, LATER)
    assert ("National Oil Corporation", "ORG", "learned") in got
    assert not any(t.startswith("Coordination Unit") for t, *_ in got)
    # the learned name keeps its id through the rules' normalizer
    nlp, _ = rules(corr)
    nlp.add_pipe("unap_entities", config={"mode": "rules"})
    doc = nlp(LATER)
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("National Oil Corporation", "National Oil Corporation (Libya)")]


def test_dates_and_references_are_never_blocked_by_one_removal():
    corr, _ = learned([unit("c", WRONG, [])])  # a person removed every span, the date too
    assert {(r.kind, r.label) for r in corr.rows} == {("not", "ORG")}


def test_inconsistent_gold_short_names_and_gazetteer_conflicts_are_reported_not_learned():
    units = GOLD + [unit("d", "The National Oil Corporation said so.", [])]  # left unlabelled elsewhere
    corr, report = learned(units)
    assert "National Oil Corporation" not in {r.text for r in corr.rows if r.kind == "name"}
    assert any("the gold leaves 1 other occurrence(s) unlabelled" in line for line in report)
    # "Security Council" is a gazetteer ORG: removing it in one unit does not overrule the gazetteer
    text = "Decides that the Security Council shall remain seized of the matter, with the CSA."
    corr, report = learned([unit("e", text, [("CSA", "ORG", "CSA")])])
    assert corr.rows == []
    assert any("removed ORG 'Security Council' is a gazetteer name; not applied" in line for line in report)
    assert any("too short to learn without context" in line for line in report)
    # a name the gazetteer gives another id: reported
    corr, report = learned([unit("f", text, [("Security Council", "TREATY", "Security Council Treaty")])])
    assert not [r for r in corr.rows if r.kind == "name"]
    assert any("conflicts with the gazetteer (ORG UN Security Council)" in line for line in report)


def test_a_short_form_whose_id_depends_on_its_unit_is_learned_without_an_id():
    """'Comité spécial' names the body the document is about: the id of the one unit it was learned from must
    not follow it into every other document (consistency.tsv scope `id`); nor may two ids the gold gives one
    string, nor a non-English name stand in for its own id."""
    special = "Prie le Comité spécial de poursuivre ses travaux."
    panel = [unit("g", "Le Groupe de contrôle du Darfour a présenté son rapport.",
                  [("Groupe de contrôle du Darfour", "ORG", "Panel of Experts on the Sudan")], lang="fr"),
             unit("h", "Le Groupe de contrôle du Darfour se réunira à nouveau.",
                  [("Groupe de contrôle du Darfour", "ORG", "Panel of Experts on Darfur")], lang="fr")]
    nameless = unit("i", "Salue le travail de la Coalition pour la Cour pénale internationale.",
                    [("Coalition pour la Cour pénale internationale", "ORG", None)], lang="fr")
    corr, report = learn_corrections("fr", [unit("f", special, [("Comité spécial", "ORG", "Special Committee on "
                                                                 "Peacekeeping Operations")], lang="fr"),
                                            *panel, nameless])
    names = {r.text: r.id for r in corr.rows if r.kind == "name"}
    assert names == {"Comité spécial": "", "Groupe de contrôle du Darfour": "",
                     "Coalition pour la Cour pénale internationale": ""}
    assert any("the gold gives it 2 different ids" in line for line in report)


def test_corrections_are_saved_with_the_pipeline(tmp_path):
    corr, _ = learned(GOLD)
    nlp, _ = rules(corr)
    nlp.to_disk(tmp_path / "p")
    rows = [json.loads(x) for x in (tmp_path / "p" / "unap_entity_rules" / "corrections.jsonl").read_text().splitlines()]
    assert {r["text"] for r in rows} == {"National Oil Corporation", "Coordination Unit of the Ministry"}
    assert all(r["gold"] == "pulled.jsonl" and r["date"] == datetime.date.today().isoformat() for r in rows)
    back = spacy.load(tmp_path / "p").get_pipe("unap_entity_rules")
    assert len(back.corrections) == 2 and len(back.hand.rows) == len(rules()[1].hand.rows)
    assert ("National Oil Corporation", "ORG", "learned") in found(back, LATER)
    assert isinstance(Corrections.load(tmp_path / "missing.jsonl"), Corrections)


@pytest.mark.slow
def test_doccano_correction_is_learned_by_unap_train(doccano, tmp_path, capsys):
    """Push two units, correct them in a real doccano, pull, `unap train --gold`, annotate another document."""
    from .test_doccano_loop import approve_all, client

    src = tmp_path / "units.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t, "lang": "en"}) + "\n" for i, t in
                           (("u-missed", MISSED), ("u-wrong", WRONG))), encoding="utf-8")
    annotated = tmp_path / "annotated.jsonl"
    assert main(["annotate", str(src), "-o", str(annotated), "-q"]) == 0
    project = "teach-" + secrets.token_hex(3)
    assert main(["doccano", "push", str(annotated), "--project", project]) == 0
    c = client()
    proj = next(p for p in c.list_projects() if p.name == project)
    examples = {e.meta["unit_id"]: e for e in c.list_examples(proj.id)}
    org = next(lt.id for lt in c.list_label_types(proj.id, "span") if lt.text == "ORG")
    start = MISSED.index("National Oil Corporation")
    c.create_span(proj.id, examples["u-missed"].id, start, start + len("National Oil Corporation"), org)
    victim = next(s for s in c.list_spans(proj.id, examples["u-wrong"].id)
                  if WRONG[s.start_offset:s.end_offset] == "Coordination Unit of the Ministry")
    c.delete_span(proj.id, examples["u-wrong"].id, victim.id)
    approve_all(c, proj.id, examples.values())
    gold = tmp_path / "gold.jsonl"
    assert main(["doccano", "pull", "--project", project, "-o", str(gold), "--only-approved"]) == 0
    capsys.readouterr()

    later = tmp_path / "later.txt"
    later.write_text(f"The Security Council,\n\n1. {LATER}\n", encoding="utf-8")
    before = tmp_path / "before.jsonl"
    assert main(["annotate", str(later), "-o", str(before), "-q"]) == 0
    out = tmp_path / "models"
    out.mkdir()
    assert main(["train", "--lang", "en", "--gold", str(gold), "-o", str(out), "--epochs", "1", "-q"]) == 0
    assert "(2 from --gold); learned" in capsys.readouterr().err
    rows = [json.loads(x) for x in (out / "unap-en" / "unap_entity_rules" / "corrections.jsonl").read_text().splitlines()]
    mine = {(r["kind"], r["text"], r["unit"]) for r in rows if r["gold"] == str(gold)}
    assert mine == {("name", "National Oil Corporation", "u-missed"),
                    ("not", "Coordination Unit of the Ministry", "u-wrong")}
    after = tmp_path / "after.jsonl"
    assert main(["annotate", str(later), "-o", str(after), "-q", "--model", str(out)]) == 0

    def ents(path):
        return {e["text"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
                for e in r["entities"]}
    assert "National Oil Corporation" not in ents(before) and "Coordination Unit of the Ministry" in ents(before)
    assert "National Oil Corporation" in ents(after) and "Coordination Unit of the Ministry" not in ents(after)


def test_unap_train_compares_on_the_dev_split_and_never_shows_test(tmp_path, capsys):
    """The before/after line of `unap train` is the new pipeline's score on the dev split (whoever iterates on
    training sees it on every run; the test split is for `unap evaluate`)."""
    from pipeline.training import measure

    assert main(["train", "--lang", "fr", "-o", str(tmp_path), "--epochs", "1", "-q"]) == 0
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert "test split" not in line
    dev = measure.entity_split("dev", "fr") + measure.strength_split("dev", "fr")
    after = measure.summary(measure.scores_on(spacy.load(tmp_path / "unap-fr"), dev))
    assert "; dev split: before entity F1 " in line and line.endswith(f", after {after}"), line
