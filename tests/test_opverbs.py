"""`unap_opverbs` with the shipped pipelines: spans, classes, intensities, doc.cats, modes, serialization."""
import json

import pytest

from pipeline import models
from pipeline.cli import main
from pipeline.components.unit import unit_doc
from pipeline.scheme import STRENGTH_CLASSES

from .conftest import SEED

# GA 79/138: every operative paragraph, its opening verb phrase and class (read by hand from the resolution)
SEED_EXPECTED = {
    1: ("表示赞赏地注意到", "declare"), 2: ("敦促", "urge"), 3: ("最强烈地谴责", "declare"), 4: ("极为遗憾地确认", "declare"),
    5: ("强烈敦促", "urge"), 6: ("促请", "urge"), 7: ("促请", "urge"), 8: ("促请", "urge"), 9: ("促请", "urge"),
    10: ("促请", "urge"), 11: ("促请", "urge"), 12: ("欢迎", "declare"), 13: ("强烈谴责", "declare"),
    14: ("鼓励", "encourage"), 15: ("特别指出", "declare"), 16: ("强调指出", "declare"), 17: ("强调指出", "declare"),
    18: ("促请", "urge"), 19: ("强调指出", "declare"), 20: ("敦促", "urge"), 21: ("强烈敦促", "urge"),
    22: ("促请", "urge"), 23: ("促请", "urge"), 24: ("请", "request"), 25: ("建议", "request"),
    26: ("鼓励", "encourage"), 27: ("促请", "urge"), 28: ("赞赏地注意到", "declare"), 29: ("提请注意并重申", "declare"),
    30: ("强调指出", "declare"), 31: ("敦促", "urge"), 32: ("请", "request"), 33: ("请", "request"),
    34: ("欢迎", "declare"), 35: ("欢迎", "declare"), 36: ("欢迎", "declare"), 37: ("欢迎", "declare"),
    38: ("鼓励", "encourage"), 39: ("鼓励", "encourage"), 40: ("请", "request"), 41: ("促请", "urge"),
    42: ("强调", "declare"), 43: ("请", "request"), 44: ("鼓励", "encourage"), 45: ("促请", "urge"),
    46: ("欢迎", "declare"), 47: ("强调指出", "declare"), 48: ("欢迎", "declare"), 49: ("着重指出", "declare"),
    50: ("着重指出", "declare"), 51: ("促请", "urge"), 52: ("请", "request"),
}


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    assert main(["annotate", str(SEED), "-o", str(out), "-q"]) == 0
    return [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]


def test_seed_every_operative_paragraph(seed_records):
    ops = {r["paragraph"]["number"]: r for r in seed_records if r["paragraph"]["type"] == "operative"}
    assert sorted(ops) == list(range(1, 53))
    wrong = []
    for n, (verb, cls) in SEED_EXPECTED.items():
        p = ops[n]["paragraph"]
        if (p["verb"] and p["verb"]["text"], p["strength"]) != (verb, cls):
            wrong.append((n, p["verb"], p["strength"], verb, cls))
    assert wrong == []


def test_seed_intensities(seed_records):
    ops = {r["paragraph"]["number"]: r["paragraph"] for r in seed_records if r["paragraph"]["type"] == "operative"}
    assert ops[3]["intensity"] == "strongest"
    assert {n for n, p in ops.items() if p["intensity"] == "strong"} == {5, 13, 21}


def test_preambular_paragraphs_get_opener_without_class(seed_records):
    pre = [r["paragraph"] for r in seed_records if r["paragraph"]["type"] == "preambular"]
    assert all(p["strength"] is None for p in pre)
    verbs = [p["verb"]["text"] for p in pre if p["verb"]]
    assert len(verbs) >= 44
    assert verbs[:3] == ["重申", "回顾", "回顾"]  # the third is 又回顾: the connective stays outside the span


def annotate(nlp, text):
    doc = nlp.make_doc(text)
    return nlp(doc)


@pytest.mark.parametrize("lang,text,cls,verb", [
    ("en", "3. Strongly urges all States to cooperate fully;", "urge", "Strongly urges"),
    ("en", "7. Decides to remain seized of the matter.", "decide", "Decides"),
    ("zh", "7. 决定继续积极处理此案。", "decide", "决定"),
    # openers the classifier read before they were rows, with the classes of their kin (commends, authorizes,
    # endorses)
    ("en", "5. Praises the efforts of the Special Envoy;", "declare", "Praises"),
    ("en", "6. Authorises the Member States concerned to take all necessary measures;", "decide", "Authorises"),
    ("zh", "3. 核可委员会的各项建议；", "decide", "核可"),
])
def test_component_sets_span_and_exclusive_cats(lang, text, cls, verb):
    nlp = models.load(models.default_model(lang))
    doc = annotate(nlp, text)
    (span,) = doc.spans["opverbs"]
    assert (span.text, span._.strength, span.label_) == (verb, cls, "OPVERB")
    assert set(doc.cats) == set(STRENGTH_CLASSES)
    assert max(doc.cats, key=doc.cats.get) == cls and sum(doc.cats.values()) == pytest.approx(1.0)


def test_modes_switch_by_config():
    nlp = models.load(models.default_model("en"))
    tagger = nlp.get_pipe("unap_opverbs")
    # opener unknown to the lexicon: an operative paragraph of a document (alone, a numbered line with no known
    # opener is typed "other": reports number their paragraphs too)
    text = "4. Proposes that the Commission consider the question;"
    try:
        tagger.mode = "lexicon"
        assert list(nlp(unit_doc(nlp, text, ptype="operative")).spans["opverbs"]) == []
        tagger.mode = "combined"
        doc = nlp(unit_doc(nlp, text, ptype="operative"))
        (span,) = doc.spans["opverbs"]
        assert span._.source == "model" and span.text == "Proposes" and span._.strength in STRENGTH_CLASSES
    finally:
        tagger.mode = "combined"


def test_document_unit_classifies_each_paragraph(tmp_path):
    out = tmp_path / "doc.jsonl"
    assert main(["annotate", str(SEED), "-o", str(out), "--unit", "document", "-q"]) == 0
    (rec,) = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    ops = [p for p in rec["paragraphs"] if p["type"] == "operative"]
    assert [(p["verb"]["text"], p["strength"]) for p in ops] == list(SEED_EXPECTED.values())
    for p in ops:
        assert rec["text"][p["verb"]["start"]:p["verb"]["end"]] == p["verb"]["text"]


def test_lexicon_travels_with_the_saved_pipeline(tmp_path):
    nlp = models.load(models.default_model("zh"))
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "unap_opverbs" / "opverbs.zh.tsv").is_file()
    # a lexicon edited in the saved pipeline is the one the loaded pipeline uses
    path = tmp_path / "p" / "unap_opverbs" / "opverbs.zh.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "拟订\toperative\tdecide\n", encoding="utf-8")
    import spacy
    nlp2 = spacy.load(tmp_path / "p")
    doc = nlp2(unit_doc(nlp2, "7. 拟订新的框架；", ptype="operative"))
    (span,) = doc.spans["opverbs"]
    assert (span.text, span._.strength, span._.source) == ("拟订", "decide", "lexicon")
