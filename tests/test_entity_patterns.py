"""Pattern families and normalizers for RESOLUTION, DOCUMENT and DATE, with the tricky forms of the seed."""
import pytest

from pipeline.entities.ids import entity_id, organ_before
from pipeline.entities.gazetteer import Gazetteer
from pipeline.entities.normalize import date_id, resolution_id
from pipeline.entities.patterns import dates, documents, find, resolutions
from pipeline.components.entity_rules import resolve

from .conftest import ents, rule_spans


def spans(cands, text):
    return [(text[c.start:c.end], c.label) for c in resolve(cands)]


@pytest.mark.parametrize("text,expected", [
    ("重申其第 46/182 号决议，", [("第 46/182 号决议", "A/RES/46/182")]),
    ("第 2175(2014) 号决议和 2024 年 5 月 24 日第 2730(2024)号决议", [("第 2175(2014) 号决议", "S/RES/2175(2014)"),
                                                            ("第 2730(2024)号决议", "S/RES/2730(2024)")]),
    ("¹⁹ 第 22A (I)号决议。", [("第 22A (I)号决议", "A/RES/22A(I)")]),
    ("²⁰ 第 179 (II)号决议。", [("第 179 (II)号决议", "A/RES/179(II)")]),
    ("第 1265(1999)号和第 1296(2000)号决议", [("1265(1999)", "S/RES/1265(1999)"), ("1296(2000)", "S/RES/1296(2000)")]),
    ("人权理事会第 53/2 号决议", [("第 53/2 号决议", "A/HRC/RES/53/2")]),
])
def test_zh_resolutions(text, expected):
    got = [(text[c.start:c.end], resolution_id(c.key, organ_before(text, c.start, "zh")))
           for c in resolve(resolutions(text, "zh"))]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    ("Recalling its resolution 46/182 of 19 December 1991,", [("resolution 46/182", "A/RES/46/182")]),
    ("resolutions 1265 (1999) and 1296 (2000)", [("1265 (1999)", "S/RES/1265(1999)"), ("1296 (2000)", "S/RES/1296(2000)")]),
    ("resolutions 60/180, 65/7 and 70/262", [("60/180", "A/RES/60/180"), ("65/7", "A/RES/65/7"), ("70/262", "A/RES/70/262")]),
    ("General Assembly resolution 22 A (I)", [("resolution 22 A (I)", "A/RES/22A(I)")]),
    ("Economic and Social Council resolution 2014/37", [("resolution 2014/37", "E/RES/2014/37")]),
    ("Human Rights Council resolution 53/2", [("resolution 53/2", "A/HRC/RES/53/2")]),
    ("resolution ES-10/2 and A/RES/79/138 and S/RES/2286 (2016)",
     [("resolution ES-10/2", "A/RES/ES-10/2"), ("A/RES/79/138", "A/RES/79/138"), ("S/RES/2286 (2016)", "S/RES/2286(2016)")]),
    ("80/1. Participation by the State of Palestine", [("80/1", "A/RES/80/1")]),
    ("15 (1946). Resolution of 10 February 1946 [S/339]", [("15 (1946)", "S/RES/15(1946)")]),
    # a list with a comma missing between two numbers (drafts have them)
    ("pursuant to resolutions 1267 (1999) 1989 (2011) and 2253 (2015),",
     [("1267 (1999)", "S/RES/1267(1999)"), ("1989 (2011)", "S/RES/1989(2011)"), ("2253 (2015)", "S/RES/2253(2015)")]),
])
def test_en_resolutions(text, expected):
    got = [(text[c.start:c.end], resolution_id(c.key, organ_before(text, c.start, "en")))
           for c in resolve(resolutions(text, "en"))]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    ("(A/79/149)", ["A/79/149"]),
    ("[未经发交主要委员会而通过(A/79/L.32)]", ["A/79/L.32"]),
    ("(《大会正式记录，第七十七届会议，补编第 19 号》(A/77/19))", ["A/77/19"]),
    ("A/79/552-S/2024/767.", ["A/79/552-S/2024/767"]),
    ("see A/80/L.2/Rev.1 and S/PRST/2024/1;", ["A/80/L.2/Rev.1", "S/PRST/2024/1"]),
    ("resolution A/RES/79/138", []),
])
def test_documents(text, expected):
    assert [text[c.start:c.end] for c in documents(text)] == expected


@pytest.mark.parametrize("text,lang,surface,iso", [
    ("2024 年 12 月 9 日大会决议", "zh", "2024 年 12 月 9 日", "2024-12-09"),
    ("2024年12月9日", "zh", "2024年12月9日", "2024-12-09"),
    ("在 2023 年所有", "zh", "2023 年", "2023"),
    ("《援助人员安全报告》，2024 年 8 月。", "zh", "2024 年 8 月", "2024-08"),
    ("1990-2014年期间", "zh", "1990-2014年", "1990/2014"),
    ("2014年5月5日至9日", "zh", "2014年5月5日至9日", "2014-05-05/2014-05-09"),
    ("2015年1月28日和29日举行", "zh", "2015年1月28日和29日", "2015-01-28/2015-01-29"),
    ("在2023年3月5至9日举行", "zh", "2023年3月5至9日", "2023-03-05/2023-03-09"),
    ("2022年至2023年期间", "zh", "2022年至2023年", "2022/2023"),
    ("2011年至2014年12月22日期间", "zh", "2011年至2014年12月22日", "2011/2014-12-22"),
    ("on 9 December 2024,", "en", "9 December 2024", "2024-12-09"),
    ("in May 2024", "en", "May 2024", "2024-05"),
    ("from 5 to 9 May 2014", "en", "5 to 9 May 2014", "2014-05-05/2014-05-09"),
    ("the period 1990–2014", "en", "1990–2014", "1990/2014"),
    ("in 2023, there", "en", "2023", "2023"),
    ("by mid-June", "en", "June", "2024-06"),
    # a range between two dates, one span as in the gold and in the other languages (it was two dates)
    ("Between October 2013 and February 2014, the facilitator", "en", "October 2013 and February 2014",
     "2013-10/2014-02"),
    ("for the period from 1 September 2022 to 31 August 2023.", "en", "1 September 2022 to 31 August 2023",
     "2022-09-01/2023-08-31"),
    ("between 11 April 2022 and 6 March 2023", "en", "11 April 2022 and 6 March 2023", "2022-04-11/2023-03-06"),
    ("from January 2013 to December 2014", "en", "January 2013 to December 2014", "2013-01/2014-12"),
    ("Between 2005 and 2009, the number", "en", "2005 and 2009", "2005/2009"),
    # from a year or a month to a full date: one range, as 2011年至2014年12月22日 (it was two dates)
    ("for the period from 2011 to 22 December 2014.", "en", "2011 to 22 December 2014", "2011/2014-12-22"),
    ("from May 2013 to 30 June 2015, the Mission", "en", "May 2013 to 30 June 2015", "2013-05/2015-06-30"),
    ("De 2011 au 22 décembre 2014, la Mission", "fr", "2011 au 22 décembre 2014", "2011/2014-12-22"),
    ("с 2011 года по 22 декабря 2014 года", "ru", "2011 года по 22 декабря 2014 года", "2011/2014-12-22"),
    # a financial year written with a slash ('exercice 2014/15' gave a DATE with no id, English none at all)
    ("for the 2014/15 financial period", "en", "2014/15", "2014/2015"),
    ("pour l'exercice 2014/15", "fr", "2014/15", "2014/2015"),
])
def test_dates(text, lang, surface, iso):
    got = [(text[c.start:c.end], date_id(c.key, lang, 2024)) for c in resolve(dates(text, lang))]
    assert got == [(surface, iso)]


def test_no_dates_in_relative_or_modifier_forms():
    for text in ("the post-2015 development agenda", "this year", "the eightieth session", "2,000 people"):
        assert dates(text, "en") == []
    assert dates("今年和第七十九届会议", "zh") == []


def test_years_inside_numbers_are_not_dates():
    text = "resolution 2175 (2014) and document S/2024/302"
    assert spans(find(text, "en"), text) == [("resolution 2175 (2014)", "RESOLUTION"), ("S/2024/302", "DOCUMENT")]


@pytest.mark.parametrize("number,organ,expected", [
    ("46/182", None, "A/RES/46/182"), ("2175 (2014)", None, "S/RES/2175(2014)"), ("2175(2014)", "GA", "S/RES/2175(2014)"),
    ("22 A (I)", None, "A/RES/22A(I)"), ("1514 (XV)", None, "A/RES/1514(XV)"), ("2014/37", None, "E/RES/2014/37"),
    ("53/2", "HRC", "A/HRC/RES/53/2"), ("S-10/2", None, "A/RES/S-10/2"), ("garbage", None, None),
])
def test_resolution_ids(number, organ, expected):
    assert resolution_id(number, organ) == expected


def test_decisions_get_their_own_symbols(rules_nlp):
    got = ents(rules_nlp["en"]("Recalling General Assembly decision 77/555 and its decisions 2023/201 A and 2023/202,"))
    assert [i for _, lab, i in got if lab == "RESOLUTION"] == ["A/DEC/77/555", "E/DEC/2023/201A", "E/DEC/2023/202"]
    got = ents(rules_nlp["zh"]("回顾理事会第2006/46号决议和第2023/201号决定"))
    assert [i for _, lab, i in got if lab == "RESOLUTION"] == ["E/RES/2006/46", "E/DEC/2023/201"]


def test_entity_id_for_model_spans_uses_context():
    g = Gazetteer([{"label": "ORG", "id": "UN Security Council", "lang": "zh", "name": "安全理事会"}])
    text = "安全理事会第 2286(2016)号决议"
    assert entity_id("RESOLUTION", "第 2286(2016)号决议", "", text, 5, "zh", None, g) == "S/RES/2286(2016)"
    assert entity_id("ORG", "安全理事会", "", text, 0, "zh", None, g) == "UN Security Council"
    assert entity_id("ORG", "不存在的机构", "", text, 0, "zh", None, g) == ""
    assert entity_id("DATE", "6 月", "", "6 月", 0, "zh", 2025, g) == "2025-06"


def test_two_english_titles_joined_by_and_are_two_treaties():
    g = Gazetteer([])  # no list: the capitalized-title heuristic alone
    text = ("Urges States to ratify the Convention on the Rights of the Child and the Paris Agreement, and the "
            "Convention on the Prevention and Punishment of the Crime of Genocide;")
    found = [(text[c.start:c.end], c.label) for c in g.find(text, "en") if c.label == "TREATY"]
    assert ("Convention on the Rights of the Child", "TREATY") in found
    assert ("Paris Agreement", "TREATY") in found
    # an "and" inside one title stays inside it
    assert ("Convention on the Prevention and Punishment of the Crime of Genocide", "TREATY") in found


def test_zh_list_whose_items_carry_dates():
    text = "回顾大会2017年12月22日第72/242号、2018年11月26日第73/17号和2021年8月17日第75/316号决议，"
    got = [(text[c.start:c.end], c.label) for c in resolve(find(text, "zh")) if c.label == "RESOLUTION"]
    assert got == [("72/242", "RESOLUTION"), ("73/17", "RESOLUTION"), ("75/316", "RESOLUTION")]


def test_symbol_right_after_a_chinese_character():
    text = "见E/ICEF/2021/25号文件；联合检查组，JIU/REP/2014/6，2014年"
    assert [text[c.start:c.end] for c in documents(text)] == ["E/ICEF/2021/25", "JIU/REP/2014/6"]


def test_zh_general_assembly_after_a_recalling_verb(rules_nlp):
    got = ents(rules_nlp["zh"]("回顾大会第74/4号决议，其中大会强调，缔约方大会决定"))
    # no General Assembly inside 缔约方大会, itself a body of a treaty's parties (GUIDELINES, session 11)
    assert [(t, i) for t, lab, i in got if lab == "ORG"] == [("大会", "UN General Assembly"), ("大会", "UN General Assembly"),
                                                            ("缔约方大会", "")]


@pytest.mark.parametrize("text, years", [
    ("under Decree No. 2085 of the Government", []),
    ("Law No. 1990 of 2014 on the status of refugees", ["2014"]),
    ("adopted in 2015 and amended in 2016", ["2015", "2016"]),
])
def test_a_numbered_act_is_no_year(text, years):
    """'Decree No. 2085' is the decree's number (the French rules already knew 'décret no 2085')."""
    assert [text[c.start:c.end] for c in find(text, "en") if c.label == "DATE"] == years


def test_a_resolution_number_like_a_financial_year_stays_a_resolution():
    assert rule_spans("en", "resolutions 2013/5 and 2014/15 of the Council") == [
        ("RESOLUTION", "2013/5", "E/RES/2013/5"), ("RESOLUTION", "2014/15", "E/RES/2014/15")]
