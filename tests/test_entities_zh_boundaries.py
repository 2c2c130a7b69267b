"""Chinese boundaries the English side of aligned UNPC lines disagreed with (session 11): a known name is not
extended to a head across a verb, an adverb or a post (安全理事会敦促|乍得湖流域委员会), nor into a kind of body with no
name of its own (联合国|信托基金, 经济及社会理事会|职司委员会); 大会 after a verb that cites it is the General Assembly
(建议大会请, 处理大会和); a year at the start of a title before a known name is a DATE of its own (《1944年芝加哥公约》)."""
import pytest

from .conftest import ents


@pytest.mark.parametrize("text, want, not_want", [
    ("安全理事会敦促乍得湖流域委员会成员国和贝宁进一步进行规划",
     [("安全理事会", "ORG", "UN Security Council"), ("乍得湖流域委员会", "ORG", "Lake Chad Basin Commission")],
     "安全理事会敦促乍得湖流域委员会"),
    ("7. 公共行政和发展管理司协助大会第二委员会举办特别活动",
     [("公共行政和发展管理司", "ORG", "Division for Public Administration and Development Management"),
      ("大会第二委员会", "ORG", "UN General Assembly Second Committee")],
     "公共行政和发展管理司协助大会第二委员会"),
    ("常驻代表团请秘书长向经济及社会理事会通报危地马拉参选执行委员会成员",
     [("经济及社会理事会", "ORG", "UN Economic and Social Council")], "经济及社会理事会通报危地马拉参选执行委员会"),
    ("赞赏地注意到方案协调委员会最近就方案协调委员会的治理问题进行的讨论",
     [("方案协调委员会", "ORG", "Programme Coordinating Board")], "方案协调委员会最近就方案协调委员会"),
    # a kind of body with no name of its own (GUIDELINES: trust funds without a name; functional commissions)
    ("请秘书长酌情使用现有联合国信托基金，增强代表的参与", [("联合国", "ORG", "United Nations")], "联合国信托基金"),
    ("来自五个联合国区域集团的专家", [("联合国", "ORG", "United Nations")], "联合国区域集团"),
    ("经济及社会理事会职司委员会的工作", [("经济及社会理事会", "ORG", "UN Economic and Social Council")],
     "经济及社会理事会职司委员会"),
])
def test_no_name_across_a_verb_or_a_kind(rules_nlp, text, want, not_want):
    got = ents(rules_nlp["zh"](text))
    for w in want:
        assert w in got
    assert not any(t == not_want for t, _, _ in got)


@pytest.mark.parametrize("text", [
    "联合国多伙伴信托基金办公室提供了支助",  # a named fund keeps its name
    "人居署管理委员会第二次会议",
    "联合国统计委员会第四十六届会议",
])
def test_named_bodies_still_extend(rules_nlp, text):
    got = [t for t, lab, _ in ents(rules_nlp["zh"](text)) if lab == "ORG"]
    assert any(len(t) > 3 and t != "联合国" for t in got), got


@pytest.mark.parametrize("text", [
    "行预咨委会建议大会请秘书长将灵活工作场所战略纳入",
    "再次对安全理事会处理大会和经济及社会理事会管辖范围内的问题表示担心",
    "联合国(包括大会和安全理事会)必须探讨采取紧急措施",
])
def test_general_assembly_after_a_verb(rules_nlp, text):
    assert ("大会", "ORG", "UN General Assembly") in ents(rules_nlp["zh"](text))


@pytest.mark.parametrize("text", [
    "缔约方大会第二十七届会议",  # no General Assembly inside another body's name
    "不扩散核武器条约缔约国2000年审议大会认为",
    "世界卫生大会通过了决议",
])
def test_no_general_assembly_inside_a_name(rules_nlp, text):
    assert not any(t == "大会" for t, _, _ in ents(rules_nlp["zh"](text)))


def test_year_before_a_known_title_is_a_date(rules_nlp):
    got = ents(rules_nlp["zh"]("土族塞人方面始终致力于充分依照《1944年芝加哥公约》维护航空安全"))
    assert ("1944年", "DATE", "1944") in got
    assert ("芝加哥公约", "TREATY", "Convention on International Civil Aviation") in got


@pytest.mark.parametrize("text, span, ident", [
    ("落实《2030年可持续发展议程》", "2030年可持续发展议程", "2030 Agenda for Sustainable Development"),  # one name
    ("建议将25C-NBOMe列入《1971年公约》附表一", "1971年公约", ""),  # a dated short title stays whole
])
def test_titles_that_stay_whole(rules_nlp, text, span, ident):
    got = ents(rules_nlp["zh"](text))
    assert any(t == span and lab == "TREATY" and (i or "") == ident for t, lab, i in got), got


SPECIAL_COMMITTEE = ("Special Committee on the Charter of the United Nations and on the Strengthening of the Role of "
                     "the Organization")


@pytest.mark.parametrize("text, want", [
    # GUIDELINES 'Bodies named without their parent': a Chinese name with a qualifier used alone for one body is ORG
    ("同样，常设论坛指出，母语教育", [("常设论坛", "ORG", "")]),
    ("7. 请专家组完成下文合作框架", [("专家组", "ORG", "")]),
    ("与会者认为，鉴于特别委员会的任务规定", [("特别委员会", "ORG", "")]),
    # ... and takes the id of the full name the document spells out
    ("联合国宪章和加强联合国作用特别委员会审议了提案。特别委员会还请",
     [("联合国宪章和加强联合国作用特别委员会", "ORG", SPECIAL_COMMITTEE), ("特别委员会", "ORG", SPECIAL_COMMITTEE)]),
    # a class of bodies, a generic or referring use, a meeting of one: no body
    ("约79%的国家工作队报告了进展", []),
    ("召集了一个专家组，为国家提供咨询", []),
    ("世卫组织举办专家组会议，审查", [("世卫组织", "ORG", "World Health Organization")]),
    ("该常设论坛的建议", []),
])
def test_a_body_named_by_its_kind_alone(rules_nlp, text, want):
    assert ents(rules_nlp["zh"](text)) == want


BASEL = "Basel Convention"
BASEL_COP = "Conference of the Parties to the Basel Convention"


@pytest.mark.parametrize("text, want", [
    # more kinds named alone (aligned UNPC lines: Panel of Experts, Preparatory Committee, Advisory Group, Executive
    # Committee, Technical Committee, Conference of the Parties, Ethics Office)
    ("敦促所有各方确保同专家小组合作", [("专家小组", "ORG", "")]),
    ("10. 在第2次会议上，筹备委员会通过了报告草稿", [("筹备委员会", "ORG", "")]),
    ("4. 在上述讨论的基础上，咨询小组提出以下意见和建议：", [("咨询小组", "ORG", "")]),
    ("1. 决定将技术委员会改为\"执行委员会\"；", [("技术委员会", "ORG", ""), ("执行委员会", "ORG", "")]),
    ("道德操守办公室通过向工作人员提供咨询", [("道德操守办公室", "ORG", "")]),
    # a treaty's body of its parties, whatever verb comes before it; a session before it stays outside
    ("执行主任应遵守并确保执行秘书遵守缔约方大会在各次会议上通过的具体决定", [("缔约方大会", "ORG", "")]),
    ("协助缔约方会议依据《公约》开展工作", [("缔约方会议", "ORG", ""), ("公约", "TREATY", "")]),
    ("在第二十七届缔约方大会上", [("缔约方大会", "ORG", "")]),
    ("向2014年筹备委员会提交的报告", [("2014年", "DATE", "2014"), ("筹备委员会", "ORG", "")]),
    # after a title in 《》: the id of that treaty's body when the list knows it
    ("《巴塞尔公约》缔约方大会第十二次会议", [("巴塞尔公约", "TREATY", BASEL), ("缔约方大会", "ORG", BASEL_COP)]),
    ("A. 《联合国反腐败公约》缔约国会议", [("联合国反腐败公约", "TREATY", "United Nations Convention against Corruption"),
                                ("缔约国会议", "ORG",
                                 "Conference of the States Parties to the United Nations Convention against Corruption")]),
    # a named parent still makes one longer name; a meeting of a panel is no body
    ("巴塞尔公约缔约方大会第十二次会议", [("巴塞尔公约缔约方大会", "ORG", BASEL_COP)]),
    ("举行一次专家小组会议", []),
])
def test_more_bodies_named_by_their_kind_alone(rules_nlp, text, want):
    assert ents(rules_nlp["zh"](text)) == want


@pytest.mark.parametrize("text", [
    "以便于2015年9月提交大会第七十届会议",
    "秘书处认为，后者不须遵守大会的上述要求。",
    "肯定大会采取的旨在更好地认识的其他重要举措",
    "在没有大会明确授权的情况下",
    "见大会第55/2号决议。",  # a footnote
])
def test_general_assembly_after_more_verbs(rules_nlp, text):
    assert ("大会", "ORG", "UN General Assembly") in ents(rules_nlp["zh"](text))


@pytest.mark.parametrize("text, title", [
    ("秘书长根据《联合国全球反恐协调契约》开展工作。", "联合国全球反恐协调契约"),
    ("落实《联合国全系统性别平等和增强妇女权能行动计划》。", "联合国全系统性别平等和增强妇女权能行动计划"),
    ("欢迎秘书长题为《我们的共同议程》的报告。", "我们的共同议程"),
])
def test_what_the_un_system_makes_for_its_own_work_is_no_treaty(rules_nlp, text, title):
    """GUIDELINES ("Strategies, frameworks and plans vs TREATY"): a system-wide action plan, the coordination compact
    and Our Common Agenda are not instruments States adopted; the 联合国 inside them is ORG."""
    got = ents(rules_nlp["zh"](text))
    assert not any(lb == "TREATY" for _, lb, _ in got), got
    if "联合国" in title:
        assert ("联合国", "ORG", "United Nations") in got


@pytest.mark.parametrize("text", [
    "根据2015年7月27日大会关于发展筹资的决议",  # glued to the date before it
    "确定大会第77/109号决议的执行情况",  # cited by its resolution
    "2024 年 12 月 9 日大会决议",  # the seed's header line
])
def test_general_assembly_after_a_date_or_before_its_resolution(rules_nlp, text):
    assert ("大会", "ORG", "UN General Assembly") in ents(rules_nlp["zh"](text))
