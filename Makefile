# Practice Library: `make run` serves the site, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SEARCH ?=

.DEFAULT_GOAL := help

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned Python packages

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

static/build/govuk.css static/build/accessible-autocomplete.min.js &: node_modules/.installed scripts/build-assets.mjs $(wildcard static/scss/*.scss)
	npm run --silent build

assets: static/build/govuk.css static/build/accessible-autocomplete.min.js ## Build the styles and scripts from the pinned npm packages (package-lock.json)

run: install assets ## Set up and serve the site on http://127.0.0.1:8000 (SEARCH=elasticsearch|opensearch to use an engine)
	@./scripts/run.sh "$(SEARCH)"

test: install assets lint ## Start PostgreSQL, Elasticsearch, OpenSearch and Chromium; run every test; stop them
	@./scripts/test.sh $(PYTEST_ARGS)

bench: install assets ## Benchmark the library on synthetic corpora (BENCH_SIZES=1000,20000 to change)
	@./scripts/bench.sh

chaos: install assets ## Break a 3-node Elasticsearch cluster, the index and the worker under load; one table (CHAOS_PHASE_SECONDS=20)
	@./scripts/chaos.sh

lint: install ## Ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

elasticsearch: ## Start a local Elasticsearch on 127.0.0.1:9200
	@./scripts/elasticsearch.sh start

opensearch: ## Start a local OpenSearch on 127.0.0.1:9250
	@./scripts/opensearch.sh start

search-stop: ## Stop the local search engines
	@./scripts/opensearch.sh stop
	@./scripts/elasticsearch.sh stop

.PHONY: help install assets run test bench chaos lint format elasticsearch opensearch search-stop
