# Two entry points for a fresh machine with Python 3.11 and PyPI: `make demo` and `make test`.
# Both are idempotent: the virtual environment is (re)installed only when pyproject.toml changes.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
STAMP := $(VENV)/.installed

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PY) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --upgrade pip
	$(VENV)/bin/python -m pip install -q -e '.[test]'
	touch $(STAMP)

.PHONY: setup demo test browser
setup: $(STAMP)

# headless Chromium (and a CJK font) for the tests that open the HTML reports; Debian packages, as root
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }

demo: setup
	mkdir -p out
	$(VENV)/bin/unap annotate examples/corpus -o out/example.jsonl

test: setup browser
	$(VENV)/bin/python -m pytest -q -p no:cacheprovider

# --- the model workflow: each step declares its inputs, so a rerun redoes only what changed -------------
SHARED ?= ../shared
STRENGTH_DATA := annotations/strength/train.jsonl annotations/strength/dev.jsonl annotations/strength/test.jsonl
TRAIN_SRC := $(wildcard pipeline/components/*.py) pipeline/training/train.py pipeline/training/augment.py

.PHONY: data models evaluate
# convert: labelled operative paragraphs from the shared corpora (needs SHARED=path/to/shared)
data: setup
	$(VENV)/bin/python -m pipeline.training.strength_data --shared $(SHARED)

# train: one pipeline per language, from its config, lexicons and the strength data
models/unap-%/meta.json: models/configs/%.cfg pipeline/lexicons/opverbs.%.tsv pipeline/lexicons/modifiers.%.tsv \
		$(STRENGTH_DATA) $(TRAIN_SRC) | setup
	$(VENV)/bin/python -m pipeline.training.train $*

models: models/unap-zh/meta.json models/unap-en/meta.json

# evaluate: strength figures on the test split (lexicon, classifier, combined; clean and damaged text)
evaluate: models
	$(VENV)/bin/python benchmarks/strength_eval.py
