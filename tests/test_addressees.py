"""`unap_addressees`: who the opening operative verb addresses (annotations/GUIDELINES.md, "Addressees")."""
import json

import pytest
import spacy

from pipeline import models
from pipeline.cli import main
from pipeline.components.unit import unit_doc
from pipeline.evaluation.addressees import score_addressees

from .conftest import SEED


def annotate(nlp, text):
    doc = nlp(unit_doc(nlp, text, ptype="operative"))
    return [(s.text, s._.addressee_type) for s in doc.spans["addressees"]]


@pytest.fixture(scope="module")
def en():
    return models.load(models.default_model("en"))


@pytest.fixture(scope="module")
def zh():
    return models.load(models.default_model("zh"))


@pytest.mark.parametrize("text, expected", [
    ("3. Calls upon Member States, the United Nations system and civil society to strengthen cooperation;",
     [("Member States", "states"), ("the United Nations system", "un_system"), ("civil society", "other_org")]),
    ("4. Requests the Secretary-General, in consultation with UNHCR, to report to the Council;",
     [("the Secretary-General", "secretariat")]),
    ("1. Urges all parties to armed conflict to comply with international humanitarian law;",
     [("all parties to armed conflict", "parties")]),
    ("9. Invites all parties to consider the appropriate means;", [("all parties", "parties")]),
    ("22. Further demands that all parties involved allow and facilitate humanitarian access;",
     [("all parties involved", "parties")]),
    ("2. Calls upon the Government of the Sudan to cooperate fully with the Panel of Experts;",
     [("the Government of the Sudan", "states")]),
    ("5. Encourages States Parties to the Treaty on the Non-Proliferation of Nuclear Weapons to report;",
     [("States Parties to the Treaty on the Non-Proliferation of Nuclear Weapons", "states")]),
    ("Recommends to the General Assembly that the Republic of Mali be admitted to membership in the United Nations.",
     [("the General Assembly", "un_system")]),
    ("6. Encourages international, regional and subregional organizations to support the process;",
     [("international, regional and subregional organizations", "other_org")]),
    # no addressee
    ("4. Decides to remain seized of the matter.", []),
    ("3. Calls for the urgent and effective implementation of its resolutions 365 (1974) and 367 (1975);", []),
    ("5. Decides that the special session shall be convened in New York;", []),
    ("7. Decides that Member States may permit the import of such goods;", []),
    ("1. Welcomes the report of the Secretary-General;", []),
    ("2. Encourages cooperation among Member States in this field;", []),
])
def test_english(en, text, expected):
    assert annotate(en, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("2. 促请所有国家加入这些公约；", [("所有国家", "states")]),
    ("5. 请秘书长向大会第八十届会议提交报告；", [("秘书长", "secretariat")]),
    ("15. 敦促制药业、私营部门、研究机构、慈善组织和各国政府投资于可行治疗方法的研究；",
     [("制药业", "other_org"), ("私营部门", "other_org"), ("研究机构", "other_org"), ("慈善组织", "other_org"),
      ("各国政府", "states")]),
    ("9. 决定，初期以本决议通过之日起一年为期，所有会员国应采取必要措施；", [("所有会员国", "states")]),
    ("11. 促请几内亚比绍当局审查、通过和采用国家立法；", [("几内亚比绍当局", "states")]),
    ("3. 促请所有各方全面执行一揽子措施；", [("所有各方", "parties")]),
    ("10. 邀请会员国和联合国系统采取具体措施；", [("会员国", "states"), ("联合国系统", "un_system")]),
    ("1. 表示注意到秘书长的报告；", []),
    ("8. 决定2016-2017两年期拟议方案预算应编列经费；", []),
    # a companion is no addressee: 与 X ……合作 (S/RES/2209 (2015) op6), but 和 may join two addressees
    ("6. 促请阿拉伯叙利亚共和国各方与禁化武组织实况调查团全面合作；", [("阿拉伯叙利亚共和国各方", "parties")]),
])
def test_chinese(zh, text, expected):
    assert annotate(zh, text) == expected


def test_split_token_keeps_other_spans_in_place(zh):
    # 南苏丹 may end inside a segmenter token (南苏丹根据); the split must not shift the other span groups
    text = "5. 还要求苏丹和南苏丹根据它们在2011年6月20日协议中的承诺，迅速着手设立行政当局；"
    doc = zh(unit_doc(zh, text, ptype="operative"))
    assert [s.text for s in doc.spans["addressees"]] == ["苏丹", "南苏丹"]
    assert [v.text for v in doc.spans["opverbs"]] == ["要求"]
    assert doc.spans["paragraphs"][0].text == text
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["2011年6月20日"]


def test_annotate_exports_addressees(tmp_path):
    out = tmp_path / "seed.jsonl"
    assert main(["annotate", str(SEED), "-o", str(out), "-q"]) == 0
    units = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ops = {u["paragraph"]["number"]: u for u in units if u["paragraph"] and u["paragraph"]["type"] == "operative"}
    assert all("addressees" in u["paragraph"] for u in ops.values())
    op2 = ops[2]
    assert [(a["text"], a["type"]) for a in op2["paragraph"]["addressees"]] == [("所有国家", "states")]
    a = op2["paragraph"]["addressees"][0]
    assert op2["text"][a["start"]:a["end"]] == "所有国家"
    assert ops[1]["paragraph"]["addressees"] == []  # 表示赞赏地注意到: declaratory
    pre = [u for u in units if u["paragraph"] and u["paragraph"]["type"] == "preambular"]
    assert pre and all("addressees" not in u["paragraph"] for u in pre)


def test_vocabulary_is_saved_with_the_pipeline(en, tmp_path):
    en.to_disk(tmp_path / "p")
    tsv = tmp_path / "p" / "unap_addressees" / "addressees.en.tsv"
    assert tsv.exists()
    # a new actor type row in the saved copy changes what the saved pipeline finds, not the package's
    tsv.write_text(tsv.read_text(encoding="utf-8").replace("pattern\ttype\n", "pattern\ttype\n\\bBoy Scouts\\b\tother_org\n"),
                   encoding="utf-8")
    loaded = spacy.load(tmp_path / "p")
    text = "4. Encourages the Boy Scouts to plant trees;"
    assert annotate(loaded, text) == [("the Boy Scouts", "other_org")]
    assert annotate(en, text) == []


def test_scores_against_a_hand_count():
    gold = [[{"start": 0, "end": 5, "type": "states"}, {"start": 10, "end": 15, "type": "parties"}], [],
            [{"start": 3, "end": 9, "type": "secretariat"}]]
    pred = [[{"start": 0, "end": 5, "type": "states"}, {"start": 10, "end": 14, "type": "parties"}],
            [{"start": 0, "end": 2, "type": "states"}], [{"start": 3, "end": 9, "type": "un_system"}]]
    s = score_addressees(gold, pred)
    assert (s["span"]["tp"], s["span"]["fp"], s["span"]["fn"]) == (2, 2, 1)  # 0-5 and 3-9 exact
    assert s["overlap"]["tp"] == 3  # 10-14 overlaps 10-15
    assert s["type_accuracy"] == 0.5  # 3-9 found with the wrong type
    assert s["paragraph_accuracy"] == pytest.approx(1 / 3)  # types per paragraph: only the first is right
    assert s["per_type"]["states"]["f"] == pytest.approx(2 / 3)


def test_evaluate_reports_addressees(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    rows = [{"id": "a", "lang": "en", "text": "2. Urges all States to ratify the Convention;", "strength": "urge",
             "addressees": [{"start": 9, "end": 19, "text": "all States", "type": "states"}]},
            {"id": "b", "lang": "en", "text": "3. Notes the report;", "strength": "declare", "addressees": []}]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--name", "addr", "--runs-dir", str(tmp_path / "runs")]) == 0
    scores = json.loads((tmp_path / "runs" / "addr" / "scores.json").read_text())
    addr = scores["configs"]["shipped"]["addressees"]
    assert addr["span"]["f"] == 1.0 and addr["paragraph_accuracy"] == 1.0
