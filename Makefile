# briefgen: `make demo` sets everything up from a fresh clone and writes a memo from the seed;
# `make test` runs the whole suite in the same virtual environment.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/000_0ff103b2e130dde9.txt
STAMP := $(VENV)/.installed

.PHONY: demo test install lint evaluate bench fuzz clean bytecode

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(MAKE) --no-print-directory bytecode
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/briefgen generate $(SEED) -o out/brief -f pdf -f docx --force --verbose
	@echo "wrote out/brief.pdf and out/brief.docx"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check briefgen tests bench

evaluate: $(STAMP)
	$(BIN)/python bench/evaluate.py tests/corpus

bench: $(STAMP) bytecode
	$(BIN)/python bench/run.py

# Compile briefgen's modules ahead, as pip does for an installed wheel: an editable install
# leaves it to the first run, which cannot write it under PYTHONDONTWRITEBYTECODE.
bytecode:
	$(BIN)/python -m compileall -q briefgen

# A long fuzz run of ingest + clean (20,000 inputs per property; several minutes).
fuzz: $(STAMP)
	BRIEFGEN_FUZZ=20000 $(BIN)/python -m pytest tests/test_ingest_fuzz.py -q -x -p no:cacheprovider

clean:
	rm -rf $(VENV) out build dist *.egg-info .pytest_cache
