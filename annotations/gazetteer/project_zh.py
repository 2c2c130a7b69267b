"""Chinese names for the ORG/TREATY ids the English pipeline finds and the Chinese one misses, over aligned lines.

English writes a name with capitals, Chinese has no case: on an aligned zh-en line, an id the English pipeline
finds and the Chinese one does not points at a Chinese name the gazetteer lacks. For each such id this lists the
candidate Chinese strings: stretches of the Chinese lines outside every Chinese entity span (cut at punctuation
and 《》), ranked by the Dice coefficient between "the English line has the id and the Chinese pipeline missed
it" and "the Chinese line contains the string" (as mine.py does for fr/es/ru/ar), then by whether the string ends
with the head word of a body or an instrument. Run by hand, not at run time; a person checks every candidate
against the body's official Chinese name before it becomes a zh row of pipeline/lexicons/gazetteer.tsv.

Lines: the pairs of un-zh-en-pairs-2023 (often misaligned: a candidate seen on one line only is a guess to
check) and the aligned UNPC dev set. Left out, so that the figures measured on them stay honest: every line of a
document with a unit in the test or dev split or in a fresh (blind) set, and the pairs within 5 ids of a pair of
a fresh set (neighbouring pair ids come from one document).

    .venv/bin/python annotations/gazetteer/project_zh.py [--shared ../shared] > /tmp/project_zh.tsv

How the list was checked (benchmarks/results/entities-fresh6/projection.md): a candidate became a row when it is
the body's official Chinese name or UN short form and the English id names one body whatever the unit (bare
names such as Special Committee, 特别委员会, whose body depends on the unit, and events, national bodies and
publications the guidelines do not label were left out); a candidate seen on one line only was taken only when
the line is a translation of the English one. Ids the English rules built from a cut name get the full name.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from pipeline import models
from pipeline.evaluation import run

HELD_OUT = ["annotations/entities/test.jsonl", "annotations/entities/dev.jsonl",
            *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "annotations/entities/fresh").glob("test_fresh*.jsonl"))]
HAN = re.compile(r"[\u4e00-\u9fff]")
CUT = re.compile(r"[，。；：、,.;:（）()《》“”\"'‘’\s\[\]【】—\-0-9０-９%％]+")
HEADS = ("委员会", "理事会", "办公室", "办事处", "署", "组织", "基金", "联盟", "协会", "小组", "专家组", "工作组", "网络",
         "中心", "银行", "法院", "法庭", "论坛", "公约", "条约", "协定", "议定书", "宣言", "纲领", "议程", "计划", "方案",
         "局", "司", "厅", "部", "会议", "大会", "机制", "特派团", "联合会", "学院", "大学", "研究所", "基金会", "秘书处",
         "契约", "框架", "战略", "倡议", "伙伴关系", "团")


def held_out() -> tuple[set[str], set[str], set[str]]:
    """Pair ids, UNPC documents and fresh pair ids of every held-out unit."""
    pairs, unpc_lines, fresh = set(), set(), set()
    for rel in HELD_OUT:
        for line in (ROOT / rel).read_text(encoding="utf-8").splitlines():
            uid = json.loads(line)["id"]
            if m := re.match(r"un2023-([a-z_]+_\d+):", uid):
                pairs.add(m.group(1))
                fresh.add(m.group(1))
            elif m := re.match(r"unpc:(\d+):", uid):
                unpc_lines.add(int(m.group(1)))
    return pairs, unpc_lines, fresh


def aligned_lines(shared: Path) -> list[tuple[str, str, str]]:
    """(line id, en, zh) of every line outside the held-out documents."""
    pairs_out, unpc_out, fresh = held_out()
    near = {(t, int(n) + k) for t, n in (p.rsplit("_", 1) for p in fresh) for k in range(-5, 6)}
    out = []
    data = json.loads((shared / "corpus/un-zh-en-pairs-2023/corpus.json").read_text(encoding="utf-8"))["data"]
    for x in data:
        t, n = x["id"].rsplit("_", 1)
        en, zh = x["en"].strip(), x["zh"].strip()
        if x["id"] not in pairs_out and (t, int(n)) not in near and zh and 1.3 <= len(en) / len(zh) <= 6:
            out.append((f"pair:{x['id']}", en, zh))
    unpc = shared / "corpus/unpc-devset"
    docs = [l.split()[0] for l in (unpc / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()]
    en = (unpc / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh = (unpc / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    if not len(docs) == len(en) == len(zh):
        sys.exit(f"{unpc}: ids, en and zh have different line counts")
    docs_out = {docs[n - 1] for n in unpc_out}
    out += [(f"unpc:{i + 1}", e.strip(), z.strip()) for i, (d, e, z) in enumerate(zip(docs, en, zh))
            if d not in docs_out and e.strip() and z.strip()]
    return out


def entities(lang: str, texts: list[str]) -> list[list[dict]]:
    nlp = models.load(models.resolve(None, lang))
    return [p["entities"] for p in run.predict(nlp, [{"text": t} for t in texts])]


def stretches(text: str, ents: list[dict]) -> list[str]:
    """The parts of `text` outside every entity span, cut at punctuation, digits and title marks."""
    masked = list(text)
    for e in ents:
        masked[e["start"]:e["end"]] = "|" * (e["end"] - e["start"])
    return [s for part in "".join(masked).split("|") for s in CUT.split(part) if len(s) >= 2]


def substrings(s: str, longest: int = 24) -> set[str]:
    """Every substring of 2 to `longest` characters with at least two Chinese characters."""
    return {s[i:j] for i in range(len(s)) for j in range(i + 2, min(len(s), i + longest) + 1)
            if len(HAN.findall(s[i:j])) >= 2}


def known_zh() -> dict[str, list[str]]:
    """The zh names the gazetteer already gives each id."""
    out = collections.defaultdict(list)
    for line in (ROOT / "pipeline/lexicons/gazetteer.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        _, eid, lang, name = line.split("\t")
        if lang == "zh":
            out[eid].append(name)
    return out


def rank(idx: list[int], cands: dict[int, set[str]], lines: list[tuple[str, str, str]]
         ) -> list[tuple[str, float, int]]:
    """(string, Dice, Chinese lines holding it) for the missed lines `idx` of one id, best first; a string inside
    one already listed is left out. Ties go to a body's or instrument's head word, then to the longer string."""
    support = collections.Counter(s for i in idx for s in cands[i])
    best = sorted(support, key=lambda s: (-support[s], not s.endswith(HEADS), -len(s), s))[:40]
    df = {s: sum(s in z for _, _, z in lines) for s in best}
    dice = {s: 2 * support[s] / (len(idx) + df[s]) for s in best}
    out: list[tuple[str, float, int]] = []
    for s in sorted(best, key=lambda s: (-dice[s], not s.endswith(HEADS), -len(s), s)):
        if not any(s in t for t, _, _ in out):
            out.append((s, dice[s], df[s]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--show", type=int, default=3, help="candidates per id")
    a = ap.parse_args()
    lines = aligned_lines(a.shared)
    print(f"{len(lines)} aligned lines outside the held-out documents", file=sys.stderr)
    en_ents = entities("en", [e for _, e, _ in lines])
    zh_ents = entities("zh", [z for _, _, z in lines])
    missed: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    english: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for i, (ee, ze) in enumerate(zip(en_ents, zh_ents)):
        found = {e["id"] for e in ze}
        for e in ee:
            if e["label"] in ("ORG", "TREATY") and e["id"] and e["id"] not in found:
                key = (e["label"], e["id"])
                if not missed[key] or missed[key][-1] != i:
                    missed[key].append(i)
                english[key][lines[i][1][e["start"]:e["end"]]] += 1
    cands = {i: set().union(*map(substrings, stretches(lines[i][2], zh_ents[i])))
             for idx in missed.values() for i in idx}
    known = known_zh()
    print("label\tid\tmissed lines\tEnglish forms\tzh names in the gazetteer\tcandidate\tDice\tlines with it"
          "\texample line\tChinese line")
    for (label, eid), idx in sorted(missed.items(), key=lambda kv: -len(kv[1])):
        forms = ", ".join(f for f, _ in english[label, eid].most_common(3))
        for s, dice, df in rank(idx, cands, lines)[:a.show]:
            ex = next(i for i in idx if s in lines[i][2])
            print(f"{label}\t{eid}\t{len(idx)}\t{forms}\t{'、'.join(known.get(eid, [])[:4])}\t{s}\t{dice:.2f}\t{df}"
                  f"\t{lines[ex][0]}\t{lines[ex][2][:160]}")

if __name__ == "__main__":
    main()
