"""Train small stanza models (tokenize, mwt, pos, lemma, depparse) offline and save them to models/stanza-<lang>/.

    python -m pipeline.training.train_stanza zh|en [--output models/stanza-zh] [--verbose]

stanza ships no models and downloads its own from model hubs, which this project cannot reach, so we train
our own with stanza's trainers (stanza.models.tokenizer, .mwt_expander, .tagger, .lemmatizer, .parser):

* Data: the UD **dev** file of the language is the training data; its last HELD_OUT share of sentences is
  the trainers' validation set (early stopping, best checkpoint). The UD **test** file is never trained on:
  it gives the scores in meta.json. Chinese: UD Chinese GSDSimp (annotations/ud-zh-gsdsimp/), English: UD
  English EWT (annotations/ud-en-ewt/), both CC BY-SA 4.0.
* No pretrained word vectors (`--no_pretrain`): the taggers and the parser learn their own word and
  character embeddings from the training data. Chinese has no lemmas in UD (lemma = word): the pipeline uses
  stanza's identity lemmatizer there; English gets a trained lemmatizer and an MWT expander (EWT splits
  contractions: don't = do + n't). The Chinese tokenizer uses stanza's dictionary feature, with a lexicon
  built from the training words.
* Small and fast: hidden sizes and step counts are in SETTINGS, chosen so that one language trains in a
  few minutes on 2 CPU cores and stays well under 30 MB.
* Scores (meta.json "test"): stanza's CoNLL 2018 shared-task scorer (`stanza.models.common.utils.ud_scores`,
  which wraps udtools' `udeval`, the maintained successor of conll18_ud_eval.py) on (a) the pipeline run on
  the raw test text (tokens, words, sentences, UPOS, UAS, LAS with predicted segmentation) and (b) the
  pipeline run on the gold test words (UPOS, UAS, LAS with gold tokenization).
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .. import models
from .records import dir_size, rel as _rel, version as _version

ROOT = models.ROOT
UD = {
    "zh": ROOT / "annotations" / "ud-zh-gsdsimp" / "zh_gsdsimp-ud-{}.conllu",
    "en": ROOT / "annotations" / "ud-en-ewt" / "en_ewt-ud-{}.conllu",
}
SHORTHAND = {"zh": "zh_gsdsimp", "en": "en_ewt"}
HELD_OUT = 0.10  # last share of the dev sentences: validation for early stopping
SEED = 1234
PARA_SENTENCES = 4  # tokenizer data without paragraph marks: a paragraph every this many sentences

# file names inside models/stanza-<lang>/ (the backbone reads the same names)
FILES = {"tokenize": "tokenize.pt", "mwt": "mwt.pt", "pos": "pos.pt", "lemma": "lemma.pt",
         "depparse": "depparse.pt"}

# per language: the trainer options beyond data and file names (see each trainer's argparse)
_POS = ["--max_steps", "800", "--eval_interval", "100", "--fix_eval_interval", "--share_hid",
        "--hidden_dim", "128", "--char_hidden_dim", "128", "--deep_biaff_hidden_dim", "128", "--word_emb_dim", "64",
        "--char_emb_dim", "64", "--batch_size", "32"]
_DEPPARSE = ["--max_steps", "1000", "--eval_interval", "100", "--hidden_dim", "150", "--char_hidden_dim", "64",
             "--deep_biaff_hidden_dim", "100", "--deep_biaff_output_dim", "100", "--num_layers", "2",
             "--word_emb_dim", "64", "--char_emb_dim", "48", "--batch_size", "500", "--optim", "adam",
             "--lr", "0.002", "--beta2", "0.95", "--no_second_optim", "--no_checkpoint"]
# Why these: stanza's defaults are sized for GPUs and large treebanks. On CPU the tagger's batch_size counts
# sentences and its cost grows with the square of it (padded copies per sentence), so 32; --share_hid uses
# linear xpos/feats heads instead of nn.Bilinear, whose CPU backward is very slow. The parser's label scorer
# is deep_biaff_hidden_dim^2 x labels wide, so 100; Adam from the start converges faster than stanza's
# AdaDelta-then-Adam schedule in a few hundred steps.
SETTINGS: dict[str, dict[str, list[str]]] = {
    "zh": {
        "tokenize": ["--steps", "1500", "--eval_steps", "150", "--max_seqlen", "100", "--use_dictionary",
                     "--skip_newline", "--hidden_dim", "64", "--emb_dim", "32", "--no_use_mwt"],
        "pos": _POS,
        "depparse": _DEPPARSE,
    },
    "en": {
        "tokenize": ["--steps", "1500", "--eval_steps", "150", "--max_seqlen", "100",
                     "--hidden_dim", "64", "--emb_dim", "32"],
        "mwt": ["--num_epoch", "20", "--hidden_dim", "64", "--emb_dim", "32"],
        "pos": _POS,
        "lemma": ["--num_epoch", "4", "--hidden_dim", "100", "--emb_dim", "50", "--batch_size", "100"],
        "depparse": _DEPPARSE,
    },
}


# --- CoNLL-U ------------------------------------------------------------------------------------------------

def read_sentences(path: Path) -> list[list[str]]:
    """The sentences of a CoNLL-U file, each as its lines (comments included)."""
    sents, cur = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            cur.append(line)
        elif cur:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


def write_sentences(sents: list[list[str]], path: Path) -> None:
    Path(path).write_text("".join("\n".join(s) + "\n\n" for s in sents), encoding="utf-8")


def _rows(sent: list[str]) -> list[list[str]]:
    return [line.split("\t") for line in sent if not line.startswith("#")]


def word_count(sents: list[list[str]]) -> int:
    return sum(1 for s in sents for r in _rows(s) if r[0].isdigit())


def split_held_out(sents: list[list[str]], share: float = HELD_OUT) -> tuple[list, list]:
    n = max(1, round(len(sents) * share))
    return sents[:-n], sents[-n:]


def raw_text(sents: list[list[str]]) -> str:
    """The running text of the sentences (as CoNLL 2018's raw input): tokens joined by their SpaceAfter,
    paragraphs (# newpar / # newdoc) separated by a blank line."""
    out: list[str] = []
    for k, sent in enumerate(sents):
        if k and any(line.startswith(("# newpar", "# newdoc")) for line in sent if line.startswith("#")):
            out[-1] = out[-1].rstrip(" ")
            out.append("\n\n")
        end = 0
        for r in _rows(sent):
            if "." in r[0]:
                continue
            if "-" in r[0]:
                end = int(r[0].split("-")[1])
            elif int(r[0]) <= end:
                continue
            out.append(r[1] + ("" if "SpaceAfter=No" in r[9] else " "))
    return "".join(out).rstrip(" ")


def gold_words(sents: list[list[str]]) -> list[list[str]]:
    """The syntactic words of each sentence (multi-word tokens expanded): input for gold-tokenization runs."""
    return [[r[1] for r in _rows(s) if r[0].isdigit()] for s in sents]


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- training -----------------------------------------------------------------------------------------------

@contextlib.contextmanager
def _quiet(verbose: bool):
    """stanza's trainers log every few steps at INFO and print to stdout: keep that out unless --verbose."""
    logger = logging.getLogger("stanza")
    old = logger.level
    if verbose:
        yield
        return
    logger.setLevel(logging.ERROR)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            yield
    finally:
        logger.setLevel(old)


def prepare_tokenizer_data(work: Path, shorthand: str, name: str, sents: list[list[str]]) -> dict[str, Path]:
    """CoNLL-U -> what stanza's tokenizer trainer reads: gold conllu, raw text, character labels, MWT json
    (stanza.utils.datasets: conllu_to_text and prepare_tokenizer_data, as its prepare_tokenizer_treebank)."""
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data as ptd

    if not any(line.startswith(("# newpar", "# newdoc")) for s in sents for line in s):
        # one endless paragraph (GSDSimp has no paragraph marks) makes every training sample walk the whole
        # text: cut it into paragraphs of PARA_SENTENCES sentences
        sents = [(["# newpar"] if k % PARA_SENTENCES == 0 else []) + s for k, s in enumerate(sents)]
    gold = work / f"{shorthand}.{name}.gold.conllu"
    txt = work / f"{shorthand}.{name}.txt"
    labels = work / f"{shorthand}-ud-{name}.toklabels"
    mwt = work / f"{shorthand}-ud-{name}-mwt.json"
    write_sentences(sents, gold)
    conllu_to_text.convert_text(str(gold), str(txt))
    with contextlib.redirect_stdout(io.StringIO()):
        ptd.main([str(txt), str(gold), "-o", str(labels), "-m", str(mwt)])
    return {"gold": gold, "txt": txt, "labels": labels, "mwt": mwt}


def train_tokenizer(lang: str, train: list[list[str]], dev: list[list[str]], work: Path, out_file: Path,
                    options: list[str], verbose: bool = False) -> None:
    """Train stanza's tokenizer (word and sentence segmentation) on `train`, early stopping on `dev`."""
    import torch
    from stanza.models import tokenizer
    from stanza.models.tokenization import utils as tok_utils

    torch.set_num_threads(1)

    shorthand = SHORTHAND.get(lang, f"{lang}_ud")
    work.mkdir(parents=True, exist_ok=True)
    tr = prepare_tokenizer_data(work, shorthand, "train", train)
    dv = prepare_tokenizer_data(work, shorthand, "dev", dev)
    # the dictionary feature reads the training words from {TOKENIZE_DATA_DIR}/{shorthand}.train.gold.conllu
    tok_utils.paths["TOKENIZE_DATA_DIR"] = str(work)
    args = ["--mode", "train", "--lang", lang, "--shorthand", shorthand,
            "--txt_file", str(tr["txt"]), "--label_file", str(tr["labels"]),
            "--dev_txt_file", str(dv["txt"]), "--dev_label_file", str(dv["labels"]),
            "--dev_conll_gold", str(dv["gold"]), "--mwt_json_file", str(dv["mwt"]),
            "--save_dir", str(out_file.parent), "--save_name", out_file.name, "--seed", str(SEED), "--cpu"]
    with _quiet(verbose):
        tokenizer.main(args + options)


def train_all(lang: str, out: Path, *, verbose: bool = False, settings: dict | None = None) -> dict:
    """Train every component for `lang` into `out`; return the meta.json content (without test scores)."""
    import torch
    from stanza.models import lemmatizer, mwt_expander, parser, tagger

    settings = settings or SETTINGS[lang]
    train, held = split_held_out(read_sentences(Path(str(UD[lang]).format("dev"))))
    shorthand = SHORTHAND[lang]
    out.mkdir(parents=True, exist_ok=True)
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        train_file, held_file = work / "train.conllu", work / "held.conllu"
        write_sentences(train, train_file)
        write_sentences(held, held_file)
        common = ["--shorthand", shorthand, "--save_dir", str(out), "--seed", str(SEED), "--cpu"]  # + --lang but lemma
        data = ["--train_file", str(train_file), "--eval_file", str(held_file)]

        def step(name: str, fn) -> None:
            t0 = time.time()
            print(f"{lang}: training {name} ...", file=sys.stderr, flush=True)
            with _quiet(verbose):
                fn()
            seconds[name] = round(time.time() - t0, 1)
            print(f"{lang}: {name} done in {seconds[name]:.0f}s", file=sys.stderr, flush=True)

        torch.manual_seed(SEED)
        torch.set_num_threads(1)  # 2 threads on 2 shared cores: spinning workers make every step 10-30x slower
        step("tokenize", lambda: train_tokenizer(lang, train, held, work / "tokenize", out / FILES["tokenize"],
                                                 settings["tokenize"], verbose))
        if "mwt" in settings:
            step("mwt", lambda: mwt_expander.main(
                ["--mode", "train", "--lang", lang, *common, *data, "--gold_file", str(held_file),
                 "--output_file", str(work / "mwt.pred.conllu"), "--save_name", FILES["mwt"], *settings["mwt"]]))
        step("pos", lambda: tagger.main(
            ["--mode", "train", "--lang", lang, *common, *data, "--output_file", str(work / "pos.pred.conllu"), "--no_pretrain",
             "--save_name", FILES["pos"], *settings["pos"]]))
        if "lemma" in settings:
            step("lemma", lambda: lemmatizer.main(
                ["--mode", "train", *common, *data, "--output_file", str(work / "lemma.pred.conllu"),
                 "--save_name", FILES["lemma"], *settings["lemma"]]))
        step("depparse", lambda: parser.main(
            ["--mode", "train", "--lang", lang, *common, *data, "--output_file", str(work / "depparse.pred.conllu"),
             "--no_pretrain", "--save_name", FILES["depparse"], *settings["depparse"]]))
    for f in out.glob("*_checkpoint*"):
        f.unlink()
    (out / "resources.json").write_text("{}\n", encoding="utf-8")
    return training_meta(lang, out, settings, seconds)


def training_meta(lang: str, out: Path, settings: dict, seconds: dict[str, float], trained: str | None = None) -> dict:
    """meta.json without the test scores: data files (sha256, counts), settings, training seconds."""
    dev_path, test_path = Path(str(UD[lang]).format("dev")), Path(str(UD[lang]).format("test"))
    sents = read_sentences(dev_path)
    train, held = split_held_out(sents)

    def info(path: Path, sentences: list | None = None) -> dict:
        s = sentences if sentences is not None else read_sentences(path)
        return {"file": _rel(path), "sha256": sha256(path), "sentences": len(s), "words": word_count(s)}

    return {
        "name": f"stanza-{lang}",
        "trained": trained or time.strftime("%Y-%m-%dT%H:%M:%S"),
        "stanza": _version("stanza"), "torch": _version("torch"),
        "components": sorted(k for k in FILES if (out / FILES[k]).exists()),
        "lemma": "trained" if "lemma" in settings else "identity (lemma = word, as in UD Chinese)",
        "data": {
            "train": {**info(dev_path, sents), "used_for": "training (all but the last held-out share)",
                      "train_sentences": len(train), "train_words": word_count(train),
                      "held_out_sentences": len(held), "held_out_words": word_count(held)},
            "test": {**info(test_path), "used_for": "scores only"},
            "licence": "CC BY-SA 4.0 (Universal Dependencies)",
        },
        "settings": {"seed": SEED, "held_out_share": HELD_OUT, "pretrained_vectors": None,
                     "options": settings},
        "train_seconds": {**seconds, "total": round(sum(seconds.values()), 1)},
    }


# --- evaluation ---------------------------------------------------------------------------------------------

def _scores(gold: Path, pred_conllu: str, keys: tuple[str, ...]) -> dict[str, float]:
    from stanza.models.common.utils import ud_scores

    ev = ud_scores(str(gold), io.StringIO(pred_conllu))
    return {k: round(100 * ev[k].f1, 2) for k in keys}


def segmentation_scores(lang: str, tokenizer_file: Path, sents: list[list[str]]) -> dict[str, float]:
    """Tokens / Sentences F1 of a tokenizer model alone on the raw text of `sents` (CoNLL 2018 scorer)."""
    import stanza
    import torch

    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold.conllu"
        write_sentences(sents, gold)
        (Path(tmp) / "resources.json").write_text("{}", encoding="utf-8")
        nlp = stanza.Pipeline(lang=lang, dir=tmp, processors="tokenize", tokenize_model_path=str(tokenizer_file),
                              download_method=None, allow_unknown_language=True, logging_level="ERROR",
                              device="cpu")
        doc = nlp(raw_text(sents))
        return _scores(gold, "{:C}\n\n".format(doc), ("Tokens", "Sentences"))


def _restore_long_tokens(doc, text: str) -> None:
    """stanza's pipeline writes tokens longer than its max_seqlen (long URLs in EWT) as <UNK>; the scorer
    needs the characters back. (The backbone never reads token strings: it slices the input by offsets.)"""
    for sent in doc.sentences:
        for tok in sent.tokens:
            surface = text[tok.start_char:tok.end_char]
            if tok.text != surface and len(tok.words) == 1:
                tok._text = surface
                tok.words[0]._text = surface


def evaluate(lang: str, model_dir: Path, test: Path | None = None) -> dict:
    """Score the models in model_dir on the UD test file: from raw text, and on gold words."""
    from stanza.models.common.doc import Document

    from ..backbones.stanza_backbone import stanza_pipeline

    test = Path(test or str(UD[lang]).format("test"))
    sents = read_sentences(test)
    text = raw_text(sents)
    t0 = time.time()
    doc = stanza_pipeline(lang, model_dir)(text)
    secs = time.time() - t0
    _restore_long_tokens(doc, text)
    predicted = _scores(test, "{:C}\n\n".format(doc),
                        ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "Lemmas", "UAS", "LAS"))
    gdoc = stanza_pipeline(lang, model_dir, pretokenized=True)(gold_words(sents))
    gold = _scores(test, "{:C}\n\n".format(gdoc), ("UPOS", "XPOS", "Lemmas", "UAS", "LAS"))
    assert isinstance(doc, Document)
    return {"file": _rel(test), "sha256": sha256(test), "scorer": "stanza.models.common.utils.ud_scores "
            "(udtools.udeval, the CoNLL 2018 shared-task evaluation)",
            "raw_text": {**predicted, "chars_per_second": round(len(text) / secs)},
            "gold_tokenization": gold}


# --- helpers and CLI ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.training.train_stanza", description=__doc__.split("\n")[0])
    ap.add_argument("lang", choices=sorted(UD))
    ap.add_argument("--output", default=None, help="model folder (default models/stanza-<lang>)")
    ap.add_argument("--evaluate-only", action="store_true", help="score the existing models, update meta.json")
    ap.add_argument("-v", "--verbose", action="store_true", help="show the stanza trainers' logs")
    args = ap.parse_args(argv)
    out = Path(args.output) if args.output else models.MODELS_DIR / f"stanza-{args.lang}"
    meta_file = out / "meta.json"
    if args.evaluate_only:
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.is_file() else {}
    else:
        with tempfile.TemporaryDirectory(dir=out.parent if out.parent.is_dir() else None) as tmp:
            target = Path(tmp) / out.name
            meta = train_all(args.lang, target, verbose=args.verbose)
            (target / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                                              encoding="utf-8")
            if out.exists():
                shutil.rmtree(out)
            shutil.move(str(target), str(out))
    print(f"{args.lang}: scoring on the UD test set ...", file=sys.stderr, flush=True)
    meta["test"] = evaluate(args.lang, out)
    meta["size_bytes"] = dir_size(out)
    meta_file.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    r, g = meta["test"]["raw_text"], meta["test"]["gold_tokenization"]
    print(f"{args.lang}: -> {_rel(out)} ({meta['size_bytes'] / 1e6:.1f} MB, trained in "
          f"{meta.get('train_seconds', {}).get('total', 0):.0f}s); test: tokens F1 {r['Tokens']}, words F1 "
          f"{r['Words']}, sentences F1 {r['Sentences']}, UPOS {r['UPOS']}, UAS {r['UAS']}, LAS {r['LAS']}; "
          f"gold tokenization: UPOS {g['UPOS']}, UAS {g['UAS']}, LAS {g['LAS']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
