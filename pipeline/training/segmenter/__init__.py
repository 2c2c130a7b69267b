"""The Chinese word segmenter (pkuseg) by responsibility: `words` (the UN-domain word lists and the user
dictionary), `synthesis` (synthetic training sentences), `load` (loading a trained model into spaCy). The
trainer and its command line are pipeline/training/train_segmenter.py."""
