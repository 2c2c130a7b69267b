"""spaCy components of the pipeline, one per module; importing this package registers their factories."""
from . import paragraphs  # noqa: F401
