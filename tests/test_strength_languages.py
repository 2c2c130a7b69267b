"""Operative-verb strength in French, Spanish, Russian and Arabic: the standard formulas and their classes, intensity,
later clauses, Arabic vowel marks, text damage, and the strength rows' split by document."""
import json
import random
from collections import defaultdict

import pytest
import spacy

import pipeline.components  # noqa: F401  (registers the factories)
from pipeline.augment import damage
from pipeline.components.clauses import find_clauses
from pipeline.components.lexicon import OpenerLexicon
from pipeline.components.strength_textcat import _skip_number
from pipeline.models import ROOT

LANGS = ("fr", "es", "ru", "ar")
STRENGTH = ROOT / "annotations" / "strength"


@pytest.mark.parametrize("lang,text,verb,cls,intensity", [
    ("fr", "1. Décide de proroger le mandat;", "Décide", "decide", "none"),
    ("fr", "2. Prie le Secrétaire général de lui faire rapport;", "Prie", "request", "none"),
    ("fr", "3. Demande à toutes les parties de coopérer;", "Demande", "urge", "none"),
    ("fr", "4. Exhorte les États à agir;", "Exhorte", "urge", "none"),
    ("fr", "5. Invite les donateurs à contribuer;", "Invite", "encourage", "none"),
    ("fr", "6. Encourage vivement les États Membres à ratifier;", "Encourage vivement", "encourage", "strong"),
    ("fr", "7. Se félicite des progrès accomplis;", "Se félicite", "declare", "none"),
    ("fr", "8. Prend note du rapport;", "Prend note", "declare", "none"),
    ("fr", "9. Réaffirme sa résolution 2118;", "Réaffirme", "declare", "none"),
    ("fr", "10. Condamne énergiquement les attaques;", "Condamne énergiquement", "declare", "strong"),
    ("fr", "11. Prie instamment les États de coopérer;", "Prie instamment", "urge", "none"),
    ("fr", "12. Engage les États Membres à poursuivre;", "Engage", "encourage", "none"),
    ("fr", "13. Prie également le Secrétaire général;", "Prie", "request", "none"),
    ("es", "1. Decide prorrogar el mandato;", "Decide", "decide", "none"),
    ("es", "2. Pide al Secretario General que informe;", "Pide", "request", "none"),
    ("es", "3. Solicita al Secretario General que presente;", "Solicita", "request", "none"),
    ("es", "4. Exhorta a las partes a que cooperen;", "Exhorta", "urge", "none"),
    ("es", "5. Insta encarecidamente a los Estados;", "Insta encarecidamente", "urge", "strong"),
    ("es", "6. Alienta a los Estados Miembros;", "Alienta", "encourage", "none"),
    ("es", "7. Acoge con beneplácito el informe;", "Acoge con beneplácito", "declare", "none"),
    ("es", "8. Toma nota del informe;", "Toma nota", "declare", "none"),
    ("es", "9. Condena firmemente los ataques;", "Condena firmemente", "declare", "strong"),
    ("es", "10. Además, decide seguir ocupándose;", "decide", "decide", "none"),
    ("ru", "1. постановляет продлить мандат;", "постановляет", "decide", "none"),
    ("ru", "2. просит Генерального секретаря представить доклад;", "просит", "request", "none"),
    ("ru", "3. настоятельно призывает все государства;", "настоятельно призывает", "urge", "none"),
    ("ru", "4. предлагает государствам-членам;", "предлагает", "encourage", "none"),
    # рекомендует translates "encourages" (to States, the Secretariat) and "recommends" (to an organ): encourage|request
    ("ru", "5. рекомендует государствам-членам активизировать сотрудничество;", "рекомендует", "encourage", "none"),
    ("ru", "5. призывает к немедленному прекращению огня;", "призывает к", "urge", "none"),  # "calls for"
    ("ru", "6. приветствует усилия;", "приветствует", "declare", "none"),
    ("ru", "7. принимает к сведению доклад;", "принимает к сведению", "declare", "none"),
    ("ru", "8. решительно осуждает нападения;", "решительно осуждает", "declare", "strong"),
    ("ru", "9. просит также Генерального секретаря;", "просит", "request", "none"),
    ("ar", "١ - يقرر تمديد الولاية؛", "يقرر", "decide", "none"),
    ("ar", "٢ - يطلب إلى الأمين العام أن يقدم تقريرا؛", "يطلب", "request", "none"),
    ("ar", "٣ - يهيب بجميع الأطراف؛", "يهيب", "urge", "none"),
    ("ar", "٤ - يحث الدول الأعضاء؛", "يحث", "urge", "none"),
    ("ar", "٥ - يشجع الدول الأعضاء؛", "يشجع", "encourage", "none"),
    ("ar", "٦ - يرحب بالتقرير؛", "يرحب", "declare", "none"),
    ("ar", "٧ - يحيط علما بالتقرير؛", "يحيط علما", "declare", "none"),
    ("ar", "٨ - تدين بشدة الهجمات؛", "تدين بشدة", "declare", "strong"),
    ("ar", "9 - يدين بأشد العبارات الهجمات؛", "يدين بأشد العبارات", "declare", "strongest"),
    ("ar", "10 - تطلب كذلك إلى الأمين العام؛", "تطلب", "request", "none"),
    # a statement's verb-first sentence: "and" glued on the verb, the organ after it
    ("ar", "ويحث مجلس الأمن الدول الأعضاء على مواصلة التخطيط.", "يحث", "urge", "none"),
    ("fr", "Il demande instamment aux États membres de poursuivre.", "demande instamment", "urge", "none"),
    # formulas of UN resolutions the aligned lines did not hold (endorses, draws attention, takes note, strongly
    # recommends, looks forward: the classes of their English openers)
    ("fr", "11. Entérine les recommandations du Comité;", "Entérine", "decide", "none"),
    ("fr", "12. Appelle l'attention sur la situation;", "Appelle l'attention", "declare", "none"),
    ("es", "11. Toma conocimiento del informe;", "Toma conocimiento", "declare", "none"),
    ("ru", "11. настоятельно рекомендует государствам принять меры;", "настоятельно рекомендует", "request", "none"),
    ("ru", "12. с нетерпением ожидает доклада;", "с нетерпением ожидает", "encourage", "none"),
])
def test_standard_openers(lang, text, verb, cls, intensity):
    found = OpenerLexicon.load(lang).find(text, "operative")
    assert (text[found.start:found.end], found.cls, found.intensity) == (verb, cls, intensity)


@pytest.mark.parametrize("lang,text,verb", [
    ("fr", "Rappelant sa résolution 2118 (2013),", "Rappelant"),
    ("es", "Recordando su resolución 2118 (2013),", "Recordando"),
    ("ru", "ссылаясь на свою резолюцию 2118 (2013),", "ссылаясь"),
    ("ru", "напоминая о своей резолюции,", "напоминая"),
    ("ar", "إذ تشير إلى قرارها 2118،", "إذ تشير"),
])
def test_preambular_openers(lang, text, verb):
    found = OpenerLexicon.load(lang).find(text, "preambular")
    assert text[found.start:found.end] == verb and found.cls is None


def test_arabic_vowel_marks_and_tatweel_are_ignored_and_offsets_stay_exact():
    lex = OpenerLexicon.load("ar")
    for text, verb in (("٤ - يسلّم بأن التقرير؛", "يسلّم"), ("٥ - تقـرر أن يُرصد مبلغ؛", "تقـرر")):
        found = lex.find(text, "operative")
        assert text[found.start:found.end] == verb and found.cls in ("declare", "decide")


@pytest.mark.parametrize("lang,text,clauses", [
    ("fr", "6. Souligne que les responsables doivent répondre de leurs actes, et prie toutes les parties de coopérer;",
     [("prie", "request")]),
    ("fr", "5. Exprime son soutien à la décision, et se félicite que le Directeur général ait l'intention;",
     [("se félicite", "declare")]),
    ("es", "6. Destaca que deben rendir cuentas, y exhorta a todas las partes a que cooperen;", [("exhorta", "urge")]),
    ("es", "3. Acoge con beneplácito el informe e insta a los Estados a que cooperen;", [("insta", "urge")]),
    ("ru", "6. подчеркивает, что виновные должны нести ответственность, и просит все стороны сотрудничать;",
     [("просит", "request")]),
    ("ar", "٦ - يؤكد أن الأفراد المسؤولين يجب أن يحاسبوا، ويطلب إلى جميع الأطراف التعاون؛", [("يطلب", "request")]),
    ("ar", "٥ - يعرب عن تأييده للقرار، ويرحب باعتزام المدير العام؛", [("يرحب", "declare")]),
    ("es", "12. Expresa su satisfacción al Secretario General y le solicita que siga prestando apoyo;",
     [("solicita", "request")]),  # a pronoun between the conjunction and the verb
    ("fr", "12. Exprime sa satisfaction au Secrétaire général et lui demande de continuer;", [("demande", "urge")]),
    # not a clause: a capitalised name, an infinitive of the requested action, a verb in a relative clause
    ("fr", "2. Prie le Secrétaire général de recommander des mesures et de présenter un rapport;", []),
    ("es", "2. Solicita al Secretario General que recomiende medidas, y Decide la Comisión;", []),
    ("ru", "2. просит Генерального секретаря рекомендовать меры и представить доклад;", []),
])
def test_later_clauses(lang, text, clauses):
    lex = OpenerLexicon.load(lang)
    opener = lex.find(text, "operative")
    found = find_clauses(text, opener.end, lex, lang, opener.cls)
    assert [(text[c.start:c.end], c.cls) for c in found] == clauses


def test_clauses_come_out_of_the_pipeline_as_opverb_spans():
    nlp = spacy.blank("ru")
    nlp.add_pipe("unap_opverbs", config={"mode": "lexicon"})
    nlp.add_pipe("unap_paragraphs", first=True)
    doc = nlp("6. подчеркивает, что виновные должны нести ответственность, и просит все стороны сотрудничать;")
    assert [(s.text, s._.strength, s._.clause) for s in doc.spans["opverbs"]] == [
        ("подчеркивает", "declare", 0), ("просит", "request", 1)]


@pytest.mark.parametrize("lang", LANGS)
def test_damage_keeps_a_spaced_language_spaced(lang):
    """Damage in the opening word only, word by word (not character by character, as for Chinese), and no Latin
    letter confusions in Cyrillic or Arabic."""
    text = {"fr": "3. Encourage les États Membres à coopérer pleinement;",
            "es": "3. Alienta a los Estados Miembros a que cooperen plenamente;",
            "ru": "3. призывает государства-члены в полной мере сотрудничать;",
            "ar": "٣ - يشجع الدول الأعضاء على التعاون الكامل؛"}[lang]
    rnd = random.Random(0)
    for _ in range(30):
        out = damage(text, lang, rnd)
        first = text.split()[1] if lang != "ar" else text.split()[2]
        rest = text[text.index(first) + len(first):]
        assert out != text and out.endswith(rest) and len(out) in (len(text) - 1, len(text), len(text) + 1)
        if lang in ("ru", "ar"):
            assert not any(c in "0123456789" or ("a" <= c <= "z") for c in out[4:])


def test_textcat_window_skips_an_arabic_paragraph_number():
    for text in ("٣ - يدعو جميع الأطراف", "3 - يدعو جميع الأطراف"):
        doc = spacy.blank("ar")(text)
        assert doc[_skip_number(doc[:])].text == "يدعو"


def test_rows_of_a_document_share_its_split_in_every_language():
    split_of = defaultdict(set)
    langs = defaultdict(set)
    for split in ("train", "dev", "test"):
        for line in (STRENGTH / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r["source"] == "UNPC v1.0 dev set":
                split_of[r["doc"]].add(split)
                langs[r["id"].rsplit(":", 1)[0]].add(r["lang"])
    assert split_of and all(len(s) == 1 for s in split_of.values())
    assert all(lang_set == {"zh", "en", *LANGS} for lang_set in langs.values())


@pytest.mark.parametrize("scores,expected", [
    ({"decide": 0.5, "urge": 0.3, "request": 0.05, "encourage": 0.1, "declare": 0.05}, "urge"),
    ({"decide": 0.1, "urge": 0.1, "request": 0.1, "encourage": 0.6, "declare": 0.1}, "encourage"),
])
def test_ambiguous_opener_takes_the_classifiers_best_candidate(scores, expected):
    """Russian призывает translates both "encourages" and "calls upon" (opverbs.ru.tsv: encourage|urge): in combined
    mode the classifier's scores (what unap_strength_textcat leaves on the paragraph) choose between the two only;
    the lexicon alone says the first."""
    nlp = spacy.blank("ru")
    nlp.add_pipe("unap_paragraphs")
    tagger = nlp.add_pipe("unap_opverbs", config={"mode": "combined"})
    doc = nlp.get_pipe("unap_paragraphs")(nlp.make_doc("4. призывает доноров продолжать оказывать поддержку;"))
    doc.spans["paragraphs"][0]._.strength_scores = scores
    (span,) = tagger(doc).spans["opverbs"]
    assert (span.text, span._.strength, span._.source) == ("призывает", expected, "lexicon+model")
    tagger.mode = "lexicon"
    (span,) = tagger(doc).spans["opverbs"]
    assert (span._.strength, span._.source) == ("encourage", "lexicon")


@pytest.mark.parametrize("lang,text", [
    ("fr", "Il convient de signaler les problèmes survenant pendant la grossesse."),  # impersonal: "it is fitting"
    ("fr", "Compte tenu des capacités institutionnelles de l'ONU, je reste optimiste."),  # "given"
    ("zh", "9. 请述明保护妇女免遭家庭暴力的法案是否已经获得通过。"),  # a list of issues' "please state"
    ("ar", "31 - توصي اللجنة الدولة الطرف بأن تنقّح قوانين الجنسية؛"),  # "the Committee recommends": a report's
    ("ar", "28 - وتلاحظ اللجنة زيادة التحاق الفتيات بالمدارس."),
])
def test_phrases_that_only_look_like_openers_are_none(lang, text):
    """Rows of kind `not` in opverbs.<lang>.tsv; the verb alone still opens a paragraph ("3. Convient de ...")."""
    lex = OpenerLexicon.load(lang)
    assert lex.find(text, "operative") is None and lex.find_fuzzy(text, "operative") is None
    still = {"fr": "3. Convient de se réunir à nouveau en 2016;", "zh": "3. 请秘书长提交报告；",
             "ar": "5 - تشجع اللجنة على مواصلة عملها؛"}  # "[the Assembly] encourages the Committee to"
    assert lex.find(still[lang], "operative") is not None
