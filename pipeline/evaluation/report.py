"""Write an evaluation run: scores.json, report.md, report.html (self-contained, all text escaped) and plots."""
from __future__ import annotations

import base64
import html
import io
import json
import os
from pathlib import Path
from typing import Any

from ..scheme import COLORS


def _fig_png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return buf.getvalue()


def plots(scores: dict[str, Any]) -> dict[str, bytes]:
    """Confusion-matrix heat maps and per-label F1 bars, per configuration."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out: dict[str, bytes] = {}
    for cfg, s in scores["configs"].items():
        if "strength" in s:
            m = s["strength"]["confusion"]
            rows = list(m)
            cols = [c for c in next(iter(m.values()))]
            data = [[m[r][c] for c in cols] for r in rows]
            fig, ax = plt.subplots(figsize=(5, 4))
            ax.imshow(data, cmap="Blues")
            ax.set_xticks(range(len(cols)), cols, rotation=45)
            ax.set_yticks(range(len(rows)), rows)
            ax.set_xlabel("predicted")
            ax.set_ylabel("gold")
            for i, row in enumerate(data):
                for j, v in enumerate(row):
                    ax.text(j, i, str(v), ha="center", va="center", fontsize=8)
            ax.set_title(f"strength confusion ({cfg})")
            out[f"confusion-{cfg}.png"] = _fig_png(fig)
            plt.close(fig)
        if "entities" in s:
            per = s["entities"]["per_label"]["strict"]
            labels = list(per)
            fig, ax = plt.subplots(figsize=(6, 3))
            for k, (metric, off) in enumerate((("p", -0.25), ("r", 0), ("f", 0.25))):
                ax.bar([i + off for i in range(len(labels))], [per[lab][metric] for lab in labels], width=0.25,
                       label={"p": "precision", "r": "recall", "f": "F1"}[metric])
            ax.set_xticks(range(len(labels)), labels)
            ax.set_ylim(0, 1.05)
            ax.legend(fontsize=7)
            ax.set_title(f"entities per label, strict ({cfg})")
            out[f"per-label-{cfg}.png"] = _fig_png(fig)
            plt.close(fig)
    curve = scores.get("learning_curve")
    if curve:
        fig, ax = plt.subplots(figsize=(5, 3))
        xs = [p["share"] * 100 for p in curve]
        for key, name in (("entity_f", "entity F1 (strict)"), ("strength_accuracy", "strength accuracy")):
            if any(key in p for p in curve):
                ax.plot(xs, [p.get(key, 0) for p in curve], marker="o", label=name)
        ax.set_xlabel("% of the train split")
        ax.set_ylim(0, 1.05)
        ax.legend(fontsize=7)
        ax.set_title("learning curve")
        out["learning-curve.png"] = _fig_png(fig)
        plt.close(fig)
    return out


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def _ci(ci: dict[str, Any]) -> str:
    return f"{ci['value']:.3f} [{ci['low']:.3f}, {ci['high']:.3f}]"


def markdown(scores: dict[str, Any]) -> str:
    lines = [f"# Evaluation run `{scores['name']}`", "",
             f"Model `{scores['model']}` on `{scores['gold']}` ({scores['units']} units)"
             + (f", baseline `{scores['baseline']['model']}`" if scores.get("baseline") else "") + ".", ""]
    lines += ["| configuration | entity F1 strict [95% CI] | entity F1 overlap | id accuracy | paragraph type acc. "
              "| strength acc. [95% CI] | strength macro-F1 | intensity acc. |", "|---" * 8 + "|"]
    for cfg, s in scores["configs"].items():
        e = s.get("entities")
        st = s.get("strength")
        lines.append("| " + " | ".join([
            cfg,
            _ci(e["ci"]["strict_f"]) if e else "–",
            _fmt(e["overlap"]["f"]) if e else "–",
            _fmt(e["id_accuracy"]) if e else "–",
            _fmt(s["paragraph_type"]["accuracy"]) if "paragraph_type" in s else "–",
            _ci(st["ci"]["accuracy"]) if st else "–",
            _fmt(st["macro_f1"]) if st else "–",
            _fmt(s["intensity"]["accuracy"]) if "intensity" in s else "–",
        ]) + " |")
    main = scores["configs"].get("combined") or next(iter(scores["configs"].values()))
    if "entities" in main:
        lines += ["", "## Entities per label (strict)", "", "| label | P | R | F1 | gold | predicted |",
                  "|---|---|---|---|---|---|"]
        for lab, v in main["entities"]["per_label"]["strict"].items():
            lines.append(f"| {lab} | {_fmt(v['p'])} | {_fmt(v['r'])} | {_fmt(v['f'])} | {v['tp'] + v['fn']} "
                         f"| {v['tp'] + v['fp']} |")
    if "strength" in main:
        from .classes import confusion_table
        lines += ["", "## Strength confusion matrix", "", confusion_table(main["strength"]["confusion"])]
    if scores.get("comparison"):
        lines += ["", "## Against the baseline (paired bootstrap)", "",
                  "| metric | difference | 95% CI | p | significant |", "|---|---|---|---|---|"]
        for k, v in scores["comparison"].items():
            lines.append(f"| {k} | {v['difference']:+.3f} | [{v['low']:+.3f}, {v['high']:+.3f}] | {v['p']:.3f} "
                         f"| {'yes' if v['significant'] else 'no'} |")
    if scores.get("learning_curve"):
        lines += ["", "## Learning curve", "", "| share of train | units | entity F1 | strength acc. |",
                  "|---|---|---|---|"]
        for p in scores["learning_curve"]:
            lines.append(f"| {p['share']:.0%} | {p['units']} | {_fmt(p.get('entity_f', 0))} "
                         f"| {_fmt(p.get('strength_accuracy', 0))} |")
    lines += ["", "## Worst errors", ""]
    for e in scores.get("worst_errors", []):
        lines.append(f"- `{e['id']}` ({e['errors']} errors): missed {e['missed']}, spurious {e['spurious']}"
                     + (f", strength {e['gold_strength']} -> {e['pred_strength']}" if e['gold_strength'] and
                        e['gold_strength'] != e['pred_strength'] else ""))
    return "\n".join(lines) + "\n"


def _highlight(text: str, missed: list, spurious: list) -> str:
    marks = [(s, e, "missed", lab) for s, e, lab in missed] + [(s, e, "spurious", lab) for s, e, lab in spurious]
    marks.sort()
    out, pos = [], 0
    for s, e, kind, lab in marks:
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="{kind}" title="{html.escape(kind)} {html.escape(lab)}">'
                   f'{html.escape(text[s:e])}<sub>{html.escape(lab)}</sub></mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def html_report(scores: dict[str, Any], images: dict[str, bytes], md: str) -> str:
    rows = []
    in_table = False
    body = []
    for line in md.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if set("".join(cells)) <= set("-"):
                continue
            tag = "th" if not in_table else "td"
            if not in_table:
                body.append("<table>")
                in_table = True
            body.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in cells) + "</tr>")
            continue
        if in_table:
            body.append("</table>")
            in_table = False
        if line.startswith("# "):
            body.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.startswith("## "):
            if line[3:] == "Worst errors":
                break
            body.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    if in_table:
        body.append("</table>")
    for name, png in images.items():
        body.append(f'<figure><img alt="{html.escape(name)}" src="data:image/png;base64,'
                    f'{base64.b64encode(png).decode()}"><figcaption>{html.escape(name)}</figcaption></figure>')
    body.append("<h2>Worst errors</h2>")
    for e in scores.get("worst_errors", []):
        st = ""
        if e["gold_strength"] and e["gold_strength"] != e["pred_strength"]:
            st = f" · strength {html.escape(str(e['gold_strength']))} → {html.escape(str(e['pred_strength']))}"
        rows.append(f"<div class='err'><div class='id'>{html.escape(e['id'])} · {e['errors']} errors{st}</div>"
                    f"<div class='text'>{_highlight(e['text'], e['missed'], e['spurious'])}</div></div>")
    body += rows
    css = ("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
           "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}"
           "th{background:#f2f2f2}mark.missed{background:#ffd5d5}mark.spurious{background:#d5e5ff}"
           "mark sub{font-size:9px;margin-left:2px}.err{border-top:1px solid #ddd;padding:6px 0}"
           ".id{font-size:12px;color:#666}figure{display:inline-block;margin:8px}")
    legend = ("<p><mark class='missed'>missed (in gold, not predicted)</mark> "
              "<mark class='spurious'>spurious (predicted, not in gold)</mark></p>")
    colors = "".join(f"<span style='background:{c};padding:0 4px;margin:2px'>{html.escape(k)}</span>"
                     for k, c in COLORS.items())
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(scores['name'])}"
            f"</title><style>{css}</style></head><body>{''.join(body[:1])}<p>{colors}</p>{legend}"
            f"{''.join(body[1:])}</body></html>")


def write_run(run_dir: Path, scores: dict[str, Any]) -> Path:
    """Write all files to a temporary folder, then rename it into place (no half-written run)."""
    run_dir = Path(run_dir)
    tmp = run_dir.with_name(run_dir.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    images = plots(scores)
    for name, png in images.items():
        (tmp / name).write_bytes(png)
    md = markdown(scores)
    (tmp / "report.md").write_text(md, encoding="utf-8")
    (tmp / "report.html").write_text(html_report(scores, images, md), encoding="utf-8")
    (tmp / "scores.json").write_text(json.dumps(scores, ensure_ascii=False, indent=1), encoding="utf-8")
    if run_dir.exists():
        old = run_dir.with_name(run_dir.name + ".old")
        os.replace(run_dir, old)
        os.replace(tmp, run_dir)
        import shutil
        shutil.rmtree(old)
    else:
        os.replace(tmp, run_dir)
    return run_dir
