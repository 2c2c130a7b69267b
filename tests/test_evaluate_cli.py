"""`unap evaluate` and `unap show`: scores.json schema, reports, configurations side by side, baseline comparison,
and the HTML pages loading in headless Chromium without console errors (screenshots kept as artifacts)."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.cli import main

from .conftest import SEED

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "runs" / "test-artifacts"


@pytest.fixture(scope="module")
def gold(tmp_path_factory):
    """A small real gold file: zh test paragraphs with strength, and hand-checked entity spans."""
    rows = [json.loads(l) for l in (ROOT / "annotations/strength/test.jsonl").read_text(encoding="utf-8").splitlines()]
    zh = [r for r in rows if r["lang"] == "zh"][:30]
    text = "回顾安全理事会第 2286(2016)号决议和 2024 年 12 月 9 日的报告(A/79/149)，"
    ents = [{"start": text.index("安全理事会"), "end": text.index("安全理事会") + 5, "label": "ORG", "id": "UN Security Council"},
            {"start": text.index("第 2286"), "end": text.index("号决议") + 3, "label": "RESOLUTION", "id": "S/RES/2286(2016)"},
            {"start": text.index("2024"), "end": text.index("9 日") + 3, "label": "DATE", "id": "2024-12-09"},
            {"start": text.index("A/79"), "end": text.index("A/79") + 8, "label": "DOCUMENT", "id": "A/79/149"}]
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for r in zh:
            f.write(json.dumps({"id": r["id"], "text": r["text"], "lang": "zh", "strength": r["strength"],
                                "intensity": r["intensity"]}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "ents-1", "text": text, "lang": "zh", "entities": ents,
                            "label": [[e["start"], e["end"], e["label"]] for e in ents]}, ensure_ascii=False) + "\n")
    return path


def test_evaluate_writes_run_with_stable_schema(gold, tmp_path, capsys):
    rc = main(["evaluate", "--gold", str(gold), "--name", "t1", "--runs-dir", str(tmp_path), "--rounds", "200",
               "--configs", "rules,model,combined"])
    assert rc == 0
    run = tmp_path / "t1"
    scores = json.loads((run / "scores.json").read_text(encoding="utf-8"))
    assert scores["schema_version"] == 1
    assert set(scores) >= {"name", "model", "gold", "units", "languages", "configs", "worst_errors"}
    assert set(scores["configs"]) == {"rules", "model", "combined"}
    for cfg in scores["configs"].values():
        st = cfg["strength"]
        assert set(st) >= {"accuracy", "macro_f1", "per_class", "confusion", "ci"}
        ci = st["ci"]["accuracy"]
        assert ci["low"] <= ci["value"] <= ci["high"]
        ents = cfg["entities"]
        assert set(ents) >= {"strict", "overlap", "per_label", "id_accuracy", "ci"}
        assert "paragraph_type" in cfg and "intensity" in cfg
    # rules find the four hand-checked entities with their ids
    assert scores["configs"]["rules"]["entities"]["strict"]["f"] == 1.0
    assert scores["configs"]["rules"]["entities"]["id_accuracy"] == 1.0
    assert {p.name for p in run.iterdir()} >= {"scores.json", "report.md", "report.html", "confusion-combined.png",
                                               "per-label-combined.png"}
    assert "| combined |" in (run / "report.md").read_text(encoding="utf-8")
    assert "| combined |" in capsys.readouterr().out


def test_evaluate_against_baseline_is_paired(gold, tmp_path):
    assert main(["evaluate", "--gold", str(gold), "--name", "t2", "--runs-dir", str(tmp_path), "--rounds", "200",
                 "--baseline", str(ROOT / "models")]) == 0
    scores = json.loads((tmp_path / "t2" / "scores.json").read_text(encoding="utf-8"))
    cmp = scores["comparison"]["strength_accuracy"]
    # the same model against itself: no difference, not significant
    assert cmp["difference"] == 0.0 and not cmp["significant"]


def test_evaluate_bad_gold_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{"text": \n', encoding="utf-8")
    assert main(["evaluate", "--gold", str(bad), "--runs-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.jsonl:2: malformed JSON" in err[0]


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def load_in_chromium(page: Path, shot: Path) -> str:
    """Open a page headless; return Chromium's log (console messages are logged at level 0)."""
    profile = shot.parent / (shot.stem + "-profile")
    res = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--window-size=1200,1600",
                          f"--screenshot={shot}", page.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    shutil.rmtree(profile, ignore_errors=True)
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stderr


def console_errors(log: str) -> list[str]:
    return [l for l in log.splitlines() if "CONSOLE" in l or "Uncaught" in l]


@pytest.mark.skipif(not chromium(), reason="Chromium is installed by `make test` (apt); not on this machine")
def test_report_and_show_pages_load_in_chromium(gold, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert main(["evaluate", "--gold", str(gold), "--name", "t3", "--runs-dir", str(tmp_path), "--rounds", "100"]) == 0
    report = tmp_path / "t3" / "report.html"
    text = report.read_text(encoding="utf-8")
    assert "<script" not in text and "http://" not in text and "https://" not in text  # self-contained
    shot = ARTIFACTS / "report.png"
    assert console_errors(load_in_chromium(report, shot)) == []
    assert shot.stat().st_size > 5000

    annotated = tmp_path / "seed.jsonl"
    assert main(["annotate", str(SEED), "-o", str(annotated), "-q"]) == 0
    page = tmp_path / "seed.html"
    assert main(["show", str(annotated), "-o", str(page)]) == 0
    html_text = page.read_text(encoding="utf-8")
    assert "A/RES/79/138#op3 · operative 3 · strength: declare (strongest)" in html_text
    shot = ARTIFACTS / "show.png"
    assert console_errors(load_in_chromium(page, shot)) == []
    assert shot.stat().st_size > 5000


def test_show_escapes_text(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "x<script>", "text": "<script>alert(1)</script> Urges all States;",
                               "entities": [], "paragraph": {"type": "operative", "number": None,
                                                             "strength": "urge", "intensity": "none", "verb": None}})
                   + "\n", encoding="utf-8")
    out = tmp_path / "a.html"
    assert main(["show", str(src), "-o", str(out)]) == 0
    assert "<script>alert" not in out.read_text(encoding="utf-8")


@pytest.mark.slow
def test_learning_curve(gold, tmp_path):
    assert main(["evaluate", "--gold", str(gold), "--name", "lc", "--runs-dir", str(tmp_path), "--rounds", "50",
                 "--learning-curve", "--curve-epochs", "1", "--lang", "zh"]) == 0
    scores = json.loads((tmp_path / "lc" / "scores.json").read_text(encoding="utf-8"))
    curve = scores["learning_curve"]
    assert [p["share"] for p in curve] == [0.25, 0.5, 0.75, 1.0]
    assert curve[0]["units"] < curve[-1]["units"]
    assert all(0 <= p["strength_accuracy"] <= 1 and 0 <= p["entity_f"] <= 1 for p in curve)
    assert (tmp_path / "lc" / "learning-curve.png").stat().st_size > 1000
