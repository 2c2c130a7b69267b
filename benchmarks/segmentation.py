"""Print Chinese word-segmentation precision/recall/F1 (span-based word F1) and speed on UD Chinese
GSDSimp test (annotations/ud-zh-gsdsimp/, never trained on) for our pkuseg model, jieba and spaCy's
`char` segmenter. Every segmenter runs as a spaCy tokenizer (nlp.make_doc), so speeds are comparable.

    .venv/bin/python benchmarks/segmentation.py [models/pkuseg-un] [--json out.json]
"""
import argparse
import json
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402

from pipeline.evaluation.segmentation import word_f1  # noqa: E402
from pipeline.training.segmenter.load import DEFAULT_OUTPUT, load_into  # noqa: E402
from pipeline.training.train_segmenter import UD_TEST, read_conllu_words  # noqa: E402


def score(nlp, gold: list[list[str]], repeat: int = 1) -> dict:
    texts = ["".join(words) for words in gold]
    nlp.make_doc(texts[0])   # warm-up (jieba builds its prefix dictionary on first use)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        pred = [[t.text for t in nlp.make_doc(text)] for text in texts]
        best = min(best, time.perf_counter() - start)
    res = word_f1(gold, pred)
    res["chars_per_s"] = sum(map(len, texts)) / best if best > 0 else float("inf")
    return res


def pkuseg_nlp(model: Path, user_dict: bool = True):
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    load_into(nlp, model)
    if not user_dict:
        import spacy_pkuseg

        nlp.tokenizer.pkuseg_seg.preprocesser = spacy_pkuseg.Preprocesser(None)
    return nlp


def jieba_nlp():
    """None when jieba is not installed (imported only here, lazily)."""
    try:
        import jieba
    except ImportError:
        return None
    jieba.setLogLevel(60)
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", nargs="?", type=Path, default=DEFAULT_OUTPUT, help="pkuseg model folder")
    ap.add_argument("--test", type=Path, default=UD_TEST, help="gold CoNLL-U file")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs (the fastest counts)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")

    gold = read_conllu_words(args.test)
    n_chars = sum(len(w) for s in gold for w in s)
    print(f"UD Chinese GSDSimp test: {len(gold)} sentences, {sum(map(len, gold))} words, {n_chars} characters\n")
    print("| segmenter | P | R | F1 | chars/s |")
    print("|---|---|---|---|---|")
    report = {}
    rows = []
    if (args.model / "weights.npz").is_file():
        rows.append((args.model.name, lambda: pkuseg_nlp(args.model)))
        rows.append((f"{args.model.name} (no user dict)", lambda: pkuseg_nlp(args.model, user_dict=False)))
    else:
        print(f"| {args.model.name} | no model at {args.model}: run python -m pipeline.training.train_segmenter |")
    rows.append(("jieba", jieba_nlp))
    rows.append(("char", lambda: spacy.blank("zh")))
    for name, make in rows:
        nlp = make()
        if nlp is None:
            print(f"| {name} | jieba not installed | | | |")
            continue
        r = score(nlp, gold, args.repeat)
        report[name] = r
        print(f"| {name} | {r['p']:.3f} | {r['r']:.3f} | {r['f']:.3f} | {r['chars_per_s']:,.0f} |")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
