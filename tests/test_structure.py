"""Structure of whole resolutions: the seed (Chinese, PDF extraction damage), GA Markdown and SC print text."""
import re

import pytest

from pipeline.structure.parse import parse_document

from .conftest import GA, GA1, SC, SC1


@pytest.fixture(scope="module")
def seed():
    from .conftest import SEED
    return parse_document(SEED.read_text(encoding="utf-8"), lang="zh", source="seed")


def of_type(doc, t):
    return [p for p in doc.paragraphs if p.type == t]


def test_seed_counts(seed):
    ops = of_type(seed, "operative")
    assert [p.number for p in ops] == list(range(1, 53))
    assert len(of_type(seed, "preambular")) == 46
    assert len(seed.footnotes) == 21
    assert seed.warnings == []


def test_seed_header(seed):
    h = seed.header
    assert h["symbol"] == "A/RES/79/138"
    assert h["session"] == 79
    assert h["agenda_item"] == "72 (a)"
    assert h["adoption_date"] == "2024-12-09"
    assert h["meeting"] == 50
    assert h["draft_symbol"] == "A/79/L.32"
    assert h["title"] == "人道主义人员的安全保障和联合国人员的保护"


@pytest.mark.parametrize("head,tail", [
    ("表示深为关切 人道主义人员及联合国人员和有关人员在日益复杂", "和联合国房地体的袭击次数达到了过去十年的最高点，"),
    ("指出医务人员和专门履行医护职责的人道主义人员在武装冲突中", "们的职业道德守则，并指出国际人道法的相关规则规定"),
    ("回顾《国际刑事法院罗马规约》¹⁵规定", "护的人员蓄意进行袭击属于战争罪"),
])
def test_seed_split_preambular_paragraphs_are_rejoined(seed, head, tail):
    hits = [p for p in of_type(seed, "preambular") if p.text.startswith(head)]
    assert len(hits) == 1
    assert tail in hits[0].text
    # nothing of the second half stands as a paragraph of its own
    assert not any(p.text.startswith(tail[:8]) for p in seed.paragraphs)


def test_seed_split_operative_paragraph_is_rejoined(seed):
    p19 = of_type(seed, "operative")[18]
    assert p19.number == 19
    assert "他医疗设施的暴力行为，并强烈敦促各国" in p19.text
    assert p19.text.endswith("消除受害者的不满；")


def test_seed_no_footnote_text_or_bold_in_paragraphs(seed):
    for p in seed.paragraphs:
        assert "**" not in p.text
        assert not re.match(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]", p.text)
        for key, note in seed.footnotes.items():
            body = note.text
            if len(body) > 12:  # short notes like "A/79/149。" are legitimately quoted in text
                assert body not in p.text, (key, p.text[:30])


def test_seed_footnotes_linked_to_markers(seed):
    linked = {r for p in seed.paragraphs for m in p.markers for r in m["refs"]}
    assert linked == {str(i) for i in range(1, 22)}
    p1 = of_type(seed, "operative")[0]
    assert p1.text == "1. 表示赞赏地注意到秘书长的报告；¹⁷"
    (m,) = p1.markers
    assert p1.text[m["start"]:m["end"]] == "¹⁷" and m["refs"] == ["17"]
    assert seed.footnotes["17"].text == "A/79/149。"
    # a range marker ¹⁰⁻¹¹ points at both footnotes
    assert any(m["refs"] == ["10", "11"] for p in seed.paragraphs for m in p.markers)


def test_seed_signature_is_other(seed):
    last = seed.paragraphs[-1]
    assert last.type == "other" and last.role == "signature"


def test_ga_markdown():
    d = parse_document(GA.read_text(encoding="utf-8"), lang="en", fmt="md", source=GA.name)
    assert d.header["symbol"] == "A/RES/80/11"
    assert d.header["session"] == 80
    assert d.header["adoption_date"] == "2025-11-26"
    assert d.header["draft_symbol"] == "A/80/L.15"
    assert d.header["meeting"] == 51
    ops = of_type(d, "operative")
    assert [p.number for p in ops] == list(range(1, 31))
    assert len(of_type(d, "preambular")) == 16
    # section headings are 'other', not paragraphs
    assert "Peacebuilding financing" in [p.text for p in d.paragraphs if p.role == "heading"]
    # unnumbered sub-paragraphs stay inside operative paragraph 1
    assert "Requesting the Peacebuilding Commission to establish" in ops[0].text
    # a page break inside a preambular paragraph is repaired
    taking = [p for p in of_type(d, "preambular") if p.text.startswith("Taking note of the report")][0]
    assert taking.text.endswith("through its letter dated 21 November 2024,4")
    assert {r for p in d.paragraphs for m in p.markers for r in m["refs"]} == {"1", "2", "3", "4"}
    assert not any(p.text.startswith("[^") for p in d.paragraphs)


def test_ga_running_header_does_not_leak():
    d = parse_document(GA1.read_text(encoding="utf-8"), lang="en", fmt="md", source=GA1.name)
    title = "Participation by the State of Palestine during the eightieth session"
    assert not [p for p in d.paragraphs if p.text == title]
    op1 = of_type(d, "operative")[0]
    assert title not in op1.text
    assert [p.number for p in of_type(d, "operative")] == [1, 2, 3]


def test_sc_print_text():
    d = parse_document(SC.read_text(encoding="utf-8"), lang="en", source=SC.name)
    assert d.header["symbol"] == "S/RES/242(1967)"
    assert d.header["adoption_date"] == "1967-11-22"
    assert d.header["meeting"] == 1382
    pre, ops = of_type(d, "preambular"), of_type(d, "operative")
    assert len(pre) == 3 and [p.number for p in ops] == [1, 2, 3, 4]
    # print line breaks are joined with a space
    assert pre[0].text == "Expressing its continuing concern with the grave situation in the Middle East,"
    assert "\n(a) For guaranteeing freedom of navigation" in ops[1].text
    assert ops[1].text.count("\n") == 3


def test_sc_without_formula_warns_but_parses():
    d = parse_document(SC1.read_text(encoding="utf-8"), lang="en", source=SC1.name)
    assert d.header["symbol"] == "S/RES/1(1946)"
    assert [p.number for p in of_type(d, "operative")] == [1, 2, 3]
    assert len(of_type(d, "preambular")) == 1
    assert any("addressing formula" in w for w in d.warnings)


def test_prose_after_numbered_paragraphs_of_a_letter_stays_its_own_paragraph():
    """No formula (a letter, S/2015/90): its numbered paragraphs open with no operative phrase, so they are no
    operative paragraphs; the prose after "2." is its own paragraph, not a sub-paragraph of it, and keeps its list."""
    text = ("Letter dated 4 February 2015\n\n"
            "1. It is the decision of the army and people that they have no further need to sit at the table.\n\n"
            "2. Now that the strategy is inching close to war, the response will be the most bitter one.\n\n"
            "In this regard, the National Defence Commission, in a statement on 4 February, clarified the following.\n\n"
            "(a) a list item stays inside it;\n\n"
            "Meanwhile, the politicians have vied with each other in calling for a tightened siege.")
    d = parse_document(text, lang="en", source="letter.txt")
    body = [p for p in d.paragraphs if p.role != "header"]
    assert [(p.type, p.number) for p in body] == [("other", None)] * 4
    assert body[2].text.endswith("the following.\n(a) a list item stays inside it;")
    assert body[3].text.startswith("Meanwhile")


def test_unstructured_text_is_other_with_warning():
    d = parse_document("Shopping list\n\napples\n\npears", lang="en", source="x.txt")
    assert {p.type for p in d.paragraphs} == {"other"}
    assert any("no resolution structure" in w for w in d.warnings)


# lone paragraphs (UNPC v1.0 dev set lines) typed with the words of modifiers.en.tsv / modifiers.zh.tsv
@pytest.mark.parametrize("text,lang,expected", [
    ("5. Highly commends the performance of the Force", "en", ("operative", 5)),  # 'highly': an intensifier row
    ("1. The Security Council requests the permanent members of the Security Council to direct their Chief",
     "en", ("operative", 1)),  # a subject row, not everything up to the last 'council'
    ("4. 大力鼓励会员国把民主教育同公民教育和人权教育一道，纳入本国教育标准", "zh", ("operative", 4)),
])
def test_lone_paragraph_openers_after_lexicon_modifiers(text, lang, expected):
    from pipeline.structure.paragraphs import type_from_text

    assert type_from_text(text, lang) == expected


@pytest.mark.parametrize("text,opens", [
    ("Deeply disturbed by the magnitude of the human suffering", True),  # an opener that starts with an intensifier
    ("Concerned by the continuing violence,", True),
    ("Occupied Palestinian Territory, including East Jerusalem,", False),  # names from countries.tsv
    ("United Kingdom of Great Britain and Northern Ireland and the United States", False),
    ("United Nations Office on Drugs and Crime,", False),
])
def test_english_block_that_starts_a_paragraph(text, opens):
    """A page break may split a paragraph: a block that does not open like a paragraph continues the one before."""
    from pipeline.structure.paragraphs import starts_paragraph

    assert starts_paragraph(text, "en") is opens


# --- numbered paragraphs that are no resolution's (UNPC v1.0 dev set lines of reports and agendas) ------------
REPORT_LINES = {
    "en": ["6. Ireland has always been a strong supporter of the Comprehensive Nuclear-Test-Ban Treaty.",
           "7. General debate.",
           ("51. The working group of the Committee on transparency and media outreach continued to consider ways "
            "to improve outreach.")],
    "fr": ["6. L'Irlande a toujours été un fervent partisan du Traité d'interdiction complète des essais nucléaires.",
           "7. Débat général."],
    "zh": ["6. 爱尔兰一直大力支持《全面禁止核试验条约》。", "2. 好几个代表团强调必须振兴特别委员会的工作。",
           # a list of issues' "please state", a letter's closing request: 请 with no addressee after it
           "9. 请述明保护妇女免遭家庭暴力的法案是否已经获得通过。", "请将本函及其附件作为大会议程项目68下的文件分发为荷。",
           "4. 通过议程。"],  # an agenda item: "adoption of the agenda"
    "ru": ["6. Ирландия всегда твердо поддерживала Договор о всеобъемлющем запрещении ядерных испытаний."],
    "ar": ["48 - وأخيرا، اقترحت شبكة آسيا والمحيط الهادئ تنظيم المنتديات."],
}


@pytest.mark.parametrize("lang,text", [(lang, t) for lang, ts in REPORT_LINES.items() for t in ts])
def test_a_numbered_report_line_alone_is_no_operative_paragraph(lang, text):
    """A lone numbered line is operative only when it opens with an operative phrase: reports and agendas
    number their paragraphs too, and giving them a strength class would be confident nonsense."""
    import spacy

    import pipeline.components  # noqa: F401  (registers the factories)
    from pipeline.structure.paragraphs import type_from_text
    assert type_from_text(text, lang)[0] == "other"
    nlp = spacy.blank(lang)
    nlp.add_pipe("unap_paragraphs")
    doc = nlp(text)
    assert [s.label_ for s in doc.spans["paragraphs"]] == ["other"]


@pytest.mark.parametrize("lang,text", [("en", "6. Decides to remain seized of the matter."),
                                       ("en", "6. Decdes to remain seized of the matter."),  # a damaged opener
                                       ("fr", "6. Décide de rester saisi de la question."),
                                       ("zh", "6. 决定继续处理此案。"),
                                       ("zh", "6. 请秘书长向大会提交报告。")])
def test_a_numbered_operative_line_alone_stays_operative(lang, text):
    import spacy

    import pipeline.components  # noqa: F401  (registers the factories)
    nlp = spacy.blank(lang)
    nlp.add_pipe("unap_paragraphs")
    doc = nlp(text)
    (span,) = doc.spans["paragraphs"]
    assert (span.label_, span._.number) == ("operative", 6)


def test_a_report_without_formula_keeps_its_numbered_paragraphs_out_of_the_operative_part():
    """Without a formula, a text whose numbered paragraphs mostly open with no operative phrase is read paragraph
    by paragraph: only the paragraphs that open with one are operative (a report quoting a draft's paragraphs)."""
    text = ("51. The working group of the Committee continued to consider ways to improve outreach.\n\n"
            "6. In its resolution 1977 (2011), the Security Council called upon all States to submit a report.\n\n"
            "Malawi received offers for assistance from WCO and UNODC.\n\n"
            "33. OAS increased its operational support for the work of the Committee in 2014.\n\n"
            "14. Requests the President of the General Assembly to hold hearings;\n")
    doc = parse_document(text, lang="en")
    assert [(p.type, p.number) for p in doc.paragraphs] == [("other", None)] * 4 + [("operative", 14)]
