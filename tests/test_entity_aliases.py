"""Names a document defines for itself (pipeline/entities/aliases.py) and ids built from known names."""
from pipeline.entities.aliases import Named, resolve_short_forms
from pipeline.entities.gazetteer import Gazetteer

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


def test_zh_short_name_defined_in_brackets(rules_nlp):
    doc = rules_nlp["zh"]("联合国南苏丹特派团（南苏丹特派团）继续开展工作，请南苏丹特派团报告。")
    got = ents(doc)
    assert [t for t, lab, _ in got if lab == "ORG"].count("南苏丹特派团") == 2


def test_zh_bracketed_text_from_other_characters_is_not_a_short_name(rules_nlp):
    got = ents(rules_nlp["zh"]("联合国儿童基金会（见附件）"))
    assert not any(t == "见附件" for t, _, _ in got)


def test_and_inside_a_name_and_between_two_names(rules_nlp):
    got = ents(rules_nlp["en"]("the Security and Justice Committee, the Peace and Security Council of the African Union,"
                         " Member States and Security Council members, the Committee and Panel of Experts"))
    texts = [t for t, _, _ in got]
    assert "Security and Justice Committee" in texts
    assert "Peace and Security Council of the African Union" in texts
    assert "Member States and Security Council" not in texts and "Security Council" in texts
    assert "Panel of Experts" in texts and "Committee and Panel of Experts" not in texts


def test_ids_built_from_a_known_name():
    g = Gazetteer.load()
    bangkok = g.lookup("Bangkok Treaty", "en")[1]
    assert g.canonical("Protocol to the Bangkok Treaty", "TREATY", "en") == f"Protocol to the {bangkok}"
    oda = g.lookup("Office for Disarmament Affairs", "en")[1]
    assert g.canonical("Office for Disarmament Affairs of the Secretariat", "ORG", "en") == oda
    assert g.canonical("Rural Roads Authority", "ORG", "en") == "Rural Roads Authority"  # own name
    assert g.canonical("The Future We Want", "TREATY", "en") == "The Future We Want"  # a capital The stays
    assert g.canonical("农村道路局", "ORG", "zh") == ""  # no English name can be made up


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


def test_short_form_with_two_possible_full_names_stays_as_it_is():
    ms = [Named(0, 40, "ORG", "Panel of Experts on Liberia", "Panel of Experts on Liberia", False),
          Named(50, 90, "ORG", "Panel of Experts on Somalia", "Panel of Experts on Somalia", False),
          Named(100, 116, "ORG", "Panel of Experts", "Panel of Experts", False)]
    assert resolve_short_forms(ms) == {}
    assert resolve_short_forms(ms[:1] + ms[2:]) == {1: "Panel of Experts on Liberia"}


def test_zh_body_named_after_a_known_one(rules_nlp):
    for text, body in [("世卫组织药物依赖问题专家委员会的建议", "世卫组织药物依赖问题专家委员会"),
                       ("鹿特丹公约缔约方大会的决定", "鹿特丹公约缔约方大会"), ("欧安组织明斯克小组", "欧安组织明斯克小组")]:
        assert (body, "ORG") in [(t, lab) for t, lab, _ in ents(rules_nlp["zh"](text))]
    # generic, or a verb between the two names: no new body
    for text, name in [("联合国系统各组织", "联合国"), ("安全理事会处理大会的报告", "安全理事会"), ("联合国会员国委员会", "联合国")]:
        assert ents(rules_nlp["zh"](text))[0][0] == name
