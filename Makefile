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

# Every plan of the corpus in every format, less the scan kept to show a refusal.
DEMO_FILES = $(filter-out %.scanned.pdf,$(wildcard corpus/*.txt corpus/*.html corpus/*.docx corpus/*.pdf))

demo: $(STAMP)
	mkdir -p out
	$(BIN)/kehoach extract corpus/*.txt corpus/*.html --format table
	$(BIN)/kehoach extract $(DEMO_FILES) --out out/plans.jsonl
	@echo "Wrote out/plans.jsonl: $(words $(DEMO_FILES)) files, one plan per line."
	@echo "A scanned PDF without a text layer is refused in one line (exit code 10):"
	@$(BIN)/kehoach extract corpus/w02_moi_truong_huyen.scanned.pdf || echo "(exit code $$?)"
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
