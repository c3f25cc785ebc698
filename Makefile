# wagtail-vertrouwen: `make demo` serves the example site, `make test` runs the whole suite.
# Both start from nothing but Python 3.11: they create .venv and install what they need.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python example_site/manage.py
DEMO_SETTINGS := example_site.settings.demo
TEST_SETTINGS := example_site.settings.test
CHROMIUM := /usr/bin/chromium
# pytest-xdist processes for the suite (each with its own test database).
WORKERS ?= 2
# Run apt-get directly as root, through sudo otherwise.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: totp demo test test-fast lint format messages docs chromium wrk bench clean help install-test

help:
	@echo "make demo   - install, migrate, load the demo content and serve http://127.0.0.1:8000/"
	@echo "make test   - install (Chromium included) and run lint, checks and the whole test suite"
	@echo "              (on PostgreSQL when DATABASE_URL is set)"
	@echo "make totp   - print the demo vertrouwenspersoon's current TOTP code"
	@echo "make docs   - build the documentation into ./site"
	@echo "make messages - update the translation catalogues after changing UI strings"
	@echo "make install-test PY=3.13 - build the wheel, install it into a fresh virtualenv and"
	@echo "              add it to a fresh 'wagtail start' project by docs/installation.md"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[channel,s3]" --group dev
	touch $@

demo: $(STAMP)
	DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(MANAGE) load_demo --port 8000
	@echo "Serving http://127.0.0.1:8000/ with the task worker beside it (Ctrl-C stops both)"
	DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) sh -c '$(MANAGE) db_worker --no-startup-delay & \
		worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
		$(MANAGE) runserver 127.0.0.1:8000'

totp: $(STAMP)
	@DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(MANAGE) demo_totp

chromium:
	@test -x $(CHROMIUM) || { \
		echo "Installing Chromium from Debian's packages for the browser tests"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The .po catalogues are the source of truth: makemessages adds new msgids and marks changed
# ones fuzzy, keeping every translation; tools/catalogues.py compiles them and fails naming
# each entry a translator still has to do (docs/contributing.md, "Translations").
LOCALES = nl ar tr pl uk
messages: $(STAMP)
	cd wagtail_vertrouwen && DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) PYTHONPATH=.. \
		../$(BIN)/django-admin makemessages $(LOCALES:%=--locale %) --no-obsolete --add-location file
	cd example_site && DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) PYTHONPATH=.. \
		../$(BIN)/django-admin makemessages $(LOCALES:%=--locale %) --no-obsolete --add-location file \
		--ignore "home/migrations/*"
	$(BIN)/python tools/catalogues.py

docs: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP) chromium lint
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) check
	$(BIN)/mkdocs build --strict --quiet --site-dir build/docs-check
	$(BIN)/pytest -n $(WORKERS) --dist loadgroup

# The suite without the browser tests, for a quick round while working.
test-fast: $(STAMP)
	$(BIN)/pytest -n $(WORKERS) -m "not browser"

# The wheel in a fresh virtualenv on a fresh `wagtail start` project, following
# docs/installation.md; `check --deploy` must be silent (see tools/install_test.py). PY is the
# Python version to build and install with (from pyenv or PATH); a missing one is an error.
PY ?= 3.11
install-test:
	$(PYTHON) tools/install_test.py --python $(PY)

# make bench: the package against a plain Wagtail project over HTTP (gunicorn, PostgreSQL,
# Redis, wrk); see bench/README.md. Needs PostgreSQL on 127.0.0.1:5432 (user postgres, or
# BENCH_POSTGRES=postgres://user@host:port) and /usr/bin/redis-server. BENCH_ARGS is passed
# on, e.g. BENCH_ARGS="--duration 20 --full-page-cache". The in-process benches for profiling:
# .venv/bin/python bench/run.py and bench/melding.py.
WRK := /usr/bin/wrk
BENCH_ARGS ?=
wrk:
	@test -x $(WRK) || { \
		echo "Installing wrk from Debian's packages for make bench"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk >/dev/null; }

bench: $(STAMP) wrk
	$(BIN)/python bench/http_bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var build site .pytest_cache .ruff_cache
