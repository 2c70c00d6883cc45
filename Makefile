# Thin wrappers around Python scripts. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint i18n catalogs screenshots bundle benchmark syscheck clean

run: $(STAMP) syscheck catalogs
	$(PY) -m stad_desktop $(ARGS)

test: $(STAMP) syscheck catalogs
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

$(STAMP): pyproject.toml
	@$(PYTHON) build_scripts/check_python.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

syscheck: $(STAMP)
	@$(PY) build_scripts/check_system.py

catalogs: $(STAMP)
	@$(PY) build_scripts/catalogs.py compile

i18n: $(STAMP)
	$(PY) build_scripts/catalogs.py all

screenshots: $(STAMP) catalogs
	QT_QPA_PLATFORM=offscreen $(PY) build_scripts/screenshots.py

bundle: $(STAMP) catalogs
	$(PY) build_scripts/build_bundle.py

benchmark: $(STAMP) catalogs
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
	find i18n -name '*.mo' -delete
