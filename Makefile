# Two commands set everything up: `make demo` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
HOST ?= 127.0.0.1:8000

.PHONY: robust demo test install serve backup restore fixtures golden bench load pages score real eval holdout fuzz crash clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input
	if [ -f fixtures/demo.json ]; then $(BIN)/python manage.py loaddata fixtures/demo.json; fi
	$(BIN)/python manage.py rebuild_search
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST)

# Production-like: DEBUG off, static files from whitenoise, gunicorn.
serve: install
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/python manage.py migrate --no-input
	GUNICORN_BIND=$(HOST) $(BIN)/gunicorn -c gunicorn.conf.py config.wsgi

test: install
	$(BIN)/python -m pytest

# The whole database in one file under var/backups/ (pg_dump on PostgreSQL, SQLite's backup API on SQLite), and back:
# `make restore BACKUP=var/backups/ministerial-<time>.sqlite3` into an empty database; REPLACE=1 to overwrite one.
backup: install
	$(BIN)/python manage.py backup --directory var/backups

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/<file> [REPLACE=1]"; exit 2; }
	$(BIN)/python manage.py restore "$(BACKUP)" $(if $(REPLACE),--replace)

# Regenerate fixtures/demo.json from the shared seed articles and the shared real corpus, through our own ingest.
# Each real article's original address comes from the corpus's SOURCES.md; the fixture keeps what was extracted,
# not the articles' text (dump_demo leaves it out).
FIXTURE_DB := DATABASE_URL=sqlite:///$(CURDIR)/var/fixtures.sqlite3
fixtures: install
	mkdir -p var
	rm -f var/fixtures.sqlite3
	$(FIXTURE_DB) $(BIN)/python manage.py migrate --no-input -v0
	$(FIXTURE_DB) $(BIN)/python manage.py ingest $(SHARED)/corpus/seeds
	$(FIXTURE_DB) $(BIN)/python manage.py ingest --sources-table $(SHARED)/corpus/real/SOURCES.md $(SHARED)/corpus/real
	$(FIXTURE_DB) $(BIN)/python manage.py dump_demo fixtures/demo.json
	rm -f var/fixtures.sqlite3

# Rewrite the golden parser outputs after a deliberate change to the extractor.
golden: install
	$(BIN)/python tests/ingest/regenerate_golden.py

# Extraction quality on the shared seed corpus.
score: install
	mkdir -p var
	$(BIN)/python manage.py ingest --dry-run --json $(SHARED)/corpus/seeds > var/seeds.json
	$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/gold/seeds var/seeds.json

# Extraction quality on the shared real corpus: its tuning part (with each miss) and its check part (summary only).
real: install
	mkdir -p var
	$(BIN)/python manage.py ingest --dry-run --json $(SHARED)/corpus/real > var/real.json 2>/dev/null || true
	$(BIN)/python eval/score_real.py var/real.json --notes

# The tuning part rewritten as other outlets and scrapers would write it (hard-wrapped, HTML, dates, spelling, an
# unknown meeting verb): a drop shows a mechanism that rests on layout or wording, without reading any article.
robust: install
	$(BIN)/python eval/robustness.py

# Extraction quality on our own invented development corpora (unit fixtures; they no longer measure quality) (eval/, eval/dev2/ to eval/dev7/), written independently of the extractor.
EVAL_SETS ?= eval eval/dev2 eval/dev3 eval/dev4 eval/dev5 eval/dev6 eval/dev7
eval: install
	mkdir -p var
	for set in $(EVAL_SETS); do echo "== $$set"; \
	  $(BIN)/python manage.py ingest --dry-run --json $$set/articles > var/eval.json 2>/dev/null; \
	  $(BIN)/python $(SHARED)/eval/score.py $$set/gold var/eval.json; done

# The strict holdout (eval/holdout/): scored for the record, never used to tune rules.
holdout: install
	mkdir -p var
	$(BIN)/python manage.py ingest --dry-run --json eval/holdout/articles > var/holdout.json
	$(BIN)/python $(SHARED)/eval/score.py eval/holdout/gold var/holdout.json

# Ingest speed on the five (long) seed articles, then extraction alone on the shared real corpus (typical news length).
bench: install
	$(BIN)/python bench/ingest_bench.py
	$(BIN)/python bench/ingest_bench.py --corpus $(SHARED)/corpus/real --skip-database

# 32 clients for 60 s on gunicorn and PostgreSQL while 1,000 invented articles are ingested into the same database
# (its own, ministerial_load, created and dropped): errors, latency, lock waits, and nothing lost (BENCHMARKS.md).
# Needs wrk (apt-get install -y wrk) and PostgreSQL; PG_SERVER is the server, without a database name.
PG_SERVER ?= postgres://postgres@127.0.0.1:5432
load: install
	$(BIN)/python bench/load_bench.py --server $(PG_SERVER)

# Each page under 8 wrk connections beside a trivial /ok/ view, on gunicorn and PostgreSQL at MEETINGS generated
# meetings (manage.py synthesize; the database ministerial_pages_<MEETINGS> is kept and reused), and Datasette on the
# same data; EXPLAIN=1 adds the plans of the slowest queries. Needs wrk and PostgreSQL (BENCHMARKS.md).
MEETINGS ?= 100000
$(VENV)/.bench-installed: pyproject.toml | $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

pages: install $(VENV)/.bench-installed
	$(BIN)/python bench/pages_load.py --server $(PG_SERVER) --meetings $(MEETINGS) $(if $(EXPLAIN),--explain)

# The long runs behind README's "What the site guarantees": 1,700 examples of each of the six ingest properties
# (10,200 cases; Hypothesis prints each property's count), and ten SIGKILLs of an ingest of the shared corpora.
fuzz: install
	$(BIN)/python -m pytest tests/reliability/test_ingest_fuzz.py -q --hypothesis-profile=fuzz \
	  --hypothesis-show-statistics

crash: install
	INGEST_KILLS=10 $(BIN)/python -m pytest tests/reliability/test_whole_runs.py -q -k killed

clean:
	rm -rf $(VENV) var/static
