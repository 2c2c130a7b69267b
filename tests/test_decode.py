import codecs

import pytest

from pipeline.io.decode import InputError, decode

ZH = "重申其关于加强联合国人道主义紧急援助协调的第 46/182 号决议，"


@pytest.mark.parametrize("data,enc", [
    (ZH.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + ZH.encode("utf-8"), "utf-8"),
    (ZH.encode("utf-16"), "utf-16"),  # Python writes a BOM
    (ZH.encode("gb18030"), "gb18030"),
    (ZH.encode("gbk"), "gb18030"),
])
def test_encodings_are_detected(data, enc):
    text, found = decode(data, "x.txt")
    assert text == ZH
    assert found == enc


def test_english_utf8():
    assert decode(b"Recalling its resolution 46/182,", "a.txt") == ("Recalling its resolution 46/182,", "utf-8")


@pytest.mark.parametrize("data,msg", [
    (b"", "empty file"),
    (b"  \n\n ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (bytes(range(1, 32)) * 20, "binary file"),
    (b"Recalling \xff\xfe\xfa resolution", "undecodable bytes"),
])
def test_bad_bytes_name_file_and_problem(data, msg):
    with pytest.raises(InputError) as e:
        decode(data, "bad/file.txt")
    assert str(e.value).startswith("bad/file.txt: ")
    assert msg in str(e.value)
    assert "\n" not in str(e.value)


def test_latin1_is_not_silently_taken_for_chinese():
    fr = "Résolution adoptée à l'unanimité par les États"
    assert decode(fr.encode("latin-1"), "fr.txt") == (fr, "cp1252")


@pytest.mark.parametrize("lang,enc", [("ar", "cp1256"), ("ru", "cp1251"), ("fr", "cp1252"), ("es", "cp1252")])
def test_the_legacy_code_pages_of_the_other_un_languages(lang, enc):
    """25 aligned UNPC lines saved in the Windows code page of their language come back as written, and not
    in another code page (where the same bytes are valid too)."""
    from .conftest import FIXTURES

    text = (FIXTURES / "unpc" / f"devset-sample.{lang}.txt").read_text(encoding="utf-8")
    text = text.translate({0x660 + d: str(d) for d in range(10)})  # Arabic-Indic digits: not in cp1256
    assert decode(text.encode(enc), f"{lang}.txt") == (text, enc)


def test_bytes_no_language_reads_are_refused():
    with pytest.raises(InputError, match="not Arabic, Russian, French or Spanish text in their Windows code pages"):
        decode("Recalling ÿþú resolution".encode("cp1252"), "x.txt")
