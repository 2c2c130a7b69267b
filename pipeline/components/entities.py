"""`unap_entities`: the final entities in doc.ents, from the rules, the trained NER, or both.

`mode` (config): "rules" (doc.spans["entity_rules"] only), "model" (the NER's doc.ents only) or "combined"
(the rules' spans, plus every NER span of a label in `model_labels` that overlaps none of them: the labels
for which the NER's own additions were right on the dev split; with `model_treaty_head`, an added TREATY must
look like an instrument's name, since on held-out English sets the NER also proposed "CAR" or "the Cypriots").
Every final span gets its normalized id in `kb_id_` and its origin in `_.source`, so rules, model and
combination are compared by config.
With `model_thresholds` (label -> score) and a scored NER (`unap_ner`, pipeline/components/scored_ner.py), combined
mode adds an NER candidate of such a label when its beam score reaches the threshold, most confident first; rule
spans win every overlap (the policy dev chose, pipeline/training/thresholds.py). The shipped configs leave it empty:
on dev no threshold helped English and ORG >= 0.5 gained Chinese 0.008, which the test split did not confirm
(benchmarks/ner_thresholds.py).
With `resolve_short_forms`, a short name takes the id of the full name the same Doc spells out (a whole
document is one Doc in `unap annotate`): "the Convention", "Special Committee".
It reads the rules' spans and the paragraphs through their span keys (`rules_key`, `paragraphs_key`) and owns
its gazetteer (the NER's names get their ids from it): saved in its own folder, the same list as the rules'
(`models.teach` gives both what people corrected), never fetched from the rules component.
"""
import re
from pathlib import Path

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..entities.aliases import Named, resolve_short_forms
from ..entities.gazetteer import EN_TREATY_HEAD, ZH_NOT_TREATY, ZH_TREATY_TAIL, Gazetteer
from ..entities.ids import entity_id
from ..entities.words import words
from .unit import doc_year

MODES = ("rules", "model", "combined")
# what an instrument's name looks like (checked on the NER's own TREATY additions in combined mode): an English
# name holds an instrument word; a Chinese one ends with one and is no compilation or report (条约汇编)
INSTRUMENT_HEAD = {
    "en": re.compile(rf"\b{EN_TREATY_HEAD}\b|\b(?:Agenda|Programme|Plan|Framework|Principles|Rules|Guidelines|"
                     r"Code|Compact|Platform|Strategy|Document|Outcome)\b", re.I),
}
MAX_NAME_CHARS = 160


def looks_like_instrument(text: str, lang: str) -> bool:
    if len(text) > MAX_NAME_CHARS or re.search(r"[，。；;]", text):
        return False
    if lang == "zh":
        return bool(ZH_TREATY_TAIL.search(text)) and not ZH_NOT_TREATY.search(text)
    head = INSTRUMENT_HEAD.get(lang)
    w = words(lang)
    if head is None and w is not None and w["instrument_head"]:  # French, Spanish, Russian, Arabic: their words file
        head = re.compile(w["instrument_head"])
    return bool(head.search(text)) if head else True


class EntityMerger:
    def __init__(self, nlp: Language, name: str, *, mode: str = "combined", rules_key: str = "entity_rules",
                 paragraphs_key: str = "paragraphs",
                 model_labels=("RESOLUTION", "TREATY", "ORG", "DATE", "DOCUMENT"),
                 resolve_short_forms: bool = True, model_treaty_head: bool = True,
                 model_thresholds: dict | None = None, scores_key: str = "ner_scored") -> None:
        if mode not in MODES:
            raise ValueError(f"unap_entities: mode must be one of {MODES}, not {mode!r}")
        self.name = name
        self.lang = nlp.lang
        self.mode = mode
        self.rules_key = rules_key
        self.paragraphs_key = paragraphs_key
        self.model_labels = set(model_labels)
        self.resolve_short_forms = resolve_short_forms
        self.model_treaty_head = model_treaty_head
        self.model_thresholds = dict(model_thresholds or {})
        self.scores_key = scores_key
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """Its own gazetteer: the one saved with it, else (a new pipeline) the package's, read when first used."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.load()
        return self._gazetteer

    def set_gazetteer(self, gazetteer: Gazetteer) -> None:
        """The names (and ids) the NER's spans are looked up in; saved with the pipeline from then on."""
        self._gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        rules = list(doc.spans.get(self.rules_key, [])) if self.mode != "model" else []
        model = self._model_spans(doc) if self.mode != "rules" else []
        year = doc_year(doc)
        text = doc.text if model else ""
        final = []
        for s in rules:
            span = Span(doc, s.start, s.end, label=s.label_, kb_id=s.kb_id_)
            span._.source = "rules"
            final.append(span)
        para_starts = {p.start for p in doc.spans.get(self.paragraphs_key, [])}
        for e in model:
            if any(e.start < r.end and r.start < e.end for r in final):
                continue
            if any(k in para_starts for k in range(e.start + 1, e.end)):
                continue  # a whole-document Doc: no entity runs from one paragraph into the next
            if self.mode == "combined" and e.label_ not in self.model_labels and e.label_ not in self.model_thresholds:
                continue
            if self.mode == "combined" and self.model_treaty_head and e.label_ == "TREATY" \
                    and not looks_like_instrument(e.text, self.lang):
                continue  # "CAR", "the Cypriots": a treaty the rules missed still names an instrument
            ident = entity_id(e.label_, e.text, "", text, e.start_char, self.lang, year, self.gazetteer)
            span = Span(doc, e.start, e.end, label=e.label_, kb_id=ident)
            span._.source = "model"
            final.append(span)
        final = sorted(filter_spans(final), key=lambda s: s.start)
        if self.resolve_short_forms:
            final = self._resolve(doc, final)
        doc.ents = final
        return doc

    def _model_spans(self, doc: Doc) -> list:
        """The NER's entities; in combined mode with thresholds, the scored candidates of the thresholded labels
        that reach theirs (most confident first) in place of the best parse's entities of those labels."""
        ents = [e for e in doc.ents if e._.source != "rules"]
        group = doc.spans.get(self.scores_key)
        if self.mode != "combined" or not self.model_thresholds or group is None or "scores" not in group.attrs:
            return ents
        scored = sorted(zip(group, group.attrs["scores"]), key=lambda x: -x[1])
        return [s for s, score in scored if score >= self.model_thresholds.get(s.label_, float("inf"))] + \
            [e for e in ents if e.label_ not in self.model_thresholds]

    def _resolve(self, doc: Doc, spans: list) -> list:
        ids = self.gazetteer.ids
        named = [Named(s.start_char, s.end_char, s.label_, s.text, s.kb_id_, bool(s.kb_id_) and (s.label_, s.kb_id_) in ids)
                 for s in spans]
        better = resolve_short_forms(named, doc.lang_, lambda ident: ("ORG", ident) in ids)
        for i, ident in better.items():
            old = spans[i]
            span = Span(doc, old.start, old.end, label=old.label_, kb_id=ident)
            span._.source = old._.source
            spans[i] = span
        return spans

    def to_disk(self, path, *, exclude=tuple()) -> None:
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        util.to_disk(p, {"gazetteer.tsv": self.gazetteer.write}, exclude)

    def from_disk(self, path, *, exclude=tuple()) -> "EntityMerger":
        if (Path(path) / "gazetteer.tsv").exists() and "gazetteer" not in exclude:
            self._gazetteer = Gazetteer.load(Path(path) / "gazetteer.tsv")
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return util.to_bytes({"gazetteer": lambda: srsly.msgpack_dumps(self.gazetteer.rows)}, exclude)

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "EntityMerger":
        util.from_bytes(data, {"gazetteer": lambda b: self.set_gazetteer(Gazetteer(srsly.msgpack_loads(b)))},
                        exclude)
        return self


@Language.factory("unap_entities", default_config={
    "mode": "combined", "rules_key": "entity_rules", "paragraphs_key": "paragraphs",
    "model_labels": ["RESOLUTION", "TREATY", "ORG", "DATE", "DOCUMENT"], "resolve_short_forms": True,
    "model_treaty_head": True, "model_thresholds": {}, "scores_key": "ner_scored"},
    requires=["doc.spans"], assigns=["doc.ents", "token.ent_iob", "token.ent_type", "span._.source"])
def make_entities(nlp: Language, name: str, mode: str, rules_key: str, paragraphs_key: str, model_labels: list,
                  resolve_short_forms: bool, model_treaty_head: bool, model_thresholds: dict,
                  scores_key: str) -> EntityMerger:
    return EntityMerger(nlp, name, mode=mode, rules_key=rules_key, paragraphs_key=paragraphs_key,
                        model_labels=model_labels, resolve_short_forms=resolve_short_forms,
                        model_treaty_head=model_treaty_head, model_thresholds=model_thresholds, scores_key=scores_key)
