"""doccano push/pull in the new languages, against a real doccano 1.8.4 server: a French and an Arabic unit come
back with every field they were pushed with, an Arabic span a person draws lands on the right characters, and
Arabic (right to left) never shares a project with left-to-right text (doccano shows one direction at a time)."""
import json

import pytest

from pipeline.cli import main
from pipeline.doccano.sync import RTL_NOTE

from .conftest import FIXTURES
from .test_doccano_loop import approve_all, change_class
from .test_doccano_pull import leaves, no_server, pull, push, read_gold, without_provenance  # noqa: F401 (no_server: a fixture)

LINE = 10  # SC resolution operative paragraph: "6. Souligne que ..." / "٦ - يؤكد أن ..." (Arabic-Indic number)


@pytest.fixture(scope="module")
def units(tmp_path_factory):
    """Line LINE of the aligned UNPC sample in French and Arabic, annotated by their shipped pipelines."""
    tmp = tmp_path_factory.mktemp("lang")
    src = tmp / "in.jsonl"
    rows = [{"id": f"unpc-sample:{LINE}:{lang}",
             "text": (FIXTURES / "unpc" / f"devset-sample.{lang}.txt").read_text(encoding="utf-8").splitlines()[LINE]}
            for lang in ("fr", "ar")]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp / "out.jsonl"
    assert main(["annotate", str(src), "-o", str(out), "-q"]) == 0
    recs = {r["lang"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert recs["ar"]["paragraph"]["type"] == "operative" and recs["ar"]["paragraph"]["number"] == 6
    return recs


@pytest.mark.slow
def test_french_and_arabic_round_trip_with_an_arabic_edit(doccano, units, tmp_path, capsys):
    fr, ar = units["fr"], units["ar"]
    p_fr, c, proj_fr, ex_fr = push([fr], tmp_path, capsys, "fr")
    p_ar, _, proj_ar, ex_ar = push([ar], tmp_path, capsys, "ar")
    assert RTL_NOTE in proj_ar.description and RTL_NOTE not in proj_fr.description
    assert ex_ar[ar["id"]].meta["lang"] == "ar" and ex_ar[ar["id"]].text == ar["text"]

    # Arabic text in a French project (or the reverse) is refused, one line, nothing added
    src = tmp_path / "ar.jsonl"
    src.write_text(json.dumps(ar, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["doccano", "push", str(src), "--project", p_fr]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "right-to-left units (ar) and left-to-right units (fr)" in err[0]
    assert len(list(c.list_examples(proj_fr.id))) == 1
    # from a file of both languages, --lang pushes one language to its project
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in (fr, ar)), encoding="utf-8")
    assert main(["doccano", "push", str(mixed), "--project", p_ar, "--lang", "ar"]) == 0
    assert "0 new, 0 resumed, 1 already there" in capsys.readouterr().err

    # the Arabic corrector draws an ORG span on "مجلس الأمن" (absent from the machine's spans) and changes the class
    span_ids = {lt.text: lt.id for lt in c.list_label_types(proj_ar.id, "span")}
    cat_ids = {lt.text: lt.id for lt in c.list_label_types(proj_ar.id, "category")}
    word = next(w for w in ("مجلس الأمن", "الأمم المتحدة", "الكلور") if w in ar["text"]
                and not any(e["start"] <= ar["text"].index(w) < e["end"] for e in ar["entities"]))
    at = ar["text"].index(word)
    c.create_span(proj_ar.id, ex_ar[ar["id"]].id, at, at + len(word), span_ids["ORG"])
    new_class = "request" if ar["paragraph"]["strength"] != "request" else "urge"
    change_class(c, proj_ar.id, ex_ar[ar["id"]].id, cat_ids[new_class])
    approve_all(c, proj_fr.id, ex_fr.values())
    approve_all(c, proj_ar.id, ex_ar.values())

    gold = tmp_path / "gold.jsonl"
    rc, report, err = pull(p_fr, gold, capsys, "--only-approved")
    assert rc == 0 and report["edits"] == {}, err
    rc, report, err = pull(p_ar, gold, capsys, "--only-approved")
    assert rc == 0, err
    assert report["edits"] == {ar["id"]: {"added": [[at, at + len(word), "ORG", word]],
                                          "strength": f"{ar['paragraph']['strength']} -> {new_class}"}}
    pulled = {uid: without_provenance(r) for uid, r in read_gold(gold).items()}
    assert list(pulled) == [fr["id"], ar["id"]]
    # French: every field as pushed
    assert leaves(pulled[fr["id"]], fr["id"]) == leaves(fr, fr["id"]) and len(leaves(fr, "")) > 20
    # Arabic: the edit, and every other field as pushed
    got = pulled[ar["id"]]
    added = next(e for e in got["entities"] if e["start"] == at)
    assert got["text"][added["start"]:added["end"]] == word == added["text"] and added["label"] == "ORG"
    assert [e for e in got["entities"] if e is not added] == ar["entities"]
    assert got["paragraph"]["strength"] == new_class and got["paragraph"]["review"] == ["intensity", "verb"]
    same = {k: v for k, v in ar.items() if k not in ("entities", "label", "paragraph")}
    assert {k: v for k, v in got.items() if k not in ("entities", "label", "paragraph")} == same
    assert {k: v for k, v in got["paragraph"].items() if k not in ("strength", "review")} == \
        {k: v for k, v in ar["paragraph"].items() if k != "strength"}


@pytest.mark.usefixtures("no_server")
def test_a_file_mixing_arabic_and_french_is_refused_before_any_request(units, tmp_path, capsys):
    src = tmp_path / "mixed.jsonl"
    src.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in units.values()), encoding="utf-8")
    assert main(["doccano", "push", str(src), "--project", "p"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"unap: {src}: right-to-left units (ar) and left-to-right units (fr)")
