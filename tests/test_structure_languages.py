"""Structure of French, Spanish, Russian and Arabic resolutions: formulas, paragraph types and numbers, Arabic
numbering and punctuation, sub-paragraphs, meeting lines, and one resolution giving the same structure in all six
languages (fixtures built from aligned UNPC lines: tests/fixtures/languages/, see their header comment)."""
import pytest
import spacy

import pipeline.components  # noqa: F401  (registers the factories)
from pipeline.components.unit import unit_doc
from pipeline.io.read import document_units
from pipeline.structure.header import read_header
from pipeline.structure.paragraphs import type_from_text
from pipeline.structure.parse import parse_document
from pipeline.structure.split import split_documents

from .conftest import FIXTURES, fixture_text

LANGS = ("fr", "es", "ru", "ar")
SIX = ("zh", "en") + LANGS
# (fixture stem, [(type, number)] after the formula, [(class, intensity)] of the operative openers)
DOCS = {
    "S_RES_2209_2015": ([("preambular", None)] * 3 + [("operative", n) for n in (1, 3, 5, 6)],
                        [("declare", "strongest"), ("declare", "none"), ("declare", "none"), ("declare", "none")]),
    "A_RES_69_170": ([("preambular", None)] * 4 + [("operative", n) for n in (2, 3, 4)],
                     [("encourage", "none")] * 3),
}


# the operative verbs of S/RES/2209 (2015) as the rules find them: openers, then the later clauses of op. 5 and 6
VERBS_2209 = {
    "fr": ["Condamne avec la plus grande fermeté", "Rappelle", "Exprime", "se félicite", "Souligne", "engage"],
    "es": ["Condena en los términos más enérgicos", "Recuerda", "Expresa", "acoge con beneplácito", "Destaca",
           "exhorta"],
    "ru": ["осуждает самым решительным образом", "напоминает", "заявляет", "приветствует", "подчеркивает",
           "призывает"],
    "ar": ["يدين بأشد العبارات", "يشير", "يعرب", "يرحب", "يؤكد", "يدعو"],
}


def fixture(stem: str, lang: str) -> str:
    return fixture_text(FIXTURES / "languages" / f"{stem}.{lang}.txt")


def rules_pipeline(lang: str):
    nlp = spacy.blank(lang)
    nlp.add_pipe("unap_paragraphs")
    nlp.add_pipe("unap_opverbs", config={"mode": "lexicon"})
    return nlp


def structure(stem: str, lang: str):
    """(type, number) of the body paragraphs and (class, intensity) of every operative opener."""
    doc = parse_document(fixture(stem, lang), lang=lang)
    assert [p.role for p in doc.paragraphs[:1]] == ["formula"]
    (unit,) = document_units(doc, "document")
    nlp = rules_pipeline(lang)
    sdoc = nlp(unit_doc(nlp, unit.text, paragraphs=unit.paragraphs))
    openers = [(s._.strength, s._.intensity) for s in sdoc.spans["opverbs"] if s._.clause == 0]
    return [(p.type, p.number) for p in doc.paragraphs[1:]], openers, [s.text for s in sdoc.spans["opverbs"]
                                                                       if s._.clause is not None]


@pytest.mark.parametrize("stem", DOCS)
@pytest.mark.parametrize("lang", LANGS)
def test_fixture_structure(stem, lang):
    types, openers, verbs = structure(stem, lang)
    assert (types, openers) == DOCS[stem]
    if stem == "S_RES_2209_2015":
        assert verbs == VERBS_2209[lang]


@pytest.mark.parametrize("stem", DOCS)
def test_same_structure_in_all_six_languages(stem):
    results = {lang: structure(stem, lang)[:2] for lang in SIX}
    assert all(r == results["en"] for r in results.values()), results


@pytest.mark.parametrize("lang,formula", [
    ("fr", "L'Assemblée générale,"), ("fr", "Le Conseil de sécurité,"), ("es", "La Asamblea General,"),
    ("es", "El Consejo de Seguridad,"), ("ru", "Генеральная Ассамблея,"), ("ru", "Совет Безопасности,"),
    ("ar", "إن الجمعية العامة،"), ("ar", "إن مجلس الأمن،"), ("fr", "L’Assemblée générale,"),
])
def test_formula_separates_header_from_body(lang, formula):
    doc = parse_document(f"Titre\n\n{formula}\n\nRappelant x,\n\n1. Décide y;\n", lang=lang)
    assert [p.role for p in doc.paragraphs[:2]] == ["header", "formula"]
    assert not any("formula" in w for w in doc.warnings)


@pytest.mark.parametrize("lang,text,expected", [
    ("ar", "١٢ - يقرر أن يبقي المسألة قيد نظره الفعلي؛", ("operative", 12)),  # Arabic-Indic digits, Arabic semicolon
    ("ar", "3 - يطلب إلى الأمين العام أن يقدم تقريرا.", ("operative", 3)),
    ("ar", "1- تلاحظ أن التقرير؛", ("operative", 1)),
    ("ar", "وإذ يشير إلى قراراته السابقة،", ("preambular", None)),  # Arabic comma ends a preambular paragraph
    ("ru", "ссылаясь на свою резолюцию 2118 (2013),", ("preambular", None)),  # Russian: lower case
    ("ru", "5. просит Генерального секретаря представить доклад;", ("operative", 5)),
    ("fr", "4. Prie le Secrétaire général de lui faire rapport\u00a0;", ("operative", 4)),  # NBSP before ';'
    ("fr", "4. Décide de rester saisi de la question\u202f;", ("operative", 4)),
    ("fr", "Rappelant sa résolution «\u00a0Le droit au développement\u00a0»,", ("preambular", None)),
    ("es", "Recordando su resolución «El derecho al desarrollo»,", ("preambular", None)),
    ("es", "Insta a los Estados a que cooperen;", ("operative", None)),  # unnumbered, by its opener
])
def test_lone_paragraph_types(lang, text, expected):
    assert type_from_text(text, lang) == expected


def test_subparagraphs_stay_in_their_operative_paragraph():
    text = ("Le Conseil de sécurité,\n\nRappelant ses résolutions,\n\n1. Décide que les États doivent :\n\n"
            "a) Geler les fonds ;\n\nb) Empêcher l'entrée ;\n\n2. Décide de rester saisi de la question.\n")
    doc = parse_document(text.replace("a) ", "(a) ").replace("b) ", "(b) "), lang="fr")
    ops = [p for p in doc.paragraphs if p.type == "operative"]
    assert [p.number for p in ops] == [1, 2]
    assert "(b) Empêcher" in ops[0].text


def test_arabic_subparagraph_labels():
    text = ("إن مجلس الأمن،\n\nوإذ يشير إلى قراراته،\n\n١ - يقرر ما يلي:\n\n(أ) أن تجمد الدول الأموال؛\n\n"
            "(ب) أن تمنع الدول الدخول؛\n\n٢ - يقرر أن يبقي المسألة قيد نظره.\n")
    doc = parse_document(text, lang="ar")
    ops = [p for p in doc.paragraphs if p.type == "operative"]
    assert [p.number for p in ops] == [1, 2] and "(ب)" in ops[0].text


@pytest.mark.parametrize("lang,body,closing", [
    ("fr", "1. Décide de rester saisi de la question.", "Adoptée à la 7401e séance"),
    ("es", "1. Decide seguir ocupándose de la cuestión.", "51ª sesión plenaria"),
    ("ru", "1. постановляет продолжать заниматься этим вопросом.", "51-е пленарное заседание"),
    ("ar", "١ - يقرر أن يبقي المسألة قيد نظره.", "الجلسة العامة 51"),
])
def test_meeting_line_closes_the_body(lang, body, closing):
    formula = {"fr": "Le Conseil de sécurité,", "es": "La Asamblea General,", "ru": "Генеральная Ассамблея,",
               "ar": "إن الجمعية العامة،"}[lang]
    doc = parse_document(f"{formula}\n\n{body}\n\n{closing}\n", lang=lang)
    assert [p.role for p in doc.paragraphs][-1] == "signature"
    assert doc.header["meeting"] in (51, 7401)


def test_meeting_mentioned_in_a_preambular_paragraph_is_no_closing_line():
    text = "Le Conseil de sécurité,\n\nRappelant la déclaration faite à sa 7401e séance,\n\n1. Décide y.\n"
    doc = parse_document(text, lang="fr")
    assert [p.type for p in doc.paragraphs] == ["other", "preambular", "operative"]


@pytest.mark.parametrize("lang,line", [("fr", "Résolution 2209 (2015)"), ("es", "Resolución 2209 (2015)"),
                                       ("ru", "Резолюция 2209 (2015)"), ("ar", "القرار 2209 (2015)")])
def test_security_council_resolution_line(lang, line):
    h = read_header([line], lang, {}, "")
    assert (h["number"], h["organ"], h["symbol"]) == ("2209 (2015)", "Security Council", "S/RES/2209(2015)")


def test_one_file_of_two_french_resolutions_is_cut_in_two():
    one = "Résolution 2208 (2015)\n\nLe Conseil de sécurité,\n\nRappelant x,\n\n1. Décide y;\n\n2. Prie z.\n\n"
    two = one.replace("2208", "2209")
    assert len(split_documents(one + two)) == 2


# --- what PDF extraction leaves in each language (lines of S/RES/2209 (2015) as the PDFs print them) ----------
PAGE_BREAK = {
    "fr": ("5. Exprime son soutien à la décision du Conseil exécutif de l'OIAC1 en date du 4 février 2015 tendant à",
           "1 Voir S/2015/138.", "ce que la Mission d'établissement des faits poursuive ses travaux;", "(F)",
           "Merci de recycler"),
    "es": ("5. Expresa su apoyo a la decisión del Consejo Ejecutivo de la OPAQ1, de 4 de febrero de 2015, de",
           "1 Véase S/2015/138.", "seguir adelante con la labor de la Misión de Determinación de los Hechos;", "(S)",
           "Se ruega reciclar"),
    "ru": ("5. заявляет о поддержке решения Исполнительного совета ОЗХО1 от 4 февраля 2015 года о",
           "1 См. S/2015/138.", "продолжении работы Миссии ОЗХО по установлению фактов;", "(R)",
           "Просьба отправить на вторичную переработку"),
    "ar": ("٥ - يعرب عن تأييده لقرار المجلس التنفيذي لمنظمة حظر الأسلحة الكيميائية(1) المؤرخ 4 شباط/فبراير 2015",
           "(1) انظر S/2015/138.", "الذي ينص على مواصلة بعثة تقصي الحقائق عملها؛", "(A)", None),
}
FORMULAS = {"fr": "Le Conseil de sécurité,", "es": "El Consejo de Seguridad,", "ru": "Совет Безопасности,",
            "ar": "إن مجلس الأمن،"}


@pytest.mark.parametrize("lang", LANGS)
def test_footnote_at_a_page_break_is_taken_out_and_linked_in_each_language(lang):
    """French, Spanish and Russian PDFs write a footnote as `1 Text` and its marker glued to the word (OIAC1,
    ОЗХО1); Arabic PDFs write both as `(1)`. The note leaves the paragraph, the two halves join, and the marker
    points to the note; the first page's "please recycle" footer is furniture."""
    first, note, second, job, recycle = PAGE_BREAK[lang]
    text = "\n\n".join([f"15-03792 {job}", *([recycle] if recycle else []), FORMULAS[lang], first,
                        "__________________", note, "S/RES/2209 (2015)", "2/3 15-03792", second]) + "\n"
    doc = parse_document(text, lang=lang)
    body = [p for p in doc.paragraphs if p.type == "operative"]
    assert len(body) == 1 and body[0].number == 5
    assert note.split(" ", 1)[1] not in body[0].text and second in body[0].text
    assert [mk["refs"] for mk in body[0].markers] == [["1"]]
    assert doc.footnotes["1"].text == note.split(" ", 1)[1]
    assert not any(p.text == recycle for p in doc.paragraphs)
    assert not [w for w in doc.warnings if "footnote" in w]


def test_a_marker_glued_to_an_accented_letter_is_linked():
    text = ("Le Conseil de sécurité,\n\n1. Prie le Comité1 de lui faire rapport;\n\n__________________\n\n"
            "1 Voir S/2015/138.\n")
    (p,) = [p for p in parse_document(text, lang="fr").paragraphs if p.type == "operative"]
    assert [(p.text[mk["start"] - 6:mk["end"]], mk["refs"]) for mk in p.markers] == [("Comité1", ["1"])]


def test_an_arabic_number_in_brackets_without_its_note_stays_text():
    text = "إن مجلس الأمن،\n\n١ - يقرر أن تعقد الدورة (2) في موعدها؛\n"
    doc = parse_document(text, lang="ar")
    assert not doc.footnotes and not [mk for p in doc.paragraphs for mk in p.markers]


def test_a_drafts_annex_after_the_operative_part_is_no_operative_paragraph():
    """A draft has no closing meeting line: its "Annexe" heading right after the operative part opens the annex,
    whose numbered paragraphs are not the resolution's."""
    text = ("Nations Unies A/69/L.51\n\nL'Assemblée générale,\n\nRappelant ses résolutions précédentes,\n\n"
            "1. Prend note du rapport du Secrétaire général;\n\n2. Prie le Secrétaire général de lui faire rapport.\n\n"
            "Annexe\n\nListe des organismes\n\n1. Le Programme des Nations Unies pour le développement a appuyé les "
            "activités.\n")
    doc = parse_document(text, lang="fr")
    assert [(p.type, p.number) for p in doc.paragraphs if p.type != "other"] == [
        ("preambular", None), ("operative", 1), ("operative", 2)]
    assert [p.role for p in doc.paragraphs[-3:]] == ["annex"] * 3
    assert doc.header["symbol"] == "A/69/L.51" and not doc.warnings
