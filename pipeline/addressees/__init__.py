"""Addressees of operative paragraphs: who is urged, requested, called upon or obliged (annotations/GUIDELINES.md,
"Addressees"). `english` and `chinese` extract by rule from the text; `spaced` does it for French, Spanish, Russian
and Arabic from each language's rule file; `lexicon` holds the vocabulary."""
