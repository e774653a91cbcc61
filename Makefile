# dapi: `make demo` runs the demonstration, `make test` runs the full suite.
# Needs only Python 3.11+: the virtual environment is created here.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=
# pytest-xdist spreads the suite over the machine's cores, each worker with a test database of its own;
# `--dist loadgroup` keeps the tests marked with one xdist_group on one worker (dapi/tests/demo_volume.py).
WORKERS ?= auto
# `make test LINT=no` skips ruff (CI lints once, in the SQLite run).
LINT ?= yes

.PHONY: demo test lint install serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/dapi demo

serve: install
	$(BIN)/dapi serve

lint: install
	$(BIN)/ruff check dapi bench

# The suite writes Python's bytecode caches (__pycache__, ignored by git) even where the environment sets
# PYTHONDONTWRITEBYTECODE: without them every pytest-xdist worker compiles the project and rewrites the test
# modules again, about 13 s of a core per worker's collection instead of 7 s (bench/RESULTS.md, CI time).
test: install
ifeq ($(LINT),yes)
	$(BIN)/ruff check dapi bench
endif
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var
