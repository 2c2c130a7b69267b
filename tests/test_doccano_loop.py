"""The doccano correction loop against a real doccano 1.8.4 server (installed and started by the same code
as `unap doccano serve`, on 127.0.0.1): push, correct through the REST API, pull and merge, re-push, retrain."""
import json
import os
import secrets

import pytest

from pipeline.cli import main

from .conftest import DOCCANO_HOME as HOME, SEED, free_port

pytestmark = pytest.mark.slow


def client():
    from pipeline.doccano.connection import Settings, connect
    return connect(Settings.load())


def change_class(c, project_id: int, example_id: int, category_id: int) -> None:
    """What an annotator does to correct an example's strength class."""
    cat = c.list_categories(project_id, example_id)[0]
    c.delete_category(project_id, example_id, cat.id)
    c.create_category(project_id, example_id, category_id)


def approve_all(c, project_id: int, examples) -> None:
    for e in examples:
        c.update_example_state(project_id, e.id)


def test_push_correct_pull_retrain(doccano, tmp_path, capsys):
    annotated = tmp_path / "seed.jsonl"
    assert main(["annotate", str(SEED), "-o", str(annotated), "-q"]) == 0
    units = [json.loads(l) for l in annotated.read_text(encoding="utf-8").splitlines()]
    # 30 paragraphs: 20 preambular and 10 operative (with a strength class to correct)
    body = [u for u in units if u["paragraph"]["type"] == "preambular"][:20] + \
        [u for u in units if u["paragraph"]["type"] == "operative"][:10]
    src = tmp_path / "push.jsonl"
    src.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in body), encoding="utf-8")
    project = "seed-" + secrets.token_hex(3)
    assert main(["doccano", "push", str(src), "--project", project]) == 0
    assert "30 new" in capsys.readouterr().err

    # the annotator, through the REST API
    c = client()
    proj = next(p for p in c.list_projects() if p.name == project)
    examples = {e.meta["unit_id"]: e for e in c.list_examples(proj.id)}
    assert len(examples) == 30
    span_ids = {lt.text: lt.id for lt in c.list_label_types(proj.id, "span")}
    cat_ids = {lt.text: lt.id for lt in c.list_label_types(proj.id, "category")}
    by_id = {u["id"]: u for u in body}
    # 1. a missed span: TREATY on 国际人道法 in the first preambular paragraph that says it
    add_uid = next(u["id"] for u in body if "国际人道法" in u["text"]
                   and not any(e["text"] == "国际人道法" for e in u["entities"]))
    add_start = by_id[add_uid]["text"].index("国际人道法")
    c.create_span(proj.id, examples[add_uid].id, add_start, add_start + 5, span_ids["TREATY"])
    # 2. a wrong span deleted: the first 联合国 of another unit
    del_uid = next(u["id"] for u in body if u["id"] != add_uid and any(e["text"] == "联合国" for e in u["entities"]))
    spans = c.list_spans(proj.id, examples[del_uid].id)
    victim = next(s for s in spans if by_id[del_uid]["text"][s.start_offset:s.end_offset] == "联合国")
    c.delete_span(proj.id, examples[del_uid].id, victim.id)
    # 3. a strength class changed: the first operative paragraph that is 'urge' becomes 'request'
    st_uid = next(u["id"] for u in body if u["paragraph"]["strength"] == "urge")
    change_class(c, proj.id, examples[st_uid].id, cat_ids["request"])
    # 4. approve everything
    approve_all(c, proj.id, examples.values())

    gold = tmp_path / "gold.jsonl"
    assert main(["doccano", "pull", "--project", project, "-o", str(gold), "--only-approved"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["units_added"] == 30 and report["conflicts"] == [] and report["bad_spans"] == []
    merged = {json.loads(l)["id"]: json.loads(l) for l in gold.read_text(encoding="utf-8").splitlines()}
    assert set(merged) == set(by_id)
    for uid, u in by_id.items():
        got = {(e["start"], e["end"], e["label"]) for e in merged[uid]["entities"]}
        want = {(e["start"], e["end"], e["label"]) for e in u["entities"]}
        if uid == add_uid:
            want.add((add_start, add_start + 5, "TREATY"))
        if uid == del_uid:
            want.discard((victim.start_offset, victim.end_offset, "ORG"))
        assert got == want, uid
        want_st = "request" if uid == st_uid else u["paragraph"]["strength"]
        assert merged[uid]["paragraph"]["strength"] == want_st, uid
        assert merged[uid]["text"] == u["text"]

    # pulling again changes nothing; pushing again adds nothing
    assert main(["doccano", "pull", "--project", project, "-o", str(gold)]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["units_added"] == 0 and again["units_updated"] == 0 and again["conflicts"] == []
    assert main(["doccano", "push", str(src), "--project", project]) == 0
    assert "0 new" in capsys.readouterr().err and len(list(c.list_examples(proj.id))) == 30

    # a local edit and a doccano edit of the same unit since the last pull: a conflict, neither overwritten
    lines = gold.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[0])
    rec["paragraph"]["strength"] = "decide"
    lines[0] = json.dumps(rec, ensure_ascii=False)
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ex = examples[rec["id"]]
    c.create_span(proj.id, ex.id, 0, 2, span_ids["ORG"])
    assert main(["doccano", "pull", "--project", project, "-o", str(gold)]) == 1
    conflict = json.loads(capsys.readouterr().out)
    assert conflict["conflicts"] == [rec["id"]]
    assert json.loads(gold.read_text(encoding="utf-8").splitlines()[0])["paragraph"]["strength"] == "decide"

    # retrain a small model on the corrected units: it now predicts the corrected class
    from pipeline.evaluation import run
    from pipeline.training.train import train
    import spacy

    units_gold = run.read_gold(gold)
    rows = [{"text": u["text"], "strength": u["strength"], "lang": "zh", "intensity": u.get("intensity")}
            for u in units_gold if u.get("strength")]
    ents = [{"id": u["id"], "text": u["text"], "lang": "zh", "entities": u["entities"]} for u in units_gold]
    info = train("zh", tmp_path / "small", epochs=12, quiet=True, train_rows=rows * 4, train_units=ents)
    nlp = spacy.load(info["path"])
    corrected = [u for u in units_gold if u["id"] == st_uid]
    pred = run.predict(nlp, corrected, "model")
    assert pred[0]["strength"] == "request"


def test_credentials_never_on_the_command_line(doccano, capsys):
    # the CLI has no password option at all, and a missing password is one clear line
    env = os.environ.pop("DOCCANO_PASSWORD")
    try:
        rc = main(["doccano", "pull", "--project", "x", "-o", "/tmp/unused.jsonl", "--config", "/nonexistent.json"])
        assert rc == 2
        assert "no such config file" in capsys.readouterr().err
    finally:
        os.environ["DOCCANO_PASSWORD"] = env
    log = (HOME / "server.log").read_text(errors="replace")
    assert env not in log


def test_server_down_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DOCCANO_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("DOCCANO_USERNAME", "admin")
    monkeypatch.setenv("DOCCANO_PASSWORD", "x")
    monkeypatch.setenv("UNAP_DOCCANO_RETRIES", "3")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "u1", "text": "kept"}\n', encoding="utf-8")
    assert main(["doccano", "pull", "--project", "p", "-o", str(gold)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "did not answer (login) after 3 attempts" in err[0]
    assert gold.read_text(encoding="utf-8") == '{"id": "u1", "text": "kept"}\n'  # untouched


def test_interrupted_push_resumes_without_duplicates(doccano, tmp_path, monkeypatch, capsys):
    from doccano_client import DoccanoClient

    annotated = tmp_path / "seed.jsonl"
    assert main(["annotate", str(SEED), "-o", str(annotated), "-q"]) == 0
    units = [l for l in annotated.read_text(encoding="utf-8").splitlines() if '"operative"' in l][:12]
    src = tmp_path / "push.jsonl"
    src.write_text("\n".join(units) + "\n", encoding="utf-8")
    project = "resume-" + secrets.token_hex(3)
    real = DoccanoClient.create_category
    calls = {"n": 0}

    def flaky(self, *a, **k):  # the connection dies after 5 examples got their labels
        calls["n"] += 1
        if calls["n"] > 5:
            raise KeyboardInterrupt("interrupted")
        return real(self, *a, **k)

    monkeypatch.setattr(DoccanoClient, "create_category", flaky)
    with pytest.raises(KeyboardInterrupt):
        main(["doccano", "push", str(src), "--project", project])
    monkeypatch.setattr(DoccanoClient, "create_category", real)
    assert main(["doccano", "push", str(src), "--project", project]) == 0
    err = capsys.readouterr().err
    assert "6 new, 1 resumed, 5 already there" in err
    c = client()
    proj = next(p for p in c.list_projects() if p.name == project)
    exs = list(c.list_examples(proj.id))
    assert len(exs) == 12 and len({e.meta["unit_id"] for e in exs}) == 12
    for e in exs:  # every example complete, each with exactly one strength category
        assert e.meta["unap_complete"] and len(c.list_categories(proj.id, e.id)) == 1


def test_push_selected_units_most_informative_first(doccano, tmp_path, capsys):
    annotated = tmp_path / "seed.jsonl"
    assert main(["annotate", str(SEED), "-o", str(annotated), "-q"]) == 0
    project = "select-" + secrets.token_hex(3)
    assert main(["doccano", "push", str(annotated), "--project", project, "--select", "uncertain",
                 "--limit", "5"]) == 0
    assert "5 new" in capsys.readouterr().err
    # the next push with the same selection brings the next five, not the same ones again
    assert main(["doccano", "push", str(annotated), "--project", project, "--select", "uncertain",
                 "--limit", "5"]) == 0
    assert "5 new" in capsys.readouterr().err
    c = client()
    proj = next(p for p in c.list_projects() if p.name == project)
    exs = sorted(c.list_examples(proj.id), key=lambda e: e.id)  # doccano shows examples in creation order
    assert len(exs) == 10 and len({e.meta["unit_id"] for e in exs}) == 10
    sel = [e.meta["selection"] for e in exs]
    assert [s["rank"] for s in sel] == [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]
    prios = [s["priority"] for s in sel]
    assert prios == sorted(prios, reverse=True)  # most informative first, across both batches
    assert all(s["strategy"] == "uncertain" and set(s["signals"]) >= {"ner_uncertainty", "strength_uncertainty"}
               for s in sel)
