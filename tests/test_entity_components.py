"""`unap_entity_rules` and `unap_entities`: spans with ids in both languages, token splitting, merge modes."""
import spacy

from pipeline import models
from pipeline.components.entity_rules import split_tokens_at
from pipeline.components.unit import unit_doc

from .conftest import ents


def test_zh_seed_sentence(rules_nlp):
    text = ("回顾关于人道主义人员的安全和安保及对联合国人员的保护的所有有关决议，包括其 2023 年 12 月 8 日第 78/118 号决议，以及安全理事会关于"
            "保护人道主义人员的各项决议，包括 2014 年 8 月 29 日第 2175(2014) 号决议")
    doc = rules_nlp["zh"](text)
    assert ents(doc) == [
        ("联合国", "ORG", "United Nations"), ("2023 年 12 月 8 日", "DATE", "2023-12-08"),
        ("第 78/118 号决议", "RESOLUTION", "A/RES/78/118"), ("安全理事会", "ORG", "UN Security Council"),
        ("2014 年 8 月 29 日", "DATE", "2014-08-29"), ("第 2175(2014) 号决议", "RESOLUTION", "S/RES/2175(2014)")]


def test_zh_treaty_without_title_marks_and_attached_date(rules_nlp):
    doc = rules_nlp["zh"]("回顾 1949 年 8 月 12 日日内瓦四公约² 及其 1977 年 6 月 8 日《附加议定书》，")
    got = ents(doc)
    assert ("日内瓦四公约", "TREATY", "Geneva Conventions") in got
    assert ("1949 年 8 月 12 日", "DATE", "1949-08-12") in got
    assert any(t == "附加议定书" and lab == "TREATY" for t, lab, _ in got)  # title marks outside


def test_zh_short_name_inside_compound_is_not_the_general_assembly(rules_nlp):
    doc = rules_nlp["zh"]("缔约方大会第十二届会议")
    assert ("大会", "ORG", "UN General Assembly") not in ents(doc)
    doc = rules_nlp["zh"]("请大会审议")
    assert ("大会", "ORG", "UN General Assembly") in ents(doc)


def test_en_sentence(rules_nlp):
    text = ("Recalling Security Council resolutions 1265 (1999) and 1296 (2000) and the Convention on the Safety of "
            "United Nations and Associated Personnel, adopted on 9 December 1994 (A/79/149),")
    doc = rules_nlp["en"](text)
    assert ents(doc) == [
        ("Security Council", "ORG", "UN Security Council"), ("1265 (1999)", "RESOLUTION", "S/RES/1265(1999)"),
        ("1296 (2000)", "RESOLUTION", "S/RES/1296(2000)"),
        ("Convention on the Safety of United Nations and Associated Personnel", "TREATY",
         "Convention on the Safety of United Nations and Associated Personnel"),
        ("9 December 1994", "DATE", "1994-12-09"), ("A/79/149", "DOCUMENT", "A/79/149")]


def test_en_modifier_use_and_short_title(rules_nlp):
    doc = rules_nlp["en"]("United Nations personnel shall respect the Charter.")
    assert ents(doc) == [("United Nations", "ORG", "United Nations"),
                         ("the Charter", "TREATY", "Charter of the United Nations")]


def test_non_breaking_hyphens_of_official_texts_do_not_cut_names(rules_nlp):
    # the GA's own texts write "Non\u2011Proliferation" with U+2011: the name is whole, its id the gazetteer's,
    # and the span keeps the text's own characters
    plain = rules_nlp["en"]("Recalling the Treaty on the Non-Proliferation of Nuclear Weapons,")
    doc = rules_nlp["en"]("Recalling the Treaty on the Non\u2011Proliferation of Nuclear Weapons,")
    (text, label, ident), = ents(doc)
    assert text == "Treaty on the Non\u2011Proliferation of Nuclear Weapons" and label == "TREATY"
    assert ident == ents(plain)[0][2] != "Treaty on the Non"


def test_minus_sign_in_a_year_range_is_a_dash():
    # Russian UNPC lines write year ranges with U+2212: one range, as with "-"
    nlp = models.load(models.default_model("ru"))
    assert [(e.text, e.kb_id_) for e in nlp("В 2012\u22122013 годах 46 стран сообщили").ents] == [
        ("2012\u22122013 годах", "2012/2013")]


def test_date_without_year_takes_the_document_year(rules_nlp):
    nlp = rules_nlp["en"]
    assert ents(nlp(unit_doc(nlp, "The meeting on 25 November decided.", year=2015))) == [
        ("25 November", "DATE", "2015-11-25")]
    assert ents(nlp("The meeting on 25 November decided.")) == [("25 November", "DATE", "")]


def test_split_tokens_at_entity_boundaries():
    nlp = spacy.blank("zh")
    doc = nlp.make_doc("联合国人员")
    with doc.retokenize() as r:  # a segmenter that glued the compound together
        r.merge(doc[0:len(doc)])
    assert len(doc) == 1
    split_tokens_at(doc, [0, 3])
    assert [t.text for t in doc] == ["联合国", "人员"]


def test_merge_modes_are_configurations_of_the_shipped_pipeline():
    path = models.default_model("en")
    text = "The Working Group of the Whole met with the Ethics Office of UNICEF on 3 May 2015."
    got = {}
    for mode in ("rules", "model", "combined"):  # the shipped pipeline keeps its NER disabled: model modes run it
        overrides = {"components.unap_entities.mode": mode, **({"nlp.disabled": []} if mode != "rules" else {})}
        doc = models.load(path, overrides)(text)
        got[mode] = [(e.text, e.label_, e._.source) for e in doc.ents]
    assert got["rules"] and all(src == "rules" for _, _, src in got["rules"])
    assert got["model"] and all(src == "model" for _, _, src in got["model"])
    rule_spans = {(t, lab) for t, lab, _ in got["rules"]}
    assert rule_spans <= {(t, lab) for t, lab, _ in got["combined"]}
    shipped = models.load(path)  # the shared pipeline is untouched: rules, and the NER saved but not run
    assert shipped.get_pipe("unap_entities").mode == "rules" and shipped.disabled == ["ner"]
    assert [(e.text, e.label_, e._.source) for e in shipped(text).ents] == got["rules"]


def test_ner_treaty_additions_must_look_like_an_instrument():
    from pipeline.components.entities import looks_like_instrument

    for text, lang in [("Paris Agreement", "en"), ("Arms Trade Treaty", "en"), ("巴黎协定", "zh"), ("禁止化学武器公约", "zh")]:
        assert looks_like_instrument(text, lang)
    for text, lang in [("CAR", "en"), ("the Cypriots", "en"), ("条约汇编", "zh"), ("医院和其他医疗设施，并确保", "zh")]:
        assert not looks_like_instrument(text, lang)
