"""Chinese names projected from the English side (annotations/gazetteer/project_zh.py, benchmarks/results/
entities-fresh9/projection_zh.md; in session 10 from the open aligned lines): each is found with the id the other
languages' rows give the body."""
import csv
from pathlib import Path

import pytest

from .conftest import ents

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("text, span, label, ident", [
    ("欢迎分析支助和制裁监测组提交的报告", "分析支助和制裁监测组", "ORG", "Analytical Support and Sanctions Monitoring Team"),
    ("持久性有机污染物审查委员会第十次会议", "持久性有机污染物审查委员会", "ORG", "Persistent Organic Pollutants Review Committee"),
    ("注意到老龄问题不限成员名额工作组的工作", "老龄问题不限成员名额工作组", "ORG", "Open-ended Working Group on Ageing"),
    ("总部合同委员会审查了合同", "总部合同委员会", "ORG", "Headquarters Committee on Contracts"),
    ("安全理事会谴责半岛基地组织的袭击", "半岛基地组织", "ORG", "Al-Qaida in the Arabian Peninsula"),
    ("非索特派团支助办继续提供支助", "非索特派团支助办", "ORG",
     "United Nations Support Office for the African Union Mission in Somalia"),
    ("移徙组织在塞拉利昂培训了工作人员", "移徙组织", "ORG", "International Organization for Migration"),
    ("该文书与《开普敦公约》一并适用", "开普敦公约", "TREATY", "Cape Town Convention"),
    ("澳大利亚支持《核损害补充赔偿公约》", "核损害补充赔偿公约", "TREATY", "Convention on Supplementary Compensation for Nuclear Damage"),
    ("巴塞尔公约缔约方大会第十二次会议", "巴塞尔公约缔约方大会", "ORG", "Conference of the Parties to the Basel Convention"),
    # session 10, first round: official UN Chinese names of ids the English side finds on the open aligned lines
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
    # session 10, second round, after every id got an English name
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
    # session 11: the NPT group's short form after 《条约》 (the longer names keep their own spans)
    ("《条约》不结盟缔约国集团着重指出", "不结盟缔约国集团", "ORG",
     "Group of Non-Aligned States Parties to the Treaty on the Non-Proliferation of Nuclear Weapons"),
    ("条约不结盟缔约国集团强调", "条约不结盟缔约国集团", "ORG",
     "Group of Non-Aligned States Parties to the Treaty on the Non-Proliferation of Nuclear Weapons"),
    # session 11, second round: CERF's short form (dev gold, aligned lines)
    ("这两个机构的代表承认应急基金资金对它们所采取行动的重要性", "应急基金", "ORG", "Central Emergency Response Fund"),
    ("欢迎中央应急基金在确保以更及时的方式", "中央应急基金", "ORG", "Central Emergency Response Fund"),
    # official UN Chinese names of ids the English rows hold and the English side finds on the open aligned lines
    ("强调指出联合规划署需要继续向会员国提供支持", "联合规划署", "ORG", "Joint United Nations Programme on HIV/AIDS"),
    ("常驻联合国代表致会议委员会主席的信", "会议委员会", "ORG", "Committee on Conferences"),
    ("投资委员会由秘书长指派9人组成", "投资委员会", "ORG", "Investments Committee"),
    ("与发展协调办公室、政治和建设和平事务部合作", "发展协调办公室", "ORG", "Development Coordination Office"),
    ("特别是调查司和外地的剩余空缺员额", "调查司", "ORG", "Investigations Division"),
    ("特派团支助司", "特派团支助司", "ORG", "Mission Support Division"),
    ("促请双方与中东问题四方合作", "中东问题四方", "ORG", "Middle East Quartet"),
    ("2013年在华沙举办的全球景观论坛的目的是", "全球景观论坛", "ORG", "Global Landscapes Forum"),
    ("达尔富尔区域管理局的工作", "达尔富尔区域管理局", "ORG", "Darfur Regional Authority"),
    ("争取实现《21世纪议程》、 《进一步执行〈21世纪议程〉方案》", "进一步执行〈21世纪议程〉方案", "TREATY",
     "Programme for the Further Implementation of Agenda 21"),
    # session 12: bodies of a treaty's parties named with the treaty, the id the English side builds for them
    ("向联合国气候变化框架公约缔约方大会和联合国大会提供信息", "联合国气候变化框架公约缔约方大会", "ORG",
     "Conference of the Parties to the United Nations Framework Convention on Climate Change"),
    ("《联合国气候变化框架公约》缔约方会议第二十一届会议", "缔约方会议", "ORG",
     "Conference of the Parties to the United Nations Framework Convention on Climate Change"),
    ("A. 《联合国反腐败公约》缔约国会议", "缔约国会议", "ORG",
     "Conference of the States Parties to the United Nations Convention against Corruption"),
    ("《生物多样性公约》缔约方大会第十五届会议", "缔约方大会", "ORG",
     "Conference of the Parties to the Convention on Biological Diversity"),
    ("在南共体次区域和太平洋共同体秘书处次区域", "太平洋共同体秘书处", "ORG", "Pacific Community"),
    ("乌克兰政府有意成为联合国难民事务高级专员方案执行委员会成员", "联合国难民事务高级专员方案执行委员会", "ORG",
     "Executive Committee of the Programme of the United Nations High Commissioner for Refugees"),
    ("难民署执行委员会第七十四届会议", "难民署执行委员会", "ORG",
     "Executive Committee of the Programme of the United Nations High Commissioner for Refugees"),
    # session 12, second round: official UN Chinese names of ids the other languages' rows hold but no zh row did,
    # and UN short forms (简称) of bodies the list knows by their full name only
    ("我驻巴勒斯坦解放组织和巴勒斯坦权力机构个人代表", "巴勒斯坦权力机构", "ORG", "Palestinian Authority"),
    ("及时全额向原子能机构经常预算和技术合作基金支付了其摊款", "技术合作基金", "ORG", "IAEA Technical Cooperation Fund"),
    ("美洲组织和其他组织的区域声明", "美洲组织", "ORG", "Organization of American States"),
    ("方案预算委员会第三十一届会议", "方案预算委员会", "ORG", "Programme and Budget Committee"),
    ("欧洲联盟法治特派团(欧盟法治团)继续履行职责", "欧盟法治团", "ORG", "European Union Rule of Law Mission in Kosovo"),
    ("与环境法和公约司共同制定谅解备忘录草案", "环境法和公约司", "ORG", "Division of Environmental Law and Conventions"),
    # with its parent in front the span takes the full name
    ("秘书处一直在与环境署环境法和公约司合作", "环境署环境法和公约司", "ORG", "Division of Environmental Law and Conventions"),
    ("科学和技术小组委员会第五十二届会议", "科学和技术小组委员会", "ORG",
     "Scientific and Technical Subcommittee of the Committee on the Peaceful Uses of Outer Space"),
    ("巴塞尔、鹿特丹和斯德哥尔摩三项公约秘书处编写了报告", "巴塞尔、鹿特丹和斯德哥尔摩三项公约秘书处", "ORG",
     "Secretariat of the Basel, Rotterdam and Stockholm Conventions"),
    ("全权证书委员会的报告", "全权证书委员会", "ORG", "Credentials Committee"),
    ("决定将也门问题专家小组的任期延长", "也门问题专家小组", "ORG", "Panel of Experts on Yemen"),
    ("联合国援助酷刑受害者自愿基金的捐款", "联合国援助酷刑受害者自愿基金", "ORG",
     "United Nations Voluntary Fund for Victims of Torture"),
    ("联合国预防和控制非传染性疾病机构间工作队的报告", "联合国预防和控制非传染性疾病机构间工作队", "ORG",
     "United Nations Inter-Agency Task Force on the Prevention and Control of Non-communicable Diseases"),
    ("基金组织，“新兴市场展望”", "基金组织", "ORG", "International Monetary Fund"),
    ("审咨委审查了预算", "审咨委", "ORG", "Independent Audit Advisory Committee"),
    ("与伊合组织秘书长会晤", "伊合组织", "ORG", "Organisation of Islamic Cooperation"),
    ("安援部队继续协助阿富汗安全部队", "安援部队", "ORG", "International Security Assistance Force"),
    ("贸易法委员会与统法协会和海牙会议合作", "统法协会", "ORG", "International Institute for the Unification of Private Law"),
    ("联苏综合过渡团的任务期限", "联苏综合过渡团", "ORG", "United Nations Integrated Transition Assistance Mission in Sudan"),
    ("西非经货联盟成员国", "西非经货联盟", "ORG", "West African Economic and Monetary Union"),
    # the full name stays one span with its own id (the short form inside it is no second body)
    ("联合国系统职员学院制订了课程", "联合国系统职员学院", "ORG", "United Nations System Staff College"),
    ("与哥伦比亚革命武装力量-人民军的和平谈判", "哥伦比亚革命武装力量-人民军", "ORG", "FARC-EP"),
])
def test_projected_zh_names(rules_nlp, text, span, label, ident):
    assert (span, label, ident) in ents(rules_nlp["zh"](text))


def test_full_title_of_the_tribunal_is_one_name(rules_nlp):
    name = "起诉应对1991年以来前南斯拉夫境内所犯严重违反国际人道主义法行为负责者的国际法庭"
    got = ents(rules_nlp["zh"](f"审议了秘书长关于{name}的报告"))
    assert (name, "ORG", "International Criminal Tribunal for the former Yugoslavia") in got
    assert not any(lab == "DATE" for _, lab, _ in got)  # 1991年 is inside the name


def test_special_committee_on_the_charter_is_not_cut_at_the_charter(rules_nlp):
    got = ents(rules_nlp["zh"]("联合国宪章和加强联合国作用特别委员会，"))
    assert got == [("联合国宪章和加强联合国作用特别委员会", "ORG",
                    "Special Committee on the Charter of the United Nations and on the Strengthening of the Role of the Organization")]


def test_shipped_zh_and_en_pipelines_hold_the_lexicons_zh_rows():
    def zh_rows(path):
        with open(path, encoding="utf-8") as f:
            return {(r["label"], r["id"], r["name"]) for r in csv.DictReader(f, delimiter="\t") if r["lang"] == "zh"}
    lexicon = zh_rows(ROOT / "pipeline/lexicons/gazetteer.tsv")
    for model in ("unap-zh", "unap-en"):
        for comp in ("unap_entity_rules", "unap_entities"):
            copy = ROOT / "models" / model / comp / "gazetteer.tsv"
            if copy.exists():
                assert zh_rows(copy) == lexicon, copy


def test_sanctions_committee_holds_no_resolution_span(rules_nlp):
    got = ents(rules_nlp["zh"]("安全理事会第1988(2011)号决议所设委员会"))
    assert [lab for _, lab, _ in got] == ["ORG"]
    # the resolution alone stays a RESOLUTION
    assert ("第1988(2011)号决议", "RESOLUTION", "S/RES/1988(2011)") in ents(rules_nlp["zh"]("回顾第1988(2011)号决议"))
