"""What `unap doccano pull` gives back, against a real doccano 1.8.4 server: every field a unit was pushed with,
changed only where a person changed something; a report of exactly those edits; no empty gold file when there
is nothing to merge. Also what the corrector sees in an example's meta, and `serve --stop` with its --data."""
import json
import secrets
import shlex
from pathlib import Path

import pytest

from pipeline.cli import main

from .conftest import DOCCANO_HOME as HOME, SEED
from .test_doccano_loop import approve_all, change_class, client

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_units(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    assert main(["annotate", str(SEED), "-o", str(out), "-q"]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def push(units, tmp_path, capsys, name):
    src = tmp_path / f"{name}.jsonl"
    src.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in units), encoding="utf-8")
    project = f"{name}-{secrets.token_hex(3)}"
    assert main(["doccano", "push", str(src), "--project", project]) == 0
    capsys.readouterr()
    c = client()
    proj = next(p for p in c.list_projects() if p.name == project)
    return project, c, proj, {e.meta["unit_id"]: e for e in c.list_examples(proj.id)}


def pull(project, gold, capsys, *extra):
    rc = main(["doccano", "pull", "--project", project, "-o", str(gold), *extra])
    out, err = capsys.readouterr()
    return rc, json.loads(out), err


def read_gold(gold: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, gold.read_text(encoding="utf-8").splitlines())}


def leaves(x, path=""):
    """Every scalar of a record with its path: the fields compared one by one."""
    if isinstance(x, dict):
        return [kv for k, v in x.items() for kv in leaves(v, f"{path}.{k}")] or [(path, "{}")]
    if isinstance(x, list):
        return [kv for i, v in enumerate(x) for kv in leaves(v, f"{path}[{i}]")] or [(path, "[]")]
    return [(path, x)]


def without_provenance(rec):
    rec = json.loads(json.dumps(rec))
    assert rec["meta"].pop("doccano")["approved"] is True
    return rec


def test_round_trip_without_edits_keeps_every_field(doccano, seed_units, tmp_path, capsys):
    project, c, proj, examples = push(seed_units, tmp_path, capsys, "roundtrip")
    assert len(examples) == len(seed_units) == 106
    approve_all(c, proj.id, examples.values())  # a person looks at every example and approves it as it is
    gold = tmp_path / "gold.jsonl"
    rc, report, err = pull(project, gold, capsys, "--only-approved")
    assert rc == 0, err
    assert report["units_added"] == 106 and report["edits"] == {} and report["strength_changes"] == [] \
        and report["entities"] == {}
    pulled = read_gold(gold)
    assert list(pulled) == [u["id"] for u in seed_units]
    want = [kv for u in seed_units for kv in leaves(u, u["id"])]
    got = [kv for u in seed_units for kv in leaves(without_provenance(pulled[u["id"]]), u["id"])]
    assert got == want  # field by field, in order: ids, texts, labels, entities with ids, paragraph, meta, cats
    assert len(want) > 1000  # not a vacuous comparison (3,814 fields on the seed when written)
    # so an evaluation on the pulled gold finds the intensity, verb and addressees of every operative paragraph
    from pipeline.evaluation import run
    gold_units = {u["id"]: u for u in run.read_gold(gold)}
    for u in seed_units:
        if u["paragraph"]["type"] == "operative":
            g = gold_units[u["id"]]
            assert g["intensity"] == u["paragraph"]["intensity"] and g["strength"] == u["paragraph"]["strength"]
            assert [a["start"] for a in g["addressees"]] == [a["start"] for a in u["paragraph"]["addressees"]]


def test_pull_reports_exactly_the_human_edits(doccano, seed_units, tmp_path, capsys):
    by_id = {u["id"]: u for u in seed_units}
    ids = ["A/RES/79/138#pp4", "A/RES/79/138#pp14", "A/RES/79/138#pp15", "A/RES/79/138#op2", "A/RES/79/138#op5",
           "A/RES/79/138#op13", "A/RES/79/138#op14"]
    body = [by_id[i] for i in ids]
    project, c, proj, examples = push(body, tmp_path, capsys, "edits")
    span_ids = {lt.text: lt.id for lt in c.list_label_types(proj.id, "span")}
    cat_ids = {lt.text: lt.id for lt in c.list_label_types(proj.id, "category")}

    def spans_of(uid):
        return {(s.start_offset, s.end_offset): s for s in c.list_spans(proj.id, examples[uid].id)}

    add_uid, del_uid, rel_uid, st_uid = "A/RES/79/138#pp4", "A/RES/79/138#pp14", "A/RES/79/138#op13", \
        "A/RES/79/138#op5"
    add_at = by_id[add_uid]["text"].index("国际人道法")
    c.create_span(proj.id, examples[add_uid].id, add_at, add_at + 5, span_ids["TREATY"])
    gone = by_id[del_uid]["entities"][1]  # the second 联合国
    c.delete_span(proj.id, examples[del_uid].id, spans_of(del_uid)[gone["start"], gone["end"]].id)
    relabel = next(e for e in by_id[rel_uid]["entities"] if e["text"] == "联合国宪章")
    c.delete_span(proj.id, examples[rel_uid].id, spans_of(rel_uid)[relabel["start"], relabel["end"]].id)
    c.create_span(proj.id, examples[rel_uid].id, relabel["start"], relabel["end"], span_ids["DOCUMENT"])
    change_class(c, proj.id, examples[st_uid].id, cat_ids["request"])
    approve_all(c, proj.id, examples.values())

    gold = tmp_path / "gold.jsonl"
    rc, report, err = pull(project, gold, capsys, "--only-approved")
    assert rc == 0, err
    assert report["edits"] == {
        add_uid: {"added": [[add_at, add_at + 5, "TREATY", "国际人道法"]]},
        del_uid: {"removed": [[gone["start"], gone["end"], "ORG", "联合国"]]},
        rel_uid: {"relabelled": [[relabel["start"], relabel["end"], "TREATY->DOCUMENT", "联合国宪章"]]},
        st_uid: {"strength": "urge -> request"}}
    assert report["entities"] == {"TREATY added": 1, "ORG removed": 1, "TREATY->DOCUMENT relabelled": 1}
    assert report["strength_changes"] == [f"{st_uid}: urge -> request"]
    assert report["units_added"] == 7

    from pipeline.entities.gazetteer import Gazetteer
    from pipeline.entities.ids import entity_id

    def normalized(label, e, text):  # what the normalizer makes of a span a person drew (or None)
        return entity_id(label, text[e[0]:e[1]], "", text, e[0], "zh", 2024, Gazetteer.load()) or None

    pulled = {uid: without_provenance(r) for uid, r in read_gold(gold).items()}
    for uid in ids:
        want = json.loads(json.dumps(by_id[uid]))
        if uid == add_uid:
            new = {"start": add_at, "end": add_at + 5, "label": "TREATY", "text": "国际人道法",
                   "id": normalized("TREATY", (add_at, add_at + 5), want["text"])}
            want["entities"] = sorted(want["entities"] + [new], key=lambda e: (e["start"], e["end"]))
        if uid == del_uid:
            want["entities"].remove(gone)
        if uid == rel_uid:
            i = want["entities"].index(relabel)
            want["entities"][i] = {**relabel, "label": "DOCUMENT",
                                   "id": normalized("DOCUMENT", (relabel["start"], relabel["end"]), want["text"])}
        if uid in (add_uid, del_uid, rel_uid):
            want["label"] = [[e["start"], e["end"], e["label"]] for e in want["entities"]]
        if uid == st_uid:  # the class changes; what was read from the same opener is kept, marked for review
            want["paragraph"] = {**want["paragraph"], "strength": "request", "review": ["intensity", "verb"]}
            assert pulled[uid]["paragraph"]["intensity"] == "strong"
            assert pulled[uid]["paragraph"]["addressees"] == by_id[uid]["paragraph"]["addressees"]
        assert pulled[uid] == want, uid  # every other field as pushed, unchanged entities with their ids

    # a later edit is reported against the gold as last pulled, not against the push or nothing
    later = by_id["A/RES/79/138#op14"]["entities"][0]
    c.delete_span(proj.id, examples["A/RES/79/138#op14"].id, spans_of("A/RES/79/138#op14")[later["start"],
                                                                                         later["end"]].id)
    rc, again, err = pull(project, gold, capsys)
    assert rc == 0, err
    assert again["edits"] == {"A/RES/79/138#op14": {"removed": [[later["start"], later["end"], "ORG", "联合国"]]}}
    assert again["units_updated"] == 1 and again["unchanged"] == 6 and again["strength_changes"] == []
    assert read_gold(gold)[st_uid]["paragraph"]["strength"] == "request"


def test_nothing_to_pull_writes_no_gold_file(doccano, seed_units, tmp_path, capsys):
    project, c, proj, examples = push(seed_units[60:63], tmp_path, capsys, "nothing")
    gold = tmp_path / "gold.jsonl"
    rc, report, err = pull(project, gold, capsys, "--only-approved")
    assert rc == 1 and report["units_added"] == 0
    line = f"unap: nothing to merge from doccano project {project!r}: no example is approved; {gold} not written"
    assert err.strip().splitlines() == [line]
    assert not gold.exists() and not gold.with_name(gold.name + ".doccano-state.json").exists()
    rc, report, err = pull(project, gold, capsys)  # nobody touched anything
    assert rc == 1 and "3 examples pulled, none changed or approved since the push" in err
    assert len(err.strip().splitlines()) == 1 and not gold.exists()

    c.update_example_state(proj.id, examples[seed_units[61]["id"]].id)
    rc, report, err = pull(project, gold, capsys, "--only-approved")
    assert rc == 0 and report["units_added"] == 1 and err == ""
    before = gold.read_bytes()
    rc, report, err = pull(project, gold, capsys, "--only-approved")  # up to date: fine, and said so
    assert rc == 0 and "since the last pull" in err and f"{gold} left as it was" in err
    assert gold.read_bytes() == before


def test_the_corrector_sees_the_paragraph_reading(doccano, seed_units, tmp_path, capsys):
    body = [u for u in seed_units if u["id"] in ("A/RES/79/138#op5", "A/RES/79/138#op11", "A/RES/79/138#pp14")]
    examples = push(body, tmp_path, capsys, "meta")[3]
    op5 = examples["A/RES/79/138#op5"].meta
    assert {k: op5[k] for k in ("paragraph_type", "paragraph_number", "machine_strength", "machine_intensity",
                                "machine_verb", "machine_addressees")} == {
        "paragraph_type": "operative", "paragraph_number": 5, "machine_strength": "urge",
        "machine_intensity": "strong", "machine_verb": "强烈敦促", "machine_addressees": "所有国家 (states)"}
    assert examples["A/RES/79/138#op11"].meta["machine_addressees"] == \
        "所有国家 (states); 武装冲突所有各方 (parties); 所有人道主义行为体 (other_org)"
    pp = examples["A/RES/79/138#pp14"].meta
    assert pp["paragraph_type"] == "preambular" and pp["machine_verb"] == "表示深为关切"
    assert pp["machine_strength"] == "-" and "machine_addressees" not in pp


def test_stop_with_a_wrong_data_folder_fails(tmp_path, capsys):
    assert main(["doccano", "serve", "--stop", "--data", str(tmp_path / "elsewhere")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no doccano server recorded in" in err[0] and str(tmp_path / "elsewhere") in err[0]


def test_start_prints_the_exact_stop_command(doccano, capsys):
    from pipeline.doccano import server

    assert main(["doccano", "serve", "--data", str(HOME)]) == 0  # already running: it says so and how to stop it
    err = capsys.readouterr().err
    cmd = err.split("stop it with `")[1].split("`")[0]
    assert shlex.split(cmd) == ["unap", "doccano", "serve", "--stop", "--data", str(HOME.resolve())]
    assert server.running(Path(shlex.split(cmd)[-1]))  # the folder it names is the one with the running server
    assert server.stop_command(server.BUILTIN_HOME) == "unap doccano serve --stop"


@pytest.fixture
def no_server(monkeypatch):
    """Connection settings for a port nobody listens on: these errors must come before any request."""
    from .conftest import free_port

    monkeypatch.setenv("DOCCANO_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("DOCCANO_USERNAME", "admin")
    monkeypatch.setenv("DOCCANO_PASSWORD", "x")
    monkeypatch.setenv("UNAP_DOCCANO_RETRIES", "1")


def test_a_unit_too_large_for_doccano_is_refused_before_anything_is_pushed(no_server, tmp_path, capsys):
    src = tmp_path / "doc.jsonl"
    units = [{"id": "small", "text": "短"}, {"id": "whole-document", "text": "决议" * 250_000}]
    src.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in units), encoding="utf-8")
    assert main(["doccano", "push", str(src), "--project", "p"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(src) in err[0] and "unit whole-document" in err[0] and "doccano accepts" in err[0]


def test_a_broken_state_file_is_one_line_and_nothing_is_written(no_server, tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "u1", "text": "kept"}\n', encoding="utf-8")
    state = tmp_path / "gold.jsonl.doccano-state.json"
    state.write_text("{not json", encoding="utf-8")
    assert main(["doccano", "pull", "--project", "p", "-o", str(gold)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(state) in err[0] and "not valid JSON" in err[0]
    assert gold.read_text(encoding="utf-8") == '{"id": "u1", "text": "kept"}\n'
