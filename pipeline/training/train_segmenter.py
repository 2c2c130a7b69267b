"""Train the Chinese word segmenter (spacy-pkuseg) offline and save it to models/pkuseg-un/.

    python -m pipeline.training.train_segmenter [--output models/pkuseg-un] [--iterations 20]

spacy-pkuseg ships no model and its named models are downloaded from GitHub, so we train our own CRF:

* General Chinese: UD Chinese GSDSimp **dev** (annotations/ud-zh-gsdsimp/, CC BY-SA 4.0). The last
  HELD_OUT sentences are held out as pkuseg's testFile (its per-iteration f-score goes to meta.json).
  UD **test** is never trained on; benchmarks/segmentation.py scores on it.
* UN domain, injected in two ways, each for a reason:
  (a) Synthetic training sentences (SYNTHETIC): UN-resolution templates whose slots take the operative and
      preambular openers (opverbs.zh.tsv), UN names (built-in NAMES plus the zh `name`s of
      gazetteer.tsv when that file exists), resolution numbers (46/182, 2175(2014)), document symbols
      (A/79/149, S/RES/2719(2023)), dates split as 2024 年 12 月 9 日, and `第 46/182 号 决议`. pkuseg's
      CRF features are lexicalised (a word feature exists only for a word seen in training), so a domain
      word must occur in training sentences for the model to learn it; and the number/symbol patterns
      cannot be put in a dictionary at all. Names are also written before common heads as separate
      tokens (联合国 人员, 联合国 系统), so an ORG that starts a longer compound still ends on a token
      boundary. No silver (self-segmented) UN text: it would only repeat the model's own errors.
  (b) A user dictionary (user_dict.txt in the model folder) of the domain words of >= MIN_DICT_CHARS
      characters. pkuseg applies it as forced longest-match before the CRF, which guarantees those
      boundaries whatever the context; shorter words (决定, 大会, 请) are left to the CRF because forcing
      them would split ordinary words (申请 -> 申|请, 扩大会议 -> 扩|大会|议). The dictionary is kept
      prefix-free to avoid a pkuseg matching bug (see dictionary_words()): 联合国日内瓦办事处 is cut
      联合国|日内瓦办事处, both pieces forced, so an ORG and the longer ORG it starts both align.
      Long or punctuated names (treaties with 、 or 和 inside) are left to the dictionary alone:
      written as single training tokens they would teach the CRF to join words across 和 or 、.
  pkuseg's default post-processor (merging neighbours found in its 390k-word general dictionary) is
  switched off: it costs 7 F1 points on UD and can glue a name to its head again.

Load the result with `blank_pipeline(path)` or `load_into(nlp, path)`, which set the user dictionary and
disable the post-processor; `nlp.to_disk()` then carries the model, the dictionary and that setting.
(spaCy's `[initialize.tokenizer] pkuseg_model/pkuseg_user_dict` alone would leave the post-processor on.)
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import io
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from .. import models
from .records import dir_size as _dir_size, rel as _rel, version as _version

UD_DIR = models.ROOT / "annotations" / "ud-zh-gsdsimp"
UD_DEV = UD_DIR / "zh_gsdsimp-ud-dev.conllu"
UD_TEST = UD_DIR / "zh_gsdsimp-ud-test.conllu"
LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"
DEFAULT_OUTPUT = models.MODELS_DIR / "pkuseg-un"
USER_DICT = "user_dict.txt"

HELD_OUT = 50            # last UD dev sentences: pkuseg's testFile, never trained on
SYNTHETIC = 600          # template sentences (more if needed to use every opener), plus name compounds
MIN_DICT_CHARS = 3       # shortest word put in the forced user dictionary
DEFAULT_ITERATIONS = 20

# UN bodies and terms that must be single tokens, so templates have names to use when gazetteer.tsv is
# absent; the gazetteer extends this list.
NAMES = [
    "联合国", "大会", "安全理事会", "安理会", "经济及社会理事会", "经社理事会", "托管理事会", "国际法院",
    "秘书处", "人权理事会", "联合国儿童基金会", "儿基会", "联合国开发计划署", "开发署",
    "联合国难民事务高级专员办事处", "难民署", "世界卫生组织", "世卫组织", "世界粮食计划署", "粮食署",
    "联合国粮食及农业组织", "粮农组织", "人道主义事务协调厅", "国际原子能机构", "联合国环境规划署",
    "环境署", "非洲联盟", "欧洲联盟", "近东救济工程处", "国际刑事法院", "联合国人口基金", "联合国妇女署",
    "维持和平行动特别委员会", "建设和平委员会", "国际法委员会", "联合国安保管理系统",
]
TERMS = ["秘书长", "会员国", "观察员国", "特别报告员", "高级专员", "常驻代表", "特派团", "缔约国"]
# heads that follow a name as separate tokens (联合国 人员): the name is an entity inside the compound
HEADS = [["人员"], ["系统"], ["会员国"], ["工作人员"], ["房地"], ["各", "机构"], ["维持", "和平", "行动"],
         ["宪章"], ["主席"], ["报告"], ["秘书处"], ["官员"], ["成员"], ["任务"], ["特派团"], ["预算"]]
# modifiers that head many compounds in resolutions: trained before every head
COMPOUND_MODIFIERS = ["联合国", "安理会", "安全理事会", "大会", "秘书处", "非洲联盟", "欧洲联盟", "人权理事会"]
COMPOUND_FRAMES = [
    "{OPV} {NAME} {HEAD} 的 安全 ；", "保护 {NAME} {HEAD} ，", "针对 {NAME} {HEAD} 的 袭击 ，",
    "{NAME} {HEAD} 和 有关 人员", "加强 {NAME} {HEAD} 的 作用 ；", "在 {NAME} {HEAD} 内 ，",
    "人道主义 人员 及 {NAME} {HEAD} ，", "{OPV} {NAME} {HEAD} 所 作 的 努力 ，",
]
_ASCII = re.compile(r"[0-9A-Za-z]")
SYMBOL_SERIES = ["A", "A/RES", "S", "S/RES", "E", "A/C.3", "A/HRC", "A/HRC/RES", "E/CN.6", "S/PRST"]
ORDINALS = ["七十五", "七十六", "七十七", "七十八", "七十九", "八十", "五十", "六十"]

# Pre-segmented UN-resolution patterns. Slots: {OPV} opener, {NAME} UN name, {HEAD} compound head,
# {TERM} UN term (秘书长, 会员国), {RES} GA resolution number, {SCRES} SC resolution number, {SYM} document
# symbol, {DATE} full date, {YEAR}, {N} a number, {PARA} paragraph number, {ORD} session ordinal.
# The rest is segmented as UD GSD would.
TEMPLATES = [
    "{OPV} 其 {DATE} 关于 这 一 问题 的 第 {RES} 号 决议 ，",
    "{OPV} 其 {DATE} 第 {RES} 号 决议 和 {DATE} 第 {RES} 号 决议 ，",
    "回顾 安全理事会 {DATE} 第 {SCRES} 号 决议 ，",
    "{OPV} 安全理事会 第 {SCRES} 号 决议 和 第 {SCRES} 号 决议 ；",
    "包括 {DATE} 第 {SCRES} 号 决议 以及 {NAME} 的 有关 声明 ，",
    "{OPV} 秘书长 的 报告 ( {SYM} ) ；",
    "{OPV} 秘书长 的 报告 （ {SYM} ） ；",
    "注意到 秘书长 {DATE} 的 说明 ( 见 {SYM} ) ，",
    "见 {SYM} ， 第 {N} 段 。",
    "[ 未经 发交 主要 委员会 而 通过 ( {SYM} ) ]",
    "{DATE} 大会 决议",
    "{OPV} {NAME} {HEAD} 的 安全 和 保障 ；",
    "{OPV} {NAME} 在 这 方面 开展 的 工作 ，",
    "{NAME} {HEAD} 及 有关 人员 的 安全 ，",
    "请 {NAME} 向 大会 第{ORD} 届 会议 提交 报告 ；",
    "{OPV} 所有 会员国 充分 执行 第 {RES} 号 决议 ；",
    "根据 第 {RES} 号 决议 设立 的 {NAME} ，",
    "{OPV} {NAME} 和 {NAME} 之间 的 合作 ；",
    "{OPV} {NAME} 的 报告 ， 并 {OPV} 其中 所 载 的 建议 ；",
    "{OPV} 各国 遵守 《 联合国 宪章 》 和 国际 法 ，",
    "{NAME} 于 {DATE} 生效 后 ，",
    "{YEAR} 年 ， {NAME} {HEAD} 中 有 {N} 人 丧生 ，",
    "决定 将 题 为 “ {NAME} 的 报告 ” 的 项目 列入 其 第{ORD} 届 会议 临时 议程 。",
    "{OPV} {NAME} 继续 在 {NAME} {HEAD} 的 支持 下 开展 工作 ；",
    "同上 ， 第 {N} 卷 ， 第 {N} 号 。",
    "{OPV} 秘书长 在 {YEAR} 年 {N} 月 {N} 日 的 信 ( {SYM} ) 中 提出 的 建议 ；",
    "{OPV} 大会 第 {RES} 号 、 第 {RES} 号 和 第 {RES} 号 决议 ，",
    "又 {OPV} {NAME} {HEAD} 的 作用 ，",
    "{OPV} {TERM} 在 这 方面 的 作用 ；",
    "请 {TERM} 向 {NAME} 提交 报告 ，",
    "( 见 {SYM} ， 第 {N} 段 ) 。",
    "( 《 大会 正式 记录 ， 第{ORD} 届 会议 ， 补编 第 {N} 号 》 ( {SYM} ) ) 。",
    "{RES} .",
    "{RES} . {NAME} {HEAD} 的 安全 和 保障",
    "{PARA} .",
    "{PARA} . {OPV} {NAME} 的 报告 ；",
    # brackets written straight after a word, around years and dates: 国家战略(2014-2016), 局势(2002年12月18日)
    "{OPV} 国家 战略 ( {PERIOD} ) 的 执行 情况 ；",
    "{NAME} 战略 计划 ( {PERIOD} ) ，",
    "关于 该国 局势 ( {DATE} ) 的 报告 ，",
    "{OPV} 秘书长 关于 执行 情况 ( {YEAR} 年 ) 的 报告 ；",
]

# hand-segmented UN phrases: checked after training and recorded in meta.json
UN_CHECKS = [
    ("第 46/182 号决议", ["第", "46/182", "号", "决议"]),
    ("第46/182号决议", ["第", "46/182", "号", "决议"]),
    ("联合国人员", ["联合国", "人员"]),
    ("2024年12月9日", ["2024", "年", "12", "月", "9", "日"]),
    ("第 2175(2014) 号决议", ["第", "2175(2014)", "号", "决议"]),
    ("（见A/79/149）", ["（", "见", "A/79/149", "）"]),
    ("安全理事会第2730(2024)号决议", ["安全理事会", "第", "2730(2024)", "号", "决议"]),
]


# ---------------------------------------------------------------------------------------------- data
def read_conllu_words(path: Path) -> list[list[str]]:
    """One list of word FORMs per sentence; multiword-token ranges (1-2) and empty nodes (1.1) skipped."""
    sents: list[list[str]] = []
    cur: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2 or "-" in cols[0] or "." in cols[0]:
                continue
            form = "".join(cols[1].split())   # pkuseg's format cannot hold a space inside a word
            if form:
                cur.append(form)
    if cur:
        sents.append(cur)
    return sents


def write_pkuseg_file(sentences: list[list[str]], path: Path) -> None:
    """pkuseg's training format: one sentence a line, words separated by single spaces."""
    with open(path, "w", encoding="utf-8") as f:
        for words in sentences:
            if words:
                f.write(" ".join(words) + "\n")


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t")]


def opverb_phrases(lexicons: Path = LEXICONS) -> list[str]:
    rows = _read_tsv(lexicons / "opverbs.zh.tsv")
    return _unique(r.get("phrase", "") for r in rows if r.get("kind") in ("operative", "preambular"))


def gazetteer_names(lexicons: Path = LEXICONS) -> list[str]:
    """zh `name`s of gazetteer.tsv, or [] when the file (or its columns) is not there."""
    path = lexicons / "gazetteer.tsv"
    if not path.is_file():
        return []
    try:
        rows = _read_tsv(path)
    except (OSError, csv.Error, UnicodeDecodeError):
        return []
    return _unique(r.get("name", "") for r in rows if r.get("lang", "").lower() == "zh")


def domain_names(lexicons: Path = LEXICONS) -> list[str]:
    return _unique(NAMES + TERMS + gazetteer_names(lexicons))


def default_user_words(lexicons: Path = LEXICONS) -> list[str]:
    """All UN-domain words: openers of opverbs.zh.tsv, built-in names and terms, gazetteer zh names."""
    return _unique(opverb_phrases(lexicons) + domain_names(lexicons))


def _unique(words) -> list[str]:
    seen: dict[str, None] = {}
    for w in words:
        w = (w or "").strip()
        if w and not re.search(r"\s", w):
            seen.setdefault(w, None)
    return list(seen)


# ------------------------------------------------------------------------------------ synthetic data
MAX_TRAINED_NAME = 8
_FUNCTION_CHARS = "和与及或的地得之"
_NOT_IN_TRAINED_NAME = re.compile(r"[和与及或的\W_]")


def trainable_name(name: str) -> bool:
    """Names written as single tokens in synthetic sentences: short, no punctuation, no 和/与/及/或/的."""
    return len(name) <= MAX_TRAINED_NAME and not _NOT_IN_TRAINED_NAME.search(name)


def _res_number(rng: random.Random) -> str:
    return f"{rng.randint(1, 80)}/{rng.randint(1, 330)}"


def _sc_number(rng: random.Random) -> str:
    year = rng.randint(1993, 2025)
    return f"{rng.randint(800, 2790)}({year})"


def _symbol(rng: random.Random) -> str:
    series = rng.choice(SYMBOL_SERIES)
    if series in ("S", "S/PRST"):
        return f"{series}/{rng.randint(1995, 2025)}/{rng.randint(1, 999)}"
    if series == "S/RES":
        return f"S/RES/{_sc_number(rng)}"
    if series == "E/CN.6":
        return f"E/CN.6/{rng.randint(2000, 2025)}/L.{rng.randint(1, 9)}"
    if series == "E":
        return f"E/{rng.randint(2000, 2025)}/{rng.randint(1, 99)}"
    tail = rng.choice(["{n}", "{n}", "L.{m}", "{n}/Add.{m}", "PV.{m}"]).format(n=rng.randint(1, 999),
                                                                             m=rng.randint(1, 99))
    return f"{series}/{rng.randint(40, 80)}/{tail}"


def _date(rng: random.Random) -> list[str]:
    return [str(rng.randint(1945, 2025)), "年", str(rng.randint(1, 12)), "月", str(rng.randint(1, 31)), "日"]


class _Pool:
    """Draws words in shuffled rounds, so every word of the pool is used before any repeats."""

    def __init__(self, words: list[str], rng: random.Random):
        self.words, self.rng, self.queue = list(words), rng, []
        self.covered = False   # every word drawn at least once

    def draw(self) -> str:
        if not self.queue:
            self.queue = self.rng.sample(self.words, len(self.words))
        word = self.queue.pop()
        self.covered = self.covered or not self.queue
        return word


def synthetic_sentences(opverbs: list[str], names: list[str], n: int = SYNTHETIC, seed: int = 0,
                        terms: list[str] = TERMS) -> list[list[str]]:
    """Pre-segmented UN sentences: at least `n` from TEMPLATES (more if needed to use every opener once),
    plus name + head compounds (COMPOUND_FRAMES) for every name, a third of them cut at the spaces UN
    texts put around numbers and symbols (pkuseg segments each whitespace-separated chunk on its own)."""
    rng = random.Random(seed)
    opv = _Pool(opverbs or ["决定"], rng)
    nam = _Pool(names or ["联合国"], rng)
    trm = _Pool(terms or ["秘书长"], rng)
    fill = {
        "RES": lambda: [_res_number(rng)], "SCRES": lambda: [_sc_number(rng)], "SYM": lambda: [_symbol(rng)],
        "DATE": lambda: _date(rng), "YEAR": lambda: [str(rng.randint(1990, 2025))],
        "N": lambda: [str(rng.randint(1, 3000))], "OPV": lambda: [opv.draw()], "TERM": lambda: [trm.draw()],
        "NAME": lambda: [nam.draw()], "ORD": lambda: [rng.choice(ORDINALS)],
        "PARA": lambda: [str(rng.randint(1, 40))],
        "PERIOD": lambda: [(lambda y: f"{y}-{y + rng.randint(1, 5)}")(rng.randint(1990, 2025))],
    }

    def expand(template: str, name: str | None = None, head: list[str] | None = None) -> list[str]:
        words: list[str] = []
        for tok in template.split():
            m = re.fullmatch(r"(.*?)\{(\w+)\}(.*)", tok)
            if not m:
                words.append(tok)
                continue
            pre, slot, post = m.groups()
            if slot == "HEAD":
                # 联合国 秘书处 too stays two tokens, as the dictionary cuts it
                words.extend(head or rng.choice(HEADS))
                continue
            vals = [name] if slot == "NAME" and name else fill[slot]()
            vals[0] = pre + vals[0]
            vals[-1] = vals[-1] + post
            words.extend(vals)
        return words

    out: list[list[str]] = []
    limit = 20 * max(n, 1) + 10 * len(opverbs)
    while (len(out) < n or not opv.covered) and len(out) < limit:
        out.append(expand(rng.choice(TEMPLATES)))
    # every modifier before every head, every other name before one head: 联合国 人员, not 联合国人员
    for name in names:
        heads = HEADS if name in COMPOUND_MODIFIERS else [rng.choice(HEADS)]
        for head in heads:
            for _ in range(2 if name in COMPOUND_MODIFIERS else 1):
                out.append(expand(rng.choice(COMPOUND_FRAMES), name=name, head=head))
    # as UN texts are spaced ("第 46/182 号决议"), cut a third of the sentences with an ASCII token
    # into chunks around it
    chunked: list[list[str]] = []
    for words in out:
        if rng.random() < 1 / 3 and any(_ASCII.search(w) for w in words):
            chunk: list[str] = []
            for w in words:
                if _ASCII.search(w):
                    chunked.extend([c for c in (chunk, [w]) if c])
                    chunk = []
                else:
                    chunk.append(w)
            if chunk:
                chunked.append(chunk)
        else:
            chunked.append(words)
    return chunked


# ----------------------------------------------------------------------------------------- training
def _prefix_free(words: set[str]) -> list[str]:
    kept: list[str] = []
    for w in sorted(words, key=lambda w: (len(w), w)):
        if not any(w.startswith(k) for k in kept):
            kept.append(w)
    return kept


def dictionary_words(words: list[str], min_chars: int = MIN_DICT_CHARS) -> list[str]:
    """The user dictionary for `words`: those of >= min_chars characters, made prefix-free.

    pkuseg's longest match returns a wrong piece when the text follows a longer entry past a shorter one
    and then leaves it (联合国人员 -> 联合国人|员 with both 联合国 and 联合国人口基金 in the dictionary);
    with no entry a prefix of another that cannot happen. So the shorter word wins (联合国 stays,
    联合国日内瓦办事处 goes) and what a dropped word has left after its dictionary prefixes is added in
    its place when long enough (日内瓦办事处): the name is then still cut 联合国|日内瓦办事处 the same way
    in every context. A remainder that starts with a function character (地注意到, 和中国) or a punctuation mark is left to the CRF."""
    originals = {w for w in _unique(words) if len(w) >= min_chars}
    cands = set(originals)
    while True:
        kept = _prefix_free(cands)
        new = set(cands)
        for w in originals.difference(kept):
            rest = w
            while rest:
                k = next((k for k in kept if rest.startswith(k)), None)
                if k is None:
                    break
                rest = rest[len(k):]
            if len(rest) >= min_chars and rest[0].isalnum() and rest[0] not in _FUNCTION_CHARS:
                new.add(rest)
        if new == cands:
            return sorted(kept)
        cands = new


def write_user_dict(words: list[str], path: Path, min_chars: int = MIN_DICT_CHARS) -> list[str]:
    kept = dictionary_words(words, min_chars)
    path.write_text("".join(w + "\n" for w in kept), encoding="utf-8")
    return kept


def train(out_dir: Path, *, iterations: int = DEFAULT_ITERATIONS, user_words: list[str] | None = None,
          ud_dev: Path = UD_DEV, max_ud_sentences: int | None = None, synthetic: int = SYNTHETIC,
          held_out: int = HELD_OUT, seed: int = 0, lexicons: Path = LEXICONS, quiet: bool = True) -> Path:
    """Train pkuseg into `out_dir` (features.msgpack, weights.npz, user_dict.txt, meta.json); return it.

    `user_words`: the UN-domain words (default: default_user_words()); the short plain ones that are
    not openers fill the name slots of the synthetic sentences (openers always come from opverbs.zh.tsv),
    and those of MIN_DICT_CHARS characters or more make the user dictionary (dictionary_words()). `max_ud_sentences` limits the UD dev sentences used (for fast tests).
    """
    import spacy_pkuseg

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.time()
    ud = read_conllu_words(ud_dev)
    if max_ud_sentences is not None:
        ud = ud[:max_ud_sentences]
    n_held = min(held_out, max(1, len(ud) // 10))
    ud_train, ud_held = ud[:-n_held], ud[-n_held:]

    opverbs = opverb_phrases(lexicons)
    words = default_user_words(lexicons) if user_words is None else _unique(user_words)
    opverb_set = set(opverbs)
    names = [w for w in words if w not in opverb_set and w not in TERMS and trainable_name(w)] or NAMES
    synth = synthetic_sentences(opverbs, names, n=synthetic, seed=seed)
    train_sents = ud_train + synth
    random.Random(seed).shuffle(train_sents)

    log = io.StringIO()
    with tempfile.TemporaryDirectory() as tmp:
        train_file, test_file = Path(tmp) / "train.txt", Path(tmp) / "held_out.txt"
        write_pkuseg_file(train_sents, train_file)
        write_pkuseg_file(ud_held, test_file)
        random.seed(seed)   # pkuseg shuffles with the global `random`
        redirect = contextlib.redirect_stdout(log) if quiet else contextlib.nullcontext()
        with redirect:
            spacy_pkuseg.train(str(train_file), str(test_file), str(out_dir), train_iter=iterations)
    dict_words = write_user_dict(words, out_dir / USER_DICT)
    seconds = time.time() - start

    scores = [float(x) for x in re.findall(r"f-score=([\d.]+)%", log.getvalue())]
    meta = {
        "name": "pkuseg-un",
        "trained": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "spacy_pkuseg": _version("spacy-pkuseg"),
        "iterations": iterations,
        "seed": seed,
        "train_seconds": round(seconds, 1),
        "data": {
            "ud_dev": {"file": _rel(ud_dev), "sha256": hashlib.sha256(ud_dev.read_bytes()).hexdigest()[:16],
                       "train_sentences": len(ud_train), "held_out_sentences": len(ud_held)},
            "synthetic_sentences": len(synth),
            "domain_words": len(words),
            "gazetteer_names": len(gazetteer_names(lexicons)),
            "user_dict_words": len(dict_words),
            "user_dict_min_chars": MIN_DICT_CHARS,
        },
        "held_out_f1_per_iteration": scores,
        "postprocessor": "off",
        "licence": "trained on UD Chinese GSDSimp (CC BY-SA 4.0)",
    }
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    try:   # record the UN checks (loading needs the folder complete, so after meta.json exists)
        nlp = blank_pipeline(out_dir)
        meta["un_checks"] = {text: [t.text for t in nlp.make_doc(text)] == gold for text, gold in UN_CHECKS}
    except Exception as exc:  # pragma: no cover - the checks are informative only
        meta["un_checks"] = {"error": repr(exc)}
    meta["size_bytes"] = _dir_size(out_dir)
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out_dir


# ------------------------------------------------------------------------------------------- loading
def load_into(nlp, model_dir: Path) -> None:
    """Give a pkuseg ChineseTokenizer the model in `model_dir`, with its user dictionary and without
    pkuseg's default post-processor. nlp.to_disk() afterwards stores all three."""
    model_dir = Path(model_dir)
    user_dict = model_dir / USER_DICT
    nlp.tokenizer.initialize(pkuseg_model=str(model_dir),
                             pkuseg_user_dict=str(user_dict) if user_dict.is_file() else "default")
    nlp.tokenizer.pkuseg_seg.postprocesser.do_process = False


def blank_pipeline(model_dir: Path = DEFAULT_OUTPUT):
    """A blank spaCy zh pipeline whose tokenizer is the pkuseg model in `model_dir`."""
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    load_into(nlp, model_dir)
    return nlp


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="model folder (default %(default)s)")
    ap.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS)
    ap.add_argument("--synthetic", type=int, default=SYNTHETIC, help="synthetic UN sentences (at least)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--verbose", action="store_true", help="show pkuseg's training log")
    args = ap.parse_args(argv)
    out = train(args.output, iterations=args.iterations, synthetic=args.synthetic, seed=args.seed,
                quiet=not args.verbose)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    d = meta["data"]
    f1 = meta["held_out_f1_per_iteration"]
    print(f"saved {out} ({meta['size_bytes'] / 1e6:.1f} MB) in {meta['train_seconds']} s: "
          f"{d['ud_dev']['train_sentences']} UD dev + {d['synthetic_sentences']} synthetic sentences, "
          f"{d['user_dict_words']} user-dictionary words ({d['gazetteer_names']} from the gazetteer); "
          f"held-out UD dev F1 {f1[-1] if f1 else float('nan'):.2f}%")
    failed = [t for t, ok in meta["un_checks"].items() if ok is not True]
    print("UN checks: " + ("all pass" if not failed else "FAILED " + ", ".join(failed)))


if __name__ == "__main__":
    main(sys.argv[1:])
