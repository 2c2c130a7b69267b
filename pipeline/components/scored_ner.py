"""spaCy's entity recognizer, also writing how sure it is of each entity (`unap_ner`).

The greedy transition-based NER gives no confidence, so combined mode could only trust it label by label. Decoded
with a beam, the same model gives each candidate entity the probability mass of the parses that contain it
(spaCy's `EntityRecognizer.scored_ents`); this component writes the best parse to `doc.ents` as `ner` does and
every candidate above `min_score` to `doc.spans[spans_key]`, with the scores in the group's `attrs["scores"]` (as
spancat does), for `unap_entities` to threshold. Training is spaCy's greedy update (`beam_update_prob = 0`), so the
trained weights are the plain NER's; only decoding differs.
"""
# no `from __future__ import annotations`: spaCy validates the factory's argument types at run time
from typing import Optional

from spacy.language import Language
from spacy.pipeline.ner import EntityRecognizer, DEFAULT_NER_MODEL
from spacy.tokens import Span, SpanGroup
from thinc.api import Model


class ScoredEntityRecognizer(EntityRecognizer):
    def __init__(self, vocab, model, name: str = "unap_ner", *, spans_key: str = "ner_scored",
                 min_score: float = 0.05, **cfg) -> None:
        super().__init__(vocab, model, name, **cfg)
        self.spans_key = spans_key
        self.min_score = min_score
        self._beam = {k: self.cfg[k] for k in ("beam_width", "beam_density", "beam_update_prob")}

    # the decoding settings are this component's config, not the saved weights': weights saved by a greedy `ner`
    # carry beam_width 1 in their cfg
    def from_bytes(self, bytes_data, *, exclude=tuple()):
        super().from_bytes(bytes_data, exclude=exclude)
        self.cfg.update(self._beam)
        return self

    def from_disk(self, path, *, exclude=tuple()):
        super().from_disk(path, exclude=exclude)
        self.cfg.update(self._beam)
        return self

    def set_annotations(self, docs, states_or_beams) -> None:
        super().set_annotations(docs, states_or_beams)
        beams = list(states_or_beams) if self.cfg["beam_width"] > 1 else []
        scores = self.scored_ents(beams) if beams else [{} for _ in docs]
        for doc, found in zip(docs, scores):
            kept = sorted((k, v) for k, v in found.items() if v >= self.min_score)
            group = SpanGroup(doc, name=self.spans_key,
                              spans=[Span(doc, s, e, label=label) for (s, e, label), _v in kept])
            group.attrs["scores"] = [round(float(v), 4) for _k, v in kept]
            doc.spans[self.spans_key] = group


@Language.factory(
    "unap_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "doc.spans"],
    default_config={"model": DEFAULT_NER_MODEL, "moves": None, "update_with_oracle_cut_size": 100,
                    "incorrect_spans_key": None, "scorer": {"@scorers": "spacy.ner_scorer.v1"},
                    "beam_width": 8, "beam_density": 0.0001, "beam_update_prob": 0.0,
                    "spans_key": "ner_scored", "min_score": 0.05},
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_scored_ner(nlp: Language, name: str, model: Model, moves, update_with_oracle_cut_size: int,
                    incorrect_spans_key: Optional[str], scorer, beam_width: int, beam_density: float,
                    beam_update_prob: float, spans_key: str, min_score: float) -> ScoredEntityRecognizer:
    return ScoredEntityRecognizer(nlp.vocab, model, name, moves=moves,
                                  update_with_oracle_cut_size=update_with_oracle_cut_size,
                                  incorrect_spans_key=incorrect_spans_key, scorer=scorer, beam_width=beam_width,
                                  beam_density=beam_density, beam_update_prob=beam_update_prob,
                                  spans_key=spans_key, min_score=min_score)
