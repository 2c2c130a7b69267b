"""Text with no blank line between paragraphs (pipeline/structure/dense.py): copied text, one paragraph per line,
PDF extraction without layout. Each paragraph must come out as its own unit, as with blank lines."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.structure.dense import is_dense
from pipeline.structure.parse import parse_document

from .conftest import fixture_text

FIX = Path(__file__).parent / "fixtures"
ALIGNED = sorted((FIX / "languages").glob("*.txt"))


def shape(doc) -> list[tuple]:
    return [(p.type, p.role, p.number, p.text) for p in doc.paragraphs]


@pytest.mark.parametrize("path", ALIGNED, ids=lambda p: p.name)
def test_one_paragraph_per_line_parses_like_blank_lines(path):
    lang = path.name.split(".")[-2]
    spaced = fixture_text(path)
    packed = "\n".join(line for line in spaced.split("\n") if line.strip())
    assert not is_dense(spaced) and is_dense(packed)
    assert shape(parse_document(packed, lang=lang)) == shape(parse_document(spaced, lang=lang))


@pytest.mark.parametrize("lang, formula, meeting", [("en", "The General Assembly,", "73rd plenary meeting"),
                                                    ("fr", "L'Assemblée générale,", "73e séance plénière")])
def test_pdf_text_without_blank_lines(lang, formula, meeting):
    doc = parse_document((FIX / "layout" / f"A_RES_69_170.{lang}.pdf.txt").read_text(encoding="utf-8"), lang=lang)
    types = [(p.type, p.role, p.number) for p in doc.paragraphs]
    assert types[-8:] == [("other", "formula", None), ("preambular", None, None), ("preambular", None, None),
                          ("preambular", None, None), ("operative", None, 1), ("operative", None, 2),
                          ("operative", None, 3), ("other", "signature", None)]
    texts = [p.text for p in doc.paragraphs]
    assert formula in texts and texts[-1].startswith(meeting)
    # header lines are units of their own and are read; the page furniture is gone; the footnote is linked
    assert doc.header["symbol"] == "A/RES/69/170" and doc.header["adoption_date"] == "2014-12-18"
    assert doc.header["session"] == 69 and doc.header["meeting"] == 73
    assert not any("14-68165" in t or "2/3" in t or "____" in t for t in texts)
    assert [f.text for f in doc.footnotes.values()] == [("Resolution" if lang == "en" else "Résolution") + " 217 A (III)."]
    first = next(p for p in doc.paragraphs if p.type == "preambular")
    assert [m["refs"] for m in first.markers] == [["1"]]
    op1 = next(p for p in doc.paragraphs if p.number == 1)
    assert op1.text.endswith("2015;") or op1.text.endswith("2015 ;")  # the print line break is joined
    assert doc.warnings == []


def test_blank_line_text_keeps_its_blocks():
    """A text laid out with blank lines is not cut further, except where a capitalized opener follows a
    paragraph's end: a wrapped line of an English paragraph that starts with a capital is not a new paragraph."""
    text = ("The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015, and the\n"
            "Sustainable Development Goals,\n\n1. Decides to remain seized of the matter.\n")
    doc = parse_document(text, lang="en")
    assert [(p.type, p.text) for p in doc.paragraphs] == [
        ("other", "The General Assembly,"),
        ("preambular", "Recalling its resolution 70/1 of 25 September 2015, and the Sustainable Development Goals,"),
        ("operative", "1. Decides to remain seized of the matter.")]


@pytest.mark.parametrize("unit", ["paragraph", "document"])
def test_a_footnote_marker_glued_to_a_name_is_not_part_of_it(tmp_path, unit):
    """'the Universal Declaration of Human Rights1 and': the reader knows the 1 is footnote 1's marker, so the
    name ends before it and gets its gazetteer id (it was 'Universal Declaration of Human Rights1', with that id)."""
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(FIX / "layout" / "A_RES_69_170.en.pdf.txt"), "-o", str(out), "--unit", unit,
                 "-q"]) == 0
    names = [(e["text"], e["id"]) for line in out.read_text(encoding="utf-8").splitlines()
             for e in json.loads(line)["entities"] if e["label"] == "TREATY"]
    assert names == [("Charter of the United Nations", "Charter of the United Nations"),
                     ("Universal Declaration of Human Rights", "Universal Declaration of Human Rights")]


# the first-page header of A/RES/69/170 as a PDF without layout gives it (written by hand after the official
# documents' layout), above the aligned fixture's paragraphs, all with no blank line
HEADERS = {
    "es": ["Naciones Unidas A/RES/69/170", "Asamblea General Distr. general", "12 de febrero de 2015",
           "Sexagésimo noveno período de sesiones", "Tema 68 b) del programa",
           "Resolución aprobada por la Asamblea General el 18 de diciembre de 2014",
           "[sobre la base del informe de la Tercera Comisión (A/69/488/Add.2)]",
           "69/170. Día Internacional de Sensibilización sobre el Albinismo"],
    "ru": ["Организация Объединенных Наций A/RES/69/170", "Генеральная Ассамблея Distr.: General", "12 February 2015",
           "Шестьдесят девятая сессия", "Пункт 68(b) повестки дня",
           "Резолюция, принятая Генеральной Ассамблеей 18 декабря 2014 года",
           "[по докладу Третьего комитета (A/69/488/Add.2)]",
           "69/170. Международный день распространения информации об альбинизме"],
    "ar": ["الأمم المتحدة A/RES/69/170", "الجمعية العامة Distr.: General", "12 February 2015", "الدورة التاسعة والستون",
           "البند 68 (ب) من جدول الأعمال", "قرار اتخذته الجمعية العامة في 18 كانون الأول/ديسمبر 2014",
           "[بناء على تقرير اللجنة الثالثة (A/69/488/Add.2)]", "69/170 - اليوم الدولي للتوعية بالمهق"],
    "zh": ["联合国 A/RES/69/170", "大会 Distr.: General", "12 February 2015", "第六十九届会议", "议程项目68(b)",
           "2014年12月18日大会决议", "[根据第三委员会的报告(A/69/488/Add.2)通过]", "69/170. 国际白化病宣传日"],
}


@pytest.mark.parametrize("lang", sorted(HEADERS))
def test_header_lines_without_blank_lines(lang):
    """Each header line is a unit of its own and is read; '大会 Distr.: General' is no formula."""
    spaced = fixture_text(FIX / "languages" / f"A_RES_69_170.{lang}.txt")
    packed = "\n".join(HEADERS[lang] + [line for line in spaced.split("\n") if line.strip()])
    doc = parse_document(packed, lang=lang)
    # an Arabic title line ("69/170 - ...") is not in the "69/170. Title" form the title role needs; read all the same
    assert [p.role for p in doc.paragraphs[:9]] == ["header"] * 7 + ["header" if lang == "ar" else "title", "formula"]
    assert [p.text for p in doc.paragraphs[:8]] == HEADERS[lang]
    assert doc.header["symbol"] == "A/RES/69/170" and doc.header["session"] == 69
    assert doc.header["adoption_date"] == "2014-12-18" and doc.header["number"] == "69/170"
    assert shape(doc)[8:] == shape(parse_document(spaced, lang=lang))
