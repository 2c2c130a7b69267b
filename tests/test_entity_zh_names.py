"""Chinese names projected from the English side (annotations/gazetteer/project_zh.py, benchmarks/results/
entities-fresh9/projection_zh.md): each is found with the id the other languages' rows give the body."""
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
