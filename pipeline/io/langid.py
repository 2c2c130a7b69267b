"""Which language a text is in, and whether the pipeline supports it.

Identification is lingua's (lingua-language-detector), restricted to the six UN official languages plus the
languages most often confused with them, so that a German, Italian or Portuguese text is recognised as such and
refused instead of being read as English or French. Lingua loads its models lazily, on the first Latin-script
text (about 370 MB, 3 s once per process).

Two shortcuts keep the pipeline's long-standing behaviour where lingua adds nothing:
- text with Han characters and no kana/hangul is Chinese when Han makes up at least a fifth of its letters
  (a Chinese paragraph may cite many Latin symbols and names);
- a short text (under MIN_LETTERS letters: "Ibid.", a symbol) or one lingua is unsure of (top confidence under
  MIN_CONFIDENCE) takes its script's default language, since a few letters cannot show a language;
- a text that lingua gives to an unsupported language with a confidence under REFUSE is annotated, with a
  warning, in the UN language lingua ranks highest: lingua calls some Spanish titles Portuguese.
A requested language (`--lang`, a unit's `lang` field) is honoured unless lingua is sure (REFUSE) the text is
another language: another UN language is then annotated as such, with a warning, and any other is refused.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from ..languages import PROFILES, UN_LANGUAGES

SUPPORTED = UN_LANGUAGES
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.6
# refuse only when lingua is this sure: on 1,859 English UNPC lines 3 reach it for another language, on
# 1,880 French lines 1,789 do (0.6: 5 English refused, 1,861 French)
REFUSE = 0.9
SAMPLE = 4000  # characters read from a long text (lingua is linear in its input)

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
LETTER = re.compile(r"[^\W\d_]")


class UnsupportedLanguage(ValueError):
    def __init__(self, lang: str):
        self.lang = lang
        super().__init__(unsupported_message(lang))


def unsupported_message(lang: str) -> str:
    return f"language {lang} is not supported ({', '.join(SUPPORTED)})"


@functools.lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    names = ["CHINESE", "ENGLISH", "FRENCH", "SPANISH", "RUSSIAN", "ARABIC", "GERMAN", "PORTUGUESE", "ITALIAN",
             "DUTCH", "JAPANESE", "KOREAN", "PERSIAN", "UKRAINIAN", "TURKISH", "POLISH"]
    return LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in names)).build()


# each script's default language (what _script_default returns), and each supported language's script by it
SCRIPTS = {"han": "zh", "latin": "en", "cyrillic": "ru", "arabic": "ar"}
SCRIPT_DEFAULT = {code: SCRIPTS[p.script] for code, p in PROFILES.items()}


def _script_default(text: str) -> str | None:
    counts = {"zh": len(HAN.findall(text)), "en": len(LATIN.findall(text)),
              "ru": len(CYRILLIC.findall(text)), "ar": len(ARABIC.findall(text))}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def identify(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) of the text's language; (None, 0) when it has no letters."""
    sample = text[:SAMPLE]
    han, latin = len(HAN.findall(sample)), len(LATIN.findall(sample))
    if han and not KANA_HANGUL.search(sample) and han >= 0.2 * latin:
        return "zh", 1.0
    default = _script_default(sample)
    if default is None:
        return None, 0.0
    if len(LETTER.findall(sample)) < MIN_LETTERS:
        return default, 0.0
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        return default, values[0].value if values else 0.0
    return values[0].language.iso_code_639_1.name.lower(), values[0].value


def file_defaults(identified: list[tuple[str | None, float]]) -> dict[str, str]:
    """What the short and unsure texts of one file should take instead of their script's default language: the
    language most of the file's sure texts (REFUSE) of that script are in, when it is not the default (a JSONL
    file of French units: 'Questions de coordination' is French there, not English)."""
    sure: dict[str, Counter] = {}
    for code, confidence in identified:
        script = SCRIPT_DEFAULT.get(code)
        if script and confidence >= REFUSE:
            sure.setdefault(script, Counter())[code] += 1
    return {script: c.most_common(1)[0][0] for script, c in sure.items() if c.most_common(1)[0][0] != script}


def in_file(found: tuple[str | None, float], defaults: dict[str, str]) -> tuple[str | None, float]:
    """An identification with the file's default for a text too short or unsure to judge (see file_defaults)."""
    code, confidence = found
    return (defaults.get(code, code), confidence) if confidence < MIN_CONFIDENCE else found


def _best_supported(text: str) -> str | None:
    """The UN language lingua ranks highest for the text (None if it ranks none)."""
    for v in _detector().compute_language_confidence_values(text[:SAMPLE]):
        code = v.language.iso_code_639_1.name.lower()
        if code in SUPPORTED:
            return code
    return None


def choose(text: str, requested: str = "auto", identified: tuple[str | None, float] | None = None
           ) -> tuple[str, str | None]:
    """(pipeline language, warning or None) for a text: `requested` (a supported code) or the identified one.

    Raises UnsupportedLanguage when the requested language is not one of the six, or the identified one is not
    and lingua is sure of it (REFUSE): `--lang en` does not push a German text through the English pipeline, nor
    (with a warning instead) a text lingua is sure is French.
    When lingua leans to an unsupported language without being sure, the text is annotated, with a warning, in
    the UN language lingua ranks next. Raises ValueError when nothing can be told. `identified`: identify's
    answer, if already known (e.g. adjusted by in_file).
    """
    if requested not in ("auto", None, "") and requested not in SUPPORTED:
        raise UnsupportedLanguage(requested)
    found, confidence = identified or identify(text)
    warning = None
    if found is not None and found not in SUPPORTED:
        if confidence >= REFUSE:
            raise UnsupportedLanguage(found)
        warning = f"language uncertain (perhaps {found}, {confidence:.2f})"
        script = _script_default(text[:SAMPLE])
        found = _best_supported(text) or (script if script in SUPPORTED else "en")
    if requested in SUPPORTED:
        if found in (None, requested) or confidence < REFUSE:
            return requested, warning
        return found, f"the text is {found} ({confidence:.2f}), not {requested} as its lang says: annotated as {found}"
    if found is None:
        raise ValueError("no letters: cannot tell the language (use --lang)")
    return found, warning
