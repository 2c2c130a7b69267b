# Two entry points for a fresh machine with Python 3.11 and PyPI: `make demo` and `make test`.
# Both are idempotent: the virtual environment is (re)installed only when pyproject.toml changes.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
STAMP := $(VENV)/.installed

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PY) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --upgrade pip
	$(VENV)/bin/python -m pip install -q torch==2.13.0
	$(VENV)/bin/python -m pip install -q -e '.[test,cluster,stanza]'
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
TRAIN_SRC := $(wildcard pipeline/components/*.py) pipeline/training/train.py pipeline/augment.py

.PHONY: data models evaluate
# convert: labelled operative paragraphs from the shared corpora (needs SHARED=path/to/shared)
data: setup
	$(VENV)/bin/python -m pipeline.training.strength_data --shared $(SHARED)

# segmenter: the Chinese pkuseg model (UD GSDSimp dev + UN-domain words) the zh pipeline tokenizes with
models/pkuseg-un/meta.json: pipeline/training/train_segmenter.py $(wildcard pipeline/training/segmenter/*.py) annotations/ud-zh-gsdsimp/zh_gsdsimp-ud-dev.conllu \
		pipeline/lexicons/opverbs.zh.tsv pipeline/lexicons/gazetteer.tsv | setup
	$(VENV)/bin/python -m pipeline.training.train_segmenter --output models/pkuseg-un

models/unap-zh/meta.json: models/pkuseg-un/meta.json annotations/entities/silver/zh.jsonl
# the NER also learns from the rules' spans on unlabelled UN text (ner_silver_units in the config)
models/unap-en/meta.json: annotations/entities/silver/en.jsonl

# train: one pipeline per language, from its config, lexicons and the strength data
ENTITY_DATA := annotations/entities/train.jsonl annotations/entities/dev.jsonl $(wildcard annotations/entities/new/*.jsonl)
models/unap-%/meta.json: models/configs/%.cfg pipeline/lexicons/opverbs.%.tsv pipeline/lexicons/modifiers.%.tsv \
		pipeline/lexicons/gazetteer.tsv $(STRENGTH_DATA) $(ENTITY_DATA) $(TRAIN_SRC) | setup
	$(VENV)/bin/python -m pipeline.training.train $*

# fr, es, ru, ar: `unap train`, which also learns the names of their entity gold's train split as corrections
# (rules + corrections; no NER yet: see models/configs/fr.cfg); dev entity F1 +0.02 to +0.06 except es (-0.005)
NEW_LANGS := fr es ru ar
$(NEW_LANGS:%=models/unap-%/meta.json): models/unap-%/meta.json: models/configs/%.cfg pipeline/lexicons/opverbs.%.tsv \
		pipeline/lexicons/modifiers.%.tsv pipeline/lexicons/gazetteer.tsv $(STRENGTH_DATA) $(ENTITY_DATA) $(TRAIN_SRC) | setup
	$(VENV)/bin/unap train --lang $* -q

models: $(foreach l,zh en $(NEW_LANGS),models/unap-$(l)/meta.json)

# entity gold: review files -> doccano JSONL splits (after people corrected annotations/entities/reviewed/);
# one run writes the three splits (a grouped target: a pattern rule also matched the review files themselves)
annotations/entities/train.jsonl annotations/entities/dev.jsonl annotations/entities/test.jsonl &: $(wildcard annotations/entities/reviewed/*.jsonl) | setup
	$(VENV)/bin/python -m pipeline.training.gold_tool export annotations/entities/reviewed/*.jsonl -o annotations/entities

# evaluate: entity and strength figures on the test split (rules/lexicon, model, combined)
evaluate: models
	$(VENV)/bin/python benchmarks/entities_eval.py
	$(VENV)/bin/python benchmarks/strength_eval.py
