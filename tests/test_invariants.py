"""Invariants of `unap annotate` on every resolution in examples/ and tests/fixtures, in both unit modes.

- Every span of every span group, every entity, and every verb, addressee, clause verb, clause addressee and
  entity offset of the exported records names exactly the text at its offsets (a component that splits tokens must not leave a span group
  written before it pointing at the wrong tokens).
- `--unit document` gives each paragraph the same type, number, verb, strength, intensity, addressees, clauses,
  max_strength and entities as `--unit paragraph`. What a whole document may legitimately change is the id of a short name
  ("the Ad Hoc Committee", "the Treaty"), which `resolve_short_forms` takes from the full names of the
  whole Doc: it gets the id of a full name another paragraph spells out, or loses the one its own paragraph
  gave it when another paragraph spells out a second full name that fits. That, and nothing else, is
  allowed (`entity_differences`); an acronym defined in an earlier paragraph would also legitimately add
  entities, but no document here has one.

tests/fixtures/A_RES_80_13.md is GA resolution 80/13 (UN Digital Library record 4095434, its front matter names
the PDF), where the short name "Ad Hoc Committee" in five paragraphs is the "Ad Hoc Committee on the Indian
Ocean" of the others, and whose "5. Decides" came out `declare` when document mode shifted the paragraph spans.
"""
import functools
import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span, SpanGroup

from pipeline import models
from pipeline.components.tokens import split_tokens_at
from pipeline.engines import local
from pipeline.io.read import Unit, read_units

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*(ROOT / "examples").rglob("*.txt"), *(ROOT / "examples").rglob("*.md")]) + sorted(
    p for p in (ROOT / "tests" / "fixtures").iterdir() if p.suffix in (".txt", ".md"))
IDS = [str(p.relative_to(ROOT)) for p in FILES]
UNITS = ("paragraph", "document")


@functools.lru_cache(maxsize=None)
def annotated(path: Path, unit: str) -> tuple:
    """(task, record, Doc) of every unit of `path`, through the engine behind `unap annotate`."""
    tasks = [u.to_task() for u in read_units([str(path)], unit=unit) if isinstance(u, Unit)]
    paths = {lang: str(models.default_model(lang)) for lang in {t["lang"] for t in tasks}}
    out = []
    for task, res in zip(tasks, local.run(tasks, paths=paths, want_docs=True)):
        assert "error" not in res, res
        vocab = models.load(models.default_model(task["lang"])).vocab
        out.append((task, json.loads(res["line"]), Doc(vocab).from_bytes(res["doc"])))
    return tuple(out)


def check_span(doc: Doc, span: Span, where: str) -> None:
    assert span.text == doc.text[span.start_char:span.end_char], where
    if len(span):  # its tokens start and end at its character offsets
        assert (doc[span.start].idx, doc[span.end - 1].idx + len(doc[span.end - 1])) == \
            (span.start_char, span.end_char), where


def check_offsets(text: str, item: dict, where: str) -> None:
    assert 0 <= item["start"] <= item["end"] <= len(text), where
    assert text[item["start"]:item["end"]] == item["text"], where


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_every_span_and_offset_names_its_text(path, unit):
    units = annotated(path, unit)
    assert units
    for task, rec, doc in units:
        assert doc.text == rec["text"] == task["text"]
        for key, group in doc.spans.items():
            for span in group:
                check_span(doc, span, f"{rec['id']}: doc.spans[{key!r}] {span.label_} {span.start_char}")
        for ent in doc.ents:
            check_span(doc, ent, f"{rec['id']}: entity {ent.label_} {ent.start_char}")
        # the paragraph spans are the paragraphs the structure parser handed over
        given = task["paragraphs"] or [{"start": 0, "end": len(task["text"])}]
        assert [(p.start_char, p.end_char) for p in doc.spans["paragraphs"]] == [(p["start"], p["end"]) for p in given]
        # the record
        text = rec["text"]
        assert rec["label"] == [[e["start"], e["end"], e["label"]] for e in rec["entities"]]
        paras = rec["paragraphs"] if unit == "document" else [{**rec["paragraph"], "start": 0, "end": len(text)}]
        bounds = [(p["start"], p["end"]) for p in paras]
        for e in rec["entities"]:
            check_offsets(text, e, f"{rec['id']}: entity {e}")
            assert any(a <= e["start"] and e["end"] <= b for a, b in bounds), f"{rec['id']}: {e} crosses paragraphs"
        for p in paras:
            where = f"{rec['id']} paragraph {p['start']}"
            clause_items = [x for c in p.get("clauses", []) for x in [c["verb"], *c["addressees"]]]
            for item in [p["verb"]] * (p["verb"] is not None) + p.get("addressees", []) + clause_items:
                check_offsets(text, item, where)
                assert p["start"] <= item["start"] and item["end"] <= p["end"], where
            if p["type"] == "operative":  # clauses: the opener first, then in text order; the strongest class
                clauses = p["clauses"]
                assert [c["verb"]["start"] for c in clauses] == sorted({c["verb"]["start"] for c in clauses}), where
                if p["verb"] is not None:
                    assert clauses[0]["strength"] == p["strength"] and clauses[0]["addressees"] == p["addressees"], where
                    assert p["verb"]["start"] <= clauses[0]["verb"]["start"] < p["verb"]["end"], where
                    rank = ["declare", "encourage", "request", "urge", "decide"]
                    assert p["max_strength"] == max((c["strength"] for c in clauses if c["strength"]), key=rank.index)
        # every clause verb is an OPVERB span of the Doc, with its clause index
        verbs = {(v.start_char, v.end_char): v._.clause for v in doc.spans.get("opverbs", []) if v.label_ == "OPVERB"}
        for p in paras:
            for k, c in enumerate(p.get("clauses", [])[1:], 1):
                assert verbs.get((c["verb"]["start"], c["verb"]["end"])) == k, (rec["id"], c)


def entity_differences(doc_rec: dict, para: dict, unit_rec: dict) -> list:
    """Entities of one paragraph that differ between the two modes, except the ids of short names that
    `resolve_short_forms` gives from the whole document: the same span and label, and either
    (a) the document's id is the id of a longer name of that label in another paragraph, or
    (b) alone, the paragraph resolves the short name from a longer name it holds itself, and another paragraph
        holds a different longer name that also contains it, so that in the document it is ambiguous
        (A/RES/80/3: "Conference of the Parties" next to two conventions' conferences)."""
    s, e = para["start"], para["end"]
    inside = [x for x in doc_rec["entities"] if s <= x["start"] < e]
    alone = unit_rec["entities"]
    spans = lambda ents, off: [(x["start"] - off, x["end"] - off, x["label"]) for x in ents]  # noqa: E731
    if spans(inside, s) != spans(alone, 0):
        return [("spans", spans(alone, 0), spans(inside, s))]
    outside = [x for x in doc_rec["entities"] if not s <= x["start"] < e]

    def longer(names, short):  # longer names of the short name's label
        return [x for x in names if x["label"] == short["label"] and len(x["text"]) > len(short["text"])]

    out = []
    for d, a in zip(inside, alone):
        if d["id"] == a["id"]:
            continue
        named = d["label"] in ("ORG", "TREATY")
        if named and d["id"] and any(x["id"] == d["id"] for x in longer(outside, d)):
            continue  # (a)
        if named and a["id"] and any(x["id"] == a["id"] for x in longer(alone, a)) and any(
                x["id"] not in (None, a["id"]) and a["text"] in x["text"] for x in longer(outside, a)):
            continue  # (b)
        out.append(("id", a, d))
    return out


def shifted(item, offset):
    return None if item is None else {**item, "start": item["start"] - offset, "end": item["end"] - offset}


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_document_mode_gives_each_paragraph_what_paragraph_mode_gives_it(path):
    units = [rec for _, rec, _ in annotated(path, "paragraph")]
    docs = [rec for _, rec, _ in annotated(path, "document")]
    by_doc: dict = {}
    for rec in units:
        by_doc.setdefault(rec["meta"]["document"], []).append(rec)
    assert [d["id"] for d in docs] == list(by_doc)
    for doc_rec in docs:
        alone = by_doc[doc_rec["id"]]
        assert len(doc_rec["paragraphs"]) == len(alone)
        for para, unit_rec in zip(doc_rec["paragraphs"], alone):
            where = unit_rec["id"]
            s = para["start"]
            assert doc_rec["text"][s:para["end"]] == unit_rec["text"], where
            mine, theirs = unit_rec["paragraph"], para
            for key in ("type", "number", "strength", "intensity"):
                assert theirs[key] == mine[key], (where, key)
            assert shifted(theirs["verb"], s) == mine["verb"], where
            assert [shifted(a, s) for a in theirs.get("addressees", [])] == mine.get("addressees", []), where
            assert [(shifted(c["verb"], s), c["strength"], c["intensity"], [shifted(a, s) for a in c["addressees"]])
                    for c in theirs.get("clauses", [])] == \
                [(c["verb"], c["strength"], c["intensity"], c["addressees"]) for c in mine.get("clauses", [])], where
            assert theirs.get("max_strength") == mine.get("max_strength"), where
            assert entity_differences(doc_rec, para, unit_rec) == [], where


def test_a_short_name_takes_its_id_from_another_paragraph_only_in_document_mode():
    # the one difference the comparison above allows, seen on a real document
    path = ROOT / "tests" / "fixtures" / "A_RES_80_13.md"
    (_, doc_rec, _), = annotated(path, "document")
    ids = {(e["text"], e["id"]) for e in doc_rec["entities"] if e["text"] == "Ad Hoc Committee"}
    assert ids == {("Ad Hoc Committee", "Ad Hoc Committee on the Indian Ocean")}
    # a paragraph alone does not say whose committee it is: no id (not "Ad Hoc Committee", an id of nobody)
    alone = {rec["id"]: rec for _, rec, _ in annotated(path, "paragraph")}
    assert [e["id"] for e in alone["A/RES/80/13#op3"]["entities"] if e["text"] == "Ad Hoc Committee"] == [None]
    op5 = next(p for p in doc_rec["paragraphs"] if p["type"] == "operative" and p["number"] == 5)
    assert (op5["verb"]["text"], op5["strength"]) == ("Decides", "decide")


def test_split_tokens_at_keeps_span_groups_entities_and_their_extensions():
    nlp = spacy.blank("zh")
    text = "请联合国人员和秘书长报告"
    doc = Doc(nlp.vocab, words=["请", "联合国人员和秘书长", "报告"], spaces=[False] * 3)  # as a segmenter might
    assert doc.text == text
    if not Span.has_extension("test_note"):
        Span.set_extension("test_note", default=None)
    whole = Span(doc, 0, 3, label="operative")
    whole._.test_note = "kept"
    doc.spans["paragraphs"] = SpanGroup(doc, name="paragraphs", attrs={"source": "test"}, spans=[whole])
    doc.spans["tail"] = [Span(doc, 2, 3, label="X", kb_id="id-x")]
    doc.ents = [Span(doc, 1, 2, label="ORG", kb_id="the-org")]
    split_tokens_at(doc, [1, 4, 6, 7, 10])  # 联合国|人员|和|秘书长
    assert [t.text for t in doc] == ["请", "联合国", "人员", "和", "秘书长", "报告"]
    para, = doc.spans["paragraphs"]
    assert (para.text, para.label_, para._.test_note) == (text, "operative", "kept")
    assert doc.spans["paragraphs"].attrs == {"source": "test"}
    tail, = doc.spans["tail"]
    assert (tail.text, tail.start, tail.kb_id_) == ("报告", 5, "id-x")
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [("联合国人员和秘书长", "ORG", "the-org")]
    for key, group in doc.spans.items():
        for span in group:
            check_span(doc, span, key)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tokens_are_split_before_any_span_group_is_written(lang):
    from spacy import util

    shipped = spacy.load(models.default_model(lang))
    config = util.load_config(models.CONFIG_DIR / f"{lang}.cfg")
    assert shipped.component_names == list(config["nlp"]["pipeline"])
    assert shipped.component_names[0] == "unap_entity_rules"
    assert shipped.get_pipe_meta("unap_entity_rules").retokenizes
