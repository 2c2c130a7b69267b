"""The evaluation report as its reader sees it (`unap evaluate`): report.md tables and the parsed report.html
(title, headings naming their configuration, id accuracy only when the gold has ids), and the confusion-matrix
plot (both axes named, every column labelled, every count legible on its cell)."""
import json
import re

import pytest
from matplotlib.colors import to_rgb

from pipeline.cli import main

from .htmlparse import parse

TEXT = "回顾安全理事会第 2286(2016)号决议和 2024 年 12 月 9 日的报告(A/79/149)，"


def gold_file(path, with_ids: bool):
    spans = [("安全理事会", "ORG", "UN Security Council"), ("第 2286(2016)号决议", "RESOLUTION", "S/RES/2286(2016)"),
             ("2024 年 12 月 9 日", "DATE", "2024-12-09"), ("A/79/149", "DOCUMENT", "A/79/149")]
    ents = [{"start": TEXT.index(s), "end": TEXT.index(s) + len(s), "label": lab} | ({"id": i} if with_ids else {})
            for s, lab, i in spans]
    rows = [{"id": "ents-1", "text": TEXT, "lang": "zh", "entities": ents},
            {"id": "op-1", "text": "1. 敦促所有国家全力确保国际法得到执行；", "lang": "zh", "strength": "urge",
             "intensity": "none"},
            {"id": "op-2", "text": "2. 题为“和平文化”的项目。", "lang": "zh", "strength": "decide", "intensity": "none"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def evaluate(tmp_path, with_ids: bool):
    gold = gold_file(tmp_path / "gold.jsonl", with_ids)
    assert main(["evaluate", "--gold", str(gold), "--name", "r1", "--runs-dir", str(tmp_path / "runs"),
                 "--rounds", "20", "--configs", "rules,model"]) == 0
    run = tmp_path / "runs" / "r1"
    return (run / "report.md").read_text(encoding="utf-8"), parse((run / "report.html").read_text(encoding="utf-8"))


def md_table(md: str, after: str) -> list[list[str]]:
    """The rows (separator dropped) of the first Markdown table at or after the text `after`."""
    lines = md[md.index(after):].splitlines()
    first = next(i for i, l in enumerate(lines) if l.startswith("|"))
    table = []
    for l in lines[first:]:
        if not l.startswith("|"):
            break
        table.append([c.strip() for c in l.strip("|").split("|")])
    return [r for r in table if not set("".join(r)) <= set("-")]


def html_rows(table) -> list[list[str]]:
    return [[c.text() for c in tr.children if not isinstance(c, str)] for tr in table.iter("tr")]


@pytest.fixture(scope="module")
def no_ids(tmp_path_factory):
    return evaluate(tmp_path_factory.mktemp("noids"), with_ids=False)


@pytest.fixture(scope="module")
def with_ids(tmp_path_factory):
    return evaluate(tmp_path_factory.mktemp("ids"), with_ids=True)


def test_id_accuracy_is_a_dash_when_the_gold_has_no_ids(no_ids, with_ids):
    for (md, page), expect_number in ((no_ids, False), (with_ids, True)):
        rows = md_table(md, "| configuration")
        col = rows[0].index("id accuracy")
        cells = [r[col] for r in rows[1:]]
        hrows = html_rows(page.find("table"))
        assert [r[hrows[0].index("id accuracy")] for r in hrows[1:]] == cells
        if expect_number:
            assert all(re.fullmatch(r"\d\.\d{3}", c) for c in cells), cells
        else:
            assert cells == ["–", "–"]


def test_html_title_and_headings_have_no_raw_markdown(no_ids):
    _, page = no_ids
    assert page.find("title").text() == "Evaluation run r1"
    h1 = page.find("h1")
    assert "`" not in h1.text() and h1.find("code").text() == "r1"
    for el in list(page.iter("h2")) + list(page.iter("p")) + list(page.iter("td")):
        assert "`" not in el.text(), el.text()


def test_per_label_table_and_confusion_matrix_name_their_configuration(no_ids):
    md, page = no_ids
    heads = [h.text() for h in page.iter("h2")]
    per_label = [h for h in heads if h.startswith("Entities per label")]
    confusion = [h for h in heads if h.startswith("Strength confusion")]
    assert per_label and confusion
    for h in per_label + confusion:
        assert re.search(r"configuration (rules|model)\b", h), h
    assert re.search(r"^## Entities per label \(strict\), configuration `(rules|model)`$", md, re.M)


def test_confusion_table_labels_every_column(no_ids):
    md, _ = no_ids
    rows = md_table(md, "## Strength confusion")
    head = rows[0]
    assert "gold" in head[0] and "pred" in head[0]
    assert all(re.fullmatch(r"[a-z][a-z ]*", c) for c in head[1:]), head
    assert "no verb found" in head  # op-2 has no operative verb: its column is named


def _lum(rgb) -> float:
    r, g, b = rgb[:3]
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_confusion_plot_is_readable():
    from pipeline.evaluation.report import confusion_figure

    classes = ["decide", "urge", "request", "encourage", "declare"]
    matrix = {g: {c: (279 if g == c else 1) for c in classes + ["∅"]} for g in classes}
    matrix["decide"]["decide"] = 5
    fig = confusion_figure(matrix, "combined")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "predicted" and ax.get_ylabel() == "gold"
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[:5] == classes and all(re.search(r"[a-z]{2}", t) for t in ticks), ticks
    img = ax.images[0]
    for t in ax.texts:
        x, y = t.get_position()
        cell = img.cmap(img.norm(img.get_array()[int(y)][int(x)]))
        assert abs(_lum(cell) - _lum(to_rgb(t.get_color()))) > 0.45, (t.get_text(), cell, t.get_color())
    darkest = max(ax.texts, key=lambda t: int(t.get_text()))
    assert darkest.get_text() == "279"
