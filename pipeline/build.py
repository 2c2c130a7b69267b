"""Assemble a shipped pipeline from its config (models/configs/<lang>.cfg) and save it under models/."""
from __future__ import annotations

import datetime
from pathlib import Path

from spacy import util

from . import models


def build(lang: str, out_dir: Path | None = None) -> Path:
    cfg = util.load_config(models.CONFIG_DIR / f"{lang}.cfg")
    nlp = util.load_model_from_config(cfg, auto_fill=True, validate=True)
    nlp.initialize()
    nlp.meta.update({"name": f"unap_{lang}", "version": "0.1.0",
                     "description": "UN resolution annotation pipeline (structure; see README)",
                     "built": datetime.date.today().isoformat()})
    out = (out_dir or models.MODELS_DIR) / f"unap-{lang}"
    nlp.to_disk(out)
    return out
