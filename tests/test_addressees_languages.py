"""Addressees in French, Spanish, Russian and Arabic (pipeline/addressees/spaced.py with addressees.<lang>.tsv): who
the opening verb, and each later clause verb, urges, requests, invites or obliges, with the same five types as
English and Chinese. The texts are UNPC operative lines (or shortened from them); the Doc's paragraph and verb
spans are built here, as unap_paragraphs and unap_opverbs would give them."""
import functools
import shutil

import pytest
import spacy
from spacy.tokens import Span

import pipeline.components  # noqa: F401  (registers the factories)
from pipeline.addressees import lexicon, spaced


@functools.lru_cache(maxsize=None)
def tagger(lang):
    nlp = spacy.blank(lang)
    nlp.add_pipe("unap_addressees", config={"use_parse": False})
    return nlp


def run(lang, text, verb, *clauses):
    """Addressees of the opener `verb` and of the later clause verbs `clauses` (each found after the previous)."""
    nlp = tagger(lang)
    doc = nlp.make_doc(text)
    doc.spans["paragraphs"] = [Span(doc, 0, len(doc), label="operative")]
    verbs, pos = [], 0
    for k, word in enumerate((verb,) + clauses):
        start = text.index(word, pos)
        span = doc.char_span(start, start + len(word), label="OPVERB")
        assert span is not None, f"{word!r} is not on token boundaries"
        span._.clause = k
        verbs.append(span)
        pos = start + len(word)
    doc.spans["opverbs"] = verbs
    doc = nlp.get_pipe("unap_addressees")(doc)
    opener = [(s.text, s._.addressee_type) for s in doc.spans["addressees"]]
    later = [(s.text, s._.addressee_type, s._.clause) for s in doc.spans.get("clause_addressees", [])]
    return opener, later


@pytest.mark.parametrize("lang, text, verb, expected", [
    # French: direct object + de/à infinitive, à/aux introducing the addressee, que-clause subject
    ("fr", "5. Prie le Secrétaire général de garder à l'examen les besoins en ressources d'ONU-Habitat;", "Prie",
     [("le Secrétaire général", "secretariat")]),
    ("fr", "9. Demande aux autorités haïtiennes de prendre toutes les mesures voulues;", "Demande",
     [("autorités haïtiennes", "states")]),
    ("fr", "7. Demande instamment à toutes les parties et à tous les États Membres, ainsi qu'aux organisations "
     "internationales, régionales et sous-régionales, de coopérer avec le Groupe d'experts;", "Demande instamment",
     [("toutes les parties", "parties"), ("tous les États Membres", "states"),
      ("organisations internationales, régionales et sous-régionales", "other_org")]),
    ("fr", "10. Engage les États Membres, les organismes des Nations Unies et l'ensemble des parties prenantes "
     "concernées à améliorer la collecte des données;", "Engage",
     [("les États Membres", "states"), ("les organismes des Nations Unies", "un_system"),
      ("l'ensemble des parties prenantes concernées", "other_org")]),
    ("fr", "23. Demande instamment que toutes les parties mettent fin à toutes formes de violence;",
     "Demande instamment", [("toutes les parties", "parties")]),
    ("fr", "1. Décide de proclamer le 21 juin Journée internationale du yoga ;", "Décide", []),
    ("fr", "24. Appelle l'attention sur la recommandation formulée par le Rapporteur spécial;",
     "Appelle l'attention", []),
    # Spanish: personal "a"/"al", "a que" / "que" ending the list
    ("es", "5. Pide al Secretario General que mantenga bajo examen las necesidades de recursos;", "Pide",
     [("Secretario General", "secretariat")]),
    ("es", "10. Alienta a los Estados Miembros, al sistema de las Naciones Unidas y a todos los interesados "
     "pertinentes a que mejoren la reunión de datos;", "Alienta",
     [("los Estados Miembros", "states"), ("sistema de las Naciones Unidas", "un_system"),
      ("todos los interesados pertinentes", "other_org")]),
    ("es", "23. Insta encarecidamente a que todas las partes pongan fin a todas las formas de violencia;",
     "Insta encarecidamente", [("todas las partes", "parties")]),
    ("es", "1. Decide prorrogar hasta el 31 de marzo de 2015 las autorizaciones conferidas;", "Decide", []),
    # Russian: accusative and dative objects, the infinitive ends the list, a genitive is not the head
    ("ru", "5. просит Генерального секретаря постоянно следить за потребностями ООН-Хабитат в ресурсах;", "просит",
     [("Генерального секретаря", "secretariat")]),
    ("ru", "2. рекомендует государствам-членам и соответствующим международным организациям активизировать "
     "глобальное сотрудничество;", "рекомендует",
     [("государствам-членам", "states"), ("соответствующим международным организациям", "other_org")]),
    ("ru", "7. настоятельно призывает все стороны и все государства-члены, а также международные, региональные и "
     "субрегиональные организации обеспечить сотрудничество с Группой экспертов;", "настоятельно призывает",
     [("все стороны", "parties"), ("все государства-члены", "states"),
      ("международные, региональные и субрегиональные организации", "other_org")]),
    ("ru", "17. постановляет, что мандат Группы экспертов включает следующие задачи:", "постановляет", []),
    ("ru", "3. призывает к немедленному прекращению огня;", "призывает", []),
    # Arabic: إلى and the clitic بـ introduce the addressee, و is a clitic of the next conjunct
    ("ar", "5 - يطلب إلى الأمين العام أن يبقي احتياجات البرنامج قيد الاستعراض؛", "يطلب",
     [("الأمين العام", "secretariat")]),
    ("ar", "9 - يهيب بالسلطات الهايتية أن تتخذ كل الإجراءات اللازمة؛", "يهيب", [("السلطات الهايتية", "states")]),
    ("ar", "10 - يشجع الدول الأعضاء ومنظومة الأمم المتحدة وجميع الجهات المعنية صاحبة المصلحة على تحسين جمع "
     "البيانات؛", "يشجع",
     [("الدول الأعضاء", "states"), ("منظومة الأمم المتحدة", "un_system"),
      ("جميع الجهات المعنية صاحبة المصلحة", "other_org")]),
    ("ar", "3 - يدعو إلى وقف فوري لإطلاق النار؛", "يدعو", []),
    ("ar", "17 - يقرر أن تشمل ولاية فريق الخبراء المهام التالية:", "يقرر", []),
    # Security Council formulas (written after SC resolutions): demands on parties, decisions binding on States,
    # named armed movements, verb-first Arabic clauses (the object after the subject is left out)
    ("fr", "3. Exige de toutes les parties qu'elles cessent immédiatement les hostilités;", "Exige",
     [("toutes les parties", "parties")]),
    ("fr", "8. Exhorte le Gouvernement soudanais et le Mouvement populaire de libération du Soudan à reprendre les "
     "négociations;", "Exhorte",
     [("le Gouvernement soudanais", "states"), ("le Mouvement populaire de libération du Soudan", "parties")]),
    ("es", "4. Decide que todos los Estados deberán adoptar las medidas necesarias;", "Decide",
     [("todos los Estados", "states")]),
    ("ru", "3. требует, чтобы все стороны немедленно прекратили военные действия;", "требует",
     [("все стороны", "parties")]),
    ("ru", "8. настоятельно призывает правительство Судана и Народное движение за освобождение Судана возобновить "
     "переговоры;", "настоятельно призывает",
     [("правительство Судана", "states"), ("Народное движение за освобождение Судана", "parties")]),
    ("ar", "4 - يقرر أن تتخذ جميع الدول التدابير اللازمة؛", "يقرر", [("جميع الدول", "states")]),
    ("ar", "6 - يقرر أن يزود المجلس التنفيذي بتوصيات؛", "يقرر", []),
    ("ar", "7 - يوصي الجمعية العامة بقبول جمهورية جنوب السودان؛", "يوصي", [("الجمعية العامة", "un_system")]),
    ("ru", "3. призывает Экономическое сообщество западноафриканских государств и Африканский союз продолжать усилия;",
     "призывает", [("Экономическое сообщество западноафриканских государств", "other_org"),
                   ("Африканский союз", "other_org")]),
    # an adverbial phrase before the requested action ends the addressee (S/RES/2209 (2015) op6)
    ("ru", "6. призывает все стороны в Сирийской Арабской Республике в полной мере сотрудничать с Миссией;",
     "призывает", [("все стороны в Сирийской Арабской Республике", "parties")]),
    # examples after "como" / "такие как" are not addressees; names with a conjunction inside stay whole; a fronted
    # adjunct before a that-clause subject; a chain of coordinated Arabic adjectives stays with its noun
    ("es", "3. Alienta al Secretario General, a los organismos de las Naciones Unidas como el UNICEF, el PNUD y la "
     "UNESCO, y a otras partes interesadas a que redoblen sus esfuerzos;", "Alienta",
     [("Secretario General", "secretariat"), ("los organismos de las Naciones Unidas", "un_system")]),
    ("fr", "6. Prie le Conseil économique et social d'examiner la question à sa prochaine session;", "Prie",
     [("le Conseil économique et social", "un_system")]),
    ("ru", "2. постановляет, что в течение одного года все государства-члены должны принять необходимые меры;",
     "постановляет", [("все государства-члены", "states")]),
    ("ar", "٧ - يحث جميع الأطراف وجميع الدول الأعضاء، إضافة إلى المنظمات الدولية والإقليمية ودون الإقليمية، على ضمان "
     "التعاون مع فريق الخبراء؛", "يحث",
     [("جميع الأطراف", "parties"), ("جميع الدول الأعضاء", "states"),
      ("المنظمات الدولية والإقليمية ودون الإقليمية", "other_org")]),
])
def test_opener_addressees(lang, text, verb, expected):
    assert run(lang, text, verb)[0] == expected


@pytest.mark.parametrize("lang, text, verbs, expected", [
    ("fr", "9. Demande aux autorités haïtiennes de prendre toutes les mesures voulues, et demande à tous les "
     "acteurs politiques de travailler ensemble;", ("Demande", "demande"),
     [("tous les acteurs politiques", "other_org", 1)]),
    ("fr", "4. Invite les États Membres à redoubler d'efforts et les engage à coopérer;", ("Invite", "engage"),
     [("les États Membres", "states", 1)]),
    ("ru", "3. призывает государства-члены представить доклады и предлагает им сотрудничать;",
     ("призывает", "предлагает"), [("государства-члены", "states", 1)]),
    ("ar", "9 - يهيب بالسلطات الهايتية أن تتخذ الإجراءات اللازمة، ويهيب بجميع الأطراف المعنية أن تتعاون؛",
     ("يهيب", "ويهيب"), [("جميع الأطراف المعنية", "parties", 1)]),
])
def test_later_clause_addressees(lang, text, verbs, expected):
    """A later clause has its own addressees; a pronoun object ("les engage", "предлагает им") takes the opener's."""
    assert run(lang, text, *verbs)[1] == expected


def test_org_entities_type_through_their_english_id():
    """A name the rule file does not know is typed through the canonical English id the gazetteer gives it, the
    same in every language ("ИНТЕРПОЛ" -> International Criminal Police Organization -> other_org)."""
    text = "3. призывает ИНТЕРПОЛ укрепить сотрудничество;"
    start = text.index("ИНТЕРПОЛ")
    ents = [(start, start + len("ИНТЕРПОЛ"), "ORG", "International Criminal Police Organization")]
    lex = lexicon.spaced("ru")
    verb_end = text.index("призывает") + len("призывает")
    assert spaced.extract(text, verb_end, "призывает", lex) == []
    found = spaced.extract(text, verb_end, "призывает", lex, spaced.org_types(ents))
    assert [(text[a.start:a.end], a.type) for a in found] == [("ИНТЕРПОЛ", "other_org")]
    assert spaced.org_types([(0, 4, "ORG", "United Nations Development Programme")]) == [(0, 4, "un_system")]


def test_country_names_from_the_language_column_in_any_case(tmp_path):
    """Country names come from countries.tsv's column for the language, inflected forms included ("Судану",
    "Гвинеи-Бисау"); a countries.tsv without the column types no country and breaks nothing."""
    shutil.copy(lexicon.LEXICONS / "addressees.ru.tsv", tmp_path)
    (tmp_path / "countries.tsv").write_text("en\tzh\tkind\nSudan\t苏丹\tmember\n", encoding="utf-8")
    assert lexicon.spaced("ru", tmp_path).types.classify("Судану") is None
    lexicon.spaced.cache_clear()
    lexicon.country_rows.cache_clear()
    (tmp_path / "countries.tsv").write_text("en\tzh\tru\tkind\nSudan\t苏丹\tСудан\tmember\n"
                                            "Guinea-Bissau\t几内亚比绍\tГвинея-Бисау\tmember\n", encoding="utf-8")
    lex = lexicon.spaced("ru", tmp_path)
    assert [lex.types.classify(p) for p in ("Судану", "Гвинеи-Бисау", "Суданской ассоциации")] == \
        ["states", "states", None]


def test_saved_pipeline_keeps_its_rules(tmp_path):
    nlp = spacy.blank("es")
    nlp.add_pipe("unap_addressees", config={"use_parse": False})
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "unap_addressees" / "addressees.es.tsv").is_file()
    loaded = spacy.load(tmp_path / "p")
    assert loaded.get_pipe("unap_addressees").folder == tmp_path / "p" / "unap_addressees"


def test_unknown_language_and_bad_rule_file_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown language 'de'"):
        tagger("de")
    (tmp_path / "addressees.fr.tsv").write_text("kind\tpattern\ttype\nverbs\tprie\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"unknown kind\(s\) \['verbs'\]"):
        lexicon.spaced("fr", tmp_path)
    (tmp_path / "addressees.fr.tsv").write_text("kind\tpattern\ttype\ntype\tÉtats\tcountries\n", encoding="utf-8")
    with pytest.raises(ValueError, match="type rows need one of"):
        lexicon.spaced("fr", tmp_path)
    with pytest.raises(ValueError, match="addressees.es.tsv is missing"):
        lexicon.spaced("es", tmp_path)
