"""Loading the trained Chinese segmenter (pkuseg) into a spaCy pipeline."""
from __future__ import annotations

from pathlib import Path

from ... import models

DEFAULT_OUTPUT = models.MODELS_DIR / "pkuseg-un"
USER_DICT = "user_dict.txt"


def load_into(nlp, model_dir: Path) -> None:
    """Give a pkuseg ChineseTokenizer the model in `model_dir`, with its user dictionary and without
    pkuseg's default post-processor. nlp.to_disk() afterwards stores all three."""
    model_dir = Path(model_dir)
    user_dict = model_dir / USER_DICT
    nlp.tokenizer.initialize(pkuseg_model=str(model_dir),
                             pkuseg_user_dict=str(user_dict) if user_dict.is_file() else "default")
    nlp.tokenizer.pkuseg_seg.postprocesser.do_process = False


def blank_pipeline(model_dir: Path = DEFAULT_OUTPUT):
    """A blank spaCy zh pipeline whose tokenizer is the pkuseg model in `model_dir`."""
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    load_into(nlp, model_dir)
    return nlp
