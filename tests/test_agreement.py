"""Inter-annotator agreement: the coefficients against textbook examples, span agreement, the adjudication
worklist and gold, the readers, and `unap agreement` over files."""
import json

import pytest

from pipeline.agreement import (AgreementError, adjudicate, cohen_kappa, disagreements, krippendorff_alpha,
                                read_files, span_agreement, strength_agreement)
from pipeline.cli import main

N = None


def unit(text, spans=(), strength=None):
    return {"text": text, "entities": [{"start": s, "end": e, "label": lab} for s, e, lab in spans],
            "strength": strength}


# --- coefficients -------------------------------------------------------------------------------------
def test_cohen_kappa_two_by_two():
    # 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15. p_o = 35/50 = 0.7; rater A says yes 25 times,
    # rater B 30 times: p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert cohen_kappa(b, a) == pytest.approx(0.4)
    assert cohen_kappa(["x", "y"], ["x", "y"]) == 1.0
    assert cohen_kappa(["x", "x"], ["x", "x"]) is None  # chance agreement 1: undefined
    assert cohen_kappa([], []) is None


def test_krippendorff_alpha_nominal_with_missing_data():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", C.: 4 observers, 12 units, missing
    # values; nominal alpha = 0.743
    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N]
    b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3]
    c = [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N]
    d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]
    assert round(krippendorff_alpha(zip(a, b, c, d)), 3) == 0.743


def test_krippendorff_alpha_binary_two_observers():
    # the same paper, A.: two observers, ten units, binary: o00 = 10, o01 = o10 = 4, o11 = 2, n0 = 14, n1 = 6;
    # alpha = 1 - 19 * 8 / (2 * 14 * 6) = 0.095
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha(zip(a, b)) == pytest.approx(1 - 19 * 8 / 168)
    assert round(krippendorff_alpha(zip(a, b)), 3) == 0.095
    assert krippendorff_alpha([["x", "x"], ["y", "y", N]]) == 1.0
    assert krippendorff_alpha([["x", "x"], ["x", N]]) is None  # a single value: undefined
    assert krippendorff_alpha([["x", N], [N, "y"]]) is None  # nothing pairable


# --- spans, strength, worklist, gold ------------------------------------------------------------------
TEXT = "The Security Council decided on 5 May 2020."


def two_annotators():
    # ann is a dict annotator -> unit id -> unit
    return {
        "ana": {"u1": unit(TEXT, [(4, 20, "ORG"), (32, 42, "DATE")], "decide"),
                "u2": unit("Urges all States to act;", [], "urge"),
                "u3": unit("Requests the Secretary-General to report;", [(13, 30, "ORG")], "request")},
        "ben": {"u1": unit(TEXT, [(0, 20, "ORG"), (32, 42, "DATE")], "decide"),
                "u2": unit("Urges all States to act;", [], "request"),
                "u3": unit("Requests the Secretary-General to report;", [(13, 30, "ORG")], "request")},
    }


def test_span_agreement_exact_vs_overlap():
    s = span_agreement(two_annotators())
    (pair,) = s["pairs"]
    assert (pair["a"], pair["b"], pair["units"]) == ("ana", "ben", 3)
    # exact: DATE and the u3 ORG match, the u1 ORG differs in its start: tp 2, fp 1, fn 1
    ex = pair["exact"]
    assert (ex["micro"]["tp"], ex["micro"]["fp"], ex["micro"]["fn"]) == (2, 1, 1)
    assert ex["micro"]["f"] == pytest.approx(2 / 3)
    assert ex["per_label"]["ORG"]["f"] == pytest.approx(0.5) and ex["per_label"]["DATE"]["f"] == 1.0
    # overlap: the two ORG spans share characters, so everything matches
    assert pair["overlap"]["micro"]["f"] == 1.0 and pair["overlap"]["per_label"]["ORG"]["f"] == 1.0
    assert s["labels"] == ["DATE", "ORG"]  # scheme order, used labels only
    assert s["mean"]["exact"]["micro_f"] == pytest.approx(2 / 3)


def test_strength_agreement_kappa_and_alpha():
    st = strength_agreement(two_annotators())
    # decide/decide, urge/request, request/request: p_o = 2/3; ana uses decide, urge, request once each, ben
    # decide once and request twice: p_e = (1*1 + 1*0 + 1*2) / 9 = 1/3; kappa = (2/3 - 1/3) / (2/3) = 0.5
    (pair,) = st["pairs"]
    assert pair["n"] == 3 and pair["kappa"] == pytest.approx(0.5) and pair["observed"] == pytest.approx(2 / 3)
    # alpha: o(decide,decide) = 2, o(request,request) = 2, o(urge,request) = o(request,urge) = 1; n = 6,
    # n_decide = 2, n_request = 3, n_urge = 1; alpha = 1 - 5 * 2 / (2 * (2*3 + 2*1 + 3*1)) = 1 - 10/22
    assert st["alpha"] == pytest.approx(1 - 10 / 22) and st["alpha_units"] == 3
    assert st["mean_kappa"] == pytest.approx(0.5)


def test_unclassified_units_are_missing_for_strength():
    ann = {"a": {"u1": unit("x", [], "urge"), "u2": unit("y", [], None), "u3": unit("z", [], "decide")},
           "b": {"u1": unit("x", [], "urge"), "u2": unit("y", [], "decide"), "u3": unit("z", [], "decide")}}
    st = strength_agreement(ann)
    assert st["pairs"][0]["n"] == 2 and st["pairs"][0]["kappa"] == 1.0
    assert st["alpha"] == 1.0 and st["alpha_units"] == 2


def test_disagreement_list():
    d = disagreements(two_annotators())
    assert [x["unit_id"] for x in d] == ["u1", "u2"]  # u3 agrees
    u1, u2 = d
    assert u1["spans"] == [{"start": 0, "end": 20, "label": "ORG", "text": "The Security Council", "by": ["ben"]},
                           {"start": 4, "end": 20, "label": "ORG", "text": "Security Council", "by": ["ana"]}]
    assert "strength" not in u1
    assert u2["strength"] == {"ana": "urge", "ben": "request"} and "spans" not in u2


def test_adjudicated_gold_two_annotators_keeps_both_versions():
    gold = {g["id"]: g for g in adjudicate(two_annotators())}
    u1 = gold["u1"]
    assert u1["label"] == [[32, 42, "DATE"]]  # only the span both have
    assert u1["entities"] == [{"start": 32, "end": 42, "label": "DATE", "text": "5 May 2020"}]
    assert u1["paragraph"] == {"type": "operative", "strength": "decide"}
    assert u1["meta"]["adjudication"] == "needs review"
    assert u1["meta"]["annotators"]["ana"]["entities"][0] == {"start": 4, "end": 20, "label": "ORG"}
    assert u1["meta"]["annotators"]["ben"]["entities"][0] == {"start": 0, "end": 20, "label": "ORG"}
    assert gold["u2"]["paragraph"]["strength"] is None and gold["u2"]["meta"]["adjudication"] == "needs review"
    assert gold["u2"]["meta"]["annotators"] == {"ana": {"entities": [], "strength": "urge"},
                                                "ben": {"entities": [], "strength": "request"}}
    assert gold["u3"]["meta"]["adjudication"] == "agreed" and gold["u3"]["label"] == [[13, 30, "ORG"]]


def test_adjudicated_gold_majority_of_three():
    ann = two_annotators()
    ann["cy"] = {"u1": unit(TEXT, [(4, 20, "ORG")], "urge"), "u2": unit("Urges all States to act;", [], "urge"),
                 "u3": unit("Requests the Secretary-General to report;", [(13, 30, "ORG")], "decide")}
    gold = {g["id"]: g for g in adjudicate(ann)}
    # u1: ORG 4-20 (ana, cy) and DATE (ana, ben) win 2:1; ORG 0-20 (ben) loses; decide 2:1
    assert gold["u1"]["label"] == [[4, 20, "ORG"], [32, 42, "DATE"]]
    assert gold["u1"]["paragraph"]["strength"] == "decide" and gold["u1"]["meta"]["adjudication"] == "majority"
    assert gold["u2"]["paragraph"]["strength"] == "urge"
    assert set(gold["u1"]["meta"]["annotators"]) == {"ana", "ben", "cy"}
    ann["cy"]["u2"]["strength"] = "decide"  # urge, request, decide: no majority
    gold = {g["id"]: g for g in adjudicate(ann)}
    assert gold["u2"]["paragraph"]["strength"] is None and gold["u2"]["meta"]["adjudication"] == "needs review"
    assert len(strength_agreement(ann)["pairs"]) == 3


# --- readers and the command --------------------------------------------------------------------------
def write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def gold_row(uid, text, spans, strength, ptype="operative"):
    return {"id": uid, "text": text, "lang": "en", "label": [list(s) for s in spans],
            "entities": [{"start": s, "end": e, "label": lab, "text": text[s:e]} for s, e, lab in spans],
            "paragraph": {"type": ptype, "strength": strength}, "meta": {"document": "S/RES/1"}}


def test_reader_matches_doccano_export_to_gold_shape(tmp_path):
    a = write(tmp_path / "ana.jsonl", [gold_row("u1", TEXT, [(4, 20, "ORG")], "decide"),
                                       {"text": "Urges all States to act;", "strength": "urge"}])
    # doccano's export: its own example id, our meta flattened in (unit_id), spans as triples, cats as names
    b = write(tmp_path / "ben.jsonl", [{"id": 7, "text": "Urges all States to act;", "unit_id": "u2",
                                        "entities": [], "cats": ["request"], "Comments": []},
                                       {"id": 6, "text": TEXT, "unit_id": "u1", "lang": "en",
                                        "paragraph_type": "operative", "entities": [[4, 20, "ORG"]],
                                        "cats": ["decide"], "Comments": []}])
    ann = read_files([a, b])
    assert set(ann) == {"ana", "ben"}
    assert set(ann["ana"]) == set(ann["ben"]) == {"u1", "u2"}  # the id-less unit took u2 by its text
    assert ann["ben"]["u1"]["entities"] == [{"start": 4, "end": 20, "label": "ORG"}]
    assert ann["ben"]["u2"]["strength"] == "request" and ann["ana"]["u2"]["strength"] == "urge"


@pytest.mark.parametrize("row, problem", [
    ({"id": "u1", "text": "short", "label": [[0, 40, "ORG"]]}, "span 0-40 ORG does not fit the text"),
    ({"id": "u1", "text": "x", "cats": ["urge", "decide"]}, "2 strength classes"),
    ({"id": "u1"}, "needs a string 'text'"),
])
def test_reader_errors_name_file_and_line(tmp_path, row, problem):
    a = write(tmp_path / "a.jsonl", [gold_row("u0", "fine", [], None), row])
    b = write(tmp_path / "b.jsonl", [gold_row("u1", "x", [], None)])
    with pytest.raises(AgreementError, match=f"a.jsonl:2: .*{problem}"):
        read_files([a, b])


def test_same_id_with_another_text_is_an_error(tmp_path):
    a = write(tmp_path / "a.jsonl", [gold_row("u1", "one text", [], None)])
    b = write(tmp_path / "b.jsonl", [gold_row("u1", "another text", [], None)])
    with pytest.raises(AgreementError, match="unit u1 has another text"):
        read_files([a, b])


def test_cli_over_two_files(tmp_path, capsys):
    a = write(tmp_path / "ana.jsonl", [gold_row("u1", TEXT, [(4, 20, "ORG"), (32, 42, "DATE")], "decide"),
                                       gold_row("u2", "Urges all States to act;", [], "urge")])
    b = write(tmp_path / "ben.jsonl", [gold_row("u1", TEXT, [(0, 20, "ORG"), (32, 42, "DATE")], "decide"),
                                       gold_row("u2", "Urges all States to act;", [], "request")])
    gold, rep = tmp_path / "gold.jsonl", tmp_path / "report.json"
    assert main(["agreement", "--files", str(a), str(b), "-o", str(gold), "--report", str(rep)]) == 0
    out, err = capsys.readouterr()
    assert "annotators: ana, ben" in out and "ana~ben" in out
    assert "disagreements: 2 units (1 with spans, 1 with strength): u1, u2" in out
    assert "adjudicated gold: 2 units (2 needs review)" in err
    report = json.loads(rep.read_text(encoding="utf-8"))
    assert report["source"] == {"files": [str(a), str(b)]}
    assert report["spans"]["pairs"][0]["exact"]["micro"]["f"] == pytest.approx(0.5)
    assert report["spans"]["pairs"][0]["overlap"]["micro"]["f"] == 1.0
    # decide/decide, urge/request: p_o = 1/2, p_e = (1*1 + 0 + 0) / 4 = 1/4: kappa = (1/2 - 1/4) / (3/4) = 1/3
    assert report["strength"]["pairs"][0]["kappa"] == pytest.approx(1 / 3)
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["u1", "u2"]
    assert rows[0]["meta"]["document"] == "S/RES/1" and set(rows[0]["meta"]["annotators"]) == {"ana", "ben"}
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize("bad, problem", [
    ('{"id": "u1", "text": "x"}\n{not json\n', "b.jsonl:2: malformed JSON"),
    (None, "b.jsonl: no such file"),
    ("", "b.jsonl: no units"),
])
def test_cli_bad_file_one_line_exit_2_nothing_written(tmp_path, capsys, bad, problem):
    a = write(tmp_path / "a.jsonl", [gold_row("u1", "x", [], "urge")])
    b = tmp_path / "b.jsonl"
    if bad is not None:
        b.write_text(bad, encoding="utf-8")
    gold, rep = tmp_path / "gold.jsonl", tmp_path / "report.json"
    assert main(["agreement", "--files", str(a), str(b), "-o", str(gold), "--report", str(rep)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and problem in err
    assert not gold.exists() and not rep.exists()


def test_cli_needs_two_files_and_an_existing_output_folder(tmp_path, capsys):
    a = write(tmp_path / "a.jsonl", [gold_row("u1", "x", [], "urge")])
    assert main(["agreement", "--files", str(a)]) == 2
    assert "at least two" in capsys.readouterr().err
    b = write(tmp_path / "b.jsonl", [gold_row("u1", "x", [], "urge")])
    assert main(["agreement", "--files", str(a), str(b), "-o", str(tmp_path / "no" / "g.jsonl")]) == 2
    assert "output folder" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["agreement"])  # --project or --files is required
