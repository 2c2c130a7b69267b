"""Training the strength classifier on real data, and the shipped pipelines' figures on the test split."""
import pytest
import spacy

from pipeline import models
from pipeline.evaluation.strength import evaluate
from pipeline.training.train import read_split, train


@pytest.mark.slow
def test_train_small_zh_model_beats_majority_baseline(tmp_path):
    from pipeline.training.train import read_entities

    info = train("zh", tmp_path / "unap-zh", epochs=5, quiet=True, train_units=read_entities("train", "zh")[:30])
    nlp = spacy.load(info["path"])
    assert {"unap_strength_textcat", "unap_opverbs", "unap_entity_rules"} <= set(nlp.pipe_names)
    rows = read_split("test", "zh")
    majority = max(sum(r["strength"] == c for r in rows) for c in {r["strength"] for r in rows}) / len(rows)
    model_only = evaluate(nlp, rows, "model")
    assert model_only["accuracy"] > majority + 0.2
    assert nlp.meta["unap"]["strength"]["units"] == len(read_split("train", "zh"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_shipped_pipeline_meets_targets_on_test_split(lang):
    nlp = models.load(models.default_model(lang))
    res = evaluate(nlp, read_split("test", lang), "combined")
    assert res["accuracy"] >= 0.96, res["errors"][:5]
    assert res["macro_f1"] >= 0.92


def test_splits_are_by_document():
    docs = {s: {r["doc"] for lang in ("zh", "en") for r in read_split(s, lang)} for s in ("train", "dev", "test")}
    assert not docs["train"] & docs["test"] and not docs["train"] & docs["dev"] and not docs["dev"] & docs["test"]
    assert "A/RES/79/138" in docs["test"]
