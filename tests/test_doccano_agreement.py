"""`unap agreement --project` against a real doccano 1.8.4 server: two annotators label the same pushed units
in a non-collaborative project (each sees only their own labels), and the agreement figures, the worklist and
the adjudicated gold come from the admin's per-user export."""
import json
import os
import secrets

import pytest

from pipeline.cli import main

from .conftest import DOCCANO_HOME as HOME, SEED

pytestmark = pytest.mark.slow


def login(username: str, password: str):
    from pipeline.doccano.connection import Settings, connect
    return connect(Settings(os.environ["DOCCANO_URL"], username, password))


def keys(entities):
    return {(e["start"], e["end"], e["label"]) for e in entities}


def free_spot(text: str, taken: set) -> int:
    """The first two characters no span touches."""
    return next(i for i in range(len(text) - 1) if all(i + 2 <= s or e <= i for s, e, _ in taken))


def test_agreement_over_a_doccano_project(doccano, tmp_path, capsys, monkeypatch):
    annotated = tmp_path / "seed.jsonl"
    assert main(["annotate", str(SEED), "-o", str(annotated), "-q"]) == 0
    units = [json.loads(line) for line in annotated.read_text(encoding="utf-8").splitlines()]
    # 4 preambular paragraphs with entities, and one operative paragraph of each of four strength classes
    pre = [u for u in units if u["paragraph"]["type"] == "preambular" and u["entities"]][:4]
    ops = [next(u for u in units if u["paragraph"]["type"] == "operative" and u["paragraph"]["strength"] == c)
           for c in ("urge", "declare", "request", "encourage")]
    body = pre + ops
    src = tmp_path / "push.jsonl"
    src.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in body), encoding="utf-8")
    project = "agree-" + secrets.token_hex(3)
    assert main(["doccano", "push", str(src), "--project", project]) == 0
    capsys.readouterr()

    admin = login("admin", os.environ["DOCCANO_PASSWORD"])
    proj = next(p for p in admin.list_projects() if p.name == project)
    for name in ("ann1", "ann2"):  # passwords live in the environment only, as the admin's does
        monkeypatch.setenv(f"UNAP_TEST_{name.upper()}_PASSWORD", secrets.token_urlsafe(12))
        admin.create_user(name, os.environ[f"UNAP_TEST_{name.upper()}_PASSWORD"])
        admin.add_member(proj.id, name, role_name="annotator")

    # what each annotator does, decided here from the pushed units
    pushed = {u["id"]: keys(u["entities"]) for u in body}
    strength = {u["id"]: u["paragraph"]["strength"] for u in body}
    x_uid = ops[0]["id"]  # ann1 changes urge -> request
    y_uid = pre[0]["id"]  # ann2 adds a DOCUMENT span
    z_uid = next(u["id"] for u in pre[1:] if any(e["end"] - e["start"] > 1 for e in u["entities"]))
    z_old = next(k for k in sorted(pushed[z_uid]) if k[1] - k[0] > 1)  # ann2 ends it one character early
    z_new = (z_old[0], z_old[1] - 1, z_old[2])
    y_text = next(u["text"] for u in body if u["id"] == y_uid)
    y_at = free_spot(y_text, pushed[y_uid])
    y_new = (y_at, y_at + 2, "DOCUMENT")
    version = {"ann1": {uid: (set(s), "request" if uid == x_uid else strength[uid]) for uid, s in pushed.items()},
               "ann2": {uid: (set(s), strength[uid]) for uid, s in pushed.items()}}
    version["ann2"][y_uid][0].add(y_new)
    version["ann2"][z_uid][0].symmetric_difference_update({z_old, z_new})

    for name, mine in version.items():
        c = login(name, os.environ[f"UNAP_TEST_{name.upper()}_PASSWORD"])
        span_ids = {lt.text: lt.id for lt in c.list_label_types(proj.id, "span")}
        cat_ids = {lt.text: lt.id for lt in c.list_label_types(proj.id, "category")}
        for ex in c.list_examples(proj.id):
            spans, cls = mine[ex.meta["unit_id"]]
            assert c.list_spans(proj.id, ex.id) == []  # non-collaborative: the admin's pre-annotations are hidden
            for s, e, lab in sorted(spans):
                c.create_span(proj.id, ex.id, s, e, span_ids[lab])
            if cls:
                c.create_category(proj.id, ex.id, cat_ids[cls])

    gold, rep = tmp_path / "gold.jsonl", tmp_path / "report.json"
    assert main(["agreement", "--project", project, "-o", str(gold), "--report", str(rep)]) == 0
    out, err = capsys.readouterr()
    report = json.loads(rep.read_text(encoding="utf-8"))
    assert report["annotators"] == ["ann1", "ann2"] and report["units"] == 8 and report["units_by_all"] == 8
    assert report["skipped"] == {"admin": "labels identical to the pushed pre-annotations"}
    assert "annotators: ann1, ann2 (skipped: admin" in out

    # spans, ann1 as the reference: exact misses the shortened span, overlap still pairs it with the original
    a = [version["ann1"][u][0] for u in pushed]
    b = [version["ann2"][u][0] for u in pushed]
    tp, fp, fn = (sum(len(x & y) for x, y in zip(a, b)), sum(len(y - x) for x, y in zip(a, b)),
                  sum(len(x - y) for x, y in zip(a, b)))
    assert (fp, fn) == (2, 1)
    (pair,) = report["spans"]["pairs"]
    assert (pair["a"], pair["b"], pair["units"]) == ("ann1", "ann2", 8)
    ex, ov = pair["exact"]["micro"], pair["overlap"]["micro"]
    assert (ex["tp"], ex["fp"], ex["fn"]) == (tp, fp, fn)
    assert ex["f"] == pytest.approx(2 * tp / (2 * tp + fp + fn))
    assert (ov["tp"], ov["fp"], ov["fn"]) == (tp + 1, 1, 0)
    assert ov["f"] == pytest.approx(2 * (tp + 1) / (2 * (tp + 1) + 1))
    for lab, got in pair["exact"]["per_label"].items():
        t = sum(1 for x, y in zip(a, b) for k in x & y if k[2] == lab)
        wrong = sum(1 for x, y in zip(a, b) for k in x ^ y if k[2] == lab)
        assert got["f"] == pytest.approx(2 * t / (2 * t + wrong)), lab

    # strength: ann1 request, declare, request, encourage; ann2 urge, declare, request, encourage
    # kappa: p_o = 3/4, p_e = (2*1 + 1*1 + 1*1) / 16 = 1/4 -> (3/4 - 1/4) / (3/4) = 2/3
    # alpha: n_request 3, n_urge 1, n_declare 2, n_encourage 2 (n = 8); disagreeing coincidences 2;
    #        sum of n_c * n_k over c != k = 64 - (9 + 1 + 4 + 4) = 46 -> 1 - 7 * 2 / 46
    st = report["strength"]
    assert st["pairs"][0]["n"] == 4 and st["pairs"][0]["kappa"] == pytest.approx(2 / 3)
    assert st["alpha"] == pytest.approx(1 - 14 / 46) and st["alpha_units"] == 4

    # the worklist: exactly the three units made to differ
    dis = {d["unit_id"]: d for d in report["disagreements"]}
    assert set(dis) == {x_uid, y_uid, z_uid}
    assert dis[x_uid]["strength"] == {"ann1": "request", "ann2": "urge"} and "spans" not in dis[x_uid]
    assert [(s["start"], s["end"], s["label"], s["by"]) for s in dis[y_uid]["spans"]] == [(*y_new, ["ann2"])]
    assert sorted((s["start"], s["end"], s["label"], tuple(s["by"])) for s in dis[z_uid]["spans"]) == \
        sorted([(*z_old, ("ann1",)), (*z_new, ("ann2",))])

    # the adjudicated gold: agreed spans and classes, both versions in meta, disputed units marked
    rows = {r["id"]: r for r in map(json.loads, gold.read_text(encoding="utf-8").splitlines())}
    assert set(rows) == set(pushed)
    for uid, r in rows.items():
        assert keys(r["entities"]) == version["ann1"][uid][0] & version["ann2"][uid][0]
        assert {tuple(x) for x in r["label"]} == keys(r["entities"])
        assert r["meta"]["adjudication"] == ("needs review" if uid in dis else "agreed")
        assert r["paragraph"]["strength"] == (None if uid == x_uid else strength[uid])
        for name in ("ann1", "ann2"):
            kept = r["meta"]["annotators"][name]
            assert keys(kept["entities"]) == version[name][uid][0] and kept["strength"] == version[name][uid][1]
    assert rows[y_uid]["lang"] == "zh" and rows[x_uid]["paragraph"]["type"] == "operative"

    # naming the annotators takes the admin's pre-annotations in as a version like any other
    assert main(["agreement", "--project", project, "--annotators", "admin", "ann2"]) == 0
    assert "annotators: admin, ann2\n" in capsys.readouterr().out

    # no password anywhere: server log, outputs, terminal
    secrets_ = [os.environ["DOCCANO_PASSWORD"], os.environ["UNAP_TEST_ANN1_PASSWORD"],
                os.environ["UNAP_TEST_ANN2_PASSWORD"]]
    texts = [(HOME / "server.log").read_text(errors="replace"), gold.read_text(encoding="utf-8"),
             rep.read_text(encoding="utf-8"), out, err]
    assert not any(p in t for p in secrets_ for t in texts)


def test_unknown_project_is_one_line(doccano, capsys):
    assert main(["agreement", "--project", "no-such-project"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no doccano project named 'no-such-project'" in err[0]
