"""spaCy components of the pipeline, one per module; importing this package registers their factories and, in
`unit.py`, every Doc and Span extension they exchange."""
from . import unit  # noqa: F401  (first: the extensions the components read and write)
from . import addressees, entities, entity_rules, opverbs, paragraphs, scored_ner, strength_textcat  # noqa: F401
