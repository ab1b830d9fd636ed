# Readout Archive — every task a developer or CI needs, from a fresh clone with only Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DJANGO_DEBUG=1
TEST_ENV := DJANGO_SECRET_KEY=tests-only-not-secret DJANGO_DEBUG=0
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: install run serve loadtest test test-sqlite test-postgres lint format migrations-check clean bench eval

$(BIN)/python: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/python

install: $(BIN)/python ## Create .venv with the project and its dev tools

run: install ## Migrate the SQLite database, load the seed readouts, serve on 127.0.0.1:8000
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEV_ENV) $(BIN)/python manage.py load_readouts --publisher az-presidency fixtures/readouts
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

serve: install ## Production: debug off, collectstatic, migrate, gunicorn (see README "Production")
	DJANGO_DEBUG=0 $(BIN)/python manage.py collectstatic --no-input --verbosity 0
	DJANGO_DEBUG=0 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=0 $(BIN)/gunicorn --config archive/gunicorn.conf.py archive.wsgi

loadtest: install ## gunicorn + wrk on loopback for $$LOADTEST_DURATION (30s); fails on any error
	$(BIN)/python scripts/loadtest.py

test: install lint migrations-check test-sqlite test-postgres ## Everything CI checks

test-sqlite: install
	@echo "== tests on SQLite"
	$(TEST_ENV) $(BIN)/python -m pytest

test-postgres: install
	@if $(BIN)/python scripts/db_reachable.py "$(POSTGRES_URL)"; then \
		echo "== tests on PostgreSQL ($(POSTGRES_URL))"; \
		$(TEST_ENV) DATABASE_URL="$(POSTGRES_URL)" $(BIN)/python -m pytest; \
	else \
		echo "== SKIPPED the PostgreSQL tests: no server answered at $(POSTGRES_URL)"; \
		echo "   (start one, or set POSTGRES_URL=postgres://user@host:port/db)"; \
		if [ "$$CI" = true ]; then echo "CI needs PostgreSQL: failing"; exit 1; fi; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

EVAL_SETS ?= tests/data/corpus tests/data/samples tests/data/seeds

eval: install ## Measure the parser on each gold set in a throw-away SQLite database; fails below the floors
	@db=$$(mktemp -d); status=0; \
	for set in $(EVAL_SETS); do \
		echo "== $$set"; \
		rm -f $$db/eval.sqlite3; \
		$(DEV_ENV) DATABASE_URL=sqlite:///$$db/eval.sqlite3 $(BIN)/python manage.py migrate --no-input --verbosity 0 \
		&& $(DEV_ENV) DATABASE_URL=sqlite:///$$db/eval.sqlite3 $(BIN)/python manage.py evaluate_extraction $$set $(EVAL_ARGS) \
		|| status=1; \
	done; rm -rf $$db; exit $$status

bench: install ## Serve demo archives of 10,000 and 100,000 calls on SQLite and PostgreSQL; measure with wrk
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
