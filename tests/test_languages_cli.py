"""The six UN languages through the command line: each identified and annotated by its own pipeline, a missing
pipeline or a backbone without models said in one line, Arabic shown right to left, evaluation per language."""
import json
import os
from pathlib import Path

import pytest

from pipeline import models
from pipeline.cli import main
from pipeline.languages import UN_LANGUAGES

from .conftest import FIXTURES
from .htmlparse import parse

ROOT = Path(__file__).resolve().parent.parent
UNPC = FIXTURES / "unpc"  # 25 aligned UN Parallel Corpus dev-set lines per language


def lines(lang):
    return (UNPC / f"devset-sample.{lang}.txt").read_text(encoding="utf-8").splitlines()


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def read_jsonl(path):
    return [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines()]


LINES = (0, 1, 8, 11, 20, 21)  # 8, 11, 20 and 21 name dates (a year, a day, months, a period)


@pytest.fixture(scope="module")
def six(tmp_path_factory):
    """Six aligned lines of the sample in each language, annotated with `--lang auto`."""
    tmp = tmp_path_factory.mktemp("six")
    src = write_jsonl(tmp / "six.jsonl", [{"id": f"{lang}{i}", "text": lines(lang)[i]} for lang in UN_LANGUAGES
                                          for i in LINES])
    out = tmp / "six.out.jsonl"
    assert main(["annotate", str(src), "-o", str(out), "-q"]) == 0
    return read_jsonl(out)


def test_each_language_is_identified_and_annotated_by_its_own_pipeline(six):
    assert [r["id"] for r in six] == [f"{lang}{i}" for lang in UN_LANGUAGES for i in LINES]
    assert all(r["lang"] == r["id"][:2] for r in six)
    # the same date in the same aligned line gets the same id in every language
    for i in (8, 11, 20, 21):
        dates = {r["lang"]: sorted(e["id"] for e in r["entities"] if e["label"] == "DATE") for r in six
                 if r["id"][2:] == str(i)}
        assert len(dates) == 6 and dates["en"] and all(v == dates["en"] for v in dates.values()), dates


def test_a_missing_pipeline_is_one_line_per_language(tmp_path, capsys):
    only_en = tmp_path / "models"
    only_en.mkdir()
    os.symlink(models.default_model("en"), only_en / "unap-en")
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"fr{i}", "text": t} for i, t in enumerate(lines("fr")[:4])]
                      + [{"id": "en0", "text": lines("en")[0]}])
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(src), "-o", str(out), "-q", "--model", str(only_en)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and err[2].startswith("1 units from 1 documents"), err  # then the summary
    assert err[0] == (f"unap: fr0: cannot load the fr pipeline: {only_en / 'unap-fr'}: not a spaCy pipeline folder "
                      f"(no config.cfg); train one with `unap train`")
    assert err[1] == "unap: 4 units in fr not annotated: no fr pipeline"
    assert [r["id"] for r in read_jsonl(out)] == ["en0"]
    assert main(["annotate", str(src), "-o", str(out), "--lang", "ar", "--model", str(only_en)]) == 2
    assert capsys.readouterr().err.strip() == (f"unap: {only_en / 'unap-ar'}: no spaCy pipeline there (pass --model, "
                                               f"or train one: `unap train --lang ar`)")


def test_one_resolution_in_several_languages_keeps_unit_ids_unique(tmp_path, capsys):
    files = [ROOT / "examples" / "languages" / f"S_RES_2209_2015.{lang}.txt" for lang in ("en", "fr", "ar")]
    out = tmp_path / "three.jsonl"
    assert main(["annotate", *map(str, files), "-o", str(out), "-q"]) == 0
    assert "already used" not in capsys.readouterr().err
    recs = read_jsonl(out)
    docs = {r["lang"]: r["meta"]["document"] for r in recs}
    assert docs == {"en": "S/RES/2209(2015)", "fr": "S/RES/2209(2015)@fr", "ar": "S/RES/2209(2015)@ar"}
    assert len({r["id"] for r in recs}) == len(recs)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_stanza_backbone_refuses_a_language_it_has_no_models_for(tmp_path, capsys, lang):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "x", "text": lines(lang)[0]}])
    assert main(["annotate", str(src), "-o", str(tmp_path / "o.jsonl"), "--lang", lang, "--backbone", "stanza"]) == 2
    assert capsys.readouterr().err.strip() == (f"unap: the stanza backbone has no models for {lang} (only zh, en); "
                                               f"use --backbone spacy")


def test_train_and_evaluate_take_the_six_codes_and_no_other(capsys):
    for cmd in (["train", "--lang", "de"], ["evaluate", "--gold", "g.jsonl", "--lang", "de"]):
        with pytest.raises(SystemExit) as e:
            main(cmd)
        assert e.value.code == 2 and "invalid choice: 'de'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    assert "{zh,en,fr,es,ru,ar}" in capsys.readouterr().out


def test_show_sets_arabic_right_to_left_with_its_marks_on_the_right_characters(six, tmp_path):
    src = write_jsonl(tmp_path / "six.jsonl", six)
    out = tmp_path / "page.html"
    assert main(["show", str(src), "-o", str(out)]) == 0
    page = parse(out.read_text(encoding="utf-8"))
    blocks = list(page.iter("div", "entities"))
    assert len(blocks) == len(six)
    for rec, block in zip(six, blocks):
        assert block.attrs.get("lang") == rec["lang"]
        assert (block.attrs.get("dir") == "rtl") == (rec["lang"] == "ar")
        # each mark wraps exactly its entity's characters, in text order, whatever the direction
        texts = [m.text().rsplit(m.find("span").text(), 1)[0].strip() for m in block.iter("mark")]
        clauses = [rec["paragraph"]] + (rec["paragraph"].get("clauses") or [])[1:]
        verbs = [(c.get("verb") or {}).get("text") for c in clauses]
        assert [t for t in texts if t not in verbs] == [e["text"] for e in rec["entities"]]
    arabic = [b for b, r in zip(blocks, six) if r["lang"] == "ar" and r["entities"]]
    assert arabic and all(m.find("bdi") is not None for b in arabic for m in b.iter("mark"))


def test_show_lang_renders_one_language(six, tmp_path, capsys):
    src = write_jsonl(tmp_path / "six.jsonl", six)
    out = tmp_path / "ar.html"
    assert main(["show", str(src), "-o", str(out), "--lang", "ar", "--limit", "4"]) == 0
    assert "showing the first 4 of 6 units" in capsys.readouterr().err
    blocks = list(parse(out.read_text(encoding="utf-8")).iter("div", "entities"))
    assert len(blocks) == 4 and {b.attrs["lang"] for b in blocks} == {"ar"}


def test_evaluate_reports_each_language_and_sets_arabic_errors_right_to_left(six, tmp_path):
    # gold: the pipeline's own spans, minus the first entity of one unit per language (a miss to report)
    gold = []
    for lang in ("en", "fr", "ar"):
        recs = [r for r in six if r["lang"] == lang]
        first = next(r for r in recs if r["entities"])
        for r in recs:
            ents = r["entities"][1:] if r is first else r["entities"]
            gold.append({"id": r["id"], "text": r["text"], "lang": lang,
                         "label": [[e["start"], e["end"], e["label"]] for e in ents]})
    # the pipeline finds a span the gold lacks: a spurious span, so the unit is among the worst errors
    path = write_jsonl(tmp_path / "gold.jsonl", gold)
    assert main(["evaluate", "--gold", str(path), "--runs-dir", str(tmp_path), "--name", "r", "--rounds", "20"]) == 0
    scores = json.loads((tmp_path / "r" / "scores.json").read_text(encoding="utf-8"))
    per = scores["configs"]["shipped"]["by_language"]
    assert sorted(per) == ["ar", "en", "fr"] and all(per[lang]["units"] == 6 for lang in per)
    assert all(per[lang]["entities"]["strict"]["p"] < 1.0 for lang in per)
    md = (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    assert "## Per language, configuration `shipped`" in md
    page = parse((tmp_path / "r" / "report.html").read_text(encoding="utf-8"))
    errors = {e.find("div", "id").text().split(" · ")[0]: e.find("div", "text") for e in page.iter("div", "err")}
    assert {uid[:2] for uid in errors} == {"en", "fr", "ar"}
    for uid, text in errors.items():
        assert (text.attrs.get("dir") == "rtl") == uid.startswith("ar") and text.attrs.get("lang") == uid[:2]
