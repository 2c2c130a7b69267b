"""`unap_addressees`: who each operative paragraph's opening verb addresses, as ADDRESSEE spans in
doc.spans["addressees"] with `_.addressee_type` (states, parties, secretariat, un_system, other_org).

Runs after `unap_opverbs` (the opening verb) and `unap_entities` (ORG entities type Chinese names). When the
Doc carries a dependency parse (the stanza backbone) and `use_parse` is on, the parse proposes the addressees
(the verb's object and its conjuncts, or the subject of its that-clause) and the rules decide the type; where
the parse finds nothing typed, the rules' own phrases stand.

A later clause of the paragraph (an OPVERB span with `_.clause` >= 1, from `unap_opverbs`) gets its addressees by
the same rules, in doc.spans["clause_addressees"] with `_.clause`; doc.spans["addressees"] stays the opener's.
A clause whose object is a pronoun ("and further encourages them", "并请其") takes the opener's addressees.
The vocabulary is the TSV data in pipeline/lexicons/ (addressees.<lang>.tsv, countries.tsv), saved with the pipeline.
French, Spanish, Russian and Arabic share one rule module (`addressees/spaced.py`) driven by their TSV; English and
Chinese keep their own.
"""
import hashlib
import re
import shutil
import tempfile
from functools import partial
from pathlib import Path
from typing import Dict, List, Optional

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..addressees import chinese, english, lexicon, spaced
from ..addressees.lexicon import LEXICONS, TYPES
from ..languages import profile
from .tokens import split_tokens_at

PRONOUN = {"en": re.compile(r"\s*(them|they)\b"), "zh": re.compile(r"(它们|他们|其)")}

for _name in ("addressee_type", "clause"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class AddresseeTagger:
    def __init__(self, nlp: Language, name: str, *, spans_key: str = "addressees", paragraphs_key: str = "paragraphs",
                 opverbs_key: str = "opverbs", use_parse: bool = True) -> None:
        if nlp.lang not in ("zh", "en"):
            profile(nlp.lang)  # an unknown language is an error
            try:
                lexicon.spaced(nlp.lang)
            except ValueError as e:
                raise ValueError(f"unap_addressees: {e}") from None
        self.name = name
        self.lang = nlp.lang
        self.spans_key = spans_key
        self.paragraphs_key = paragraphs_key
        self.opverbs_key = opverbs_key
        self.use_parse = use_parse
        self.folder = LEXICONS  # the vocabulary; a saved pipeline reads its own copy

    @property
    def en_lexicon(self):
        return lexicon.english(self.folder)

    def __call__(self, doc: Doc) -> Doc:
        out: List[tuple] = []
        later: List[tuple] = []  # (start, end, type, clause index) of later clauses
        verbs = [v for v in doc.spans.get(self.opverbs_key, []) if v.label_ == "OPVERB"]
        parsed = self.use_parse and doc.has_annotation("DEP")
        for para in doc.spans.get(self.paragraphs_key, []):
            if para.label_ != "operative":
                continue
            verb = next((v for v in verbs if para.start <= v.start < para.end and not v._.clause), None)  # the opening verb
            if verb is None:
                continue
            found = self.rules(doc, para, verb)
            if parsed:
                from ..addressees.parse import from_parse
                found = from_parse(doc, para, verb, found, self.lang, self.folder) or found
            opener = [(para.start_char + start, para.start_char + end, typ) for start, end, typ in found
                      if typ in TYPES]
            out += opener
            for clause in (v for v in verbs if para.start <= v.start < para.end and (v._.clause or 0) > 0):
                later += [(s, e, t, clause._.clause) for s, e, t in self._clause(doc, para, clause, opener)]
        # a Chinese addressee may end inside a segmenter token (南苏丹|根据); the split keeps every span group true
        split_tokens_at(doc, [o for start, end, *_ in out + later for o in (start, end)])
        clause_spans = []
        for start, end, typ, k in later:
            span = doc.char_span(start, end, label="ADDRESSEE")
            if span is not None:
                span._.addressee_type = typ
                span._.clause = k
                clause_spans.append(span)
        if later or "clause_addressees" in doc.spans:
            doc.spans["clause_addressees"] = clause_spans
        spans = []
        for start, end, typ in out:
            span = doc.char_span(start, end, label="ADDRESSEE")
            if span is not None:
                span._.addressee_type = typ
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def _clause(self, doc: Doc, para: Span, verb: Span, opener: list) -> list:
        """Absolute (start, end, type) addressees of a later clause: its own object, or the opener's when the
        object is a pronoun."""
        rest = doc.text[verb.end_char:para.end_char]
        if self.lang not in PRONOUN:
            if spaced.pronoun_object(doc.text[para.start_char:para.end_char], verb.start_char - para.start_char,
                                     verb.end_char - para.start_char, lexicon.spaced(self.lang, self.folder)):
                return list(opener)
        elif PRONOUN[self.lang].match(rest):
            if self.lang == "en" or not self.rules(doc, para, verb):
                return list(opener)
        base = para.start_char
        return [(base + s, base + e, t) for s, e, t in self.rules(doc, para, verb) if t in TYPES]

    def rules(self, doc: Doc, para: Span, verb: Span) -> list:
        text = para.text
        opener_end = verb.end_char - para.start_char
        if self.lang == "en":
            return list(english.extract(text, opener_end, verb.text, self.en_lexicon))
        if profile(self.lang).spaced:
            orgs = spaced.org_types([(e.start_char - para.start_char, e.end_char - para.start_char, e.label_, e.kb_id_)
                                     for e in doc.ents
                                     if para.start_char <= e.start_char and e.end_char <= para.end_char],
                                    self.en_lexicon)
            return list(spaced.extract(text, opener_end, verb.text, lexicon.spaced(self.lang, self.folder), orgs))
        ents = [(e.start_char - para.start_char, e.end_char - para.start_char, e.label_, e.kb_id_)
                for e in doc.ents if para.start_char <= e.start_char and e.end_char <= para.end_char]
        return list(chinese.extract(text, opener_end, verb.text, chinese.org_types(ents, self.en_lexicon),
                                    lexicon.chinese(self.folder)))

    def _names(self) -> List[str]:
        """The files a saved pipeline carries: zh and en read each other's, every language the English types."""
        return list(dict.fromkeys(lexicon.FILES + lexicon.files(self.lang)))

    def _read(self) -> Dict[str, bytes]:
        return {n: (self.folder / n).read_bytes() for n in self._names() if (self.folder / n).exists()}

    def to_disk(self, path, *, exclude=tuple()) -> None:
        """The vocabulary files as they are (exclude "addressees", "countries")."""
        Path(path).mkdir(parents=True, exist_ok=True)
        util.to_disk(path, {n: partial(Path.write_bytes, data=b) for n, b in self._read().items()}, exclude)

    def from_disk(self, path, *, exclude=tuple()) -> "AddresseeTagger":
        got: Dict[str, bytes] = {}
        util.from_disk(path, {n: partial(_read_file, got, n) for n in self._names()}, exclude)
        self._use(got, exclude, Path(path))
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        """What to_disk saves: each file's bytes."""
        return util.to_bytes({n: partial(bytes, b) for n, b in self._read().items()}, exclude)

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "AddresseeTagger":
        got: Dict[str, bytes] = {}
        util.from_bytes(data, {n: partial(got.__setitem__, n) for n in self._names()}, exclude)
        self._use(got, exclude)
        return self

    def _use(self, got: Dict[str, bytes], exclude, folder: Optional[Path] = None) -> None:
        """Read the vocabulary from the files got (a saved pipeline's), excluded ones from the current folder. A
        saved pipeline without its language's files keeps the current folder."""
        wanted = [n for n in lexicon.files(self.lang) if n.split(".")[0] not in exclude]
        if not all(n in got for n in wanted):
            return
        now = self._read()
        if folder is not None and len(wanted) == len(lexicon.files(self.lang)):
            self.folder = folder
        elif {**now, **got} != now:
            self.folder = _content_folder({**now, **got})
        self._load()

    def _load(self) -> None:
        """Read the vocabulary now (the readers keep it): a bad file fails at load, not at the first Doc."""
        lexicon.english(self.folder)
        if self.lang == "zh":
            lexicon.chinese(self.folder)
        elif self.lang != "en":
            lexicon.spaced(self.lang, self.folder)


def _read_file(got: Dict[str, bytes], name: str, path: Path) -> None:
    if path.exists():
        got[name] = path.read_bytes()


def _content_folder(files: Dict[str, bytes]) -> Path:
    """A folder holding `files`, named by their content: the lexicon readers cache what they read by folder, so a
    folder must never change once read (from_bytes gives the readers a folder, as they read no bytes)."""
    digest = hashlib.sha256(b"".join(hashlib.sha256(n.encode() + b"\0" + b).digest()
                                     for n, b in sorted(files.items()))).hexdigest()[:24]
    folder = Path(tempfile.gettempdir()) / "unap-addressees" / digest
    if not folder.exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        part = Path(tempfile.mkdtemp(dir=folder.parent))
        for name, data in files.items():
            (part / name).write_bytes(data)
        try:
            part.rename(folder)
        except OSError:  # another process made the same folder first
            shutil.rmtree(part)
    return folder


@Language.factory("unap_addressees", default_config={"spans_key": "addressees", "paragraphs_key": "paragraphs",
                                                     "opverbs_key": "opverbs", "use_parse": True},
                  assigns=["doc.spans"], retokenizes=True)
def make_addressees(nlp: Language, name: str, spans_key: str, paragraphs_key: str, opverbs_key: str,
                    use_parse: bool) -> AddresseeTagger:
    return AddresseeTagger(nlp, name, spans_key=spans_key, paragraphs_key=paragraphs_key, opverbs_key=opverbs_key,
                           use_parse=use_parse)
