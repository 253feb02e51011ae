# make test  - create .venv, install kehoach with its test tools, lint, run the whole suite
# make demo  - create .venv, install, batch the bundled corpus into out/plans.duckdb, query it,
#              and score extraction against gold/

PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed-stamp

.PHONY: test demo lint evaluate bench fixtures clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check extractor tests benchmarks

test: lint
	$(BIN)/python -m pytest -q

demo: $(STAMP)
	mkdir -p out
	$(BIN)/kehoach extract corpus/001_254a0747dd8fdc85.pdf --format table
	$(BIN)/kehoach batch corpus --out out/plans.duckdb
	$(BIN)/kehoach query --store out/plans.duckdb \
	  "SELECT d.locality, t.milestone_year AS year, t.comparator, t.value, t.unit, left(t.indicator, 60) AS indicator FROM targets t JOIN documents d USING (doc_hash) WHERE d.format = 'text' AND t.indicator ILIKE '%công dân học tập%' ORDER BY d.locality, year"
	$(BIN)/kehoach graph out/plans.duckdb
	$(BIN)/kehoach batch corpus --out out/plans.jsonl --quiet
	$(BIN)/kehoach evaluate

evaluate: $(STAMP)
	$(BIN)/kehoach evaluate

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

fixtures: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[fixtures]'
	$(BIN)/python corpus/render.py
	$(BIN)/python tests/fixtures/make_bad_inputs.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
