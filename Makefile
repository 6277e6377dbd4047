# The portal's two commands are `make run` (web server and task-queue worker) and `make test`; the rest are steps.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Compiled modules are kept in __pycache__/ (git-ignored) even where the environment asks Python not to write them:
# otherwise each test worker, and each process the tests start, compiles the project and the tests again.
unexport PYTHONDONTWRITEBYTECODE
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: soak audit bandit pip-audit backup restore run test install assets migrate demo lint check-migrations pytest db-stop db-reset browser screenshots

# The task-queue worker (mail, reminders: common/tasks.py, meetings/tasks.py) runs beside the web server, started in
# the background by the same shell: when the server stops (Ctrl-C, or an error) the shell stops the worker (SIGTERM:
# its running jobs finish) and waits for it, so nothing is left running.
WITH_WORKER = $(PY) manage.py procrastinate worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM;

run: install assets migrate demo ## Serve the portal with the demo data at http://$(HOST):$(PORT), and its worker
	$(WITH_WORKER) $(PY) manage.py runserver $(HOST):$(PORT)

test: install assets ## Every check: lint, migrations, security audit, the whole test suite
	@$(MAKE) --no-print-directory -j3 --output-sync=target lint check-migrations bandit
	@# pip-audit mostly waits on the advisory service: it runs beside the suite (which keeps both cores busy) and
	@# its report follows the suite's. Any failing check fails `make test`.
	@mkdir -p var; $(MAKE) --no-print-directory pip-audit > var/pip-audit.log 2>&1 & audit=$$!; \
	status=0; $(MAKE) --no-print-directory pytest || status=$$?; \
	audited=0; wait $$audit || audited=$$?; cat var/pip-audit.log; \
	if [ $$status -eq 0 ]; then status=$$audited; fi; exit $$status

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	touch $@

assets: node_modules/.installed static/build/portal.css

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The portal's one stylesheet: Bootstrap's Sass with the portal's variables and rules (static/scss/), built into a
# git-ignored file that base.html loads.
SASS_FLAGS := --no-source-map --style=compressed --load-path=node_modules --quiet-deps --silence-deprecation=import,global-builtin,color-functions
static/build/portal.css: node_modules/.installed $(wildcard static/scss/*.scss)
	mkdir -p static/build
	npx --no-install sass $(SASS_FLAGS) static/scss/portal.scss $@

migrate: install
	$(PY) manage.py migrate --noinput

demo: install
	$(PY) manage.py load_demo

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Compares the models with the migration files only: no database's history is read (coordination/settings_migrations_check.py).
check-migrations: install
	DJANGO_SETTINGS_MODULE=coordination.settings_migrations_check $(PY) manage.py makemigrations --check --dry-run

# Locally the test databases are kept between runs (pytest-django's --reuse-db; migrations added since are still
# applied) and built again (--create-db) when what they were built from changed: a migration file edited, added or
# removed, the pinned dependencies (Django's own migrations, the embedded server) or DATABASE_URL. A hash of these
# in $(TEST_DATABASES_STAMP) records it, written once a run got as far as running the tests. Under CI (CI=true, as
# .ci/run sets) they are built fresh.
# PYTEST_ARGS narrows the run: make pytest PYTEST_ARGS=tests/meetings
TEST_DATABASES_STAMP := var/test-databases.sha256
pytest: install assets ## The whole suite, one worker per core (pytest-xdist), each with its own test database
	@if [ "$$CI" = true ]; then \
	  echo "$(VENV)/bin/pytest -n auto --create-db $(PYTEST_ARGS)"; exec $(VENV)/bin/pytest -n auto --create-db $(PYTEST_ARGS); \
	fi; \
	built_from=$$( { sha256sum $$(ls */migrations/*.py | LC_ALL=C sort) requirements.txt requirements-dev.txt; \
	  echo "$$DATABASE_URL"; } | sha256sum | cut -d' ' -f1); \
	if [ "$$(cat $(TEST_DATABASES_STAMP) 2>/dev/null)" = "$$built_from" ]; then databases=--reuse-db; \
	else databases="--reuse-db --create-db"; rm -f $(TEST_DATABASES_STAMP); fi; \
	echo "$(VENV)/bin/pytest -n auto $$databases $(PYTEST_ARGS)"; \
	status=0; $(VENV)/bin/pytest -n auto $$databases $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -le 1 ]; then mkdir -p var && echo "$$built_from" > $(TEST_DATABASES_STAMP); fi; \
	exit $$status

screenshots: install assets ## Regenerate the README's screenshots (docs/screenshots/) from the browser tests
	$(PY) scripts/screenshots.py

browser: ## Install Debian's Chromium and its headless build for the browser tests (needs root)
	command -v chromium >/dev/null && command -v chromium-headless-shell >/dev/null || \
	  (apt-get update -qq && apt-get install -y -qq chromium chromium-headless-shell)

db-stop: install ## Stop the embedded PostgreSQL server cleanly (data is kept in var/pgdata)
	$(PY) -m coordination.operations.embedded_postgres stop

db-reset: db-stop ## Delete the embedded database: the next `make run` starts from scratch
	rm -rf var/pgdata

backup: install ## Dump the database (pg_dump custom format) to var/backups/<UTC timestamp>.dump
	$(PY) manage.py backup

restore: install ## Load a dump into an EMPTY database: make restore FILE=var/backups/....dump
	@test -n "$(FILE)" || (echo "usage: make restore FILE=var/backups/<timestamp>.dump" >&2; exit 2)
	$(PY) manage.py restore "$(FILE)"

audit: bandit pip-audit ## Security audit of the code (bandit) and of the dependencies (pip-audit)

bandit: install ## Fails on any medium- or high-severity finding in the project's code (config: pyproject.toml)
	$(VENV)/bin/bandit -q -c pyproject.toml -r common coordination stakeholders meetings activities scripts --severity-level medium

pip-audit: install ## Fails on a known vulnerability in the installed dependencies; skips with a message when offline
	$(PY) scripts/audit_dependencies.py

# Production-like serving and the benchmark (docs/deployment.md and docs/benchmark.md).
.PHONY: serve collectstatic bench bench-floor bench-tools bench-nginx bench-nginx-tools bench-prod bench-prod-tools

collectstatic: assets staticfiles/staticfiles.json ## Hashed, gzipped static files for DEBUG=False (whitenoise) in staticfiles/

# Compressing every file takes a while: only when a source file changed.
staticfiles/staticfiles.json: $(VENV)/.installed node_modules/.installed static/build/portal.css $(shell find static -type f 2>/dev/null)
	DEBUG=False SECRET_KEY=collectstatic-reads-no-secrets ALLOWED_HOSTS=localhost $(PY) manage.py collectstatic --noinput -v0
	touch $@

serve: install assets migrate collectstatic ## Serve like production: gunicorn, DEBUG off, at http://$(HOST):$(PORT), and a worker
	$(PY) manage.py createcachetable
	$(WITH_WORKER) HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn -c coordination/gunicorn.conf.py

bench-tools: ## Install wrk from Debian's packages when it is missing (as root, or with sudo)
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi; }

bench: install assets collectstatic bench-tools ## Benchmark on a large data set: bench/results/latest.md and docs/benchmark.md
	$(PY) -m bench.run

bench-floor: install assets collectstatic ## Where each millisecond of a request goes (bench/floor.py): bench/results/floor-0.2.md
	$(PY) -m bench.run --scales $(or $(BENCH_SCALE),0.2) --prepare-only
	$(PY) -m bench.floor --scale $(or $(BENCH_SCALE),0.2)

bench-nginx-tools: ## Install nginx from Debian's packages when it is missing (as root, or with sudo)
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq nginx; fi; }

bench-nginx: install assets collectstatic bench-tools bench-nginx-tools ## The benchmark through nginx in front of two gunicorn servers (DATABASE_URL: any PostgreSQL)
	$(PY) -m bench.run --nginx

bench-prod-tools: ## Install nginx and Redis from Debian's packages when missing (as root, or with sudo)
	@{ command -v nginx >/dev/null || test -x /usr/sbin/nginx; } && command -v redis-server >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx redis-server; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq nginx redis-server; fi; } \
	  || echo "could not install nginx and redis-server: bench-prod will say what it could not measure"

bench-prod: install assets collectstatic bench-tools bench-prod-tools ## make bench, then nginx in front of 1 and 2 app servers with Redis: bench/results/latest.md
	$(PY) -m bench.run --prod

soak: install assets migrate ## Mixed reads and writes under gunicorn + wrk for SOAK_SECONDS (180): no 5xx, no lost write
	$(PY) bench/soak/soak.py
