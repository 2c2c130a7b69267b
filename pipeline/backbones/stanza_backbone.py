"""stanza as the backbone of a spaCy pipeline: stanza segments, tags, lemmatizes and parses; spaCy runs our
components on the result.

stanza is a registered tokenizer, as spacy-stanza registers its own: a config names it and spaCy builds it,

    [nlp.tokenizer]
    @tokenizers = "unap.stanza_tokenizer.v1"
    model_dir = null                                         # models/stanza-<lang>/

    from pipeline.backbones import stanza_backbone
    nlp = stanza_backbone.load("models/unap-zh")             # a shipped pipeline, its config naming stanza
    doc = nlp(text)                                          # doc.text == text, with pos_/tag_/lemma_/morph/dep
    nlp.to_disk(folder); spacy.load(folder)                  # the saved config names stanza: loads on stanza

The models are our own, trained offline by `python -m pipeline.training.train_stanza zh|en` into
models/stanza-<lang>/ (stanza downloads nothing here: download_method=None and an empty resources.json).
One stanza pipeline per (language, model folder) is loaded per process and cached; torch runs on one thread
per process (UNAP_TORCH_THREADS to change): with more, threads on 2 shared cores spin against each other.

Alignment: every stanza token carries its character offsets in the input (start_char/end_char), so the Doc
is built from the input text itself, never from stanza's token strings: whitespace between tokens becomes
the previous token's trailing space, or a whitespace token (POS SPACE, attached to a neighbour) when it is
more than one space; a multi-word token (English don't = do + n't) becomes its words when they spell the
token exactly, else one token annotated as the word of it that heads the others. Hence doc.text == text.
Heads, dependency labels (root as spaCy's ROOT) and so sentence boundaries come from stanza's parse.
"""
import importlib.util
import os
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .. import models

ROOT = models.ROOT
MODELS_DIR = models.MODELS_DIR  # the stanza models sit beside the shipped pipelines
FILES = {"tokenize": "tokenize.pt", "mwt": "mwt.pt", "pos": "pos.pt", "lemma": "lemma.pt",
         "depparse": "depparse.pt"}
REQUIRED = ("tokenize", "pos", "depparse")
UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
        "SCONJ", "SYM", "VERB", "X"}


class BackboneError(Exception):
    """A backbone that cannot run here; the message is one line for the user."""


# languages train_stanza has UD treebanks for (annotations/ud-*); the others have no stanza models to load
STANZA_LANGUAGES = ("zh", "en")


def default_model_dir(lang: str) -> Path:
    return MODELS_DIR / f"stanza-{lang}"


def _rel(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def check(lang: str, model_dir: Optional[Path] = None) -> Path:
    """Raise BackboneError (one line) unless stanza is installed and model_dir holds our models.
    Imports nothing heavy (no torch), so it is safe in a parent process that forks workers later."""
    if lang not in STANZA_LANGUAGES and model_dir is None:
        raise BackboneError(f"the stanza backbone has no models for {lang} (only {', '.join(STANZA_LANGUAGES)}); "
                            f"use --backbone spacy")
    model_dir = Path(model_dir) if model_dir else default_model_dir(lang)
    if importlib.util.find_spec("stanza") is None or importlib.util.find_spec("torch") is None:
        raise BackboneError("the stanza backbone needs `pip install -e '.[stanza]'` (torch and stanza)")
    missing = [FILES[c] for c in REQUIRED if not (model_dir / FILES[c]).is_file()]
    if missing:
        raise BackboneError(f"{_rel(model_dir)}: no stanza models ({', '.join(missing)} missing); train them "
                            f"with `python -m pipeline.training.train_stanza {lang}`")
    return model_dir


_PIPELINES: Dict[Tuple[str, str, bool], object] = {}


def stanza_pipeline(lang: str, model_dir: Optional[Path] = None, *, pretokenized: bool = False):
    """The stanza Pipeline of our models for `lang` (cached per process). pretokenized=True takes lists of
    words (one list per sentence) instead of text: the gold-tokenization evaluation uses it."""
    model_dir = check(lang, model_dir)
    key = (lang, str(model_dir.resolve()), pretokenized)
    if key not in _PIPELINES:
        import stanza
        import torch

        # one torch thread per process: on 2 cores shared with other work (or with --n-process workers)
        # more threads spin against each other and run many times slower; UNAP_TORCH_THREADS overrides
        torch.set_num_threads(int(os.environ.get("UNAP_TORCH_THREADS", "1")))

        paths = {f"{c}_model_path": str(model_dir / f) for c, f in FILES.items() if (model_dir / f).is_file()}
        procs = ["tokenize"]
        if "mwt_model_path" in paths and not pretokenized:
            procs.append("mwt")
        procs += ["pos", "lemma", "depparse"]
        kwargs = dict(paths)
        if "lemma_model_path" not in paths:
            kwargs["lemma_use_identity"] = True  # Chinese: lemma = word, as in UD
        if pretokenized:
            kwargs["tokenize_pretokenized"] = True
            kwargs.pop("mwt_model_path", None)
        _PIPELINES[key] = stanza.Pipeline(
            lang=lang, dir=str(model_dir), processors=",".join(procs), download_method=None,
            allow_unknown_language=True, logging_level="ERROR", device="cpu", **kwargs)
    return _PIPELINES[key]


def _annotation(w) -> Tuple[str, str, str, str]:
    pos = w.upos if w.upos in UPOS else "X"
    return pos, w.xpos or "", w.lemma or w.text, w.feats or ""


def to_doc(vocab: Vocab, text: str, sdoc) -> Doc:
    """A spaCy Doc over exactly `text` from a stanza Document of that text (see the module docstring)."""
    words: List[str] = []
    spaces: List[bool] = []
    ann: List[Tuple[str, str, str, str]] = []
    heads: List[Optional[int]] = []
    deps: List[str] = []
    leading: List[int] = []  # whitespace tokens before the first word: attach to the next token
    cursor = 0

    def add(surface: str, a, head=None, dep="dep") -> int:
        words.append(surface)
        spaces.append(False)
        ann.append(a)
        heads.append(head)
        deps.append(dep)
        return len(words) - 1

    def gap(upto: int) -> None:
        nonlocal cursor
        g = text[cursor:upto]
        cursor = upto
        if not g:
            return
        if words and not spaces[-1] and g[0] == " ":
            spaces[-1] = True
            g = g[1:]
        if g:
            a = ("SPACE", "_SP", g, "") if g.isspace() else ("X", "", g, "")
            i = add(g, a, head=len(words) - 1 if words else None)
            if heads[i] is None:
                leading.append(i)

    for sent in sdoc.sentences:
        id2idx: Dict[int, int] = {}
        todo: List[Tuple[int, object]] = []  # (spaCy index, stanza word) whose head is resolved below
        for tok in sent.tokens:
            s, e = tok.start_char, tok.end_char
            if s is None or e is None or s < cursor or e > len(text):  # defensive: should not happen
                idx = len(words) - 1
                for w in tok.words:
                    id2idx[w.id] = max(idx, 0)
                continue
            gap(s)
            surface = text[s:e]
            ws = list(tok.words)
            if len(ws) > 1 and "".join(w.text for w in ws) == surface:
                for w in ws:
                    id2idx[w.id] = add(w.text, _annotation(w))
                    todo.append((id2idx[w.id], w))
            else:
                ids = {w.id for w in ws}
                rep = next((w for w in ws if w.head not in ids), ws[0])  # the word heading the others
                idx = add(surface, _annotation(rep))
                for w in ws:
                    id2idx[w.id] = idx
                todo.append((idx, rep))
            cursor = e
        for idx, w in todo:
            if w.head is None:  # no parse: chain to the sentence's first word
                heads[idx], deps[idx] = (todo[0][0], "dep") if idx != todo[0][0] else (idx, "ROOT")
            elif w.head == 0:
                heads[idx], deps[idx] = idx, "ROOT"
            else:
                heads[idx], deps[idx] = id2idx.get(w.head, idx), w.deprel or "dep"
                if heads[idx] == idx:  # a word attached inside its own collapsed token
                    deps[idx] = "ROOT"
        if leading and todo:
            for i in leading:
                heads[i] = todo[0][0]
            leading.clear()
    gap(len(text))
    if None in heads:  # no stanza word at all (empty or blank text): plain tokens, no annotation
        return Doc(vocab, words=words, spaces=spaces)
    pos, tags, lemmas, morphs = (list(x) for x in zip(*ann)) if ann else ([], [], [], [])
    return Doc(vocab, words=words, spaces=spaces, pos=pos, tags=tags, lemmas=lemmas, morphs=morphs,
               heads=heads, deps=deps)


class StanzaTokenizer:
    """A spaCy tokenizer (callable text -> Doc) that runs the stanza pipeline."""

    backbone = "stanza"

    def __init__(self, vocab: Vocab, lang: str, model_dir: Optional[Path] = None) -> None:
        self.vocab = vocab
        self.lang = lang
        self.model_dir = check(lang, model_dir)
        self.pipeline = stanza_pipeline(lang, self.model_dir)

    def __call__(self, text: str) -> Doc:
        if not text.strip():
            return to_doc(self.vocab, text, _Empty())
        return to_doc(self.vocab, text, self.pipeline(text))

    def pipe(self, texts, batch_size: int = 32):
        for t in texts:
            yield self(t)

    # spaCy serializes its tokenizer with the pipeline; this one is built from the config (its models are
    # models/stanza-<lang>/), so there is nothing of it to save
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "StanzaTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "StanzaTokenizer":
        return self


class _Empty:
    sentences: list = []


TOKENIZER = "unap.stanza_tokenizer.v1"


@util.registry.tokenizers(TOKENIZER)
def create_tokenizer(model_dir: Optional[str] = None) -> Callable[[Language], StanzaTokenizer]:
    """The tokenizer a config names (`@tokenizers = "unap.stanza_tokenizer.v1"`): stanza with the models of
    `model_dir` (null: models/stanza-<lang>/ of the pipeline's language)."""
    def make(nlp: Language) -> StanzaTokenizer:
        return StanzaTokenizer(nlp.vocab, nlp.lang, Path(model_dir) if model_dir else None)

    return make


def tokenizer_config(model_dir: Optional[Path] = None) -> Dict[str, Optional[str]]:
    """The `[nlp.tokenizer]` block that names this tokenizer."""
    return {"@tokenizers": TOKENIZER, "model_dir": str(model_dir) if model_dir else None}


def load(path: Path, model_dir: Optional[Path] = None) -> Language:
    """The saved pipeline of folder `path` on stanza: its config with `[nlp.tokenizer]` naming this tokenizer,
    then its components from disk (spaCy's own tokenizer files in the folder are not read)."""
    path = Path(path)
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"{path}: not a spaCy pipeline folder (no config.cfg); train one with `unap train`")
    config = util.load_config(path / "config.cfg")
    config["nlp"]["tokenizer"] = tokenizer_config(model_dir)
    nlp = util.load_model_from_config(config, meta=util.get_model_meta(path)).from_disk(path, exclude=["tokenizer"])
    nlp.config["nlp"]["tokenizer"] = tokenizer_config(model_dir)  # from_disk read the folder's config again
    return nlp


def use_stanza(nlp: Language, lang: str, model_dir: Optional[Path] = None) -> Language:
    """Put a pipeline already in memory on stanza, through the registered tokenizer, and say so in its config
    (`nlp.to_disk` then saves a pipeline that loads on stanza). A pipeline on disk: `load` builds it so at once."""
    if lang != nlp.lang:
        raise ValueError(f"use_stanza: the pipeline is {nlp.lang}, not {lang}")
    if getattr(nlp.tokenizer, "backbone", None) != "stanza":
        nlp.tokenizer = util.registry.tokenizers.get(TOKENIZER)(str(model_dir) if model_dir else None)(nlp)
        nlp.config["nlp"]["tokenizer"] = tokenizer_config(model_dir)
    return nlp
