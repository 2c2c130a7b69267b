"""End-to-end `unap annotate`: schema, bad inputs, atomic output, resume, parallel run, DocBin."""
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main

from .conftest import GA, SC, SEED

ROOT = Path(__file__).resolve().parent.parent


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def check_schema(rec):
    assert set(rec) >= {"id", "text", "lang", "label", "entities", "paragraph", "meta"}
    assert isinstance(rec["id"], str) and rec["id"]
    assert rec["lang"] in ("zh", "en")
    for s, e, lab in rec["label"]:
        assert 0 <= s < e <= len(rec["text"]) and isinstance(lab, str)
    for ent in rec["entities"]:
        assert rec["text"][ent["start"]:ent["end"]] == ent["text"]
    paras = rec["paragraphs"] if rec["paragraph"] is None else [rec["paragraph"]]
    for p in paras:
        assert set(p) >= {"type", "number", "strength", "intensity", "verb"}
        assert p["type"] in ("preambular", "operative", "other")
        if p["type"] != "operative":
            assert p["strength"] is None
        if p["verb"] is not None:
            assert rec["text"][p["verb"]["start"]:p["verb"]["end"]] == p["verb"]["text"]
    assert "source" in rec["meta"]


def test_annotate_seed_paragraph_units(tmp_path):
    out = tmp_path / "seed.jsonl"
    assert main(["annotate", str(SEED), "-o", str(out), "-q"]) == 0
    recs = read_jsonl(out)
    for r in recs:
        check_schema(r)
    ops = [r for r in recs if r["paragraph"]["type"] == "operative"]
    assert [r["paragraph"]["number"] for r in ops] == list(range(1, 53))
    assert sum(r["paragraph"]["type"] == "preambular" for r in recs) == 46
    assert ops[0]["id"] == "A/RES/79/138#op1" and ops[0]["lang"] == "zh"
    assert len({r["id"] for r in recs}) == len(recs)
    # footnotes travel with their paragraph
    fn = ops[0]["meta"]["footnotes"]
    assert fn[0]["refs"] == ["17"] and fn[0]["footnotes"] == ["A/79/149。"]
    assert not (tmp_path / "seed.jsonl.part").exists()


def test_annotate_document_units_offsets(tmp_path):
    out = tmp_path / "docs.jsonl"
    assert main(["annotate", str(GA), str(SC), "-o", str(out), "--unit", "document", "-q"]) == 0
    recs = read_jsonl(out)
    assert [r["id"] for r in recs] == ["A/RES/80/11", "S/RES/242(1967)"]
    for r in recs:
        check_schema(r)
        for p in r["paragraphs"]:
            assert 0 <= p["start"] < p["end"] <= len(r["text"])
        assert r["meta"]["header"]["symbol"] == r["id"]
    ga = recs[0]
    ops = [p for p in ga["paragraphs"] if p["type"] == "operative"]
    assert len(ops) == 30
    assert ga["text"][ops[0]["start"]:].startswith("1. Reaffirms all relevant resolutions")


def test_jsonl_units_keep_text_and_ids(tmp_path):
    src = tmp_path / "in.jsonl"
    units = [{"id": "u1", "text": "  2. Requests the Secretary-General to report;  ", "meta": {"k": 1}},
             {"text": "重申其第 46/182 号决议，", "lang": "zh"}]
    src.write_text("\n".join(json.dumps(u, ensure_ascii=False) for u in units) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(src), "-o", str(out), "-q"]) == 0
    a, b = read_jsonl(out)
    assert a["text"] == units[0]["text"] and a["id"] == "u1" and a["meta"]["k"] == 1
    assert a["paragraph"]["type"] == "operative" and a["paragraph"]["number"] == 2 and a["lang"] == "en"
    assert b["id"] == "in.jsonl:2" and b["lang"] == "zh" and b["paragraph"]["type"] == "preambular"


def test_a_unit_keeps_the_paragraph_type_it_states(tmp_path, capsys):
    """A unit may state its type (`type`, or the `paragraph` of a record annotated before, which its document
    gave it); else a numbered line is operative only with an operative opener. An unknown type is one line."""
    src = tmp_path / "in.jsonl"
    units = [{"id": "a", "text": "4. Proposes that the Commission consider the question;", "type": "operative"},
             {"id": "b", "text": "6. Ireland has always been a strong supporter of the Treaty."},
             {"id": "c", "text": "6. Ireland has always been a strong supporter of the Treaty.",
              "paragraph": {"type": "other", "role": "unstructured"}},
             {"id": "d", "text": "5. Decides to act;", "type": "operativ"}]
    src.write_text("\n".join(json.dumps(u) for u in units) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(src), "-o", str(out), "-q", "--lang", "en"]) == 1
    a, b, c = read_jsonl(out)
    assert (a["paragraph"]["type"], a["paragraph"]["number"], a["paragraph"]["verb"]["text"]) == (
        "operative", 4, "Proposes")
    assert a["paragraph"]["strength"] is not None
    assert (b["paragraph"]["type"], b["paragraph"]["strength"]) == ("other", None)
    assert (c["paragraph"]["type"], c["paragraph"]["role"]) == ("other", "unstructured")
    assert "in.jsonl:4: unknown paragraph type 'operativ'" in capsys.readouterr().err

def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Résolution adoptée þar les États".encode("latin-1"))  # þ: no UN language
    (tmp_path / "units.jsonl").write_text('{"id": "ok", "text": "Recalling its resolution 46/182,"}\n'
                                          '{"id": "bad", "text": \n'
                                          '{"id": "notext"}\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Shopping list\n\napples and pears\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    rc = main(["annotate", str(tmp_path), str(tmp_path / "missing.md"), str(SC), "-o", str(out), "-q"])
    err = capsys.readouterr().err
    assert rc == 1
    lines = err.splitlines()
    assert any("empty.txt: empty file" in l for l in lines)
    assert any("binary.txt: binary file" in l for l in lines)
    assert any("latin1.txt: undecodable bytes" in l for l in lines)
    assert any("units.jsonl:2: malformed JSON" in l for l in lines)
    assert any("units.jsonl:3: a unit needs" in l for l in lines)
    assert any("missing.md: no such file or directory" in l for l in lines)
    recs = read_jsonl(out)
    ids = {r["id"] for r in recs}
    assert "ok" in ids and "S/RES/242(1967)#op4" in ids
    # the unstructured document is annotated, as 'other' paragraphs
    notes = [r for r in recs if r["meta"].get("document") == "notes"]
    assert notes and {r["paragraph"]["type"] for r in notes} == {"other"}
    assert "errors" in lines[-1]


def test_no_output_when_output_folder_missing(tmp_path, capsys):
    rc = main(["annotate", str(SC), "-o", str(tmp_path / "nope" / "out.jsonl"), "-q"])
    assert rc == 2
    assert "does not exist" in capsys.readouterr().err


def test_run_where_every_input_fails_writes_nothing(tmp_path, capsys):
    """No empty file stands for a result: the previous output stays, and the last line says so."""
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    rc = main(["annotate", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), "-o", str(out), "-q"])
    lines = capsys.readouterr().err.splitlines()
    assert rc == 1
    assert any("empty.txt: empty file" in l for l in lines) and any("missing.txt: no such file" in l for l in lines)
    assert lines[-1].endswith(f"-> {out} not written")
    assert read_jsonl(out) == [{"id": "old"}]
    assert not (tmp_path / "out.jsonl.part").exists()


def test_missing_model_fails_fast_and_keeps_previous_output(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    assert main(["annotate", str(SC), "-o", str(out), "-q", "--model", str(tmp_path / "nomodel")]) == 2
    assert "no spaCy pipeline" in capsys.readouterr().err
    assert read_jsonl(out) == [{"id": "old"}]
    assert not (tmp_path / "out.jsonl.part").exists()


def test_n_process_2_matches_single_process(tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["annotate", str(SEED), str(GA), str(SC), "-o", str(one), "-q"]) == 0
    assert main(["annotate", str(SEED), str(GA), str(SC), "-o", str(two), "-q", "--n-process", "2",
                 "--batch-size", "7"]) == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_spacy_docbin_output(tmp_path):
    import spacy
    from spacy.tokens import DocBin

    out = tmp_path / "seed.spacy"
    assert main(["annotate", str(SEED), "-o", str(out), "--format", "spacy", "-q"]) == 0
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("zh").vocab))
    assert len(docs) == 52 + 46 + 8
    labels = [d.spans["paragraphs"][0].label_ for d in docs]
    assert labels.count("operative") == 52


@pytest.mark.slow
def test_resume_after_interruption(tmp_path):
    paras = [l for l in SEED.read_text(encoding="utf-8").splitlines() if len(l) > 20]
    src = tmp_path / "big.jsonl"
    n = 6000
    with open(src, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"u{i}", "text": paras[i % len(paras)]}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    part = tmp_path / "out.jsonl.part"
    cmd = [sys.executable, "-m", "pipeline.cli", "annotate", str(src), "-o", str(out), "-q", "--batch-size", "8"]
    proc = subprocess.Popen(cmd, cwd=ROOT)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if part.exists() and part.stat().st_size > 200_000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not out.exists()  # nothing published by an interrupted run
    # simulate the worst case: the kill cut the last line in half
    with open(part, "a", encoding="utf-8") as f:
        f.write('{"id": "u999999", "text": "cut')
    before = sum(1 for _ in open(part, encoding="utf-8")) - 1
    assert 0 < before < n
    res = subprocess.run(cmd + ["--resume"], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "already done" in res.stderr
    recs = read_jsonl(out)
    ids = [r["id"] for r in recs]
    assert len(ids) == n and set(ids) == {f"u{i}" for i in range(n)}
    assert not part.exists()
