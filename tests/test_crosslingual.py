"""benchmarks/crosslingual_ids.py: the multiset Jaccard it reports, and the aligned gold it reads (the same UNPC
line in every language, in the same split, naming mostly the same (label, id) pairs)."""
import importlib.util
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("crosslingual_ids", ROOT / "benchmarks" / "crosslingual_ids.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_jaccard_counts_repeats_and_ignores_lines_that_name_nothing(bench):
    a = Counter({("ORG", "UN Security Council"): 2, ("DATE", "2014"): 1})
    b = Counter({("ORG", "UN Security Council"): 1, ("DATE", "2015"): 1})
    assert bench.pooled_jaccard([(a, b)]) == 1 / 4  # intersection 1 (ORG once), union 2 ORG + 2 DATE
    assert bench.pooled_jaccard([(Counter(), Counter()), (a, a)]) == 1.0
    assert bench.pooled_jaccard([(Counter(), Counter())]) is None
    assert bench.bag([{"label": "DATE", "id": "2014"}, {"label": "ORG", "id": None}]) == \
        Counter({("DATE", "2014"): 1, ("ORG", ""): 1})


def test_aligned_gold_pairs_each_line_with_its_english_line_in_the_same_split(bench):
    gold = bench.aligned_gold()
    en = gold["en"]
    assert len(en) >= 300 and len(gold["zh"]) >= 300
    for lang, lines in gold.items():
        shared = [n for n in lines if n in en]
        if lang == "en" or not shared:
            continue
        assert all(lines[n]["split"] == en[n]["split"] for n in shared), lang
        assert all(lines[n]["lang"] == lang for n in shared)
        # translations name the same things: the gold's own agreement is far above chance
        pairs = [(bench.bag(lines[n]["entities"]), bench.bag(en[n]["entities"])) for n in shared]
        assert bench.pooled_jaccard(pairs) > 0.8, lang


def test_a_missing_pipeline_is_named(bench, tmp_path):
    with pytest.raises(FileNotFoundError, match="no fr pipeline"):
        bench.predictions("fr", [{"text": "x"}], str(tmp_path))
