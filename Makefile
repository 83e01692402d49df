# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv when it is missing, install ildesk with everything it needs, and build
# the content database when it is missing or older than data/.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB := src/ildesk/content/ildesk.sqlite
DATA := $(shell find data -type f -name '*.yaml' -o -type f -name '*.md' 2>/dev/null)
SRC := $(shell find src/ildesk -name '*.py' 2>/dev/null)
export QT_QPA_PLATFORM_PLUGIN_PATH :=

.PHONY: run test lint typecheck pytest bench stress package smoke clean db system-deps

run: $(STAMP) $(DB)
	$(BIN)/ildesk

test: $(STAMP) $(DB) lint typecheck pytest

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@bash packaging/system-deps.sh
	@touch $(STAMP)

$(DB): $(STAMP) $(DATA) $(SRC)
	$(BIN)/ildesk build-db -o $(DB)

db: $(DB)

lint: $(STAMP)
	$(BIN)/ruff check src tests packaging
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(DB)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

bench: $(STAMP) $(DB)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench

stress: $(STAMP) $(DB)
	QT_QPA_PLATFORM=offscreen ILDESK_STRESS=1 $(BIN)/pytest -q tests/test_userdata_crash.py

package: $(STAMP) $(DB)
	$(BIN)/python packaging/build.py

smoke: package
	QT_QPA_PLATFORM=offscreen dist/ildesk/ildesk self-test

clean:
	rm -rf build dist $(DB) .pytest_cache .mypy_cache .ruff_cache
