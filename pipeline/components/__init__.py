"""spaCy components of the pipeline, one per module; importing this package registers their factories."""
from . import addressees, entities, entity_rules, opverbs, paragraphs, scored_ner, strength_textcat  # noqa: F401
