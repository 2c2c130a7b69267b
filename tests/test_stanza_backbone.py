"""The stanza backbone: the adapter's Docs, the whole pipeline on them (same output as on spaCy's own
tokenizer, up to a few entity boundaries), a real (small) stanza training run, and the one-line errors."""
import json
from pathlib import Path

import pytest

pytest.importorskip("stanza")

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from pipeline.backbones import stanza_backbone  # noqa: E402
from pipeline.backbones.stanza_backbone import BackboneError, StanzaTokenizer, check, use_stanza  # noqa: E402
from pipeline.cli import main  # noqa: E402
from pipeline.components.entity_rules import split_tokens_at  # noqa: E402

from .conftest import GA, SEED  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HAVE_MODELS = all((ROOT / "models" / f"stanza-{lang}" / "depparse.pt").is_file() for lang in ("zh", "en"))
needs_models = pytest.mark.skipif(not HAVE_MODELS, reason="no stanza models in models/ "
                                  "(python -m pipeline.training.train_stanza zh|en)")

SENTENCES = {
    "zh": "大会请秘书长向第八十届会议提交报告。 安全理事会决定继续处理此案。\n\n联合国人员的安全至关重要。",
    "en": "The General Assembly requests the Secretary-General to report.  It doesn't decide;\n\nit urges "
          "Member States to act (see A/79/149).",
}


def check_tree(doc: Doc) -> None:
    assert doc.has_annotation("DEP")
    for sent in doc.sents:
        roots = [t for t in sent if t.head.i == t.i]
        assert len(roots) == 1, [t.text for t in roots]
        for t in sent:
            assert sent.start <= t.head.i < sent.end


@needs_models
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_adapter_doc(lang):
    text = SENTENCES[lang]
    doc = StanzaTokenizer(spacy.blank(lang).vocab, lang)(text)
    assert doc.text == text
    check_tree(doc)
    assert len(list(doc.sents)) >= 2
    words = [t for t in doc if not t.is_space]
    assert all(t.pos_ for t in words) and all(t.dep_ for t in words) and all(t.lemma_ for t in words)
    assert sum(t.pos_ in ("NOUN", "PROPN", "VERB") for t in words) >= 4
    if lang == "en":  # a multi-word token becomes its words (do + n't), the text unchanged
        assert [t.text for t in doc if t.text in ("does", "n't")] == ["does", "n't"]
        assert any(t.tag_ for t in words)
    # blank and whitespace-only input
    tok = StanzaTokenizer(spacy.blank(lang).vocab, lang)
    for blank in ("", "  \n "):
        assert tok(blank).text == blank


def test_split_tokens_at_keeps_a_tree():
    nlp = spacy.blank("zh")
    # 联合国人员 (glued) 的 安全 重要 。: the rule splits 联合国|人员
    doc = Doc(nlp.vocab, words=["联合国人员", "的", "安全", "重要", "。"], spaces=[False] * 5,
              pos=["NOUN", "PART", "NOUN", "ADJ", "PUNCT"], heads=[2, 0, 3, 3, 3],
              deps=["nmod", "case", "nsubj", "ROOT", "punct"])
    split_tokens_at(doc, [0, 3, 5])
    assert [t.text for t in doc] == ["联合国", "人员", "的", "安全", "重要", "。"]
    check_tree(doc)
    assert (doc[0].head.text, doc[0].dep_) == ("安全", "nmod")  # the first part keeps head and label
    assert (doc[1].head.i, doc[1].dep_, doc[1].pos_) == (0, "goeswith", "NOUN")
    assert doc[2].head.i == 0  # the children of the split token stay on its first part
    assert len(list(doc.sents)) == 1
    # not parsed: unchanged behaviour (each part its own head, no labels)
    plain = Doc(nlp.vocab, words=["联合国人员", "的", "安全"], spaces=[False] * 3)
    split_tokens_at(plain, [0, 3, 5])
    assert [t.text for t in plain] == ["联合国", "人员", "的", "安全"] and not plain.has_annotation("DEP")


@needs_models
def test_whole_pipeline_on_stanza_docs(tmp_path):
    """A shipped pipeline loads on stanza through its config, and saved so it loads on stanza again."""
    from pipeline import models

    for lang, text in SENTENCES.items():
        nlp = stanza_backbone.load(models.default_model(lang))
        assert isinstance(nlp.tokenizer, StanzaTokenizer)
        assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": "unap.stanza_tokenizer.v1", "model_dir": None}
        doc = nlp(text)
        assert doc.text == text
        check_tree(doc)
        assert "paragraphs" in doc.spans and "opverbs" in doc.spans
        for e in doc.ents:
            assert text[e.start_char:e.end_char] == e.text
        nlp.to_disk(tmp_path / lang)
        again = spacy.load(tmp_path / lang)(text)
        assert [(t.text, t.pos_, t.dep_, t.head.i) for t in again] == [(t.text, t.pos_, t.dep_, t.head.i) for t in doc]
        assert [(s.start, s.end, s.label_) for s in again.spans["opverbs"]] == \
               [(s.start, s.end, s.label_) for s in doc.spans["opverbs"]]


@needs_models
def test_pipeline_in_memory_put_on_stanza():
    from pipeline import models

    nlp = use_stanza(spacy.load(models.default_model("zh")), "zh")
    assert isinstance(nlp.tokenizer, StanzaTokenizer) and use_stanza(nlp, "zh").tokenizer is nlp.tokenizer  # once
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "unap.stanza_tokenizer.v1"


def _annotate(tmp_path, path, backbone):
    out = tmp_path / f"{backbone}.jsonl"
    assert main(["annotate", str(path), "-o", str(out), "--backbone", backbone, "-q"]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@needs_models
@pytest.mark.slow
@pytest.mark.parametrize("fixture", [SEED, GA], ids=["zh-seed", "en-ga"])
def test_annotate_stanza_matches_default(tmp_path, fixture):
    base = _annotate(tmp_path, fixture, "spacy")
    alt = _annotate(tmp_path, fixture, "stanza")
    assert [r["id"] for r in alt] == [r["id"] for r in base]
    same_spans = total = 0
    for b, a in zip(base, alt):
        assert set(a) == set(b) and a["text"] == b["text"]
        assert a["meta"].pop("backbone") == "stanza" and a["meta"] == b["meta"]
        pb, pa = b["paragraph"], a["paragraph"]
        assert (pa["type"], pa["number"], pa["strength"]) == (pb["type"], pb["number"], pb["strength"])
        assert {e["label"] for e in a["entities"]} <= {"RESOLUTION", "DOCUMENT", "TREATY", "ORG", "DATE"}
        for e in a["entities"]:
            assert a["text"][e["start"]:e["end"]] == e["text"]
        spans = {(e["start"], e["end"], e["label"]) for e in a["entities"]}
        total += len(b["entities"])
        same_spans += sum((e["start"], e["end"], e["label"]) in spans for e in b["entities"])
    assert total > 10
    assert same_spans >= 0.9 * total, f"{same_spans}/{total} entity spans agree"


@pytest.mark.slow
def test_train_tokenizer_small(tmp_path):
    """A real stanza training run: ~200 EWT sentences, a few hundred steps, then segment held-out text."""
    from pipeline.training import train_stanza as ts

    sents = ts.read_sentences(ROOT / "annotations" / "ud-en-ewt" / "en_ewt-ud-dev.conllu")
    train, dev, held = sents[:200], sents[200:230], sents[230:330]
    model = tmp_path / "tok" / "tokenize.pt"
    ts.train_tokenizer("en", train, dev, tmp_path / "work", model,
                       ["--steps", "250", "--eval_steps", "125", "--max_seqlen", "100"])
    assert model.is_file()
    scores = ts.segmentation_scores("en", model, held)
    # measured: Tokens F1 92.1 (sentences 67.0); splitting at whitespace alone gets 81.3 here
    assert scores["Tokens"] > 85.0, scores


def test_missing_models_one_line_error(tmp_path, monkeypatch, capsys):
    from pipeline import models

    monkeypatch.setattr(stanza_backbone, "MODELS_DIR", tmp_path / "nothing")
    with pytest.raises(BackboneError, match="no stanza models"):
        check("zh")
    with pytest.raises(BackboneError, match="no stanza models"):
        stanza_backbone.load(models.default_model("zh"))
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(SEED), "-o", str(out), "--backbone", "stanza", "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no stanza models" in err[0] and "train_stanza zh" in err[0]
    assert not out.exists()


def test_missing_stanza_one_line_error(tmp_path, monkeypatch, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "stanza" else real(name, *a))
    assert main(["annotate", str(GA), "-o", str(tmp_path / "o.jsonl"), "--backbone", "stanza", "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install -e '.[stanza]'" in err[0]


def test_a_fresh_process_finds_the_registered_tokenizer():
    """A config naming `unap.stanza_tokenizer.v1` loads in a process that never imported the backbone: spaCy finds
    it through the package's `spacy_tokenizers` entry point (as spacy-stanza's own tokenizer is found)."""
    import subprocess
    import sys
    code = "import spacy; print(spacy.util.registry.tokenizers.get('unap.stanza_tokenizer.v1').__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "pipeline.backbones.stanza_backbone"
