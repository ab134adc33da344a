# Inspection findings tracker. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

# uv installs the locked dependencies in seconds. Use the one on PATH if it runs (a pyenv shim
# may exist without a working uv behind it), else bootstrap a private copy with pip.
UV ?= $(shell uv --version >/dev/null 2>&1 && command -v uv || echo .tools/bin/uv)
PYTHON := .venv/bin/python
MANAGE := $(PYTHON) manage.py
HOST ?= 127.0.0.1:8000

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "} \
	  {name[NR] = $$1; text[NR] = $$2; if (length($$1) > width) width = length($$1)} \
	  END {for (i = 1; i <= NR; i++) printf "  \033[36m%-*s\033[0m  %s\n", width, name[i], text[i]}'

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

# Compiled bytecode: where Python may not write it (PYTHONDONTWRITEBYTECODE=1, common in
# containers) every manage.py start would otherwise compile Django and the rest again.
.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --compile-bytecode
	@touch $@

.PHONY: install
install: .venv/.synced ## Create the virtual environment and install the locked dependencies

.PHONY: setup
setup: install ## Migrate, load reference and demo data, create the demo sign-ins (one process)
	$(MANAGE) setup_demo

.PHONY: run
run: setup ## Set up, then serve the app on http://127.0.0.1:8000 (SQLite)
	$(MANAGE) runserver $(HOST)

.PHONY: test
test: install ## Install, then run the whole test suite (SQLite unless DATABASE_URL says otherwise)
	$(PYTHON) -m pytest $(PYTEST_ARGS)

.PHONY: test-browser
test-browser: install ## Run the browser tests (Playwright with Debian's chromium; axe-core)
	$(PYTHON) -m pytest -m browser $(PYTEST_ARGS)

.PHONY: lint
lint: install ## Check the code with ruff, and the apps' layers with import-linter (README map)
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports

.PHONY: format
format: install ## Format the code with ruff
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

.PHONY: migrations-check
migrations-check: install ## Fail if a model change has no migration
	$(MANAGE) makemigrations --check --dry-run

.PHONY: serve-prod
serve-prod: install ## Serve under gunicorn with production settings (set the environment first: README)
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) check --deploy --fail-level WARNING
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) collectstatic --no-input -v0
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) migrate --no-input
	DJANGO_SETTINGS_MODULE=config.settings.production .venv/bin/gunicorn config.wsgi -c config/gunicorn.py

.PHONY: import-accuracy
import-accuracy: setup ## Score the report importer against the gold files (precision, recall, F1)
	$(MANAGE) import_accuracy --min-f1 0.95
	$(MANAGE) import_accuracy --gold tests/data/unseen --min-f1 0.95

.PHONY: clean
clean: ## Remove the virtual environment, the SQLite database and test artifacts
	rm -rf .venv .tools db.sqlite3 artifacts .pytest_cache

.PHONY: bench
bench: install ## Time dashboard, tracker and CSV export on the national data set (PostgreSQL)
	$(PYTHON) bench/pages.py

.PHONY: load
load: install ## Load test: gunicorn + PostgreSQL + national data, driven by locust on loopback
	$(PYTHON) bench/load.py

.PHONY: bench-letters
bench-letters: install ## Time rendering the PDF letters (median of several runs)
	$(PYTHON) bench/letters.py
