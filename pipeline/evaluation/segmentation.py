"""Word-segmentation scores: standard span-based word precision/recall/F1 (as in the SIGHAN bakeoffs).

A word counts as correct when its character span (start, end) in the sentence is the same in gold and
prediction. Whitespace is not part of any word and is ignored when computing offsets, so a segmenter that
drops spaces is scored on the same character positions as the gold.
"""
from __future__ import annotations

from typing import Iterable, Sequence


def word_spans(words: Iterable[str]) -> tuple[set[tuple[int, int]], str]:
    """The (start, end) character spans of `words` over their concatenation without whitespace."""
    spans: set[tuple[int, int]] = set()
    chars: list[str] = []
    pos = 0
    for w in words:
        w = "".join(w.split())
        if not w:
            continue
        spans.add((pos, pos + len(w)))
        chars.append(w)
        pos += len(w)
    return spans, "".join(chars)


def word_f1(gold_words_per_sentence: Sequence[Sequence[str]],
            pred_words_per_sentence: Sequence[Sequence[str]]) -> dict[str, float]:
    """Micro-averaged word P/R/F1 over sentences. Returns {"p", "r", "f", "gold", "pred", "correct"}.

    Each sentence's gold and predicted words must cover the same characters (whitespace aside), otherwise
    ValueError. With no words at all the scores are 0.0.
    """
    if len(gold_words_per_sentence) != len(pred_words_per_sentence):
        raise ValueError(f"{len(gold_words_per_sentence)} gold sentences but "
                         f"{len(pred_words_per_sentence)} predicted")
    n_gold = n_pred = n_correct = 0
    for i, (gold, pred) in enumerate(zip(gold_words_per_sentence, pred_words_per_sentence)):
        g_spans, g_text = word_spans(gold)
        p_spans, p_text = word_spans(pred)
        if g_text != p_text:
            raise ValueError(f"sentence {i}: predicted words do not spell the gold text: {p_text!r} != {g_text!r}")
        n_gold += len(g_spans)
        n_pred += len(p_spans)
        n_correct += len(g_spans & p_spans)
    p = n_correct / n_pred if n_pred else 0.0
    r = n_correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "gold": n_gold, "pred": n_pred, "correct": n_correct}
