# make test  - create .venv, install kehoach with its test tools, lint, run the whole suite
# make demo  - create .venv, install, extract the bundled corpus and score it against gold/

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
	$(BIN)/kehoach extract corpus/*.txt --format table
	$(BIN)/kehoach extract corpus/*.txt corpus/*.docx corpus/*.pdf corpus/*.html --out out/plans.jsonl
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
