"""Header metadata in French, Spanish, Russian and Arabic: the same meta as the English header of the same document.

Two kinds of fixture: aligned header lines of the UNPC v1.0 dev set (the same line of one document in five languages,
copied here), and the header and closing lines of two resolutions written in each language's official form with the
values of the published documents (A/RES/79/138: its Chinese original is tests/fixtures/A_RES_79_138.zh.txt;
S/RES/2209 (2015): examples/languages/)."""
import pytest

from pipeline.structure.header import number_value, read_header
from pipeline.structure.parse import parse_document

LANGS = ("fr", "es", "ru", "ar")

# (en, fr, es, ru, ar): UNPC v1.0 dev set lines 1, 136, 467, 147, 390, 511, 1541, 2677
ALIGNED = [
    ("Sixty-ninth session", "Soixante-neuvième session", "Sexagésimo noveno período de sesiones",
     "Шестьдесят девятая сессия", "الدورة التاسعة والستون"),
    ("Fifty-ninth session", "Cinquante-neuvième session", "59º período de sesiones", "Пятьдесят девятая сессия",
     "الدورة التاسعة والخمسون"),
    ("Tenth emergency special session", "Dixième session extraordinaire d'urgence",
     "Décimo período extraordinario de sesiones de emergencia", "Десятая чрезвычайная специальная сессия",
     "الدورة الاستثنائية الطارئة العاشرة"),
    ("Agenda item 113 (b)", "Point 113 b) de l'ordre du jour", "Tema 113 b) del programa", "Пункт 113(b) повестки дня",
     "البند 113 (ب) من جدول الأعمال"),
    ("Agenda items 132 and 17 (c)", "Points 132 et 17 c) de l'ordre du jour", "Temas 132 y 17 c) del programa",
     "Пункты 132 и 17(c) повестки дня", "البندان 132 و 17 (ج) من جدول الأعمال"),
    # the Russian sub-item letter is a Cyrillic 'а'
    ("Agenda items 13 (a) and 115", "Points 13 a) et 115 de l'ordre du jour", "Temas 13 a) y 115 del programa",
     "Пункты 13(а) и 115 повестки дня", "البندان 13 (أ) و 115 من جدول الأعمال"),
    ("Agenda item 7 (b)", "Point 7 b) de l'ordre du jour", "Tema 7 b) del programa", "Пункт 7(b) повестки дня",
     "البند 7 (ب) من جدول الأعمال"),
    ("Agenda items 33 and 38", "Points 33 et 38 de l'ordre du jour", "Temas 33 y 38 del programa",
     "Пункты 33 и 38 повестки дня", "البندان 33 و 38 من جدول الأعمال"),
]


@pytest.mark.parametrize("lines", ALIGNED, ids=[row[0] for row in ALIGNED])
def test_aligned_header_lines_read_as_the_english_line(lines):
    english = read_header([lines[0]], "en", {}, "")
    assert english  # the English reader knows the line
    for lang, line in zip(LANGS, lines[1:]):
        assert read_header([line], lang, {}, "") == english, (lang, line)


GA_79_138 = {
    "en": ["Seventy-ninth session", "Agenda item 72 (a)",
           "Resolution adopted by the General Assembly on 9 December 2024",
           "[without reference to a Main Committee (A/79/L.32)]",
           "79/138. Safety and security of humanitarian personnel and protection of United Nations personnel",
           "The General Assembly,",
           "1. Requests the Secretary-General to submit to the General Assembly at its eightieth session a report;",
           "50th plenary meeting", "9 December 2024"],
    "fr": ["Soixante-dix-neuvième session", "Point 72 a) de l'ordre du jour",
           "Résolution adoptée par l'Assemblée générale le 9 décembre 2024",
           "[sans renvoi à une grande commission (A/79/L.32)]",
           "79/138. Sûreté et sécurité du personnel humanitaire et protection du personnel des Nations Unies",
           "L'Assemblée générale,",
           "1. Prie le Secrétaire général de lui présenter à sa quatre-vingtième session un rapport ;",
           "50e séance plénière", "9 décembre 2024"],
    "es": ["Septuagésimo noveno período de sesiones", "Tema 72 a) del programa",
           "Resolución aprobada por la Asamblea General el 9 de diciembre de 2024",
           "[sin remisión previa a una Comisión Principal (A/79/L.32)]",
           "79/138. Seguridad del personal de asistencia humanitaria y protección del personal de las Naciones Unidas",
           "La Asamblea General,",
           "1. Solicita al Secretario General que le presente en su octogésimo período de sesiones un informe;",
           "50ª sesión plenaria", "9 de diciembre de 2024"],
    "ru": ["Семьдесят девятая сессия", "Пункт 72(a) повестки дня",
           "Резолюция, принятая Генеральной Ассамблеей 9 декабря 2024 года",
           "[без передачи в главный комитет (A/79/L.32)]",
           "79/138. Охрана и безопасность гуманитарного персонала и защита персонала Организации Объединенных Наций",
           "Генеральная Ассамблея,",
           "1. просит Генерального секретаря представить Генеральной Ассамблее на ее восьмидесятой сессии доклад;",
           "50-е пленарное заседание", "9 декабря 2024 года"],
    "ar": ["الدورة التاسعة والسبعون", "البند 72 (أ) من جدول الأعمال",
           "قرار اتخذته الجمعية العامة في 9 كانون الأول/ديسمبر 2024",
           "[دون إحالة إلى لجنة رئيسية (A/79/L.32)]",
           "79/138 - سلامة وأمن موظفي المساعدة الإنسانية وحماية موظفي الأمم المتحدة",
           "إن الجمعية العامة،",
           "1 - تطلب إلى الأمين العام أن يقدم إليها في دورتها الثمانين تقريرا؛",
           "الجلسة العامة 50", "9 كانون الأول/ديسمبر 2024"],
}
SC_2209 = {
    "en": ["Resolution 2209 (2015)", "Adopted by the Security Council at its 7401st meeting, on 6 March 2015"],
    "fr": ["Résolution 2209 (2015)", "Adoptée par le Conseil de sécurité à sa 7401e séance, le 6 mars 2015"],
    "es": ["Resolución 2209 (2015)",
           "Aprobada por el Consejo de Seguridad en su 7401ª sesión, celebrada el 6 de marzo de 2015"],
    "ru": ["Резолюция 2209 (2015),", "принятая Советом Безопасности на его 7401-м заседании 6 марта 2015 года"],
    "ar": ["القرار 2209 (2015)", "الذي اتخذه مجلس الأمن في جلسته 7401 المعقودة في 6 آذار/مارس 2015"],
}
FORMULA = {"en": "The Security Council,", "fr": "Le Conseil de sécurité,", "es": "El Consejo de Seguridad,",
           "ru": "Совет Безопасности,", "ar": "إن مجلس الأمن،"}
BODY = {"en": "1. Decides to remain seized of the matter.", "fr": "1. Décide de rester saisi de la question.",
        "es": "1. Decide seguir ocupándose de la cuestión.", "ru": "1. постановляет продолжать заниматься этим вопросом.",
        "ar": "1 - يقرر أن يبقي المسألة قيد نظره."}
SAME_IN_EVERY_LANGUAGE = ("symbol", "number", "organ", "session", "agenda_item", "adoption_date", "draft_symbol",
                          "meeting")


def meta(lines: list[str], lang: str) -> dict:
    header = parse_document("\n\n".join(lines) + "\n", lang=lang).header
    return {k: v for k, v in header.items() if k in SAME_IN_EVERY_LANGUAGE}


@pytest.mark.parametrize("lang", LANGS)
def test_general_assembly_header_gives_the_english_meta(lang):
    english = meta(GA_79_138["en"], "en")
    assert english == {"symbol": "A/RES/79/138", "number": "79/138", "organ": "General Assembly", "session": 79,
                       "agenda_item": "72 (a)", "adoption_date": "2024-12-09", "draft_symbol": "A/79/L.32",
                       "meeting": 50}
    assert meta(GA_79_138[lang], lang) == english


@pytest.mark.parametrize("lang", LANGS)
def test_security_council_header_gives_the_english_meta_and_its_meeting(lang):
    english = meta(SC_2209["en"] + [FORMULA["en"], BODY["en"]], "en")
    assert english == {"symbol": "S/RES/2209(2015)", "number": "2209 (2015)", "organ": "Security Council",
                       "adoption_date": "2015-03-06", "meeting": 7401}
    assert meta(SC_2209[lang] + [FORMULA[lang], BODY[lang]], lang) == english


@pytest.mark.parametrize("lang,lines", [
    ("en", ["RESOLUTION 774 (1992)", "Adopted by the Security Council at its 3109th meeting,", "on 26 August 1992"]),
    ("zh", ["第774(1992)号决议", "1992年8月26日安全理事会第3109次会议通过"]),
    ("zh", ["第774(1992)号决议", "安全理事会1992年8月26日第3109次会议通过"]),
])
def test_security_council_adoption_line_gives_date_and_meeting_also_when_broken(lang, lines):
    """The adoption line of older resolutions breaks after 'meeting,' (S/RES/774 (1992) as printed)."""
    header = read_header(lines, lang, {}, "S_RES_0774_1992.txt")
    assert (header["adoption_date"], header["meeting"]) == ("1992-08-26", 3109)


SC_242 = {"en": ["Resolution 242 (1967)", "of 22 November 1967"], "fr": ["Résolution 242 (1967)", "du 22 novembre 1967"],
          "es": ["Resolución 242 (1967)", "de 22 de noviembre de 1967"],
          "ru": ["Резолюция 242 (1967)", "от 22 ноября 1967 года"],
          "ar": ["القرار 242 (1967)", "المؤرخ 22 تشرين الثاني/نوفمبر 1967"]}


@pytest.mark.parametrize("lang", LANGS)
def test_older_security_council_header_gives_the_english_meta(lang):
    english = meta(SC_242["en"] + [FORMULA["en"], BODY["en"]], "en")
    assert english["adoption_date"] == "1967-11-22"
    assert meta(SC_242[lang] + [FORMULA[lang], BODY[lang]], lang) == english
    assert read_header([" ".join(SC_242[lang])], lang, {}, "")["adoption_date"] == "1967-11-22"  # on one line


@pytest.mark.parametrize("lang,words,value", [
    ("fr", "Quatre-vingt-dixième", 90), ("fr", "Soixante et onzième", 71), ("fr", "Quatre-vingtième", 80),
    ("es", "Nonagésimo primer", 91), ("es", "Decimoquinto", 15), ("es", "59º", 59),
    ("ru", "Восьмидесятая", 80), ("ru", "Сорок четвертая", 44),
    ("ar", "الحادية والثمانون", 81), ("ar", "الرابعة عشرة", 14), ("ar", "٢٨", 28),
    ("fr", "Nouvelle", None), ("ru", "Пленарная", None),
])
def test_ordinal_words_are_numbers(lang, words, value):
    assert number_value(lang, words) == value


@pytest.mark.parametrize("lang,line", [
    ("fr", "Le Bureau de la Commission à la soixante-neuvième session a estimé"),
    ("es", "En su 58º período de sesiones, la Comisión decidió"),
    ("ru", "на своей шестьдесят девятой сессии"),
    ("ar", "وثيقة من وثائق الدورة التاسعة والستين للجمعية العامة، في إطار البند 42 من جدول الأعمال"),
    ("fr", "au titre du point 42 de l'ordre du jour"),
    ("es", "Tengo el honor de referirme a la resolución 2188 (2014), aprobada por el Consejo de Seguridad el 9 de "
           "diciembre de 2014"),
])
def test_a_session_agenda_item_or_adoption_in_running_text_is_no_header(lang, line):
    assert read_header([line], lang, {}, "") == {}


@pytest.mark.parametrize("line, symbol, committee", [
    ("[未经发交主要委员会而通过(A/79/L.32)]", "A/79/L.32", "未经发交主要委员会而通过"),
    ("[根据第三委员会的报告(A/69/488/Add.2)通过]", "A/69/488/Add.2", "根据第三委员会的报告"),
    ("［根据第六委员会的报告（A/79/503）通过］", "A/79/503", "根据第六委员会的报告"),
    ("[on the report of the Third Committee (A/69/488/Add.2)]", "A/69/488/Add.2", "on the report of the Third Committee"),
])
def test_the_committee_line_gives_its_symbol_in_chinese_as_in_english(line, symbol, committee):
    """A Chinese committee line ends '...报告(SYMBOL)通过]' when the resolution comes from a committee's report."""
    lang = "en" if line.isascii() else "zh"
    assert read_header([line], lang, {}, "") == {"draft_symbol": symbol, "committee": committee}



@pytest.mark.parametrize("lines", ALIGNED[3:], ids=[row[0] for row in ALIGNED[3:]])
def test_session_and_agenda_item_printed_as_one_block_read_as_the_english_lines(lines):
    """PDF extraction often leaves the session line and the agenda line under it in one block; Arabic has no
    capital to show where the second begins, so an agenda item right after the session is read too."""
    expected = {**read_header([ALIGNED[0][0]], "en", {}, ""), **read_header([lines[0]], "en", {}, "")}
    for k, (lang, line) in enumerate(zip(LANGS, lines[1:]), start=1):
        joined = f"{ALIGNED[0][k]} {line}"
        assert read_header([joined], lang, {}, "") == expected, (lang, joined)


@pytest.mark.parametrize("line,lang,symbol,organ", [
    ("United Nations A/69/L.51", "en", "A/69/L.51", "General Assembly"),
    ("Nations Unies A/69/L.51", "fr", "A/69/L.51", "General Assembly"),
    ("联合国 S/2015/94", "zh", "S/2015/94", "Security Council"),
    ("Организация Объединенных Наций A/HRC/28/L.5", "ru", "A/HRC/28/L.5", "Human Rights Council"),
    ("الأمم المتحدة E/CN.5/2015/L.5", "ar", "E/CN.5/2015/L.5", None),  # a commission's: no organ guessed
])
def test_a_draft_takes_the_symbol_its_first_line_prints(line, lang, symbol, organ):
    """A draft has no "69/170." title line to make an A/RES symbol from; its own symbol ends its first line."""
    h = read_header([line, "Distr.: Limited"], lang, {}, "")
    assert (h.get("symbol"), h.get("organ")) == (symbol, organ)


@pytest.mark.parametrize("line,english", [("议程项目 124(r)", "Agenda item 124 (r)"),
                                          ("议程项目132和17(c)", "Agenda items 132 and 17 (c)")])
def test_chinese_agenda_items_read_as_the_english_line(line, english):
    assert read_header([line], "zh", {}, "") == read_header([english], "en", {}, "")
