# `make run` starts the bot (Slack when tokens are in .env, else the console); `make test` checks everything.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: run test lint typecheck unit bench score clean nlrb

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Error: $(PYTHON) not found; set PYTHON=/path/to/python3.11" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,import]'
	$(BIN)/python -m compileall -q bot
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/election-bot run

test: $(STAMP)
	$(BIN)/ruff check bot tests bench
	$(BIN)/ruff format --check bot tests bench
	$(BIN)/mypy
	$(BIN)/pytest

score: $(STAMP)
	$(BIN)/python ../shared/questions/score.py ../shared/questions/dev.jsonl --cmd '$(BIN)/election-bot ask --json' -v

# Rebuild the official layer (facts/nlrb/) from the NLRB files shipped in data/nlrb/: same files, same bytes.
NLRB_FILES := $(sort $(wildcard data/nlrb/*.xlsx data/nlrb/*.csv data/nlrb/annual/*.xlsx data/nlrb/reuning/*.csv))
nlrb: $(STAMP)
	$(BIN)/election-bot import nlrb $(NLRB_FILES) --archive-root data/nlrb --out facts/nlrb

bench: $(STAMP)
	cd bench && ../$(BIN)/python run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
