"""NLP backbones a spaCy pipeline can run on instead of its own tokenizer (see stanza_backbone)."""
