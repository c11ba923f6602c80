# spinscope developer commands. `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
SAMPLE ?= ../shared/samples/white-helmets-false-flag.txt
SHIPPED_SAMPLE := src/spinscope/data/sample-article.txt
# The demo's fact-check knowledge base: the EUvsDisinfo cases, when the research data is
# there (claims.v1 is skipped, with a notice, without one).
EUVSDISINFO ?= ../shared/data/factchecks/euvsdisinfo
EUVSDISINFO_FILES := $(wildcard $(EUVSDISINFO)/cases-*.csv $(EUVSDISINFO)/index-*.csv)
DEMO_STORE ?= build/demo-store.db
DEMO_KB := $(if $(EUVSDISINFO_FILES),build/.stamp-demo-kb)

.PHONY: demo test lint bench serve train-techniques clean help

help:
	@echo "make demo   - create $(VENV), install spinscope, analyse the sample article(s)"
	@echo "make test   - install test extras and run pytest"
	@echo "make lint   - ruff + mypy"
	@echo "make bench  - run benchmarks in bench/ and update docs/benchmarks.md"
	@echo "make serve  - install the web extra and serve the web app on http://127.0.0.1:8000/"
	@echo "make train-techniques - train and export the technique model (python -m training.techniques)"

# The venv stamp re-installs when pyproject.toml changes.
$(VENV)/.stamp-base: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (set PYTHON=...)"; exit 2; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	touch $@

$(VENV)/.stamp-test: $(VENV)/.stamp-base
	$(PIP) install -q -e ".[test,lint]"
	touch $@

# Imported again only when the files change (an import is idempotent anyway); the
# importer's per-row rejections (duplicate cases) go to build/demo-kb-import.log.
build/.stamp-demo-kb: $(EUVSDISINFO_FILES) $(VENV)/.stamp-base
	@mkdir -p build
	@echo "== importing EUvsDisinfo into $(DEMO_STORE)"
	$(VENV)/bin/spinscope factchecks import $(EUVSDISINFO_FILES) --format euvsdisinfo \
		--store $(DEMO_STORE) 2>build/demo-kb-import.log
	touch $@

demo: $(VENV)/.stamp-base $(DEMO_KB)
	@if [ -f "$(SAMPLE)" ]; then \
		echo "== $(SAMPLE)"; $(VENV)/bin/spinscope analyze "$(SAMPLE)" --store $(DEMO_STORE); \
	else echo "($(SAMPLE) not found: analysing the shipped sample only)"; fi
	@echo "== $(SHIPPED_SAMPLE)"
	$(VENV)/bin/spinscope analyze $(SHIPPED_SAMPLE) --store $(DEMO_STORE)

test: $(VENV)/.stamp-test
	$(PY) -m pytest -q

lint: $(VENV)/.stamp-test
	$(VENV)/bin/ruff check src tests bench training
	$(VENV)/bin/ruff format --check src tests bench training
	$(VENV)/bin/mypy

# What users get: the wheel in a clean venv with the stock pip (needs PyPI access).
.PHONY: wheel-check
wheel-check:
	PYTHON=$(PYTHON) .ci/wheel-check

$(VENV)/.stamp-web: $(VENV)/.stamp-base
	$(PIP) install -q -e ".[web]"
	touch $@

serve: $(VENV)/.stamp-web
	$(VENV)/bin/spinscope serve $(SERVE_ARGS)

bench: $(VENV)/.stamp-test
	$(PY) bench/run_all.py

train-techniques:
	$(PIP) install -q -e ".[train]"
	HF_HUB_OFFLINE=1 $(PY) -m training.techniques recipe --ptc ../shared/data/ptc --out build/techniques

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
