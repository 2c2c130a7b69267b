"""The opener lexicon: compound openers, intensifiers, connectives, ambiguous verbs, damaged text."""
import pytest

from pipeline.components.lexicon import OpenerLexicon, _dist


@pytest.fixture(scope="module")
def zh():
    return OpenerLexicon.load("zh")


@pytest.fixture(scope="module")
def en():
    return OpenerLexicon.load("en")


def found(lex, text, kind="operative"):
    o = lex.find(text, kind)
    assert o is not None, text
    return text[o.start:o.end], o.cls, o.intensity


@pytest.mark.parametrize("text,verb,cls,intensity", [
    ("29. 提请注意并重申，按照国际法和《宪章》，所有人道主义人员", "提请注意并重申", "declare", "none"),
    ("1. 表示赞赏地注意到秘书长的报告；", "表示赞赏地注意到", "declare", "none"),
    ("3. 最强烈地谴责针对人道主义人员的持续威胁；", "最强烈地谴责", "declare", "strongest"),
    ("5. 强烈敦促所有国家采取必要措施；", "强烈敦促", "urge", "strong"),
    ("9. 又促请所有国家考虑加入《国际刑事法院罗马规约》；", "促请", "urge", "none"),
    ("24. 请秘书长采取必要措施；", "请", "request", "none"),
    ("4. 要求有关国家立即停止；", "要求", "decide", "none"),
    ("2. 再次要求将秘书长的报告分发；", "再次要求", "declare", "none"),
    ("2. 表示深为关切双方迄今未能履行承诺；", "表示深为关切", "declare", "strong"),
    ("7. 决定继续积极处理此案。", "决定", "decide", "none"),
    ("14. 鼓励会员国和联合国系统采取适当行动；", "鼓励", "encourage", "none"),
])
def test_zh_openers(zh, text, verb, cls, intensity):
    assert found(zh, text) == (verb, cls, intensity)


@pytest.mark.parametrize("text,verb,cls,intensity", [
    ("1. Takes note with appreciation of the report of the Secretary-General;", "Takes note with appreciation",
     "declare", "none"),
    ("12. Decides to remain seized of the matter.", "Decides", "decide", "none"),
    ("5. Strongly urges all States to take the necessary measures;", "Strongly urges", "urge", "strong"),
    ("4. Urgently calls upon Israel to rescind those measures;", "Urgently calls upon", "urge", "strong"),
    ("3. Condemns in the strongest terms all attacks;", "Condemns in the strongest terms", "declare", "strongest"),
    ("2. Demands that all parties cease hostilities;", "Demands", "decide", "none"),
    ("6. Requests the Secretary-General to report;", "Requests", "request", "none"),
    ("8. Also encourages Member States to contribute;", "encourages", "encourage", "none"),
    ("1. The Security Council requests the permanent members to meet;", "requests", "request", "none"),
    ("9. Further invites the Commission to consider;", "invites", "encourage", "none"),
    ("10. Expresses its grave concern at the situation;", "Expresses", "declare", "strong"),
    ("11. Extends the mandate of the Mission until 31 May 2025;", "Extends the mandate", "decide", "none"),
    ("12. Extends its appreciation to the troop-contributing countries;", "Extends its", "declare", "none"),
])
def test_en_openers(en, text, verb, cls, intensity):
    assert found(en, text) == (verb, cls, intensity)


def test_preambular_openers(zh, en):
    assert found(zh, "深为关切 国际法特别是国际人道法的原则和规则在很多情况下不断遭到无视，", "preambular")[0] == "深为关切"
    assert found(en, "Deeply concerned about the threats,", "preambular")[0] == "Deeply concerned"
    assert found(en, "Recalling its resolution 46/182,", "preambular")[0] == "Recalling"


def test_unknown_opener_is_not_invented(en, zh):
    assert en.find("7. Proposes a new framework;") is None
    assert zh.find("7. 拟订新的框架；") is None


@pytest.mark.parametrize("text,verb,cls", [
    ("4. Encourges UNICEF to continue;", "Encourges", "encourage"),
    ("14. De cides that Member States may permit;", "De cides", "decide"),
    ("5. A1so urqes all parties to comply;", "urqes", "urge"),
])
def test_en_damaged_openers(en, text, verb, cls):
    assert en.find(text) is None
    o = en.find_fuzzy(text)
    assert (text[o.start:o.end], o.cls) == (verb, cls)


@pytest.mark.parametrize("text,verb,cls", [
    ("7. 促 请处于复杂人道主义紧急情况的各国；", "促 请", "urge"),
    ("35. 又欢欢迎秘书长努力；", "欢欢迎", "declare"),
])
def test_zh_damaged_openers(zh, text, verb, cls):
    o = zh.find_fuzzy(text)
    assert (text[o.start:o.end], o.cls) == (verb, cls)


def test_fuzzy_refuses_ambiguous_words(en):
    # 'notes' and 'votes' differ by one letter from several heads only if the lexicon had them; a far word: no
    assert en.find_fuzzy("3. Xyzzy the Council;") is None


def test_edit_distance():
    assert _dist("urges", "urges") == 0
    assert _dist("urqes", "urges") == 1
    assert _dist("ugres", "urges") == 1  # swap
    assert _dist("decides", "cides") == 2


@pytest.mark.parametrize("lang,verb,rest", [("en", "urges", " all States to act;"), ("zh", "敦促", "各国采取行动；")])
def test_modifiers_file_is_the_one_vocabulary(lang, verb, rest):
    """Every connective and intensifier of modifiers.<lang>.tsv means the same to the opener lexicon, to paragraph
    typing (structure) and to the strength training data (en_label): add a row and all three know it."""
    from pipeline import lexicons
    from pipeline.structure.paragraphs import type_from_text
    from pipeline.training.strength_data import CONNECTIVE_ZH, en_label

    lex = OpenerLexicon.load(lang)
    sep = " " if lang == "en" else ""
    for role in ("connective", "intensifier"):
        for phrase, value in lexicons.values(lang, role).items():
            text = f"3. {phrase.capitalize()}{sep}{verb}{rest}"
            o = lex.find(text)
            assert o is not None and o.cls == "urge", text
            assert o.intensity == (value if role == "intensifier" else "none"), text
            assert type_from_text(text, lang) == ("operative", 3), text
            if lang == "en":
                assert en_label(text, {verb: "urge"}) == ("urge", o.intensity), text
            elif role == "connective":
                assert CONNECTIVE_ZH.sub("", f"{phrase}{verb}") == verb


def test_object_adjectives_are_the_lexicons_data(en):
    """"Expresses its deep concern" is strong because the lexicon's modifiers say so (role adjective, the rows
    strength_data's en_label reads too): a lexicon without those rows, as an older saved pipeline, finds none."""
    from pipeline import lexicons
    from pipeline.training.strength_data import en_label

    adjectives = lexicons.values("en", "adjective")
    assert {"deep", "grave"} <= set(adjectives)
    for adjective, value in adjectives.items():
        text = f"3. Expresses its {adjective} concern at the situation;"
        assert found(en, text) == ("Expresses", "declare", value)
        assert en_label(text, {"expresses": "declare"}) == ("declare", value)
    without = OpenerLexicon("en", en.verbs, [m for m in en.modifiers if m["role"] != "adjective"])
    assert found(without, "3. Expresses its deep concern at the situation;") == ("Expresses", "declare", "none")
