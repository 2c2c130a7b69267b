"""Arabic entity shapes written in pipeline/lexicons/entities.ar.json and names in annotations/gazetteer/names.ar.tsv
(session 9): bodies named without their parent, UN names with a form of their own, resolution keywords drawn out
with tatweel, an organ between keyword and number, and dates written in English inside an Arabic document; and
(session 10) year ranges with the year word repeated, groups named alone, sanctions committees.

The lines are real (or cut from real) lines of the UNPC v1.0 development set outside every held-out document.
"""
import re

import pytest

from .conftest import rule_spans


def found(text: str) -> list[tuple[str, str, str]]:
    return rule_spans("ar", text)


@pytest.mark.parametrize("text,span", [
    # GUIDELINES 'Bodies named without their parent': a multi-word name used alone is ORG, with no id of its own
    ("وقررت اللجنة التحضيرية في جلستها الأولى أن", "اللجنة التحضيرية"),
    ("لكي ينظر فيها المجلس التنفيذي ويبت بشأنها", "المجلس التنفيذي"),
    ("ووافق مجلس الإدارة أيضا على طلب العراق", "مجلس الإدارة"),
    ("وقد نظرت في توصية اللجنة الفنية في اجتماعها السابع", "اللجنة الفنية"),
    ("عقدت اللجنة التنفيذية ثلاثة اجتماعات", "اللجنة التنفيذية"),
    ("وقدمت اللجنة الفرعية التقنية تقريرها", "اللجنة الفرعية التقنية"),
])
def test_bodies_named_alone(text, span):
    assert ("ORG", span, "") in found(text)


@pytest.mark.parametrize("text", [
    # the parent's name follows: the body is the whole name, not its head (no partial span)
    "طلب المجلس التنفيذي لليونيسيف من المدير",
    "اللجنة التحضيرية لمنظمة معاهدة الحظر الشامل",
    "مجلس الإدارة المركزي التابع للحزب",
    "وأكدت اللجنة الفرعية العلمية والتقنية على",
])
def test_bodies_with_their_parent_are_not_cut(text):
    heads = ("المجلس التنفيذي", "اللجنة التحضيرية", "مجلس الإدارة", "اللجنة الفرعية")
    assert not [s for s in found(text) if s[1] in heads]


@pytest.mark.parametrize("text,label,span,ident", [
    ("مقترح حركة بلدان عدم الانحياز بشأن تسوية المنازعات", "ORG", "حركة بلدان عدم الانحياز", "Non-Aligned Movement"),
    ("ويعكس الإطار الاستراتيجي لبرنامج متطوعي الأمم المتحدة للفترة 2014-2017", "ORG",
     "برنامج متطوعي الأمم المتحدة", "United Nations Volunteers"),
    ("منذ اعتماد برنامج العمل للمؤتمر الدولي للسكان والتنمية تحققت", "TREATY",
     "برنامج العمل للمؤتمر الدولي للسكان والتنمية",
     "Programme of Action of the International Conference on Population and Development"),
    ("انتهاكا لاتفاق فض الاشتباك بين القوات.", "TREATY", "اتفاق فض الاشتباك بين القوات",
     "Agreement on Disengagement between Israeli and Syrian Forces"),
    ("وقد تضمن اتفاق وقف الأعمال العدائية الموقع في برازافيل", "TREATY", "اتفاق وقف الأعمال العدائية",
     "Agreement on the Cessation of Hostilities"),
    ("في الأموال التي أودعتها في صندوق التعويضات منذ", "ORG", "صندوق التعويضات", "United Nations Compensation Fund"),
    ("وأكدت اللجنة الفرعية العلمية والتقنية على", "ORG", "اللجنة الفرعية العلمية والتقنية",
     "Scientific and Technical Subcommittee of the Committee on the Peaceful Uses of Outer Space"),
])
def test_names(text, label, span, ident):
    assert (label, span, ident) in found(text)


@pytest.mark.parametrize("text,span,ident", [
    # tatweel inside the keyword (UNPC line 2115)
    ("وفقــاً لقــرار المجلس الاقتصادي والاجتماعي 1894 (د-57).", "1894 (د-57)", "A/RES/1894(LVII)"),
    # a regional commission between keyword and number: the number alone, the commission its own ORG
    ("يحيط علما بقرار اللجنة الاقتصادية لأمريكا اللاتينية ومنطقة البحر الكاريبي 689 (د-35) المؤرخ 9 أيار/مايو 2014",
     "689 (د-35)", "A/RES/689(XXXV)"),
])
def test_resolution_forms(text, span, ident):
    spans = found(text)
    assert ("RESOLUTION", span, ident) in spans
    assert not [s for s in spans if s[0] == "DATE" and s[1] in span]


def test_english_date_in_an_arabic_document():
    assert ("DATE", "6 February 2015", "2015-02-06") in found("6 February 2015")


@pytest.mark.parametrize("text,span", [
    # 'the Optional Protocol', 'the Additional Protocol' as short titles (UNPC lines 1490, 1385), as in English
    ("توصي اللجنة الدولة الطرف بأن تجعل الاتفاقية والبروتوكول الاختياري وتوصيات اللجنة", "البروتوكول الاختياري"),
    ("جميع الدول التي لم توقع أو تصدق بعد على البروتوكول الإضافي إلى أن تبادر", "البروتوكول الإضافي"),
])
def test_protocol_short_titles(text, span):
    assert ("TREATY", span) in [(label, t) for label, t, _ in found(text)]


def test_protocol_with_its_convention_is_the_full_name():
    text = "وصدقت على البروتوكول الاختياري لاتفاقية حقوق الطفل بشأن اشتراك الأطفال في المنازعات المسلحة"
    assert [s for s in found(text) if s[0] == "TREATY"] == [
        ("TREATY", "البروتوكول الاختياري لاتفاقية حقوق الطفل بشأن اشتراك الأطفال في المنازعات المسلحة",
         "Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict")]


@pytest.mark.parametrize("text,span,ident", [
    # a convention's secretariat is one ORG (GUIDELINES 'Secretariats'), with the ids the French names file uses
    ("وتعاونت أمانة اتفاقيات بازل وروتردام واستكهولم مع", "أمانة اتفاقيات بازل وروتردام واستكهولم",
     "Secretariat of the Basel, Rotterdam and Stockholm Conventions"),
    ("وفروع أمانة اتفاقية روتردام", "أمانة اتفاقية روتردام", "Secretariat of the Rotterdam Convention"),
    ("وإذ يؤكد من جديد استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب",
     "استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب", "United Nations Global Counter-Terrorism Strategy"),
])
def test_secretariats_and_strategies(text, span, ident):
    spans = found(text)
    assert (span, ident) in [(t, i) for _, t, i in spans]
    assert len([s for s in spans if s[0] in ("ORG", "TREATY")]) == 1  # no TREATY inside the secretariat



def test_panel_with_its_country():
    text = "ويحث جميع الأطراف على التعاون مع فريق الخبراء المعني بالسودان"
    assert ("ORG", "فريق الخبراء المعني بالسودان", "Panel of Experts on the Sudan") in found(text)


def test_secretariat_functions_are_no_body():
    # GUIDELINES / consistency.tsv: 'وظائف الأمانة' (secretariat functions) is no body; 'الأمانة' acting is
    spans = found("بأداء وظائف الأمانة لاتفاقية روتردام، وقدمت الأمانة تقريرا")
    assert [(label, t) for label, t, _ in spans if label == "ORG"] == [("ORG", "الأمانة")]


def test_a_named_charter_is_not_the_charter():
    spans = found("مؤهلة لأن تكون مستخدماً مصرحاً له بمقتضى الميثاق الدولي بشأن الفضاء والكوارث الكبرى في إطار")
    assert [(t, i) for label, t, i in spans if label == "TREATY"] == [
        ("الميثاق الدولي بشأن الفضاء والكوارث الكبرى", "International Charter on Space and Major Disasters")]


# session 10 ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,ident", [
    # 'from 2006 to 2013' with the year word repeated (UNPC: DP/2015/23, NPT/CONF.2015/WP.14): one range, as the
    # English line writes it ('2006 to 2013', '2025-2030'); 'من عام' stays outside like 'from'
    ("عدد مقدمي الإقرارات السنوية في إطار سياسة الإقرار المالي من عام 2006 إلى عام 2013", "2006 إلى عام 2013",
     "2006/2013"),
    ("المرحلة الثالثة: من عام 2025 إلى عام 2030", "2025 إلى عام 2030", "2025/2030"),
    ("في الفترة من سنة 2010 إلى سنة 2012", "2010 إلى سنة 2012", "2010/2012"),
    ("من عام 2016 إلى 2030", "2016 إلى 2030", "2016/2030"),
])
def test_year_ranges_with_the_year_word(text, span, ident):
    assert [s for s in found(text) if s[0] == "DATE"] == [("DATE", span, ident)]


@pytest.mark.parametrize("text", [
    # a share that moves between two years is no range ('بين عامي 2005 و 2009' is one DATE since session 12, as the
    # English line 'between 2005 and 2009' and GUIDELINES 'entre abril y agosto de 2014': test_year_pair_after_between)
    "ارتفع من 5 في المائة في عام 2006 إلى 7 في المائة في عام 2013",
])
def test_two_years_that_are_no_range(text):
    assert [s for s in found(text) if s[0] == "DATE"] == [("DATE", y, y) for y in re.findall(r"\d{4}", text)]


@pytest.mark.parametrize("text,span", [
    # GUIDELINES 'Bodies named without their parent': Arabic has no case, the name stands for one body (A/69/713,
    # E/RES/2014/37, A/AC.182/2015/L.7: 'Advisory Group', 'Working Group' on the English line)
    ("٤ - وفي أعقاب هذه المناقشات، يود الفريق الاستشاري إبداء الملاحظات والتوصيات التالية:", "الفريق الاستشاري"),
    ("وفي الجلسة الأولى التي عقدها الفريق العامل، أكدت الأمانة العامة", "الفريق العامل"),
    ("ووفرت شعبة التدوين الخدمات الفنية للجنة الخاصة وللفريق العامل.", "لفريق العامل"),
])
def test_groups_named_alone(text, span):
    assert ("ORG", span, "") in found(text)


@pytest.mark.parametrize("text", [
    # the name goes on (an adjective, whose body it is): no cut head
    "ووافق الفريق العامل المفتوح العضوية على",
    "والفريق العامل التابع للجنة",
    "الفريق الاستشاري للصندوق",
    "الفريق العامل الحكومي الدولي",
])
def test_groups_with_more_name_are_not_cut(text):
    assert not [s for s in found(text) if s[1].endswith(("الفريق العامل", "الفريق الاستشاري", "لفريق العامل"))]


@pytest.mark.parametrize("text,span,ident", [
    # sanctions committees: one ORG, no RESOLUTION or 'مجلس الأمن' inside (gold: train unpc lines, the 2127 one)
    ("بعد التشاور مع لجنة مجلس الأمن المنشأة عملا بالقرار 2127 (2013) بشأن جمهورية أفريقيا الوسطى، بتعيين",
     "لجنة مجلس الأمن المنشأة عملا بالقرار 2127 (2013) بشأن جمهورية أفريقيا الوسطى",
     "Security Council Committee established pursuant to resolution 2127 (2013) concerning the Central African Republic"),
    ("لجنة مجلس الأمن المنشأة عملا بالقرار 2048 (2012) بشأن غينيا - بيساو",
     "لجنة مجلس الأمن المنشأة عملا بالقرار 2048 (2012) بشأن غينيا - بيساو",
     "Security Council Committee established pursuant to resolution 2048 (2012) concerning Guinea-Bissau"),
    ("إلى لجنة مجلس الأمن المنشأة عملاً بالقرار 1737 (2006)", "لجنة مجلس الأمن المنشأة عملاً بالقرار 1737 (2006)",
     "Security Council Committee established pursuant to resolution 1737 (2006)"),
    ("كما نظر فيها الفريقُ العامل الجامع في جلسته الثالثة", "الفريقُ العامل الجامع", "Working Group of the Whole"),
])
def test_committee_names(text, span, ident):
    spans = found(text)
    assert ("ORG", span, ident) in spans
    assert len(spans) == 1


def test_rwanda_tribunal_formal_title_is_not_the_icc():
    # the formal title of the ICTR (financing items of the General Assembly) opens with the ICC's Arabic name
    text = ("16 - المحكمة الجنائية الدولية لمحاكمة الأشخاص المسؤولين عن أعمال الإبادة الجماعية وغير ذلك من الانتهاكات"
            " الجسيمة للقانون الإنساني الدولي المرتكبة في إقليم رواندا والمواطنين الروانديين المسؤولين عن أعمال الإبادة"
            " الجماعية وغيرها من الانتهاكات المماثلة في أراضي الدول المجاورة بين 1 كانون الثاني/يناير 1994")
    orgs = [(t, i) for label, t, i in found(text) if label == "ORG"]
    assert orgs == [(text[5:text.index(" بين 1")], "International Criminal Tribunal for Rwanda")]


@pytest.mark.parametrize("text,dates", [
    # a glued 'و' (and) before a year or a month stays outside the span (date_proclitic): the train gold has all
    # three years of 'للأعوام 2011 و2012 و2013'; before, the second and third were missed and 'وأيار/مايو 2013'
    # gave the partial 'مايو 2013'
    ("للأعوام 2011 و2012 و2013", [("2011", "2011"), ("2012", "2012"), ("2013", "2013")]),
    ("في عامي 2013 و2014", [("2013", "2013"), ("2014", "2014")]),
    ("في نيسان/أبريل وأيار/مايو 2013", [("أيار/مايو 2013", "2013-05")]),
])
def test_a_glued_and_before_a_date_stays_outside_it(text, dates):
    assert [(t, i) for lb, t, i in found(text) if lb == "DATE"][-len(dates):] == dates


@pytest.mark.parametrize("text,span,ident", [
    # aligned UNPC lines (open set) where the English pipeline finds the id and Arabic found none (session 10)
    ("واليمن، ونبلغكم بإنشاء مجموعة أصدقاء الأسرة.", "مجموعة أصدقاء الأسرة", "Group of Friends of the Family"),  # 2593
    ("(ب) أنماط الإنتاج والاستهلاك والاتجاهات: فريق التكنولوجيا والتقييم الاقتصادي.",
     "فريق التكنولوجيا والتقييم الاقتصادي", "Technology and Economic Assessment Panel"),  # 1518
    ("دون صدور توصيات محددة بذلك من لجنة المقر للعقود.", "لجنة المقر للعقود", "Headquarters Committee on Contracts"),
    ("(برنامج الأمم المتحدة المشترك الذي ترعاه عدة جهات والمعني بفيروس نقص المناعة البشرية/الإيدز، 2014)",
     "برنامج الأمم المتحدة المشترك الذي ترعاه عدة جهات والمعني بفيروس نقص المناعة البشرية/الإيدز",
     "Joint United Nations Programme on HIV/AIDS"),  # 1529
    # 2845: the South Pacific Forum of 1985 (renamed Pacific Islands Forum in 2000) keeps its own id, as in fr/es/ru
    ("في الاجتماع السادس عشر لمنتدى جنوب المحيط الهادئ، المعقود في راروتونغا، في آب/أغسطس 1985.",
     "منتدى جنوب المحيط الهادئ", "South Pacific Forum"),
])
def test_names_the_english_side_finds(text, span, ident):
    assert ("ORG", span, ident) in found(text)


def test_habitat_with_an_ordinal_is_the_conference():
    """'الموئل' (learned from the gold as UN-Habitat) followed by an ordinal is Habitat II / III, a conference and so an
    event (GUIDELINES); UN-Habitat named alone is still found (event_after in entities.ar.json)."""
    from pipeline import models
    from pipeline.evaluation import run

    nlp = models.load(models.resolve(None, "ar"))
    units = [{"id": f"u{i}", "text": t, "lang": "ar"} for i, t in enumerate([
        "وسيكون الموئل الثالث فرصة فريدة", "التحضيرات لموئل الأمم المتحدة الثالث",
        "وأنشأ الموئل وحدة منفصلة للتقييم"])]
    ids = [[e.get("id") for e in p["entities"] if e["label"] == "ORG"] for p in run.predict(nlp, units)]
    assert ids[0] == [] and ids[1] == []
    assert "United Nations Human Settlements Programme" in ids[2]


# session 12: 'بين عامي 2005 و 2009' is one DATE, as English 'between 2005 and 2009' (the opener outside); years
# joined by و without the opener stay two dates; official names the English pipeline ids (UNPC open lines)
@pytest.mark.parametrize("text,span,ident", [
    ("ففي الفترة ما بين عامي 2005 و 2009، انخفض المؤشران", "2005 و 2009", "2005/2009"),
    ("شهد بين عامي 2011 و2012 تدنّياً ملحوظاً", "2011 و2012", "2011/2012"),
    ("في الفترة بين 2009 و 2012", "2009 و 2012", "2009/2012"),
])
def test_year_pair_after_between(text, span, ident):
    assert ("DATE", span, ident) in found(text)


@pytest.mark.parametrize("text", ["ومنحة دراسية واحدة في عامي 2007 و 2008", "في الأعوام 2003 و 2004 و 2005"])
def test_years_joined_without_between_stay_apart(text):
    assert [s for s in found(text) if s[0] == "DATE"] == [("DATE", y, y) for y in re.findall(r"\d{4}", text)]


@pytest.mark.parametrize("text,label,span,ident", [
    ("وأوصت بإدراج المادة في الجدول الأول من اتفاقية سنة 1971.", "TREATY", "اتفاقية سنة 1971",
     "Convention on Psychotropic Substances"),
    ("الخاضعة للمراقبة بموجب اتفاقية سنة 1988", "TREATY", "اتفاقية سنة 1988",
     "United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances"),
])
def test_session12_names(text, label, span, ident):
    assert (label, span, ident) in found(text)


@pytest.mark.parametrize("text,label,span,ident", [
    # the English id of the body (the parties rule alone would build '... on Persistent Organic Pollutants')
    ("مؤتمر الأطراف في اتفاقية استكهولم للملوثات العضوية الثابتة", "ORG",
     "مؤتمر الأطراف في اتفاقية استكهولم للملوثات العضوية الثابتة", "Conference of the Parties to the Stockholm Convention"),
    ("إن مؤتمر الأطراف في اتفاقية استكهولم بشأن الملوِّثات العضوية الثابتة والمدير التنفيذي", "ORG",
     "مؤتمر الأطراف في اتفاقية استكهولم بشأن الملوِّثات العضوية الثابتة",
     "Conference of the Parties to the Stockholm Convention"),
    ("ونتائج مؤتمر الحوار الوطني الشامل، واتفاق السلم والشراكة الوطنية، ووفقا", "TREATY",
     "اتفاق السلم والشراكة الوطنية", "Peace and National Partnership Agreement"),
])
def test_session12_bodies_and_agreements(text, label, span, ident):
    assert (label, span, ident) in found(text)


@pytest.mark.parametrize("text,span", [
    # 'للجنة' is ل + اللجنة: the first ل outside, the text's own letters inside (GUIDELINES, Arabic)
    ("ووفرت شعبة التدوين الخدمات الفنية للجنة الخاصة وللفريق العامل.", "لجنة الخاصة"),
    ("الذي تكلم في دورة اللجنة الخاصة التي عقدت في حزيران/يونيه", "اللجنة الخاصة"),
    ("وقدم تقريرا إلى للجنة التحضيرية في دورتها الثالثة", "لجنة التحضيرية"),
])
def test_bodies_named_alone_after_li(text, span):
    assert ("ORG", span, "") in found(text)


@pytest.mark.parametrize("text", [
    "تقرير اللجنة الخاصة لعمليات حفظ السلام",  # the name goes on: no cut head
    "اللجنة الخاصة بالتحقيق في الأحداث",
    "على إعلان مؤتمر الأطراف المتعاقدة السامية في اتفاقية جنيف الرابعة",  # not the Conference of the Parties
])
def test_no_cut_heads_session12(text):
    assert not [s for s in found(text) if s[1] in ("اللجنة الخاصة", "مؤتمر الأطراف")]


@pytest.mark.parametrize("text, span, ident", [
    # ل + اللجنة is written للجنة (alif and the article's lam both go): the span leaves out the first ل only
    ("أحالت المسألة للجنة الثانية.", "لجنة الثانية", "UN General Assembly Second Committee"),
    ("وقدمت الدعم وللجنة الدولية للصليب الأحمر.", "لجنة الدولية للصليب الأحمر", "International Committee of the Red Cross"),
    ("وللجمعية العامة أن تقرر.", "لجمعية العامة", "UN General Assembly"),  # لل + a name without الل: as before
])
def test_names_that_start_with_al_lam_after_the_proclitic_lam(text, span, ident):
    assert ("ORG", span, ident) in found(text)
