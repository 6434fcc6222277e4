# Jatkumo — the two commands are `make demo` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RUNTIME_APT := python3-venv libvoikko1 voikko-fi gettext
TEST_APT := $(RUNTIME_APT) chromium
export DJANGO_SETTINGS_MODULE ?= jatkumo.config.settings.local

.PHONY: help demo setup serve test lint gates pytest test-postgres bench messages schema clean \
        system-deps system-deps-test install install-dev

help:
	@echo "make demo           install, build var/jatkumo.sqlite3 with bundled + demo data, serve on :8000"
	@echo "make test           install and run the gates and the whole test suite (SQLite)"
	@echo "make test-postgres  the database tests against a temporary PostgreSQL on loopback"
	@echo "make lint           ruff, mypy, import contracts, migrations, translations, OpenAPI"
	@echo "make bench          benchmarks (print numbers; never part of the tests)"
	@echo "make messages       update locale/*.po after changing texts; make schema: openapi.yaml"

# --- installation -------------------------------------------------------------------------
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  command -v apt-get >/dev/null || { echo "Please install:$$missing (Debian/Ubuntu package names)"; exit 1; }; \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

system-deps:
	$(call apt_install,$(RUNTIME_APT))

system-deps-test:
	$(call apt_install,$(TEST_APT))

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"
	touch $@ $(VENV)/.installed

install: system-deps $(VENV)/.installed
	@cd src/jatkumo && ../../$(BIN)/django-admin compilemessages -v 0

# axe-core for the accessibility tests (npm registry; Debian's npm when none is installed).
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Installing system package: npm"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install-dev: system-deps-test $(VENV)/.installed-dev node_modules/.installed
	@cd src/jatkumo && ../../$(BIN)/django-admin compilemessages -v 0

# --- the two commands ---------------------------------------------------------------------
demo: install
	@start=$$(date +%s); $(BIN)/jatkumo setup --demo; \
	echo "Set-up took $$(( $$(date +%s) - start )) s."
	@echo "Open http://127.0.0.1:8000/ and log in at http://127.0.0.1:8000/accounts/login/ with the demo admin above."
	$(BIN)/jatkumo serve

setup: install
	$(BIN)/jatkumo setup --demo

serve: install
	$(BIN)/jatkumo serve

test: install-dev gates pytest

gates: install-dev
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy src
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=jatkumo.config.settings.test $(BIN)/jatkumo makemigrations --check --dry-run
	$(BIN)/python scripts/check_translations.py
	$(BIN)/python scripts/check_openapi.py

lint: gates

pytest: install-dev
	DJANGO_SETTINGS_MODULE=jatkumo.config.settings.test $(BIN)/pytest

test-postgres: install-dev
	DJANGO_SETTINGS_MODULE=jatkumo.config.settings.test scripts/with-postgres.sh $(BIN)/pytest -m "not browser"

bench: install-dev
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

messages: install-dev
	cd src/jatkumo && ../../$(BIN)/django-admin makemessages -l fi -l sv --no-location --no-obsolete -i "migrations/*"
	cd src/jatkumo && ../../$(BIN)/django-admin compilemessages -v 0

schema: install-dev
	DJANGO_SETTINGS_MODULE=jatkumo.config.settings.test $(BIN)/jatkumo spectacular --file openapi.yaml --validate

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
