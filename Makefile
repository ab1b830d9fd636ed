# Readout Archive — every task a developer or CI needs, from a fresh clone with only Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
TEST_ENV := DJANGO_SECRET_KEY=tests-only-not-secret DJANGO_DEBUG=0
HOST ?= 127.0.0.1
PORT ?= 8000
GUNICORN_BIND ?= $(HOST):$(PORT)
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: install run serve loadtest test test-sqlite test-postgres lint format migrations-check clean bench eval messages faults

$(BIN)/python: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/python

# A development checkout's settings (debug on, its own secret): every manage.py command reads
# them, the environment wins over them, and a production host has no such file.
.env:
	printf 'DJANGO_DEBUG=1\nDJANGO_SECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env

install: $(BIN)/python .env ## Create .venv with the project and its dev tools, and .env

run: install ## Migrate the SQLite database, load the real readouts, serve on $(HOST):$(PORT)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_readouts fixtures/readouts
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

serve: install ## Production: debug off, collectstatic, migrate, gunicorn (see README "Production")
	DJANGO_DEBUG=0 $(BIN)/python manage.py collectstatic --no-input --verbosity 0
	DJANGO_DEBUG=0 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=0 GUNICORN_BIND=$(GUNICORN_BIND) $(BIN)/gunicorn --config archive/gunicorn.conf.py archive.wsgi

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

# The French interface: locale/fr/LC_MESSAGES/django.po is edited by hand; the compiled .mo is
# committed beside it, so neither the build nor a deploy needs gettext. After changing a
# template string: make messages (needs Debian's gettext: msgfmt, xgettext), translate, commit.
messages: install
	$(BIN)/python manage.py makemessages -l fr --no-obsolete --ignore=.venv --ignore=bench --ignore=tests --ignore=scripts
	$(BIN)/python manage.py compilemessages -l fr

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
		DATABASE_URL=sqlite:///$$db/eval.sqlite3 $(BIN)/python manage.py migrate --no-input --verbosity 0 \
		&& DATABASE_URL=sqlite:///$$db/eval.sqlite3 $(BIN)/python manage.py evaluate_extraction $$set $(EVAL_ARGS) \
		|| status=1; \
	done; rm -rf $$db; exit $$status

bench: install ## Serve demo archives of 10,000 and 100,000 calls on SQLite and PostgreSQL; measure with wrk
	$(BIN)/python bench/run.py $(BENCH_ARGS)

faults: install ## Writers at once, readers beside a bulk load, kill -9 and rerun, on SQLite and PostgreSQL; fails on any failure
	$(BIN)/python bench/faults/run.py $(FAULTS_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
