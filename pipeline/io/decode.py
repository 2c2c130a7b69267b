"""Bytes -> text with an explicit, reported encoding. Never guesses silently: a file is UTF-8 (BOM or not),
UTF-16/32 with a BOM, GB18030/GBK when it decodes as such *and* yields Chinese text, or one of the Windows code
pages the other UN languages were long saved in (cp1256 Arabic, cp1251 Russian, cp1252 French and Spanish) when
every character outside ASCII is one that language's text uses; anything else is an error."""
from __future__ import annotations

import codecs
import re


class InputError(Exception):
    """A problem with one input, reported as one line `path[:line]: message`."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path, self.message, self.line = str(path), message, line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# the characters outside ASCII a text in each legacy code page may hold (letters of its languages, their quotes
# and dashes): one byte string decodes in all three, but only in its own does it give such characters alone
PUNCT = "\u00a0«»–—…’‘“”•°№§"
# (code page, characters allowed outside ASCII, the script's letters or None for a Latin code page)
LEGACY = [
    ("cp1256", re.compile(f"[\u060c-\u06ff\u200c-\u200f{PUNCT}]"), re.compile(r"[\u0621-\u064a]")),
    ("cp1251", re.compile(f"[\u0410-\u044f\u0401\u0451{PUNCT}]"), re.compile(r"[\u0410-\u044f\u0401\u0451]")),
    ("cp1252", re.compile(f"[àâäçéèêëîïôöùûüÿñáíóúœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÑÁÍÓÚŒÆ¿¡ºª{PUNCT}]"), None),
]
ASCII_LETTER = re.compile(r"[A-Za-z]")


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError naming the file and the problem."""
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(path, f"has a {enc} byte-order mark but invalid {enc} bytes at offset {e.start}")
            return _check_text(text.lstrip("\ufeff"), path), enc.replace("-sig", "")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (NUL bytes; UTF-16 without a byte-order mark is not accepted)")
    try:
        return _check_text(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _looks_chinese(text):
            return _check_text(text, path), "gb18030"
    for enc, allowed, script in LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _reads_as(text[:50000], allowed, script):
            return _check_text(text, path), enc
    raise InputError(path, f"undecodable bytes: not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset "
                           f"{utf8_error.start}), not UTF-16 with a BOM, not GB18030 Chinese text, not Arabic, "
                           f"Russian, French or Spanish text in their Windows code pages")


def _common(c: str) -> bool:
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _looks_chinese(text: str) -> bool:
    """GB18030 decodes most byte strings; accept it only for text that reads as Chinese: non-ASCII characters
    are nearly all common (GB2312) Chinese characters, and they are not wedged inside Latin words, which is
    what Latin-1 or cp1252 bytes turn into."""
    non_ascii = [c for c in text[:50000] if ord(c) > 127]
    if not non_ascii:
        return False
    cjk = [c for c in non_ascii if CJK.match(c)]
    if len(cjk) / len(non_ascii) < 0.8 or sum(map(_common, cjk)) / len(cjk) < 0.9:
        return False
    wedged = len(re.findall(r"(?<=[A-Za-z])[\u3400-\u9fff](?=[A-Za-z])", text[:50000]))
    return wedged <= 0.05 * len(cjk)


def _reads_as(text: str, allowed: re.Pattern, script: re.Pattern | None) -> bool:
    """Whether text decoded from a legacy code page reads as its language: every character outside ASCII is
    allowed, and the script's letters make up most letters without being wedged inside Latin words (what the
    accented letters of another code page turn into); in a Latin code page, accented letters are a minority."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii or not all(allowed.match(c) for c in non_ascii):
        return False
    latin = len(ASCII_LETTER.findall(text))
    if script is None:
        return sum(c.isalpha() for c in non_ascii) < 0.3 * max(1, latin)
    own = len(script.findall(text))
    wedged = len(re.findall(f"(?<=[A-Za-z]){script.pattern}|{script.pattern}(?=[A-Za-z])", text))
    return own >= latin and wedged <= 0.05 * own


def _check_text(text: str, path: str) -> str:
    if not text.strip():
        raise InputError(path, "empty file (only whitespace)")
    sample = text[:20000]
    if len(CONTROL.findall(sample)) > max(5, len(sample) // 100):
        raise InputError(path, "binary file (control characters), not text")
    return text
