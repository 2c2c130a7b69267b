"""Write an evaluation run: scores.json, report.md, report.html (self-contained, all text escaped) and plots."""
from __future__ import annotations

import base64
import html
import io
import json
import os
import re
from pathlib import Path
from typing import Any

from ..languages import PROFILES, is_rtl
from ..scheme import COLORS, ENTITY_LABELS


def _fig_png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return buf.getvalue()


NO_PREDICTION = "no verb found"  # the matrix column of units the pipeline gave no class ('∅' in scores.json)


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    return plt


def _named(matrix: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {g: {(NO_PREDICTION if c == "∅" else c): v for c, v in row.items()} for g, row in matrix.items()}


def _luminance(rgb) -> float:
    """WCAG relative luminance of an (r, g, b[, a]) colour with channels in 0..1."""
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def confusion_figure(matrix: dict[str, dict[str, int]], cfg: str):
    """The strength confusion matrix as a heat map: rows gold, columns predicted, each count written in black or
    white, whichever contrasts more with its cell."""
    plt = _pyplot()
    m = _named(matrix)
    rows = list(m)
    cols = list(next(iter(m.values())))
    data = [[m[r][c] for c in cols] for r in rows]
    fig, ax = plt.subplots(figsize=(5.5, 4.5))
    img = ax.imshow(data, cmap="Blues", vmin=0)
    ax.set_xticks(range(len(cols)), cols, rotation=45, ha="right")
    ax.set_yticks(range(len(rows)), rows)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            cell = img.cmap(img.norm(v))
            ink = max(("black", (0, 0, 0)), ("white", (1, 1, 1)), key=lambda c: contrast(cell, c[1]))[0]
            ax.text(j, i, str(v), ha="center", va="center", fontsize=8, color=ink)
    ax.set_title(f"strength confusion ({cfg})")
    return fig


def plots(scores: dict[str, Any]) -> dict[str, bytes]:
    """Confusion-matrix heat maps and per-label F1 bars, per configuration."""
    plt = _pyplot()
    out: dict[str, bytes] = {}
    for cfg, s in scores["configs"].items():
        if "strength" in s:
            fig = confusion_figure(s["strength"]["confusion"], cfg)
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


def gold_has_ids(scores: dict[str, Any]) -> bool:
    """Whether the gold file of the run gives any entity a normalized id. Without ids, `id_accuracy` only
    counts predicted spans that have none either, which is no measure of anything. A gold file that can no
    longer be read is assumed to have ids (the figure is shown as computed)."""
    from .run import GoldError, read_gold

    try:
        units = read_gold(Path(scores["gold"]))
    except (GoldError, OSError, KeyError):
        return True
    return any(e.get("id") for u in units for e in u.get("entities", []))


def markdown(scores: dict[str, Any]) -> str:
    ids = gold_has_ids(scores)
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
            _fmt(e["id_accuracy"]) if e and ids else "–",
            _fmt(s["paragraph_type"]["accuracy"]) if "paragraph_type" in s else "–",
            _ci(st["ci"]["accuracy"]) if st else "–",
            _fmt(st["macro_f1"]) if st else "–",
            _fmt(s["intensity"]["accuracy"]) if "intensity" in s else "–",
        ]) + " |")
    if not ids and any("entities" in s for s in scores["configs"].values()):
        lines += ["", "The gold gives no entity ids, so id accuracy is not measured (–)."]
    name = "combined" if "combined" in scores["configs"] else next(iter(scores["configs"]))
    main = scores["configs"][name]
    if main.get("by_language"):
        lines += ["", f"## Per language, configuration `{name}`", "",
                  "| language | units | entity F1 strict [95% CI] | id accuracy | paragraph type acc. "
                  "| strength acc. [95% CI] | intensity acc. |", "|---" * 7 + "|"]
        for lang, s in main["by_language"].items():
            e, st = s.get("entities"), s.get("strength")
            lines.append("| " + " | ".join([
                lang, str(s["units"]), _ci(e["ci"]["strict_f"]) if e else "–",
                _fmt(e["id_accuracy"]) if e and ids else "–",
                _fmt(s["paragraph_type"]["accuracy"]) if "paragraph_type" in s else "–",
                _ci(st["ci"]["accuracy"]) if st else "–",
                _fmt(s["intensity"]["accuracy"]) if "intensity" in s else "–"]) + " |")
    if "entities" in main:
        lines += ["", f"## Entities per label (strict), configuration `{name}`", "",
                  "| label | P | R | F1 | gold | predicted |", "|---|---|---|---|---|---|"]
        for lab, v in main["entities"]["per_label"]["strict"].items():
            lines.append(f"| {lab} | {_fmt(v['p'])} | {_fmt(v['r'])} | {_fmt(v['f'])} | {v['tp'] + v['fn']} "
                         f"| {v['tp'] + v['fp']} |")
    if "strength" in main:
        from .classes import confusion_table
        lines += ["", f"## Strength confusion matrix, configuration `{name}` (rows gold, columns predicted)", "",
                  confusion_table(_named(main["strength"]["confusion"]))]
    if any("clauses" in s for s in scores["configs"].values()):  # the gold has clauses (annotations/clauses/)
        lines += ["", "## Clauses (verb span exact)", "",
                  "| configuration | gold clauses | verb P | verb R | verb F1 | later-clause F1 | class acc. "
                  "| intensity acc. | addressee F1 | later-clause addressee F1 | max_strength acc. |", "|---" * 11 + "|"]
        for cfg, s in scores["configs"].items():
            c = s.get("clauses")
            if c:
                lines.append(f"| {cfg} | {c['gold_clauses']} | {_fmt(c['detection']['p'])} | {_fmt(c['detection']['r'])} "
                             f"| {_fmt(c['detection']['f'])} | {_fmt(c['later_detection']['f'])} "
                             f"| {_fmt(c['class_accuracy'])} | {_fmt(c['intensity_accuracy'])} "
                             f"| {_fmt(c['addressees']['f'])} | {_fmt(c['later_addressees']['f'])} "
                             f"| {_fmt(c['max_strength_accuracy'])} |")
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
    # `unap evaluate` takes the worst errors from its first configuration
    lines += ["", f"## Worst errors, configuration `{next(iter(scores['configs']))}`", ""]
    for e in scores.get("worst_errors", []):
        lines.append(f"- `{e['id']}` ({e['errors']} errors): missed {e['missed']}, spurious {e['spurious']}"
                     + (f", strength {e['gold_strength']} -> {e['pred_strength']}" if e['gold_strength'] and
                        e['gold_strength'] != e['pred_strength'] else ""))
    return "\n".join(lines) + "\n"


def _rgb(hex_color: str) -> tuple[float, float, float]:
    return tuple(int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5))


def _chip(label: str) -> str:
    """A label in its scheme colour, written in black or white, whichever contrasts more."""
    bg = COLORS.get(label, "#dddddd")
    ink = max(("#000", (0, 0, 0)), ("#fff", (1, 1, 1)), key=lambda c: contrast(_rgb(bg), c[1]))[0]
    return f"<span class='chip' style='background:{bg};color:{ink}'>{html.escape(label)}</span>"


def _highlight(text: str, missed: list, spurious: list) -> str:
    marks = [(s, e, "missed", lab) for s, e, lab in missed] + [(s, e, "spurious", lab) for s, e, lab in spurious]
    marks.sort()
    out, pos = [], 0
    for s, e, kind, lab in marks:
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="{kind}" title="{html.escape(kind)} {html.escape(lab)}">'
                   f'{html.escape(text[s:e])}<sub>{_chip(lab)}</sub></mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _direction(lang: Any) -> str:
    """The attributes of a unit's text: its language and, for a right-to-left one (Arabic), dir='rtl'."""
    if lang not in PROFILES:
        return ""
    return f" lang='{lang}'" + (" dir='rtl'" if is_rtl(lang) else "")


def _inline(text: str) -> str:
    """Escaped text with Markdown `code` as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


def html_report(scores: dict[str, Any], images: dict[str, bytes], md: str) -> str:
    in_table = False
    body = []
    worst = "Worst errors"
    for line in md.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if set("".join(cells)) <= set("-"):
                continue
            tag = "th" if not in_table else "td"
            if not in_table:
                body.append("<table>")
                in_table = True
            body.append("<tr>" + "".join(f"<{tag}>{_inline(c)}</{tag}>" for c in cells) + "</tr>")
            continue
        if in_table:
            body.append("</table>")
            in_table = False
        if line.startswith("# "):
            body.append(f"<h1>{_inline(line[2:])}</h1>")
        elif line.startswith("## "):
            if line[3:].startswith("Worst errors"):
                worst = line[3:]
                break
            body.append(f"<h2>{_inline(line[3:])}</h2>")
        elif line.strip():
            body.append(f"<p>{_inline(line)}</p>")
    if in_table:
        body.append("</table>")
    for name, png in images.items():
        body.append(f'<figure><img alt="{html.escape(name)}" src="data:image/png;base64,'
                    f'{base64.b64encode(png).decode()}"><figcaption>{html.escape(name)}</figcaption></figure>')
    body.append(f"<h2>{_inline(worst)}</h2>")
    for e in scores.get("worst_errors", []):
        st = ""
        if e["gold_strength"] and e["gold_strength"] != e["pred_strength"]:
            st = (f" · strength {html.escape(str(e['gold_strength']))} → "
                  f"{html.escape(str(e['pred_strength'] or NO_PREDICTION))}")
        body.append(f"<div class='err'><div class='id'>{html.escape(e['id'])} · {e['errors']} errors{st}</div>"
                    f"<div class='text'{_direction(e.get('lang'))}>{_highlight(e['text'], e['missed'], e['spurious'])}"
                    f"</div></div>")
    css = ("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
           "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}"
           "th{background:#f2f2f2}mark.missed{background:#ffd5d5}mark.spurious{background:#d5e5ff}"
           "mark sub{font-size:9px;margin-left:2px}mark sub .chip{unicode-bidi:isolate}"
           ".err{border-top:1px solid #ddd;padding:6px 0}"
           ".chip{padding:0 4px;margin:2px;border-radius:3px}"
           ".id{font-size:12px;color:#666}figure{display:inline-block;margin:8px}")
    legend = ("<p><mark class='missed'>missed (in gold, not predicted)</mark> "
              "<mark class='spurious'>spurious (predicted, not in gold)</mark></p>")
    colors = "".join(_chip(k) for k in ENTITY_LABELS)
    title = f"Evaluation run {scores['name']}"
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}"
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
