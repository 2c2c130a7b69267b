"""The UN-domain words of the Chinese segmenter: openers and names from the lexicons, built-in names and
terms, and the prefix-free user dictionary pkuseg forces (see pipeline/training/train_segmenter.py)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

LEXICONS = Path(__file__).resolve().parent.parent.parent / "lexicons"
MIN_DICT_CHARS = 3       # shortest word put in the forced user dictionary

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



MAX_TRAINED_NAME = 8
_FUNCTION_CHARS = "和与及或的地得之"
_NOT_IN_TRAINED_NAME = re.compile(r"[和与及或的\W_]")


def trainable_name(name: str) -> bool:
    """Names written as single tokens in synthetic sentences: short, no punctuation, no 和/与/及/或/的."""
    return len(name) <= MAX_TRAINED_NAME and not _NOT_IN_TRAINED_NAME.search(name)


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
