import functools
import os
import secrets
import socket
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "A_RES_79_138.zh.txt"
GA = FIXTURES / "A_RES_80_11.md"
GA1 = FIXTURES / "A_RES_80_1.md"
SC = FIXTURES / "S_RES_0242_1967_EN_GOLD.txt"
SC1 = FIXTURES / "S_RES_0001_1946_EN_GOLD.txt"


def fixture_text(path: Path) -> str:
    """A fixture's text without the comment lines (#) the aligned language fixtures open with."""
    return "\n".join(line for line in path.read_text(encoding="utf-8").split("\n") if not line.startswith("#"))


@pytest.fixture
def seed_text():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def rules_nlp():
    """Rules only: a blank pipeline per language with the two entity components (no trained parts needed)."""
    import spacy

    out = {}
    for lang in ("zh", "en"):
        nlp = spacy.blank(lang)
        nlp.add_pipe("unap_entity_rules")
        nlp.add_pipe("unap_entities", config={"mode": "rules"})
        out[lang] = nlp
    return out


def ents(doc):
    """(text, label, id) of the final entities."""
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


@functools.cache
def _rules_only(lang: str, shape_names: bool):
    import spacy

    import pipeline.components.entity_rules  # noqa: F401  (registers unap_entity_rules)

    nlp = spacy.blank(lang)
    nlp.add_pipe("unap_entity_rules", config={"shape_names": shape_names})
    return nlp


def rule_spans(lang: str, text: str, *, shape_names: bool = False, year: int = 2015) -> list[tuple[str, str, str]]:
    """(label, text, id) of the rule spans of `text`, read as a unit of a `year` document; one blank pipeline per
    language and setting for the whole session (`shape_names`: names by their shape, as es/ru ship)."""
    from pipeline.components.unit import unit_doc

    nlp = _rules_only(lang, shape_names)
    doc = nlp.get_pipe("unap_entity_rules")(unit_doc(nlp, text, year=year))
    return [(s.label_, s.text, s.kb_id_) for s in doc.spans["entity_rules"]]


ROOT = Path(__file__).resolve().parent.parent
DOCCANO_HOME = ROOT / ".doccano-test"  # the real server's venv and data; kept between runs so it installs once


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def doccano():
    """A real doccano 1.8.4 on 127.0.0.1 (installed and started by the code behind `unap doccano serve`), with a
    fresh database and an admin whose random password lives only in the environment."""
    from pipeline.doccano import server

    password = secrets.token_urlsafe(12)
    env = {"DOCCANO_USERNAME": "admin", "DOCCANO_PASSWORD": password}
    old = {k: os.environ.get(k) for k in (*env, "DOCCANO_URL")}
    os.environ.update(env)
    server.stop(DOCCANO_HOME)
    if (DOCCANO_HOME / "db.sqlite3").exists():
        (DOCCANO_HOME / "db.sqlite3").unlink()
    url = server.start(DOCCANO_HOME, port=free_port())
    os.environ["DOCCANO_URL"] = url
    yield url
    server.stop(DOCCANO_HOME)
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
