"""`unap show`: the page a reader sees (parsed, not grepped): every unit's paragraph type, number, strength and
intensity; addressees marked with their type; one colour per entity label and strength class; the --limit cut
said on stderr; one clean line for bad input."""
import json
import re
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.scheme import COLORS, ENTITY_LABELS, STRENGTH_CLASSES

from .conftest import SEED
from .htmlparse import parse

ROOT = Path(__file__).resolve().parent.parent


def span(text, part, **extra):
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part, **extra}


def operative(number, text, strength, intensity, verb, org, addressee, kind):
    """An operative paragraph record with one ORG entity and one addressee of type `kind`."""
    return {"id": f"X#op{number}", "text": text, "lang": "en", "entities": [span(text, org, label="ORG", id=org)],
            "paragraph": {"type": "operative", "number": number, "strength": strength, "intensity": intensity,
                          "verb": span(text, verb), "addressees": [span(text, addressee, type=kind)]}}


def urge_record():
    return operative(3, "3. Strongly urges all States to support the United Nations Children's Fund;", "urge",
                     "strong", "Strongly urges", "United Nations Children's Fund", "all States", "states")


def request_record():
    """The addressee contains an entity: both must be marked."""
    return operative(4, "4. Requests the Secretary-General to report on the implementation;", "request", "none",
                     "Requests", "Secretary-General", "the Secretary-General", "secretariat")


def write(path, recs):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


def show(tmp_path, recs, *args):
    src = write(tmp_path / "in.jsonl", recs)
    out = tmp_path / "page.html"
    assert main(["show", str(src), "-o", str(out), *args]) == 0
    return parse(out.read_text(encoding="utf-8"))


def marks(page):
    """(text without its label, label, background) of every mark, in page order."""
    out = []
    for m in page.iter("mark"):
        labels = [c for c in m.children if not isinstance(c, str) and c.tag == "span" and "addressee" not in
                  c.attrs.get("class", "")]
        label = labels[-1].text().strip() if labels else ""
        out.append((m.text().replace(label, "").strip(), label, m.style().get("background")))
    return out


def test_every_entity_label_and_strength_class_has_its_own_colour():
    keys = ENTITY_LABELS + STRENGTH_CLASSES
    assert all(k in COLORS for k in keys)
    values = [COLORS[k].lower() for k in keys]
    assert len(set(values)) == len(values), {v: [k for k in keys if COLORS[k].lower() == v] for v in values
                                             if values.count(v) > 1}
    every = [v.lower() for v in COLORS.values()]
    assert len(set(every)) == len(every)


def test_page_colours_an_org_and_an_urge_verb_differently(tmp_path):
    page = show(tmp_path, [urge_record()])
    bg = {label: colour for _, label, colour in marks(page)}
    assert bg["ORG"] == COLORS["ORG"]
    verb = next(label for label in bg if label.startswith("VERB"))
    assert bg[verb] == COLORS["urge"] != bg["ORG"]


def test_strength_intensity_and_addressees_are_shown(tmp_path):
    page = show(tmp_path, [urge_record(), request_record()])
    titles = [h.text() for h in page.iter("h2")]
    assert titles == ["X#op3 · operative 3 · strength: urge (strong)",
                      "X#op4 · operative 4 · strength: request (intensity none)"]
    verbs = [(text, label) for text, label, _ in marks(page) if label.startswith("VERB")]
    assert verbs == [("Strongly urges", "VERB urge (strong)"), ("Requests", "VERB request (intensity none)")]
    figures = list(page.iter("figure"))
    for fig, words, kind in ((figures[0], "all States", "states"), (figures[1], "the Secretary-General", "secretariat")):
        assert "".join(s.text() for s in fig.iter("span", "addressee")) == words
        assert [s.attrs["title"] for s in fig.iter("span", "addressee")][0] == f"addressee: {kind}"
        assert [t.text() for t in fig.iter("sub", "addressee-type")] == [f"→{kind}"]
    # the entity inside the second addressee is still marked, and no text is lost
    assert ("Secretary-General", "ORG", COLORS["ORG"]) in marks(figures[1])
    body = re.sub(r"\s+", " ", figures[1].text())
    assert "4. Requests" in body and "the Secretary-General" in body and "on the implementation;" in body


def document_record():
    text = "Resolution 1\n\nRecalling its resolution 1 (2020),\n\n1. Strongly urges all States to act;"
    paras = [dict(span(text, "Resolution 1"), type="other", role="title", number=None, strength=None,
                  intensity=None, verb=None),
             dict(span(text, "Recalling its resolution 1 (2020),"), type="preambular", number=None, strength=None,
                  intensity=None, verb=span(text, "Recalling")),
             dict(span(text, "1. Strongly urges all States to act;"), type="operative", number=1, strength="urge",
                  intensity="strong", verb=span(text, "Strongly urges"),
                  addressees=[span(text, "all States", type="states")])]
    for p in paras:
        del p["text"]
    return {"id": "S/RES/1", "text": text, "lang": "en", "paragraph": None, "paragraphs": paras,
            "entities": [span(text, "resolution 1 (2020)", label="RESOLUTION", id="S/RES/1(2020)")],
            "meta": {"header": {"title": "A test"}}}


def test_document_units_show_each_paragraph(tmp_path):
    page = show(tmp_path, [document_record()])
    assert [h.text() for h in page.iter("h2")] == ["S/RES/1 · A test · 3 paragraphs"]
    assert [h.text() for h in page.iter("h3")] == ["other (title)", "preambular",
                                                   "operative 1 · strength: urge (strong)"]
    blocks = list(page.iter("div", "paragraph"))
    assert [m[:2] for m in marks(blocks[1])] == [("Recalling", "VERB"), ("resolution 1 (2020)", "RESOLUTION")]
    assert [m[:2] for m in marks(blocks[2])] == [("Strongly urges", "VERB urge (strong)")]
    assert [s.text() for s in blocks[2].iter("span", "addressee")] == ["all States"]


def test_real_document_output_has_a_heading_per_paragraph(tmp_path):
    annotated = tmp_path / "doc.jsonl"
    assert main(["annotate", str(SEED), "-o", str(annotated), "--unit", "document", "-q"]) == 0
    rec = json.loads(annotated.read_text(encoding="utf-8").splitlines()[0])
    out = tmp_path / "doc.html"
    assert main(["show", str(annotated), "-o", str(out)]) == 0
    page = parse(out.read_text(encoding="utf-8"))
    headings = [h.text() for h in page.iter("h3")]
    assert len(headings) == len(rec["paragraphs"])
    op = [p for p in rec["paragraphs"] if p["type"] == "operative" and p.get("strength")]
    assert op
    for p in op:
        inten = "intensity none" if p["intensity"] == "none" else p["intensity"]
        assert f"operative {p['number']} · strength: {p['strength']} ({inten})" in headings


def test_limit_is_said_on_stderr(tmp_path, capsys):
    recs = [{"id": f"u{i}", "text": f"Unit {i}.", "entities": []} for i in range(502)]
    page = show(tmp_path, recs)
    assert len(list(page.iter("figure"))) == 500
    assert "showing the first 500 of 502 units; use --limit" in capsys.readouterr().err
    page = show(tmp_path, recs, "--limit", "0")
    assert len(list(page.iter("figure"))) == 502
    assert "showing the first" not in capsys.readouterr().err
    page = show(tmp_path, recs[:3], "--limit", "2")
    assert len(list(page.iter("figure"))) == 2
    assert "showing the first 2 of 3 units; use --limit" in capsys.readouterr().err


def test_limit_is_documented(capsys):
    with pytest.raises(SystemExit):
        main(["show", "--help"])
    help_text = re.sub(r"\s+", " ", capsys.readouterr().out)
    assert re.search(r"--limit N .*first N units.*default 500", help_text)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"unap show \S+ -o \S+ \[--limit N\]", readme)


@pytest.mark.parametrize("line, problem", [
    ('{"text": "a\tb"}', r"malformed JSON \(Invalid control character at column 12\)"),
    ('{"text": "ab",}', r"malformed JSON \([A-Z][^()]* at column 15\)"),
    ('{"text": "ab', r"malformed JSON \([A-Z][^()]* at column \d+\)"),
])
def test_bad_json_is_one_clean_line(tmp_path, capsys, line, problem):
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "fine"}\n' + line + "\n", encoding="utf-8")
    assert main(["show", str(src), "-o", str(tmp_path / "a.html")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert re.fullmatch(rf"unap: {re.escape(str(src))}:2: {problem}", err[0]), err[0]
    assert not re.search(r"\b(\w+) \1\b", err[0])  # no doubled word
    assert not (tmp_path / "a.html").exists()


def test_bytes_that_are_not_utf8_are_one_clean_line(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_bytes(b'{"text": "fine"}\n{"text": "\xff"}\n')
    assert main(["show", str(src), "-o", str(tmp_path / "a.html")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"unap: {src}:2: not UTF-8 text (invalid start byte at byte 11)"]


def test_doccano_export_shape_is_shown_like_annotate_output(tmp_path):
    """A record as doccano exports it (spans as `label` triples, the class as a category name, the unit id and
    paragraph type flattened from meta) gives the same title and marks as the annotate record it came from."""
    rec = urge_record()
    org = rec["entities"][0]
    exported = {"id": 7, "text": rec["text"], "label": [[org["start"], org["end"], "ORG"]], "cats": ["urge"],
                "unit_id": rec["id"], "paragraph_type": "operative", "Comments": []}
    page = show(tmp_path, [exported])
    assert [h.text() for h in page.iter("h2")] == ["X#op3 · operative · strength: urge"]
    assert [m[:2] for m in marks(page)] == [("United Nations Children's Fund", "ORG")]


def test_a_span_outside_the_text_is_one_clean_line(tmp_path, capsys):
    src = write(tmp_path / "a.jsonl", [{"id": "u1", "text": "short", "label": [[0, 99, "ORG"]]}])
    assert main(["show", str(src), "-o", str(tmp_path / "a.html")]) == 2
    assert capsys.readouterr().err.splitlines() == [f"unap: {src}:1: span 0-99 ORG does not fit the text"]
    assert not (tmp_path / "a.html").exists()
