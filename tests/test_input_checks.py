"""What a new user hits first: languages the pipeline does not support, files holding many resolutions, output
paths that cannot be written, duplicate ids, output format and progress. Each error is one line, exit != 0,
and nothing is written for what was refused."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.io import langid
from pipeline.structure.split import split_documents

from .conftest import FIXTURES, GA, SC, SC1, SEED

ROOT = Path(__file__).resolve().parent.parent
UNPC = FIXTURES / "unpc"  # 25 aligned UN Parallel Corpus dev-set lines per language
SC_1976 = [FIXTURES / "S_RES_0401_1976_EN_GOLD.txt", FIXTURES / "S_RES_0402_1976_EN_GOLD.txt"]


def lines(lang):
    return (UNPC / f"devset-sample.{lang}.txt").read_text(encoding="utf-8").splitlines()


def read_jsonl(path):
    return [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines()]


# --- language identification -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh", "fr", "es", "ru", "ar"])
def test_identifies_the_six_languages_on_aligned_lines(lang):
    found = [langid.identify(t)[0] for t in lines(lang)]
    assert sum(f == lang for f in found) >= 0.9 * len(found), found


# languages outside the six, written for these tests (lingua is sure of each: >= 0.98)
OTHER = {
    "de": ["Die Generalversammlung ersucht den Generalsekretär, ihr auf ihrer nächsten Tagung über die Durchführung "
           "dieser Resolution Bericht zu erstatten.",
           "Der Sicherheitsrat beschließt, mit der Angelegenheit aktiv befasst zu bleiben.",
           "Die Mitgliedstaaten werden nachdrücklich aufgefordert, ihre Zusammenarbeit zu verstärken."],
    "it": ["L'Assemblea generale chiede al Segretario generale di presentarle una relazione sull'attuazione della "
           "presente risoluzione.",
           "Il Consiglio di sicurezza decide di continuare ad occuparsi attivamente della questione."],
    "pt": ["A Assembleia Geral solicita ao Secretário-Geral que lhe apresente um relatório sobre a aplicação da "
           "presente resolução."],
}
SIX = "(zh, en, fr, es, ru, ar)"


def test_unsupported_jsonl_units_are_refused_one_line_each(tmp_path, capsys):
    src = tmp_path / "mixed.jsonl"
    units = [{"id": f"{lang}{i}", "text": t} for lang, texts in OTHER.items() for i, t in enumerate(texts)]
    units += [{"id": f"en{i}", "text": t} for i, t in enumerate(lines("en")[:3])]
    units += [{"id": "de9", "text": OTHER["de"][0], "lang": "en"}]  # a lang field does not force it
    src.write_text("\n".join(json.dumps(u, ensure_ascii=False) for u in units) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(src), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    refused = [x for x in err.splitlines() if f"is not supported {SIX}" in x]
    assert len(refused) == 7 and f"{src}:1: language de is not supported {SIX}" in err
    assert f"{src}:4: language it is not supported" in err and f"{src}:10: language de is not supported" in err
    assert [r["id"] for r in read_jsonl(out)] == ["en0", "en1", "en2"]


def test_a_german_file_is_refused_even_with_lang_en(tmp_path, capsys):
    src = tmp_path / "de.txt"
    src.write_text("\n\n".join(OTHER["de"]), encoding="utf-8")
    out = tmp_path / "de.jsonl"
    for extra in ([], ["--lang", "en"]):
        assert main(["annotate", str(src), "-o", str(out), "-q", *extra]) == 1
        assert f"{src}: language de is not supported {SIX}" in capsys.readouterr().err
        assert read_jsonl(out) == [] if out.exists() else True


def test_lang_option_naming_an_unsupported_language_fails_at_once(tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    assert main(["annotate", str(SC), "-o", str(out), "--lang", "de"]) == 2
    assert capsys.readouterr().err.strip() == f"unap: language de is not supported {SIX}"
    assert not out.exists() and not Path(str(out) + ".part").exists()


def test_the_six_languages_keep_their_language():
    # every line of the aligned sample keeps its language, short lines lingua cannot judge take their script's
    for lang in ("en", "zh", "ru", "ar"):
        assert {langid.choose(t)[0] for t in lines(lang)} == {lang}
    for lang in ("fr", "es"):  # a short Latin line ('Rapporteur : M. X (Pays)') goes to English
        assert sum(langid.choose(t)[0] == lang for t in lines(lang)) >= 0.9 * len(lines(lang))
    assert langid.choose("Ibid.")[0] == "en" and langid.choose("A/RES/79/138 号")[0] == "zh"


def test_short_units_of_a_jsonl_file_take_the_language_of_its_sure_units(tmp_path):
    from pipeline.io.read import Unit, read_units

    short = ["Questions de coordination", "Corps commun d'inspection", "Ibid."]  # alone they read as English
    assert {langid.choose(t)[0] for t in short} == {"en"}
    src = tmp_path / "fr.jsonl"
    rows = [{"id": f"fr{i}", "text": t} for i, t in enumerate(lines("fr") + short)]
    rows.append({"id": "en", "text": short[0], "lang": "en"})  # a unit's own lang field still wins
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    found = {u.id: u.lang for u in read_units([str(src)]) if isinstance(u, Unit)}
    assert [found[f"fr{i}"] for i in range(len(lines("fr")), len(rows) - 1)] == ["fr", "fr", "fr"]
    assert found["en"] == "en"
    assert sum(lang == "fr" for lang in found.values()) == len(rows) - 1


def test_a_lang_field_lingua_is_sure_is_wrong_gives_way_with_a_warning():
    fr = max(lines("fr"), key=len)
    assert langid.choose(fr, "en") == ("fr", f"the text is fr ({langid.identify(fr)[1]:.2f}), not en as its lang "
                                             f"says: annotated as fr")
    assert langid.choose("Ibid.", "fr") == ("fr", None)  # too short to doubt the field


# --- many resolutions in one file ---------------------------------------------------------------------------
def test_a_file_of_several_resolutions_is_split_into_documents(tmp_path, capsys):
    files = [SC1, SC, *SC_1976]
    many = tmp_path / "many.txt"
    many.write_text("\n\n".join(f.read_text(encoding="utf-8") for f in files), encoding="utf-8")
    assert len(split_documents(many.read_text(encoding="utf-8"))) == 4
    one_by_one, together = tmp_path / "each.jsonl", tmp_path / "together.jsonl"
    assert main(["annotate", *map(str, files), "-o", str(one_by_one), "-q"]) == 0
    assert main(["annotate", str(many), "-o", str(together)]) == 0
    assert f"{many}: warning: holds 4 resolutions" in capsys.readouterr().err

    def view(path):
        return [(r["meta"]["document"], r["text"], r["paragraph"]["type"], r["paragraph"]["strength"])
                for r in read_jsonl(path)]
    assert view(together) == view(one_by_one)
    assert len({d for d, *_ in view(together)}) == 4


def test_files_joined_without_a_final_newline_are_still_split():
    """`cat a.txt b.txt` when a.txt does not end with a newline glues the next title onto the last line
    ("... 2089th meetingResolution 437 (1978)", "... meeting.5 (1946). Resolution of 8 May 1946")."""
    texts = [f.read_text(encoding="utf-8").rstrip("\n") for f in (SC1, SC, *SC_1976)]
    assert len(split_documents("".join(texts))) == 4
    assert len(split_documents("Adopted at the 2nd meeting." + texts[0])) == 1  # a title at the start is no cut


def test_single_resolutions_are_never_split():
    for f in (SEED, GA, SC, SC1, *SC_1976, FIXTURES / "A_RES_80_1.md"):
        assert len(split_documents(f.read_text(encoding="utf-8"))) == 1, f


def test_a_text_with_no_resolution_structure_is_warned_about(tmp_path, capsys):
    src = tmp_path / "notes.txt"
    src.write_text("\n\n".join(f"Note {i}: the meeting discussed item {i} at some length" for i in range(80)),
                   encoding="utf-8")
    assert main(["annotate", str(src), "-o", str(tmp_path / "n.jsonl")]) == 0
    assert "80 of 80 paragraphs fit no part of a resolution" in capsys.readouterr().err


# --- output paths, checked before any work -------------------------------------------------------------------
def test_output_naming_a_folder_fails_before_annotating(tmp_path, capsys):
    folder = tmp_path / "outdir"
    folder.mkdir()
    assert main(["annotate", str(SEED), "-o", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"unap: {folder}: is a folder; name an output file"
    assert list(folder.iterdir()) == [] and not (tmp_path / "outdir.part").exists()


@pytest.fixture
def readonly_dir(tmp_path):
    """A folder nobody can create files in: /proc for root (permission bits do not stop root), else chmod 555."""
    if os.geteuid() == 0:
        yield Path("/proc")
        return
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    yield ro
    ro.chmod(0o755)


@pytest.mark.slow
@pytest.mark.parametrize("args", [
    ["annotate", str(SC), "-o", "{ro}/out.spacy", "--format", "spacy"],
    ["annotate", str(SC), "-o", "{ro}/out.jsonl"],
    ["evaluate", "--gold", str(ROOT / "annotations" / "entities" / "test.jsonl"), "--runs-dir", "{ro}/runs"],
])
def test_readonly_output_is_one_line_before_the_work(readonly_dir, args):
    before = {p.name for p in readonly_dir.iterdir() if not p.name.isdigit()}  # /proc/<pid> come and go
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", *(a.replace("{ro}", str(readonly_dir)) for a in args)],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "is not writable" in r.stderr and "units from" not in r.stderr
    assert {p.name for p in readonly_dir.iterdir() if not p.name.isdigit()} == before


# --- smaller things ------------------------------------------------------------------------------------------
def test_duplicate_unit_ids_warn_and_strict_refuses(tmp_path, capsys):
    src = tmp_path / "dup.jsonl"
    src.write_text("\n".join(json.dumps({"id": "u1", "text": t}) for t in lines("en")[:2]) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["annotate", str(src), "-o", str(out)]) == 0
    assert f"{src}:2: warning: unit id u1 already used at {src}:1" in capsys.readouterr().err
    assert main(["annotate", str(src), "-o", str(out), "--strict"]) == 1
    assert f"{src}:2: unit id u1 already used at {src}:1; skipped (--strict)" in capsys.readouterr().err
    assert len(read_jsonl(out)) == 1


def test_spacy_suffix_writes_a_docbin_and_resume_is_refused_for_it(tmp_path, capsys):
    from spacy.tokens import DocBin

    out = tmp_path / "x.spacy"
    assert main(["annotate", str(SC), "-o", str(out), "-q"]) == 0
    assert len(DocBin().from_disk(out)) == 10  # the 10 paragraphs of S/RES/242 (1967)
    assert main(["annotate", str(SC), "-o", str(out), "--resume"]) == 2
    assert "--resume works with JSONL output only" in capsys.readouterr().err


def test_progress_counts_every_input_byte(tmp_path):
    """The bar's total is the input's size, and the work done adds up to it: the bar ends at 100%."""
    import argparse

    from pipeline.cli import input_bytes, unit_tasks

    src = tmp_path / "u.jsonl"
    src.write_text(json.dumps({"id": "a", "text": lines("en")[0]}) + "\n{bad\n", encoding="utf-8")
    paths = [str(SEED), str(GA), str(src), str(tmp_path / "missing.txt")]
    args = argparse.Namespace(paths=paths, unit="paragraph", lang="auto", quiet=True, strict=False)
    moved = []
    tasks = list(unit_tasks(args, [], [], {"skipped": 0, "documents": set()}, set(), advance=moved.append))
    total = sum(moved) + sum(t["weight"] for t in tasks)
    assert total == input_bytes(paths) == sum(Path(p).stat().st_size for p in paths[:3])


def test_json_error_text_reads_cleanly(tmp_path, capsys):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"text": "a\tb", "id": 1}\n{"text": "unterminated}\n', encoding="utf-8")
    assert main(["annotate", str(src), "-o", str(tmp_path / "o.jsonl"), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"{src}:1: malformed JSON (Invalid control character at column 12)" in err
    assert f"{src}:2: malformed JSON (Unterminated string starting at column 10)" in err
    assert "at at" not in err and "at)" not in err
