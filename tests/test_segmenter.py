"""Chinese word segmentation: the word-F1 scorer, the CoNLL-U reader, the user dictionary, and a tiny
pkuseg model trained from the UD dev copy in annotations/ (a few seconds) loaded into spaCy."""
from pathlib import Path

import pytest

from pipeline.evaluation.segmentation import word_f1
from pipeline.training import train_segmenter as ts
from pipeline.training.segmenter import load, words as seg_words


def test_word_f1_perfect():
    gold = [["联合国", "人员"], ["第", "46/182", "号", "决议"]]
    r = word_f1(gold, gold)
    assert (r["p"], r["r"], r["f"]) == (1.0, 1.0, 1.0)
    assert r["gold"] == r["pred"] == r["correct"] == 6


def test_word_f1_one_split_error():
    # gold 3 words; predicted 4 (联合国 split into 联合|国): 2 of 4 predicted words correct, 2 of 3 gold found
    r = word_f1([["联合国", "人员", "安全"]], [["联合", "国", "人员", "安全"]])
    assert r["correct"] == 2
    assert r["p"] == pytest.approx(2 / 4)
    assert r["r"] == pytest.approx(2 / 3)
    assert r["f"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_word_f1_one_merge_error_and_whitespace():
    # a merge costs one gold word twice over; whitespace in the prediction is ignored
    r = word_f1([["第", "46/182", "号", "决议"]], [["第 ", "46/182", "号决议"]])
    assert (r["correct"], r["pred"], r["gold"]) == (2, 3, 4)


def test_word_f1_empty():
    assert word_f1([], []) == {"p": 0.0, "r": 0.0, "f": 0.0, "gold": 0, "pred": 0, "correct": 0}
    assert word_f1([[]], [[]])["f"] == 0.0


def test_word_f1_rejects_other_text():
    with pytest.raises(ValueError):
        word_f1([["联合国"]], [["联合"]])
    with pytest.raises(ValueError):
        word_f1([["联合国"]], [])


def test_read_conllu_skips_ranges_and_empty_nodes(tmp_path: Path):
    p = tmp_path / "x.conllu"
    p.write_text("# sent_id = 1\n# text = 联合国人员\n"
                 "1-2\t联合国人员\t_\t_\t_\t_\t_\t_\t_\t_\n"
                 "1\t联合国\t联合国\tPROPN\t_\t_\t2\tnmod\t_\t_\n"
                 "1.1\t有\t_\t_\t_\t_\t_\t_\t_\t_\n"
                 "2\t人员\t人员\tNOUN\t_\t_\t0\troot\t_\t_\n\n"
                 "1\t好\t好\tADJ\t_\t_\t0\troot\t_\t_\n", encoding="utf-8")
    assert ts.read_conllu_words(p) == [["联合国", "人员"], ["好"]]


def test_ud_copy_is_in_the_repo():
    assert ts.UD_DEV.is_file() and ts.UD_TEST.is_file()
    assert (ts.UD_DIR / "LICENSE.txt").is_file()
    assert len(ts.read_conllu_words(ts.UD_TEST)) == 500


def test_user_dictionary_is_prefix_free_and_keeps_names_whole():
    words = ["联合国", "联合国人口基金", "联合国日内瓦办事处", "日内瓦办事处", "大会", "赞赏地注意到",
             "表示赞赏地注意到", "表示赞赏"]
    d = seg_words.dictionary_words(words)
    assert not any(a != b and b.startswith(a) for a in d for b in d)
    assert "大会" not in d                                   # too short to force
    assert {"联合国", "人口基金", "日内瓦办事处", "表示赞赏"} <= set(d)   # remainders of dropped names
    assert "地注意到" not in d                                # remainder starting with 地: left to the CRF


def test_default_words_work_without_gazetteer(tmp_path: Path):
    (tmp_path / "opverbs.zh.tsv").write_text("phrase\tkind\tclass\n决定\toperative\tdecide\n"
                                             "回顾\tpreambular\t\n又\tconnective\t\n", encoding="utf-8")
    words = seg_words.default_user_words(tmp_path)
    assert "决定" in words and "回顾" in words and "又" not in words
    assert "联合国" in words                                  # built-in names
    (tmp_path / "gazetteer.tsv").write_text("label\tid\tlang\tname\nORG\tUNICEF\tzh\t儿基会\n"
                                            "ORG\tUNICEF\ten\tUNICEF\n", encoding="utf-8")
    assert seg_words.gazetteer_names(tmp_path) == ["儿基会"]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pkuseg") / "pkuseg-tiny"
    return ts.train(out, iterations=3, max_ud_sentences=200, synthetic=150,
                    user_words=["联合国", "安全理事会", "联合国人口基金", "人道主义事务协调厅", "秘书长"])


def _cut(nlp, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


def test_tiny_model_segments_un_text_and_round_trips(tiny_model: Path, tmp_path: Path):
    import spacy

    assert (tiny_model / "weights.npz").is_file() and (tiny_model / "features.msgpack").is_file()
    assert "联合国" in (tiny_model / load.USER_DICT).read_text(encoding="utf-8").split()

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    load.load_into(nlp, tiny_model)
    assert _cut(nlp, "第 46/182 号决议") == ["第", "46/182", "号", "决议"]
    assert _cut(nlp, "联合国人员") == ["联合国", "人员"]
    doc = nlp.make_doc("第 46/182 号决议")
    assert doc.text == "第 46/182 号决议"

    nlp.to_disk(tmp_path / "nlp")
    nlp2 = spacy.load(tmp_path / "nlp")
    assert nlp2.tokenizer.segmenter == "pkuseg"
    assert nlp2.tokenizer.pkuseg_seg.postprocesser.do_process is False
    for text in ("第 46/182 号决议", "联合国人员", "安全理事会第2175(2014)号决议", "2024年12月9日"):
        assert _cut(nlp2, text) == _cut(nlp, text)
    assert _cut(nlp2, "联合国人员") == ["联合国", "人员"]
