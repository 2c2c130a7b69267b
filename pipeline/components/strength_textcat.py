"""`unap_strength_textcat`: a spaCy text classifier for operative-paragraph strength that reads only the
opening window of each operative paragraph.

The class of a paragraph is decided by its opening words; the rest of a long paragraph (which quotes
"decides", "requests" and "urges" freely) is noise to a bag-of-words model. So the classifier is spaCy's
TextCategorizer applied to the first `window` tokens after the paragraph number, for every operative
paragraph span in doc.spans["paragraphs"] (a document unit has many). Scores go to the span's
`_.strength_scores`, and for a one-paragraph unit also to doc.cats.
"""
from typing import Callable, Dict, Iterable, List, Optional

from spacy.language import Language
from spacy.pipeline.textcat import TextCategorizer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import minibatch
from thinc.api import Config, Model

from ..scheme import STRENGTH_CLASSES

if not Span.has_extension("strength_scores"):
    Span.set_extension("strength_scores", default=None)

DEFAULT_MODEL = Config().from_str("""
[model]
@architectures = "spacy.TextCatEnsemble.v2"
nO = null

[model.linear_model]
@architectures = "spacy.TextCatBOW.v3"
exclusive_classes = true
length = 262144
ngram_size = 2
no_output_layer = false

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 64
rows = [2000, 1000, 1000, 1000]
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
include_static_vectors = false

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 64
window_size = 1
maxout_pieces = 3
depth = 2
""")["model"]


def _skip_number(span) -> int:
    """Index of the first token after a leading paragraph number like '12.', '(a)' or Arabic '١٢ -'."""
    i = 0
    while i < min(len(span), 4) and (span[i].is_digit or span[i].text in (".", "(", ")", "．") or
                                     (span[i].text in ("-", "–") and i > 0 and span[i - 1].is_digit
                                      and span[i].whitespace_) or
                                     (span[i].text.isalpha() and len(span[i].text) == 1 and i > 0
                                      and span[i - 1].text == "(")):
        i += 1
    return i


class StrengthTextCategorizer(TextCategorizer):
    def __init__(self, vocab, model: Model, name: str = "unap_strength_textcat", *, window: int = 8,
                 chars: bool = False, threshold: float = 0.0, scorer: Optional[Callable] = None) -> None:
        super().__init__(vocab, model, name, threshold=threshold, scorer=scorer)
        self.cfg["window"] = window
        self.cfg["chars"] = chars

    @property
    def window(self) -> int:
        return self.cfg.get("window", 8)

    def window_doc(self, span) -> Doc:
        start = _skip_number(span)
        if self.cfg.get("chars"):
            # Chinese: single characters read better than segmenter words with little training data
            # (an unseen word is an unknown feature; its characters are not)
            chars = [c for c in span[start:].text[: 4 * self.window] if not c.isspace()][: self.window]
            return Doc(self.vocab, words=chars or [" "], spaces=[False] * max(1, len(chars)))
        return span[start:start + self.window].as_doc()

    def _targets(self, doc: Doc) -> List:
        paras = list(doc.spans.get("paragraphs", []))
        if not paras:
            return [doc[:]]
        return [p for p in paras if p.label_ == "operative"]

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128):
        for docs in minibatch(stream, size=batch_size):
            targets = [(d, t) for d in docs for t in self._targets(d)]
            if targets:
                scores = self.model.ops.to_numpy(self.model.predict([self.window_doc(t) for _, t in targets]))
                for (d, t), row in zip(targets, scores):
                    cats = {lab: float(row[i]) for i, lab in enumerate(self.labels)}
                    t._.strength_scores = cats
                    if len(d.spans.get("paragraphs", [])) <= 1:
                        d.cats.update(cats)
            yield from docs

    def _window_example(self, eg: Example) -> Example:
        pred = self.window_doc(eg.predicted[:])
        ref = self.window_doc(eg.reference[:])
        ref.cats = dict(eg.reference.cats)
        return Example(pred, ref)

    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd=None,
               losses: Optional[Dict[str, float]] = None) -> Dict[str, float]:
        return super().update([self._window_example(eg) for eg in examples], drop=drop, sgd=sgd, losses=losses)

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Optional[Language] = None,
                   labels: Optional[Iterable[str]] = None, positive_label: Optional[str] = None) -> None:
        return super().initialize(lambda: [self._window_example(eg) for eg in get_examples()], nlp=nlp,
                                  labels=labels or STRENGTH_CLASSES, positive_label=positive_label)


@Language.factory(
    "unap_strength_textcat",
    default_config={"model": DEFAULT_MODEL, "window": 8, "chars": False, "threshold": 0.0,
                    "scorer": {"@scorers": "spacy.textcat_scorer.v2"}},
    default_score_weights={"cats_score": 1.0},
)
def make_strength_textcat(nlp: Language, name: str, model: Model, window: int, chars: bool, threshold: float,
                          scorer: Optional[Callable]) -> StrengthTextCategorizer:
    return StrengthTextCategorizer(nlp.vocab, model, name, window=window, chars=chars, threshold=threshold,
                                   scorer=scorer)
