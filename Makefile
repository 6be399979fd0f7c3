# Chung Sức: `make run` serves the app on the embedded default, `make test` runs the suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run setup demo test test-fast lint format bench messages clean

$(VENV)/.installed-runtime: requirements.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

setup: $(VENV)/.installed-runtime
	bash scripts/ensure-system-packages runtime
	$(PY) manage.py migrate --noinput
	$(PY) manage.py import_admin_units
	$(PY) manage.py load_demo

run: setup
	@$(PY) manage.py demo_accounts
	$(PY) manage.py runserver $(HOST)

# pytest-xdist: one worker per core (PYTEST_WORKERS=0 runs in one process); a test file stays on one worker, so
# its module fixtures (the demo data some files load once) are built once.
PYTEST_WORKERS ?= auto
test: $(VENV)/.installed-dev
	bash scripts/ensure-system-packages test
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/chungsuc_bench, created if missing) with
# the national data generated once; writes bench/results.md. Options: make bench BENCH_ARGS="--runs 5 --skip-pdf";
# --baseline-from [COMMIT] adds the figures of older code (default 953b348) beside each row. Installs wrk.
bench: $(VENV)/.installed-dev
	bash scripts/ensure-system-packages bench
	$(PY) bench/run.py $(BENCH_ARGS)

# ruff, then the layer rule of .importlinter (config > reports > awards > campaigns > units; demo and tests aside).
lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(VENV)/.installed-dev
	$(PY) manage.py makemessages -l vi --no-obsolete --ignore=.venv --ignore=staticfiles
	$(PY) manage.py compilemessages -l vi --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles media db.sqlite3 db.sqlite3-wal db.sqlite3-shm
