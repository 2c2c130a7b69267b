"""Addressees of operative paragraphs: who is urged, requested, called upon or obliged (annotations/GUIDELINES.md,
"Addressees"). `english` and `chinese` extract by rule from the text; `lexicon` holds the vocabulary."""
