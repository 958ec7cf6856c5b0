# Two commands on a fresh machine with Python >= 3.11:
#   make run   - set up .venv, install clusterplan, run the shipped case into out/
#   make test  - set up .venv with dev extras, run ruff, mypy and pytest
#   make docs  - set up .venv with docs extras, build docs/_build/html (notebooks executed),
#                the Chinese pages (docs/zh) into docs/_build/html/zh
# test and docs first check the Debian packages they need (scripts/system-packages.sh):
# as root they are installed when missing; otherwise the check names them and stops.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
DOCS_STAMP := $(VENV)/.installed-docs
# -E: read every page afresh, so every notebook is executed on every build;
# -W --keep-going: any warning fails the build, after reporting all of them;
# -j auto: notebooks execute in parallel (one kernel per worker).
SPHINXOPTS ?= -E -W --keep-going -j auto

.PHONY: run test lint docs bench clean system-packages

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "clusterplan needs Python >= 3.11 (set PYTHON=python3.x)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP)

$(DOCS_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	touch $@ $(STAMP)

system-packages:
	@scripts/system-packages.sh

run: $(STAMP)
	$(BIN)/clusterplan run --out out --force

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: system-packages lint
	$(BIN)/python -m pytest

# The Chinese pages are a build of their own (docs/zh/conf.py), made beside the English one
# (each keeps its executed notebooks apart) and then placed in its zh/ folder.
docs: system-packages $(DOCS_STAMP)
	$(BIN)/python -m sphinx $(SPHINXOPTS) -b html docs docs/_build/html
	$(BIN)/python -m sphinx $(SPHINXOPTS) -b html docs/zh docs/_build/zh/html
	rm -rf docs/_build/html/zh
	cp -R docs/_build/zh/html docs/_build/html/zh
	$(BIN)/python docs/check_offline.py docs/_build/html

bench: $(DEV_STAMP)
	$(BIN)/python benchmarks/run_time.py

clean:
	rm -rf $(VENV) out docs/_build .mypy_cache .ruff_cache .pytest_cache
