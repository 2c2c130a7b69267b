"""Names a document defines for itself (pipeline/entities/aliases.py) and ids built from known names."""
import pytest

from pipeline.entities.aliases import Named, resolve_short_forms

from .conftest import ents


def test_en_acronym_defined_in_brackets_tags_later_uses(rules_nlp):
    doc = rules_nlp["en"]("Urges the Libyan Investment Authority (LIA) to report, and decides that the LIA shall remain "
                    "frozen, while LIAISON officers and ALIA are not the body;")
    got = ents(doc)
    assert got.count(("LIA", "ORG", "Libyan Investment Authority")) == 2
    assert ("Libyan Investment Authority", "ORG", "Libyan Investment Authority") in got
    assert not any(t in ("LIAISON", "ALIA") for t, _, _ in got)


def test_en_bracketed_word_that_does_not_fit_the_name_is_no_acronym(rules_nlp):
    got = ents(rules_nlp["en"]("the Security and Justice Committee (UNDP) met; the Monitoring Group (Somalia) reported"))
    assert ("Security and Justice Committee", "ORG", "Security and Justice Committee") in got
    assert not any(t in ("UNDP", "Somalia") and i != "United Nations Development Programme" for t, _, i in got)
    # an acronym of only a part of the name (the Transitional Government inside an agreement's title)
    got = ents(rules_nlp["en"]("the Agreement on the Establishment of the Transitional Government of National Unity "
                               "(TGoNU) and the TGoNU"))
    assert not any(t == "TGoNU" for t, _, _ in got)


def test_zh_short_name_defined_in_brackets(rules_nlp):
    doc = rules_nlp["zh"]("联合国南苏丹特派团（南苏丹特派团）继续开展工作，请南苏丹特派团报告。")
    got = ents(doc)
    assert [t for t, lab, _ in got if lab == "ORG"].count("南苏丹特派团") == 2


def test_zh_bracketed_text_from_other_characters_is_not_a_short_name(rules_nlp):
    got = ents(rules_nlp["zh"]("联合国儿童基金会（见附件）"))
    assert not any(t == "见附件" for t, _, _ in got)


def test_short_forms_take_the_id_of_the_full_name_in_the_document(rules_nlp):
    doc = rules_nlp["en"]("Recalling the Convention on Cluster Munitions and the Group of Governmental Experts on "
                    "Emerging Technologies, welcomes the work of the Group of Governmental Experts and urges "
                    "all States to ratify the Convention;")
    got = ents(doc)
    conv = [i for t, lab, i in got if t.startswith("Convention on Cluster")][0]
    assert ("the Convention", "TREATY", conv) in got
    assert ("Group of Governmental Experts", "ORG",
            "Group of Governmental Experts on Emerging Technologies") in got


def test_short_title_without_a_named_instrument_keeps_no_id(rules_nlp):
    assert ents(rules_nlp["en"]("States parties to the Convention shall report.")) == [
        ("the Convention", "TREATY", "")]


def test_short_form_with_two_possible_full_names_gets_no_id():
    ms = [Named(0, 40, "ORG", "Panel of Experts on Liberia", "Panel of Experts on Liberia", False),
          Named(50, 90, "ORG", "Panel of Experts on Somalia", "Panel of Experts on Somalia", False),
          Named(100, 116, "ORG", "Panel of Experts", "Panel of Experts", False)]
    assert resolve_short_forms(ms) == {2: ""}
    assert resolve_short_forms(ms[:1] + ms[2:]) == {1: "Panel of Experts on Liberia"}


def test_en_body_named_by_its_kind_alone_has_no_id(rules_nlp):
    # GUIDELINES: a body named without whose it is takes the id of the full name the text gives, else none;
    # its own words ("Permanent Forum") would be an id of nobody that no other language shares
    got = ents(rules_nlp["en"]("Welcomes the work of the Permanent Forum, the Special Committee and the Panel of Experts "
                               "and of the Office for the Coordination of Humanitarian Affairs;"))
    assert [(t, i) for t, lab, i in got if lab == "ORG"] == [
        ("Permanent Forum", ""), ("Special Committee", ""), ("Panel of Experts", ""),
        ("Office for the Coordination of Humanitarian Affairs", "Office for the Coordination of Humanitarian Affairs")]


def test_fr_ru_short_form_takes_the_id_of_the_full_name_whatever_its_case_form():
    """A body named without its parent ('Comité spécial', learned with no id of its own) takes the id of the one
    longer name of the document it opens; in Russian the case endings differ and still match."""
    spk = "Special Committee on Peacekeeping Operations"
    fr = [Named(10, 62, "ORG", "Comité spécial des opérations de maintien de la paix", spk, True),
          Named(80, 94, "ORG", "Comité spécial", "", False)]
    assert resolve_short_forms(fr, "fr") == {1: spk}
    ru = [Named(0, 50, "ORG", "Специального комитета по операциям по поддержанию мира", spk, True),
          Named(60, 81, "ORG", "Специальному комитету", "", False)]
    assert resolve_short_forms(ru, "ru") == {1: spk}
    two = fr + [Named(100, 140, "ORG", "Comité spécial de la décolonisation", "Special Committee on Decolonization",
                      True)]
    assert resolve_short_forms(two, "fr") == {}


def test_en_sentence_initial_short_title_is_no_name_of_its_own(rules_nlp):
    # "The Treaty" opening a sentence is the short title of the treaty the text names, else it has no id
    assert ents(rules_nlp["en"]("The Treaty shall enter into force.")) == [("The Treaty", "TREATY", "")]
    got = ents(rules_nlp["en"]("Recalling the Treaty on the Non-Proliferation of Nuclear Weapons. The Treaty remains."))
    assert got[1] == ("The Treaty", "TREATY", got[0][2]) and got[0][2]


def test_a_short_title_with_a_proper_adjective_is_another_instrument():
    """'Венской конвенции' and 'Парижской конвенции' after the Convention on Supplementary Compensation name the
    Vienna and Paris Conventions: they took the id of the nearest convention; 'Конвенции' alone still does."""
    csc = "Convention on Supplementary Compensation for Nuclear Damage"
    ms = [Named(0, 60, "TREATY", "Конвенции о дополнительном возмещении за ядерный ущерб", csc, True),
          Named(70, 87, "TREATY", "Венской конвенции", "", False),
          Named(90, 109, "TREATY", "Парижской конвенции", "", False),
          Named(120, 129, "TREATY", "Конвенции", "", False)]
    got = resolve_short_forms(ms, "ru")
    assert got.get(1) is None and got.get(2) is None and got[3] == csc
    fr = [Named(0, 50, "TREATY", "Convention sur la réparation complémentaire", csc, True),
          Named(60, 73, "TREATY", "La Convention", "", False)]  # a capitalized article is still an article
    assert resolve_short_forms(fr, "fr") == {1: csc}


def test_an_acronym_the_document_defines_is_not_the_list_body_of_the_same_letters():
    """"Институтом международных отношений (ИМО)": here ИМО is that institute (no id: no list holds it), not the
    International Maritime Organization the gazetteer reads in ИМО, at the definition and after it."""
    from pipeline import models
    nlp = models.load(models.resolve(None, "ru"))
    text = ("конференции, организованной Институтом международных отношений (ИМО) в Турине; доклад ИМО был "
            "представлен.")
    doc = nlp(nlp.make_doc(text))
    found = [(e.text, e.kb_id_) for e in doc.ents]
    assert found == [("Институтом международных отношений", ""), ("ИМО", ""), ("ИМО", "")]
    alone = nlp(nlp.make_doc("доклад ИМО был представлен."))
    assert [(e.text, e.kb_id_) for e in alone.ents] == [("ИМО", "International Maritime Organization")]


@pytest.mark.parametrize("lang,text,want", [
    # a back-reference to the convention's secretariat the unit names (GUIDELINES, Secretariats)
    ("en", "The Secretariat of the Rotterdam Convention organized a workshop. The Secretariat also prepared a note.",
     ["Secretariat of the Rotterdam Convention"] * 2),
    # 《X公约》秘书处: X's secretariat; a 秘书处 before it is the writer's own, contrasted with it
    ("zh", "秘书处将继续加强与《生物多样性公约》秘书处的合作。",
     ["UN Secretariat", "Secretariat of the Convention on Biological Diversity"]),
    ("zh", "《鹿特丹公约》秘书处组织了讲习班。秘书处还编写了说明。", ["Secretariat of the Rotterdam Convention"] * 2),
    # no convention's secretariat named: the lists' UN Secretariat
    ("en", "Requests the Secretariat to report to the General Assembly.", ["UN Secretariat"]),
])
def test_a_secretariat_named_alone_is_the_one_the_unit_names(lang, text, want):
    from pipeline import models
    nlp = models.load(models.resolve(None, lang))
    doc = nlp(nlp.make_doc(text))
    assert [e.kb_id_ for e in doc.ents if e.label_ == "ORG" and ("Secretariat" in e.text or e.text == "秘书处")] == want
