"""Chinese date forms and names the English side of aligned UNPC lines tags and the Chinese rules missed
(session 10): two days with one 日, two months with one 月, years without 年 in a list or before the year they
name, 'post-2015' (2015年后发展议程) as no date, an English date line in a Chinese document. The official UN
Chinese names added with them are tested in test_entity_zh_names.py."""
import pytest

from .conftest import ents, rule_spans


def dates(text: str, year: int = 2015) -> list[tuple[str, str]]:
    return [(t, i) for lab, t, i in rule_spans("zh", text, year=year) if lab == "DATE"]


@pytest.mark.parametrize("text, want", [
    # the first day of a pair without its 日 (English: 24 and 25 October 2013)
    ("第一次会议于2013年10月24和25日在巴黎举行。", [("2013年10月24和25日", "2013-10-24/2013-10-25")]),
    ("在2015年2月17和18日特别委员会第276和277次会议", [("2015年2月17和18日", "2015-02-17/2015-02-18")]),
    ("于10月14和15日的两天中举行了三次会议", [("10月14和15日", "2015-10-14/2015-10-15")]),
    # 及 between the days reads as 和
    ("会议于2015年1月28日及29日举行", [("2015年1月28日及29日", "2015-01-28/2015-01-29")]),
    # two months of one year (English: July-August 2014)
    ("2014年7-8月侵略期间被毁的房屋", [("2014年7-8月", "2014-07/2014-08")]),
    ("2014年3至5月期间", [("2014年3至5月", "2014-03/2014-05")]),
])
def test_ranges_within_one_month_or_year(text, want):
    assert dates(text) == want


@pytest.mark.parametrize("text, want", [
    # a list of years that ends with 年: every year is a date, the last keeps its 年
    ("不超过其2011、2012和2013年附件F受控物质", [("2011", "2011"), ("2012", "2012"), ("2013年", "2013")]),
    ("全面性教育（人口与发展委员会，2009和2012年）", [("2009", "2009"), ("2012年", "2012")]),
    # a year before the year it names
    ("道德操守办公室就2013交易年开展了第八次年度财务披露活动", [("2013", "2013")]),
    ("外勤支助部在2014日历年财产管理指示中", [("2014", "2014")]),
    ("为举办2008国际环境卫生年作出的贡献", [("2008", "2008")]),
    # a year in brackets after a name, as English reads "Austria (2014)"; a resolution's year stays inside it
    ("奥地利(2014)、比利时（2015）和智利(2016-2017)提交了报告", [("2014", "2014"), ("2015", "2015"),
                                                             ("2016-2017", "2016/2017")]),
    ("《国际卫生条例(2005)》", [("2005", "2005")]),
])
def test_years_without_nian(text, want):
    assert sorted(dates(text)) == sorted(want)


@pytest.mark.parametrize("text", [
    "2019冠状病毒病大流行",            # a disease's name
    "每天有8,000人死亡",               # a count
    "见A/69/2011号文件",               # inside a symbol
    "第2011和2012号决议",              # resolution numbers, no 年
    "第2175(2014)号决议",              # a resolution's year in brackets, after its number
])
def test_bare_four_digit_numbers_that_are_no_year(text):
    assert dates(text) == []


@pytest.mark.parametrize("text", [
    "家庭作为执行2015年后发展议程的重要促进者",
    "关于2015年后减少灾害风险框架草案的建议",
    "纳入其妇女地位委员会和2015年后的承诺中",
    "目前讨论2015年后可持续发展议程工作中",
])
def test_post_2015_is_no_date(text):
    assert dates(text) == []


def test_after_a_year_and_follow_up_stay_dates():
    # 'Financing of sustainable forest management after 2015' (gold: a date); 2030年后续 is 2030 + 后续 (follow-up)
    assert dates("2015年后可持续森林管理筹措资金") == [("2015年", "2015")]
    assert dates("2030年后续战略计划") == [("2030年", "2030")]
    assert dates("2015年以后") == [("2015年", "2015")]


def test_english_date_line_of_a_chinese_document():
    assert dates("6 February 2015") == [("6 February 2015", "2015-02-06")]
    assert dates("日期：21 January 2015") == [("21 January 2015", "2015-01-21")]


def test_english_rules_unchanged_by_the_chinese_forms(rules_nlp):
    got = ents(rules_nlp["en"]("The first meeting was held on 24 and 25 October 2013 in Paris, after 2015."))
    assert ("24 and 25 October 2013", "DATE", "2013-10-24/2013-10-25") in got
    assert ("2015", "DATE", "2015") in got


@pytest.mark.parametrize("text, want", [
    ("在2014年7月和8月举行会谈", [("2014年7月", "2014-07"), ("8月", "2014-08")]),
    ("2014年11月19日和23日及12月29日第15次会议", [("2014年11月19日和23日", "2014-11-19/2014-11-23"),
                                                  ("12月29日", "2014-12-29")]),
    ("会议定于8月举行", [("8月", "2015-08")]),  # no listed date before it: the document's year
])
def test_listed_month_takes_the_year_of_the_date_before_it(text, want):
    assert dates(text, year=2015) == want




@pytest.mark.parametrize("text, want", [
    # names of foundations and institutes that no list holds, from a clear start (session 11)
    ("非洲妇女教育基金会为非洲各地女童的教育做出了重大贡献", "非洲妇女教育基金会"),
    ("讨论遵循了查达姆研究所规则。", "查达姆研究所"),
])
def test_foundation_and_institute_names(text, want):
    assert ("ORG", want, "") in rule_spans("zh", text)


@pytest.mark.parametrize("text", [
    "各种慈善基金会提供了资金",  # charitable foundations: a class
    "私营基金会和学术研究所参加了会议",
])
def test_kinds_of_foundations_are_no_name(text):
    assert not [t for lab, t, _ in rule_spans("zh", text) if lab == "ORG"]
