"""Chinese date forms and names the English side of aligned UNPC lines tags and the Chinese rules missed
(session 10): two days with one 日, two months with one 月, years without 年 in a list or before the year they
name, 'post-2015' (2015年后发展议程) as no date, an English date line in a Chinese document, and official UN
Chinese names as zh rows of the gazetteer."""
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
])
def test_years_without_nian(text, want):
    assert sorted(dates(text)) == sorted(want)


@pytest.mark.parametrize("text", [
    "2019冠状病毒病大流行",            # a disease's name
    "每天有8,000人死亡",               # a count
    "见A/69/2011号文件",               # inside a symbol
    "第2011和2012号决议",              # resolution numbers, no 年
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


NAMES = [  # official UN Chinese names of ids the English side finds (session 10, first round)
    ("大韩民国政府提名且亚洲-太平洋国家集团支持", "亚洲-太平洋国家集团", "ORG", "Group of Asia-Pacific States"),
    ("非洲国家集团主席致函", "非洲国家集团", "ORG", "Group of African States"),
    ("西欧和其他国家集团的候选人", "西欧和其他国家集团", "ORG", "Group of Western European and other States"),
    ("家庭之友小组的宗旨是促进面向家庭的政策", "家庭之友小组", "ORG", "Group of Friends of the Family"),
    ("大会根据总务委员会的建议，决定", "总务委员会", "ORG", "UN General Assembly General Committee"),
    ("在全体工作组第2次会议上", "全体工作组", "ORG", "Working Group of the Whole"),
    ("以及世界城市论坛的届会", "世界城市论坛", "ORG", "World Urban Forum"),
    ("与会者承认，世界城市运动是服务于变革者的平台", "世界城市运动", "ORG", "World Urban Campaign"),
    ("鼓励方案协调委员会成员履行谨慎义务", "方案协调委员会", "ORG", "Programme Coordinating Board"),
    ("天基信息平台认识到需要提供空间界的解决方案", "天基信息平台", "ORG",
     "United Nations Platform for Space-based Information for Disaster Management and Emergency Response"),
    ("扩大了联阿安全部队支持联合边界核查和监测机制的任务范围", "联合边界核查和监测机制", "ORG",
     "Joint Border Verification and Monitoring Mechanism"),
    ("2014-2017年志愿人员组织战略框架表明", "志愿人员组织", "ORG", "United Nations Volunteers"),
    ("联合国志愿人员组织执行协调员", "联合国志愿人员组织", "ORG", "United Nations Volunteers"),
    ("决定将索马里和厄立特里亚问题监测组的任期延长", "索马里和厄立特里亚问题监测组", "ORG",
     "Monitoring Group on Somalia and Eritrea"),
    ("是国家有关当局根据芝加哥公约采取的行动", "芝加哥公约", "TREATY", "Convention on International Civil Aviation"),
]


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


NAMES += [
    # official UN Chinese names of ids the English pipeline finds on the aligned open lines (session 10, round 2)
    ("鼓励民间社会参与加强《联合国全球反恐战略》的实施工作", "联合国全球反恐战略", "TREATY",
     "United Nations Global Counter-Terrorism Strategy"),
    ("根据海湾合作委员会倡议和执行机制、和平与全国伙伴关系协议", "和平与全国伙伴关系协议", "TREATY",
     "Peace and National Partnership Agreement"),
    ("方案和预算委员会第三十一届会议", "方案和预算委员会", "ORG", "Programme and Budget Committee"),
    ("19. 利比亚问题专家小组", "利比亚问题专家小组", "ORG", "Panel of Experts on Libya"),
    ("决定把中非共和国问题专家小组的任期延长13个月", "中非共和国问题专家小组", "ORG",
     "Panel of Experts on the Central African Republic"),
    ("维持和平行动工作组的会议", "维持和平行动工作组", "ORG", "Working Group on Peacekeeping Operations"),
    # with its parent in front the span takes the full name
    ("安全理事会维持和平行动工作组", "安全理事会维持和平行动工作组", "ORG", "Working Group on Peacekeeping Operations"),
    ("支持禁核试条约组织筹备委员会活动的决定", "禁核试条约组织筹备委员会", "ORG",
     "Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization"),
    ("提交海洋环境保护委员会第六十六届会议的报告", "海洋环境保护委员会", "ORG", "Marine Environment Protection Committee"),
    ("2014年10月8日，大会第四委员会审议了直布罗陀问题", "大会第四委员会", "ORG", "UN General Assembly Fourth Committee"),
    ("大会第六委员会主席", "大会第六委员会", "ORG", "UN General Assembly Sixth Committee"),
    ("余留机制与采购司、海外财产管理股和法律事务厅密切协作", "海外财产管理股", "ORG", "Overseas Property Management Unit"),
    # a sanctions committee named by its resolution is one ORG, as the gold and the English side give it
    ("经与安全理事会关于中非共和国的第2127(2013)号决议所设委员会磋商", "安全理事会关于中非共和国的第2127(2013)号决议所设委员会",
     "ORG", "Security Council Committee established pursuant to resolution 2127 (2013) concerning the Central African Republic"),
    ("安全理事会关于几内亚比绍的第2048(2012)号决议所设委员会副主席", "安全理事会关于几内亚比绍的第2048(2012)号决议所设委员会",
     "ORG", "Security Council Committee established pursuant to resolution 2048 (2012) concerning Guinea-Bissau"),
    ("安全理事会第1737(2006)号决议所设委员会", "安全理事会第1737(2006)号决议所设委员会", "ORG",
     "Security Council Committee established pursuant to resolution 1737 (2006)"),
    ("安全理事会第1988(2011)号决议所设委员会", "安全理事会第1988(2011)号决议所设委员会", "ORG",
     "Security Council Committee established pursuant to resolution 1988 (2011)"),
    ("安全理事会第2140(2014)号决议所设委员会", "安全理事会第2140(2014)号决议所设委员会", "ORG",
     "Security Council Committee established pursuant to resolution 2140 (2014)"),
]


@pytest.mark.parametrize("text, span, label, ident", NAMES)
def test_official_chinese_names(rules_nlp, text, span, label, ident):
    assert (span, label, ident) in ents(rules_nlp["zh"](text))


def test_sanctions_committee_holds_no_resolution_span(rules_nlp):
    got = ents(rules_nlp["zh"]("安全理事会第1988(2011)号决议所设委员会"))
    assert [lab for _, lab, _ in got] == ["ORG"]
    # the resolution alone stays a RESOLUTION
    assert ("第1988(2011)号决议", "RESOLUTION", "S/RES/1988(2011)") in ents(rules_nlp["zh"]("回顾第1988(2011)号决议"))
