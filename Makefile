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

.PHONY: setup demo test
setup: $(STAMP)

demo: setup
	mkdir -p out
	$(VENV)/bin/unap annotate examples/corpus -o out/example.jsonl

test: setup
	$(VENV)/bin/python -m pytest -q -p no:cacheprovider
