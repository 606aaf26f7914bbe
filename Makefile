# `make run` starts the bot (Slack when tokens are in .env, else the console); `make test` checks everything.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
QUESTIONS := ../shared/questions

.PHONY: run test lint typecheck unit bench score clean nlrb

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Error: $(PYTHON) not found; set PYTHON=/path/to/python3.11" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Running needs the runtime dependencies only; the dev tools (ruff, mypy, pytest...) come with `make test`.
$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q bot
	@touch $(RUN_STAMP)

# The dev stamp also brings the importer's spreadsheet reader (the `import` extra): the tests read the raw files.
$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,import]'
	$(BIN)/python -m compileall -q bot
	@touch $(DEV_STAMP) $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/election-bot run

test: $(DEV_STAMP)
	$(BIN)/ruff check bot tests bench
	$(BIN)/ruff format --check bot tests bench
	$(BIN)/mypy
	$(BIN)/pytest

# The sample question set is not part of the repo: it lives in ../shared/questions/ beside the checkout.
score:
	@test -f $(QUESTIONS)/score.py || { echo "Error: make score needs the shared question set at $(QUESTIONS)/ beside this checkout (it is not in the repo)" >&2; exit 2; }
	@$(MAKE) --no-print-directory $(RUN_STAMP)
	$(BIN)/python $(QUESTIONS)/score.py $(QUESTIONS)/dev.jsonl --cmd '$(BIN)/election-bot ask --json' -v

# Rebuild the official layer (facts/nlrb/) from the NLRB files shipped in data/nlrb/: same files, same bytes.
NLRB_FILES := $(sort $(wildcard data/nlrb/*.xlsx data/nlrb/*.csv data/nlrb/annual/*.xlsx data/nlrb/reuning/*.csv))
nlrb: $(DEV_STAMP)
	$(BIN)/election-bot import nlrb $(NLRB_FILES) --archive-root data/nlrb --out facts/nlrb

bench: $(DEV_STAMP)
	cd bench && ../$(BIN)/python run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
