"""Entities in French, Spanish, Russian and Arabic get the ids English and Chinese give the same thing.

The lines are real: aligned lines of the UNPC v1.0 development set (documents of the train/dev splits of
annotations/entities; line number and document in the comments). The user relies on one id per resolution,
date, document and body whatever the language the text is in, so the same line in six languages must yield
the same (label, id) multiset for resolutions, dates, documents and the main UN bodies.
"""
import collections

import pytest
import spacy

import pipeline.components.entity_rules  # noqa: F401  (registers unap_entity_rules)
from pipeline.entities.normalize import date_id
from pipeline.components.unit import unit_doc
from pipeline.entities.words import words

LANGS = ("en", "zh", "fr", "es", "ru", "ar")
MAIN_BODIES = {"United Nations", "UN Security Council", "UN General Assembly", "UN Economic and Social Council",
               "UN Secretariat", "UN Human Rights Council"}

LINES = {
    20: {  # 2015/s/agenda/7364
        'en': 'To be held on Wednesday, 21 January 2015, at 11 a.m.',
        'fr': 'Qui se tiendra le mercredi 21 janvier 2015, à 11 heures',
        'es': 'Que se celebrará el miércoles 21 de enero de 2015, a las 11.00 horas',
        'ru': 'которое состоится в cреду, 21 января 2015 года, в 11 ч. 00 м.',
        'ar': 'المقرر عقدها يوم الأربعاء 21 كانون الثاني/يناير 2015، الساعة 00:11',
        'zh': '定于2015年1月21日星期三上午11时分举行',
    },
    90: {  # 2015/a/69/761
        'en': 'I would be grateful if the present letter and its annex could be circulated as a document of the General Assembly, under agenda item 42, and of the Security Council.',
        'fr': "Je vous serais reconnaissant de bien vouloir faire distribuer le texte de la présente lettre et de son annexe comme document de l'Assemblée générale, au titre du point 42 de l'ordre du jour, et du Conseil de sécurité.",
        'es': 'Le agradecería que tuviera a bien hacer distribuir la presente carta y su anexo como documento de la Asamblea General, en relación con el tema 42 del programa, y del Consejo de Seguridad.',
        'ru': 'Буду признателен за распространение настоящего письма и приложения к нему в качестве документа Генеральной Ассамблеи по пункту 42 повестки дня и документа Совета Безопасности.',
        'ar': 'وأرجو ممتنا تعميم نص هذه الرسالة ومرفقها بوصفهما وثيقة من وثائق الجمعية العامة، في إطار البند 42 من جدول الأعمال، ومن وثائق مجلس الأمن.',
        'zh': '请将本信及其附件作为大会议程项目42项下和安全理事会的文件分发为荷。',
    },
    255: {  # 2015/e/2015/9/add_9
        'en': '3. The election will be held at the coordination and management meetings of the Council, from 8 to 10 April 2015.',
        'fr': "L'élection sera organisée lors des réunions de coordination et de gestion du Conseil, qui se tiendront du 8 au 10 avril 2015.",
        'es': 'La elección se celebrará durante las reuniones de coordinación y gestión del Consejo, del 8 al 10 de abril de 2015.',
        'ru': '3. Выборы будут проведены 8 - 10 апреля 2015 года в ходе заседаний Совета, посвященных вопросам координации и управления.',
        'ar': '3 - وستجري الانتخابات في إطار اجتماعات التنسيق والإدارة التي سيعقدها المجلس، في الفترة من 8 إلى 10 نيسان/أبريل 2015.',
        'zh': '3. 选举将在2015年4月8日至10日的理事会协调和管理会议上举行。',
    },
    300: {  # 2015/s/2015/3
        'en': 'In March 2013, the Secretariat conducted an assessment to identify critical shortfalls among AFISMA troops.',
        'fr': 'En mars 2013, le Secrétariat a fait une évaluation des principales lacunes des contingents de la MISMA.',
        'es': 'En marzo de 2013 la Secretaría llevó a cabo una evaluación para detectar posibles deficiencias críticas entre los efectivos de la AFISMA.',
        'ru': 'В марте 2013 года Секретариат провел оценку для выявления случаев критической нехватки военных специалистов в АФИСМА.',
        'ar': 'وفي آذار/مارس 2013، أجرت الأمانة العامة تقييما لتحديد أوجه القصور الحادة لدى قوات بعثة الدعم الدولية في مالي بقيادة أفريقية.',
        'zh': '2013年3月，秘书处进行了评估，以查明马里支助团部队中的关键缺口。',
    },
    528: {  # 2015/npt/conf_2015/4
        'en': '14. Subsequent meetings were held in Tashkent (15 March 2011), Astana (12 June 2012 and 27 June 2013) and Almaty (25 July 2014).',
        'fr': 'Les réunions suivantes sont tenues à Tachkent (15 mars 2011), à Astana (12 juin 2012 et 27 juin 2013) et à Almaty (25 juillet 2014).',
        'es': 'Se celebraron sucesivas reuniones en Таskent (15 de marzo de 2011), Аstana (12 de junio de 2012 y 27 de junio de 2013) y Almaty (25 de julio de 2014).',
        'ru': '14. Последующие встречи были проведены в Ташкенте (15 марта 2011 года), Астане (12 июня 2012 года и 27 июня 2013 года) и Алматы (25 июля 2014 года).',
        'ar': '14 - وعُقدت اجتماعات لاحقة في طشقند (15 آذار/مارس 2011) وأستانا (12 حزيران/يونيه 2012 و 27 حزيران/يونيه 2013) وألماتي (25 تموز/يوليه 2014).',
        'zh': '14. 其后的会议分别在塔什干(2011年3月15日)、阿斯塔纳(2012年6月12日和2013年6月27日)以及阿拉木图(2014年7月25日)举行。',
    },
    571: {  # 2015/a/69/769
        'en': 'I would appreciate it if you could circulate the present letter and its annex as a document of the sixty-ninth session of the General Assembly, under agenda item 19.',
        'fr': "Je vous serais obligé de bien vouloir faire distribuer le texte de la présente lettre et de son annexe comme document de la soixante-neuvième session de l'Assemblée générale, au titre du point 19 de l'ordre du jour.",
        'es': 'Le agradecería que tuviera a bien hacer distribuir la presente carta y su anexo como documento del sexagésimo noveno período de sesiones de la Asamblea General, en relación con el tema 19 del programa.',
        'ru': 'Буду признателен за распространение настоящего письма и приложения к нему в качестве документа шестьдесят девятой сессии Генеральной Ассамблеи по пункту 19 повестки дня.',
        'ar': 'وأرجو ممتنا تعميم هذه الرسالة ومرفقها بوصفهما وثيقة من وثائق الدورة التاسعة والستين للجمعية العامة، في إطار البند 19 من جدول الأعمال.',
        'zh': '请将本函及其附件作为大会第六十九届会议议程项目19下的文件分发为荷。',
    },
    616: {  # 2015/a/69/692
        'en': '2. The Fifth Committee considered the item at its 21st and resumed 27th meetings, on 15 and 29 December 2014.',
        'fr': 'La Commission a examiné la question à sa 21e séance et à la reprise de sa 27e séance, les 15 et 29 décembre 2014.',
        'es': 'La Quinta Comisión examinó el tema en su 21ª sesión y en la continuación de la 27ª sesión, celebradas los días 15 y 29 de diciembre de 2014.',
        'ru': '2. Пятый комитет рассматривал этот пункт на своих 21м и возобновленном 27м заседаниях 15 и 29 декабря 2014 года.',
        'ar': '2 - ونظرت اللجنة الخامسة في هذا البند في جلستيها 21 و 27 المستأنفة، المعقودتين في 15 و 29 كانون الأول/ديسمبر 2014.',
        'zh': '2. 第五委员会在2014年12月15日和29日第21次会议和第27次会议续会上审议了该项目。',
    },
    668: {  # 2015/cedaw/c/phl/7_8
        'en': 'Accordingly, the Philippine Development Plan (PDP) 2011-2016 integrated gender equality as a cross-cutting concern such that all but one of its chapters included specific provisions along this end.',
        'fr': "En conséquence, l'égalité des sexes a été intégrée de façon transversale dans tous les secteurs du plan national de développement 2011-2016, de manière à ce que tous les chapitres, hormis un seul, contiennent des dispositions spécifiques à cet effet.",
        'es': 'Consecuentemente, el Plan de Desarrollo de Filipinas (2011-2016) integró la igualdad entre los géneros como una cuestión intersectorial, de tal forma que casi todos sus capítulos contenían disposiciones específicas a este respecto.',
        'ru': 'Соответственно, План развития Филиппин (ПРФ) на 2011 - 2016 годы включает достижение гендерного равенства в качестве сквозной проблемы так, что все его разделы, за исключением одного, содержат специальные положения этого направления.',
        'ar': 'وبناء على ذلك، أدرجت الخطة الإنمائية الفلبينية للفترة 2011-2016 المساواة بين الجنسين بوصفها سياسة شاملة لجميع القطاعات، إلى درجة أن جميع فصول تلك الخطة، باستثناء فصل واحد منها، تتضمن أحكاما محددة لهذا الغرض.',
        'zh': '2011-2016菲律宾发展计划将性别平等作为贯穿各领域的问题，因此，该计划除了一章以外，每一章都纳入关于这方面的具体规定。',
    },
    685: {  # 2015/e/cn_7/2015/14
        'en': 'Those functions were formally accepted by the Economic and Social Council by its resolution 1576 (L) of 20 May 1971.',
        'fr': 'Ces fonctions ont été officiellement reconnues par le Conseil économique et social dans sa résolution 1576 (L) du 20 mai 1971.',
        'es': 'Esas funciones fueron aprobadas oficialmente por el Consejo Económico y Social en su resolución 1576 (L), de 20 de mayo de 1971.',
        'ru': 'Эти функции были официально приняты Экономическим и Социальным Советом в его резолюции 1576 (L) от 20 мая 1971 года.',
        'ar': 'وقد وافق المجلس الاقتصادي والاجتماعي رسميًّا على تلك الوظائف في قراره 1576 (د-50) المؤرَّخ 20 أيار/مايو 1971.',
        'zh': '经社理事会已在1971年5月20日1576 (L)号决议中正式接受这些职能。',
    },
    1189: {  # 2015/e/cn_5/2015/l_2
        'en': '1. The Commission for Social Development held its fifty-third session at United Nations Headquarters on 21 February 2014 and from 4 to 13 February 2015.',
        'fr': "La Commission du développement social a tenu sa cinquante-troisième session au Siège de l'Organisation des Nations Unies le 21 février 2014 et du 4 au 13 février 2015.",
        'es': 'La Comisión de Desarrollo Social celebró su 53° período de sesiones en la Sede de las Naciones Unidas el día 21 de febrero de 2014 y del 4 al 13 de febrero de 2015.',
        'ru': '1. Комиссия социального развития провела свою пятьдесят третью сессию в Центральных учреждениях Организации Объединенных Наций 21 февраля 2014 года и 4 - 13 февраля 2015 года.',
        'ar': '1 - عقدت لجنة التنمية الاجتماعية دورتها الثالثة والخمسين في مقر الأمم المتحدة يوم 21 شباط/فبراير 2014 وخلال الفترة من 4 إلى 13 شباط/فبراير 2015.',
        'zh': '1. 社会发展委员会于2014年2月21日和2015年2月4日至13日在联合国总部举行了第五十三届会议。',
    },
    1508: {  # 2015/e/cn_7/2015/14
        'en': 'By way of background, the Commission on Narcotic Drugs was established by the Economic and Social Council by its resolution 9 (I) of 16 February 1946, and was mandated, among other things, to "assist the Council in exercising such powers of supervision over the application of international conventions and agreements dealing with narcotic drugs as may be assumed by or conferred on the Council".',
        'fr': '3. Pour rappel, la Commission des stupéfiants a été créée par la résolution 9 (I) du Conseil économique et social en date du 16 février 1946, et elle a reçu pour mandat, entre autres choses, "d\'aider le Conseil à exercer, sur l\'application des conventions et accords internationaux concernant les stupéfiants, les fonctions de surveillance que le Conseil pourra lui-même assumer ou se voir conférer".',
        'es': '3. A modo de información de antecedentes, conviene señalar que la Comisión de Estupefacientes fue creada por el Consejo Económico y Social en virtud de su resolución 9 (I), de 16 de febrero de 1946, con el mandato de, entre otras cosas, "ayudar al Consejo a ejercer, sobre la aplicación de los convenios y acuerdos internacionales relativos a los estupefacientes, las funciones de fiscalización que el Consejo asuma o que le sean conferidas".',
        'ru': 'Для справки следует указать, что Комиссия по наркотическим средствам была учреждена Экономическим и Социальным Советом в его резолюции 9 (I) от 16 февраля 1946 года, и ей было поручено, помимо прочего, "помогать Совету в осуществлении полномочий по наблюдению за применением международных конвенций и соглашений относительно наркотических средств, которые могут быть приняты на себя Советом или возложены на него".',
        'ar': '٣- نشير لأغراض التذكير إلى أنَّ المجلس الاقتصادي والاجتماعي أنشأ لجنة المخدِّرات بموجب قراره 9 (د-1) المؤرخ 16 شباط/فبراير 1946، وكلَّفها بأمور منها "مساعدة المجلس في ممارسة سلطات الإشراف على تطبيق الاتفاقيات والاتفاقات الدولية المعنية بالمخدِّرات التي يتولَّى المجلس القيام بها أو التي تسند إليه".',
        'zh': '3. 从背景看，麻醉药品委员会是按经济及社会理事会1946年2月16日第9 (I)号决议设立的，其任务授权包括"协助理事会行使理事会掌握的或被赋予的对涉及麻醉药品的国际公约和协定的适用情况进行监督的权力"。',
    },
    2170: {  # 2015/s/res/2208__2015_
        'en': '1. Decides to extend until 31 March 2015 the authorizations provided by and the measures imposed by resolution 2146 (2014);',
        'fr': "1. Décide de proroger jusqu'au 31 mars 2015 les autorisations données et les mesures imposées dans la résolution 2146 (2014);",
        'es': '1. Decide prorrogar hasta el 31 de marzo de 2015 las autorizaciones conferidas y las medidas impuestas por la resolución 2146 (2014);',
        'ru': '1. постановляет продлить до 31 марта 2015 года срок действия разрешений и мер, предусмотренных в резолюции 2146 (2014);',
        'ar': '١ - يقرر أن يمدد حتى 31 آذار/مارس 2015 ما أذن به القرار 2146 (2014) من أعمال وما فرضه من تدابير؛',
        'zh': '1. 决定将第2146(2014)号决议规定的授权和实施的措施延长至2015年3月31日；',
    },
    2244: {  # 2015/s/2015/60
        'en': '6. Reaffirms all its relevant resolutions on Cyprus, in particular resolution 1251 (1999) of 29 June 1999 and subsequent resolutions;',
        'fr': '6. Réaffirme toutes ses résolutions sur Chypre, en particulier sa résolution 1251 (1999) du 29 juin 1999 et ses résolutions ultérieures;',
        'es': '6. Reafirma todas sus resoluciones pertinentes sobre Chipre, en particular la resolución 1251 (1999), de 29 de junio de 1999, y las resoluciones posteriores;',
        'ru': '6. подтверждает все свои соответствующие резолюции по Кипру, в частности резолюцию 1251 (1999) от 29 июня 1999 года и последующие резолюции;',
        'ar': '٦ - يعيد تأكيد جميع قراراته ذات الصلة التي اتخذها بشأن قبرص، وبخاصة القرار 1251 (1999) المؤرخ 29 حزيران/يونيه 1999 وما تلاه من قرارات؛',
        'zh': '6. 重申其关于塞浦路斯的各项相关决议，尤其是1999年6月29日第1251(1999)号决议及其后各项决议；',
    },
}


@pytest.fixture(scope="module")
def rules():
    out = {}
    for lang in LANGS:
        nlp = spacy.blank(lang)
        nlp.add_pipe("unap_entity_rules")
        out[lang] = nlp
    return out


def found(nlp, text: str, year: int = 2015) -> list[tuple[str, str, str]]:
    doc = nlp.get_pipe("unap_entity_rules")(unit_doc(nlp, text, year=year))
    return [(s.label_, s.kb_id_, s.text) for s in doc.spans["entity_rules"]]


def compared(spans) -> collections.Counter:
    return collections.Counter((label, ident) for label, ident, _ in spans
                               if label in ("RESOLUTION", "DATE", "DOCUMENT") or ident in MAIN_BODIES)


@pytest.mark.parametrize("line", sorted(LINES))
def test_aligned_line_same_ids_in_six_languages(rules, line):
    english = compared(found(rules["en"], LINES[line]["en"]))
    assert english, "each chosen line names a resolution, a date or a main body"
    for lang in LANGS[1:]:
        spans = found(rules[lang], LINES[line][lang])
        assert compared(spans) == english, (lang, spans)


def test_resolution_lists_and_organ_between(rules):
    """'резолюции 1267 (1999) и 1989 (2011)', 'القرارين ... و ...', Spanish with the Council between keyword and
    numbers: every number is its own RESOLUTION, the organ stays an ORG."""
    ru = found(rules["ru"], "Комитет, учрежденный резолюциями 1267 (1999) и 1989 (2011)")
    assert [i for label, i, _ in ru if label == "RESOLUTION"] == ["S/RES/1267(1999)", "S/RES/1989(2011)"]
    ar = found(rules["ar"], "اللجنة المنبثقة عن القرارين 1267 (1999) و 1989 (2011)")
    assert [i for label, i, _ in ar if label == "RESOLUTION"] == ["S/RES/1267(1999)", "S/RES/1989(2011)"]
    es = found(rules["es"], "en violación de las resoluciones del Consejo de Seguridad 822 (1993), 853 (1993) "
                            "874 (1993) y 884 (1993).")
    assert [i for label, i, _ in es if label == "RESOLUTION"] == [
        "S/RES/822(1993)", "S/RES/853(1993)", "S/RES/874(1993)", "S/RES/884(1993)"]
    assert ("ORG", "UN Security Council", "Consejo de Seguridad") in es


def test_arabic_sessions_digits_and_proclitics(rules):
    """Arabic writes a General Assembly session as (د-10) and may use Arabic-Indic digits; names carry
    proclitics (للجمعية العامة, وبالأمم المتحدة)."""
    spans = found(rules["ar"], "تقرر، وفقا لأحكام قرارها 973 (د-10) المؤرخ ١٥ كانون الأول/ديسمبر ١٩٥٥، أن تحيل التقرير "
                               "للجمعية العامة وبالأمم المتحدة")
    ids = [(label, i) for label, i, _ in spans]
    assert ("RESOLUTION", "A/RES/973(X)") in ids
    assert ("DATE", "1955-12-15") in ids
    # the span leaves out the proclitic letters (و, ب, and the ل that merges with the article as لل)
    assert ("ORG", "UN General Assembly", "لجمعية العامة") in spans
    assert ("ORG", "United Nations", "الأمم المتحدة") in spans


def test_russian_case_forms_match_one_name(rules):
    forms = ["Генеральная Ассамблея", "Генеральной Ассамблеи", "Генеральной Ассамблее", "Генеральную Ассамблею",
             "Генеральной Ассамблеей"]
    for form in forms:
        assert [(label, i) for label, i, _ in found(rules["ru"], f"Доклад: {form} приняла")] == \
            [("ORG", "UN General Assembly")], form
    # a longer word that merely starts like a name is not that name
    assert found(rules["ru"], "Советник по вопросам безопасности") == []


@pytest.mark.parametrize("form,label,entity", [
    ("Аддис-Абебской программы действий", "TREATY", "Addis Ababa Action Agenda"),  # hyphenated: the last part inflects
    ("Военно-штабного комитета", "ORG", "Military Staff Committee"),
    ("Всемирной программой действий, касающейся молодежи", "TREATY", "World Programme of Action for Youth"),
])
def test_russian_hyphenated_words_and_participles_inflect(rules, form, label, entity):
    assert [(lab, i) for lab, i, _ in found(rules["ru"], f"В соответствии с {form} и")] == [(label, entity)]


@pytest.mark.parametrize("lang,text,name,entity", [
    # UNPC dev-set lines 2933, 1124, 1299, 2429 (documents outside every test split): a later word of a name in
    # the other case, a hyphen lost in conversion
    ("fr", "en association avec l'Organisation mondiale de la santé et le Programme", "Organisation mondiale de la santé",
     "World Health Organization"),
    ("es", "en el ámbito del Convenio internacional para prevenir la contaminación por los buques",
     "Convenio internacional para prevenir la contaminación por los buques",
     "International Convention for the Prevention of Pollution from Ships"),
    ("es", "ONUHábitat continúa impulsando su apoyo", "ONUHábitat", "United Nations Human Settlements Programme"),
    ("ru", "37. ООНХабитат продолжает активно оказывать поддержку", "ООНХабитат",
     "United Nations Human Settlements Programme"),
    ("ru", "в докладе Генеральной ассамблее", "Генеральной ассамблее", "UN General Assembly"),
    ("es", "los enfrentamientos entre miembros de antibalaka y de la ex Séléka", "antibalaka", "Anti-balaka"),
])
def test_names_in_another_case_or_without_their_hyphen(rules, lang, text, name, entity):
    assert (entity, name) in [(i, t) for _, i, t in found(rules[lang], text)]


@pytest.mark.parametrize("lang,text,entity", [
    # names mined from aligned UNPC dev-set lines outside every held-out document (annotations/gazetteer/project.py)
    ("ru", "предложенными странами -- сопредседателями Минской группы и поддержанными", "OSCE Minsk Group"),  # 1720
    ("ar", "التي اقترحتها البلدان المشاركة في رئاسة مجموعة مينسك وأيدها الأمين العام", "OSCE Minsk Group"),
    ("es", "la toma de los medios de comunicación estatales por parte de los huzíes", "Houthis"),  # 1475
    ("fr", "les houthistes auraient occupé le Bureau de la santé publique d'Amran", "Houthis"),  # 401
    ("fr", "le concours que continuent de prêter aux parties le Groupe de mise en œuvre de haut niveau de l'Union "
           "africaine, l'Autorité", "African Union High-level Implementation Panel"),  # 1194
    ("ar", "الذي يقدمه إلى الطرفين فريق الاتحاد الأفريقي الرفيع المستوى المعني بالتنفيذ، والهيئة",
     "African Union High-level Implementation Panel"),
])
def test_mined_names_carry_the_english_id(rules, lang, text, entity):
    assert entity in [i for _, i, _ in found(rules[lang], text)]


@pytest.fixture(scope="module")
def merged():
    """Rules and the entities component (which gives short forms the ids of the document's full names)."""
    out = {}
    for lang in ("fr", "es", "ru", "ar"):
        nlp = spacy.blank(lang)
        nlp.add_pipe("unap_entity_rules")
        nlp.add_pipe("unap_entities", config={"mode": "rules"})
        out[lang] = nlp
    return out


def ents(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.kb_id_) for e in nlp(text).ents if e.label_ == "TREATY"]


@pytest.mark.parametrize("lang,text,short,entity", [
    # UNPC dev-set lines 45 and 2913: the English line resolves its 'the Convention' / 'the Treaty' the same way
    ("fr", "En vertu du principe de l'application directe de la Convention, l'Arménie ne peut pas refuser des "
           "demandes d'extradition fondées sur la Convention contre la corruption au seul motif que",
     "la Convention", "United Nations Convention against Corruption"),
    ("ru", "Австралия выступает за присоединение всех стран региона к Договору о безъядерной зоне южной части "
           "Тихого океана и продолжает призывать Соединенные Штаты Америки ратифицировать протоколы к Договору без "
           "каких-либо оговорок.", "Договору", "Treaty of Rarotonga"),
    ("ar", "تدعو الأطراف في اتفاقية بازل إلى تقديم معلومات عن الصعوبات التي تواجهها في تنفيذ الاتفاقية", "الاتفاقية",
     "Basel Convention"),
])
def test_a_short_title_takes_the_id_of_the_instrument_the_unit_names(merged, lang, text, short, entity):
    assert (short, entity) in ents(merged[lang], text)


def test_a_short_title_alone_or_a_dated_title_keeps_no_borrowed_id(merged):
    assert ents(merged["ar"], "والصعوبات التي تواجهها في تنفيذ الاتفاقية") == [("الاتفاقية", "")]
    # 'Protocole de 1972' names another instrument than the conventions around it (line 2190)
    got = ents(merged["fr"], "la Convention unique sur les stupéfiants de 1961 telle que modifiée par le Protocole "
                             "de 1972")
    assert ("Protocole de 1972", "") in got


def test_a_name_keeps_its_first_letter_and_its_acronyms(rules):
    """Only the later words may change case: 'organisation mondiale' opening a lower-case phrase is no name, nor is
    'Onu' the acronym ONU."""
    assert found(rules["fr"], "une organisation mondiale de la santé publique") == []
    assert [i for _, i, _ in found(rules["fr"], "le programme Onu-Habitat")] == []


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "du 16 au 20 juin 2014", "2014-06-16/2014-06-20"),
    ("fr", "1er janvier 2016", "2016-01-01"),
    ("es", "21 de octubre de 2013", "2013-10-21"),
    ("es", "entre abril y agosto de 2014", "2014-04/2014-08"),
    ("ru", "21 октября 2013 года", "2013-10-21"),
    ("ru", "2014–2015 годы", "2014/2015"),
    ("ru", "к июлю 2015 года", "2015-07"),  # a month in the dative (UNPC dev-set line 1682)
    ("ar", "21 تشرين الأول/أكتوبر 2013", "2013-10-21"),
    ("ar", "٢٠ تشرين الأول/أكتوبر ١٩٧٧", "1977-10-20"),
])
def test_dates_normalize_to_iso(rules, lang, text, expected):
    spans = [(label, i) for label, i, _ in found(rules[lang], text)]
    assert spans == [("DATE", expected)]


def test_documents_inside_cyrillic_and_arabic_text(rules):
    """Document symbols are Latin in every language. (The UNPC development set has its slashes stripped, so
    these sentences are written for the test in the way the official texts cite symbols.)"""
    ru = found(rules["ru"], "доклад Генерального секретаря (S/2014/919) и письмо (A/69/L.1/Rev.1).")
    assert [(label, i) for label, i, _ in ru if label == "DOCUMENT"] == [
        ("DOCUMENT", "S/2014/919"), ("DOCUMENT", "A/69/L.1/Rev.1")]
    ar = found(rules["ar"], "تقرير الأمين العام S/2014/919، والوثيقةE/CN.7/2015/14.")
    assert [(label, i) for label, i, _ in ar if label == "DOCUMENT"] == [
        ("DOCUMENT", "S/2014/919"), ("DOCUMENT", "E/CN.7/2015/14")]


def test_unknown_words_are_no_dates():
    assert date_id("lundi", "fr") is None
    assert words("en") is None and words("zh") is None, "English and Chinese keep their own patterns"


def test_bodies_named_without_their_owner(rules):
    """A treaty's Conference of the Parties, a Russian convention 'секретариат', the Arabic 'الأمانة' are ORG with no
    id of their own (lines of train documents). The parties of a Treaty (the NPT) meet as a review conference, an
    event: only the Treaty is named."""
    fr = found(rules["fr"], "décisions adoptées à chaque réunion de la Conférence des Parties, en particulier")
    assert ("ORG", "", "Conférence des Parties") in fr
    npt = found(rules["fr"], "La Conférence des Parties au Traité sur la non-prolifération des armes nucléaires,")
    assert [label for label, _, _ in npt] == ["TREATY"], npt
    es = found(rules["es"], "que la Conferencia de las Partes los examine")
    assert es == [("ORG", "", "Conferencia de las Partes")]
    assert ("ORG", "", "секретариатом") in found(rules["ru"], "расширять сотрудничество с секретариатом Конвенции")
    ar = found(rules["ar"], "يطلب إلى الأمانة أن تواصل تقديم تقرير إلى الأمانة العامة و لمؤتمر الأطراف")
    assert ("ORG", "", "الأمانة") in ar and ("ORG", "UN Secretariat", "الأمانة العامة") in ar
    assert ("ORG", "", "مؤتمر الأطراف") in ar, "the proclitic ل stays outside the span"


@pytest.mark.parametrize("lang,text", [
    ("fr", "la Conférence des États parties à la Convention des Nations Unies contre la corruption a"),
    ("es", "la Conferencia de los Estados Partes en la Convención de las Naciones Unidas contra la Corrupción"),
    ("ru", "Конференции государств-участников Конвенции Организации Объединенных Наций против коррупции"),
    ("ar", "لمؤتمر الدول الأطراف في اتفاقية الأمم المتحدة لمكافحة الفساد"),
])
def test_a_conference_of_states_parties_is_one_org_with_the_english_id(rules, lang, text):
    """'Conference of the States Parties to <treaty>' (UNCAC's governing body, a dev line) is one ORG, as in English,
    not the treaty alone."""
    assert [(label, i) for label, i, _ in found(rules[lang], text)] == [
        ("ORG", "Conference of the States Parties to the United Nations Convention against Corruption")]


@pytest.mark.parametrize("lang,text,span", [
    ("fr", "en vertu de l'article III du Traité, en ce qui concerne", "Traité"),
    ("es", "de conformidad con el artículo IV del Tratado.", "Tratado"),
    ("ru", "в соответствии со статьей IV Договора.", "Договора"),
    ("ar", "المجرَّمة وفقاً للاتفاقية عندما يكون", "لاتفاقية"),
    ("fr", "au Tableau II de la Convention de 1971, notant", "Convention de 1971"),
    ("es", "en la Lista II del Convenio de 1971, e hizo notar", "Convenio de 1971"),
    ("ru", "в Список II Конвенции 1971 года, отметив", "Конвенции 1971 года"),
    ("ru", "улучшению взаимоотношений между Конвенцией и ЮНЕП при", "Конвенцией"),
    # a stored pair of instruments with the article running text puts after 'and'
    ("fr", "Nous saluons la Déclaration et le Programme d'action de Beijing, en particulier",
     "Déclaration et le Programme d'action de Beijing"),
    ("es", "Aplaudimos la Declaración y la Plataforma de Acción de Beijing, especialmente",
     "Declaración y la Plataforma de Acción de Beijing"),
    ("ru", "в статье III Договора обязательство проверять", "Договора"),
])
def test_short_and_dated_titles(rules, lang, text, span):
    """An instrument named by its head word after a contracted article or a number, or by its head and year,
    is one TREATY span; proclitics and contracted articles stay outside (the gold's boundaries)."""
    assert [t for label, _, t in found(rules[lang], text) if label in ("TREATY", "DATE")] == [span]


@pytest.mark.parametrize("lang,text,names", [
    # a head with an adjective or complements is a name; lower-case French complements, Spanish title case
    ("fr", "En 2014, le Bureau de la déontologie a procédé à la huitième collecte", ["Bureau de la déontologie"]),
    ("fr", "Le Comité spécial a examiné la question", ["Comité spécial"]),
    ("fr", "Réunions consécutives du Comité d'étude des produits chimiques et du Comité d'étude des polluants "
           "organiques persistants", ["Comité d'étude des produits chimiques",
                                      "Comité d'étude des polluants organiques persistants"]),
    ("fr", "prorogé le mandat du Groupe de contrôle pour la Somalie et l'Érythrée.",
     ["Groupe de contrôle pour la Somalie et l'Érythrée"]),
    ("es", "al presupuesto ordinario y al Fondo de Cooperación Técnica en su totalidad",
     ["Fondo de Cooperación Técnica"]),
    ("es", "Reuniones consecutivas del Comité de Examen de Productos Químicos y el Comité de Examen de los "
           "Contaminantes Orgánicos Persistentes", ["Comité de Examen de Productos Químicos",
                                                    "Comité de Examen de los Contaminantes Orgánicos Persistentes"]),
    # a head alone refers back, a verb or a pronoun after it is no part of a name
    ("fr", "Le Comité demande à l'État partie", []),
    ("fr", "Prie la Commission de lui rendre compte", []),
    ("es", "El Comité examinó la cuestión", []),
    ("fr", "notamment ONU-Eau et ONU-SPIDER", ["ONU-Eau"]),  # a compound is no mention of the ONU
    # 'of <another body>' starts that body's name ('the Bureau of the Commission ...')
    ("fr", "Rapport du Bureau de la Commission de la population et du développement sur ses réunions",
     ["Commission de la population et du développement"]),
    ("es", "Misión del Consejo de Seguridad a África", ["Consejo de Seguridad"]),
    # Russian: a capitalized adjective before a lower-case head, or a capitalized head, with genitive complements
    ("ru", "1. Специальный комитет рассматривал вопрос", ["Специальный комитет"]),
    ("ru", "41. В 2014 году Бюро по вопросам этики провело восьмой", ["Бюро по вопросам этики"]),
    ("ru", "и в Фонд технического сотрудничества.", ["Фонд технического сотрудничества"]),
    ("ru", "просит Группу экспертов выполнить свой мандат", ["Группу экспертов"]),
    ("ru", "Поскольку Комитет является единственным органом", []),
    # Arabic: an indefinite head in a construct with definite nouns, or with the United Nations and its complement;
    # proclitics stay outside
    ("ar", "7 - يطلب إلى فريق الخبراء أن يضطلع بالولاية", ["فريق الخبراء"]),
    ("ar", "عقد اجتماعات متعاقبة للجنة استعراض المواد الكيميائية ولجنة استعراض الملوثات العضوية الثابتة",
     ["لجنة استعراض المواد الكيميائية", "لجنة استعراض الملوثات العضوية الثابتة"]),
    ("ar", "وصندوق الأمم المتحدة للسكان وهيئة الأمم المتحدة للمرأة واليونيسيف",
     ["صندوق الأمم المتحدة للسكان", "هيئة الأمم المتحدة للمرأة", "اليونيسيف"]),
    ("ar", "١ - نظرت اللجنة الخاصة في مسألة تنفيذ أحكام ميثاق", ["اللجنة الخاصة"]),  # special, sub-, standing ...
    ("ar", "وفي الجلستين الأولى والثالثة للفريق العامل الجامع.", ["لفريق العامل الجامع"]),
    ("ar", "وقرر فيه تمديد ولاية فريق الرصد المعني بالصومال وإريتريا لمدة 13 شهرا",
     ["فريق الرصد المعني بالصومال وإريتريا"]),
])
def test_names_by_their_shape(lang, text, names):
    """With `shape_names` on (off by default), bodies no list holds are found by the shape of their names (lines
    of train documents)."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("unap_entity_rules", config={"shape_names": True})
    assert [t for label, _, t in found(nlp, text) if label == "ORG"] == names


def test_every_id_has_an_english_name():
    """One entity, one id in every language: an id a French, Russian or Chinese row gives must be found in English
    too. Session 10 found 95 ids with rows in other languages and none in English (English gave 'Marine Environment
    Protection Committee of IMO' its own words as id, cut 'Programme and Budget Committee' to 'Budget Committee');
    each now has its English name as a row."""
    from pipeline.entities.gazetteer import Gazetteer

    langs = collections.defaultdict(set)
    for r in Gazetteer.load().rows:
        langs[(r["label"], r["id"])].add(r["lang"])
    assert sorted(k for k, v in langs.items() if "en" not in v) == []
