"""Choosing what to correct first (pipeline.selection, behind `unap doccano push --select`)."""
import pytest

from pipeline import models, selection
from pipeline.training.train import ner_predictions, read_entities


@pytest.fixture(scope="module")
def nlp_en():
    return models.load(models.default_model("en"))


def _errors(units, preds):
    out = []
    for u, p in zip(units, preds):
        gold = {(e["start"], e["end"], e["label"]) for e in u["entities"]}
        got = {(e["start"], e["end"], e["label"]) for e in p}
        out.append(len(gold ^ got))
    return out


@pytest.mark.parametrize("strategy", ["uncertain", "disagreement"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_first_ranked_units_hold_more_of_the_models_errors(lang, strategy):
    # the point of the selection: a person who corrects the top half first fixes more of the NER's mistakes
    nlp = models.load(models.default_model(lang))
    units = read_entities("dev", lang) + read_entities("test", lang)  # units the NER did not train on
    for u in units:
        u.pop("paragraph", None)  # entity signals only
    errors = _errors(units, ner_predictions(nlp, units))
    ranked = [i for i, _, _ in selection.rank(units, strategy, nlp_for=lambda _: nlp)]
    half = len(ranked) // 2
    top = sum(errors[i] for i in ranked[:half]) / half
    bottom = sum(errors[i] for i in ranked[half:]) / (len(ranked) - half)
    assert top > 1.5 * bottom, (top, bottom)


def test_strength_signals(nlp_en):
    units = [
        {"id": "known", "lang": "en", "text": "3. Requests the Secretary-General to submit a report on the matter;",
         "paragraph": {"type": "operative"}},
        {"id": "garbled", "lang": "en", "text": "4. Xqvrts the Secretary-General to submit a report on the matter;",
         "paragraph": {"type": "operative"}},
        {"id": "preamble", "lang": "en", "text": "Recalling its resolution 46/182 of 19 December 1991,",
         "paragraph": {"type": "preambular"}},
    ]
    known, garbled, pre = selection.signals(nlp_en, units)
    assert known["strength_disagreement"] == 0.0  # lexicon and classifier both say request
    assert garbled["strength_disagreement"] == 1.0  # the lexicon does not know the opener
    assert pre["strength_uncertainty"] == 0.0 and pre["strength_disagreement"] == 0.0  # no strength to doubt
    for s in (known, garbled, pre):
        assert all(0.0 <= v <= 1.0 for v in s.values())
    ranked = selection.rank(units, "disagreement", nlp_for=lambda _: nlp_en)
    assert units[ranked[0][0]]["id"] == "garbled"


def test_select_excludes_pushed_units_and_records_why(nlp_en):
    units = [{"id": f"u{i}", "lang": "en", "text": t, "paragraph": {"type": "operative"}} for i, t in enumerate([
        "1. Decides to remain seized of the matter.",
        "2. Urges all States to ratify the Convention against Torture;",
        "3. Invites the Economic and Social Council to consider the report at its 2026 session;",
        "4. Requests the Secretary-General to report on the implementation of the present resolution;"])]
    picked = selection.select(units, "uncertain", 2, nlp_for=lambda _: nlp_en, exclude={"u1"})
    assert len(picked) == 2 and "u1" not in {u["id"] for u in picked}
    assert [u["meta"]["selection"]["rank"] for u in picked] == [1, 2]
    prios = [u["meta"]["selection"]["priority"] for u in picked]
    assert prios == sorted(prios, reverse=True)
    rest = selection.select(units, "uncertain", None, nlp_for=lambda _: nlp_en, exclude={"u1"})
    assert [u["id"] for u in rest[:2]] == [u["id"] for u in picked] and len(rest) == 3


def test_random_is_a_seeded_permutation():
    units = [{"id": str(i), "text": "x"} for i in range(20)]
    a = [i for i, _, _ in selection.rank(units, "random", seed=1)]
    assert sorted(a) == list(range(20)) and a != list(range(20))
    assert a == [i for i, _, _ in selection.rank(units, "random", seed=1)]
    assert a != [i for i, _, _ in selection.rank(units, "random", seed=2)]


def test_unknown_strategy_is_refused():
    with pytest.raises(ValueError, match="unknown selection strategy"):
        selection.rank([{"id": "a", "text": "x"}], "loudest", nlp_for=lambda _: None)
