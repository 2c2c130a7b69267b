"""Fill the fr/es/ru/ar columns of pipeline/lexicons/countries.tsv (run by hand, not at run time).

Names come from the ISO 3166-1 translations of the Debian iso-codes package (LGPL-2.1+, files
/usr/share/iso-codes/json/iso_3166-1.json and /usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo), put in the UN
way ('Bolivie, état plurinational de' -> 'Bolivie (État plurinational de)'), Russian ё written е and Arabic
without short vowels as UN texts write them; then countries_un.tsv (en, lang, name), written by hand, gives the UN
official short name where the ISO translation is not it. Adjective rows and names no ISO entry matches (most
former names) stay empty.

    python3 annotations/gazetteer/countries.py   # rewrites pipeline/lexicons/countries.tsv
"""
from __future__ import annotations

import csv
import gettext
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COUNTRIES = ROOT / "pipeline" / "lexicons" / "countries.tsv"
UN_NAMES = Path(__file__).with_name("countries_un.tsv")
ISO = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LANGS = ("fr", "es", "ru", "ar")
# English names of countries.tsv that are spelled differently in ISO 3166-1
ISO_NAME = {"Democratic Republic of the Congo": "Congo, The Democratic Republic of the",
            "Netherlands (Kingdom of the)": "Netherlands", "Republic of Korea": "Korea, Republic of",
            "Russia": "Russian Federation", "Holy See": "Holy See (Vatican City State)", "Palestine": "Palestine, State of",
            "Turkey": "Türkiye", "Swaziland": "Eswatini", "Cape Verde": "Cabo Verde", "Ivory Coast": "Côte d'Ivoire",
            "Burma": "Myanmar", "East Timor": "Timor-Leste", "Falkland Islands": "Falkland Islands (Malvinas)",
            "United States Virgin Islands": "Virgin Islands, U.S.",
            "Saint Helena": "Saint Helena, Ascension and Tristan da Cunha"}


def _norm(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.lower().replace("the ", ""))


def iso_entries() -> dict[str, dict]:
    entries = json.loads(ISO.read_text(encoding="utf-8"))["3166-1"]
    out: dict[str, dict] = {}
    for e in entries:
        for k in ("name", "common_name", "official_name"):
            if k in e:
                out.setdefault(_norm(e[k]), e)
                if "," in e[k]:
                    a, b = e[k].split(",", 1)
                    out.setdefault(_norm(f"{a} ({b.strip()})"), e)
    for ours, theirs in ISO_NAME.items():
        e = next((x for x in entries if theirs in (x.get("name"), x.get("common_name"), x.get("official_name"))), None)
        if e:
            out[_norm(ours)] = e
    return out


def un_form(name: str, lang: str) -> str:
    name = name.strip()
    if ", " in name:
        a, b = name.split(", ", 1)
        name = f"{a} ({b[0].upper()}{b[1:]})"
    if lang == "ru":
        name = name.replace("ё", "е").replace("Ё", "Е")
    if lang == "ar":
        name = re.sub("[\u064b-\u0652\u0670]", "", name)
    return name


def main() -> None:
    tr = {lg: gettext.translation("iso_3166-1", "/usr/share/locale", languages=[lg]) for lg in LANGS}
    iso = iso_entries()
    with open(UN_NAMES, encoding="utf-8") as f:
        un = {(r["en"], r["lang"]): r["name"] for r in csv.DictReader(f, delimiter="\t")}
    with open(COUNTRIES, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        e = iso.get(_norm(r["en"])) if r["kind"] != "adjective" and r["en"] else None
        for lg in LANGS:
            src = e.get("common_name", e["name"]) if e and lg == "ru" and "common_name" in e else e["name"] if e else ""
            r[lg] = un.get((r["en"], lg)) or (un_form(tr[lg].gettext(src), lg) if src else "")
    with open(COUNTRIES, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["en", "zh", "fr", "es", "ru", "ar", "kind"], delimiter="\t",
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
