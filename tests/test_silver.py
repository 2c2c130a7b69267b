"""The silver data the NER learns from never holds text of a set the figures are measured on."""
import json

from pipeline.training import silver
from pipeline.training import train as T


def _rows(lang):
    return [json.loads(x) for x in (silver.OUT_DIR / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()]


def test_silver_leaves_out_every_gold_fresh_and_listed_document():
    docs, pairs, texts = silver.held_out()
    listed = silver.HELD_OUT_DOCS.read_text(encoding="utf-8").splitlines()[1:]
    assert listed and all(silver._norm_doc(d) in docs for d in listed)
    for lang in ("zh", "en"):
        for r in _rows(lang):
            doc = r["meta"]["doc"]
            assert silver._norm_doc(doc) not in docs, r["id"]
            assert not (doc.startswith("pair:") and doc[5:] in pairs), r["id"]
            assert r["text"] not in texts, r["id"]


def test_held_out_reads_fresh_selections_before_their_gold():
    _, pairs, _ = silver.held_out()
    selected = [json.loads(x)["id"] for x in (silver.GOLD_DIR / "fresh" / "selected6.jsonl").read_text().splitlines()]
    assert selected and all(p in pairs for p in selected)
    assert silver.PAIR_ID.fullmatch("un2023-human_rights_303:zh").group(1) == "human_rights_303"


def test_ner_training_units_take_the_configured_silver():
    gold = T.read_entities("train", "zh")
    assert T.with_silver("zh", {"ner_epochs": 30}, gold) == (gold, {"ner_epochs": 30})
    units, cfg = T.with_silver("zh", {"ner_silver_units": 10, "ner_silver_epochs": 8, "ner_epochs": 30}, gold)
    assert units[:len(gold)] == gold and len(units) == len(gold) + 10 and cfg["ner_epochs"] == 8
    assert all(u["meta"]["silver"] for u in units[len(gold):])
