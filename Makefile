# Two commands do all the set-up on a fresh machine:
#   make run    start the bot (no DISCORD_TOKEN: an interactive console over the shipped data)
#   make test   install everything the tests need and run the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format data bench soak clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m bot run

# The import contracts (pyproject.toml) and the type check run before the suite.
test: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check bot tests benchmarks
	$(BIN)/ruff format --check bot tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format bot tests benchmarks
	$(BIN)/ruff check --fix bot tests benchmarks

# Rebuild data/catalog.json from ../shared/sources (needs the source snapshots; running the bot does not).
data: $(STAMP)
	$(BIN)/python -m bot data build

# Speed and scale (about two minutes): prints a table, writes benchmarks/results.json.
bench: $(STAMP)
	$(BIN)/python -m benchmarks

# The bot against the Discord stand-in for 10 minutes (SOAK_SECONDS=90 for a shorter try) with
# messages, slash commands, faults and data refreshes mixed; reports anything lost or doubled.
soak: $(STAMP)
	PYTHONPATH=. $(BIN)/python -m benchmarks.soak

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
