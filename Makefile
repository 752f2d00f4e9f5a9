# Two commands for a newcomer: `make run` and `make test`.
# Everything else here is what those two are made of.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
MANAGE := $(PY) manage.py
UV_VERSION := 0.13.9
TEST_ENV := DJANGO_SETTINGS_MODULE=config.settings.test
PYTEST_WORKERS ?= 2
# Where `make run` serves (PORT=8123 make run), and the address it gives the
# Site for absolute URLs unless PUBLIC_BASE_URL names another.
HOST ?= 127.0.0.1
PORT ?= 8000
SITE_ADDRESS = $(or $(PUBLIC_BASE_URL),http://$(HOST):$(PORT))

.PHONY: run test setup install lint catalogues bench clean

# run_all creates the admin account and prints its password in its last lines.
run: install
	@$(MANAGE) prepare --site-address $(SITE_ADDRESS) --no-admin
	@$(MANAGE) run_all $(HOST):$(PORT)

# Second runs reuse the virtualenv (rebuilt only when the lock file changes)
# and the database, so they start in seconds.
setup: install
	@$(MANAGE) prepare

install: $(VENV)/.installed

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.installed: requirements/dev.txt | $(PY)
	$(UV) pip sync --quiet --compile-bytecode --python $(PY) requirements/dev.txt
	@touch $@

# requirements/*.txt are the lock: every install resolves the same versions.
lock: | $(PY)
	$(UV) pip compile --quiet pyproject.toml --python-version 3.11 -o requirements/base.txt
	$(UV) pip compile --quiet pyproject.toml --python-version 3.11 --extra dev -o requirements/dev.txt

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The UI catalogues: the public one (locale/) and the admin ones
# (campaign/locale, translations/locale, home/locale). `manage.py
# update_catalogues` would change none of them; every public string is
# translated in locale/, and every entry of the admin catalogues is translated
# and not fuzzy, in ar, da, de, es, fr, nl and pl. How the strings are found:
# the docstring of tests/home/test_catalogues.py.
catalogues: install
	$(TEST_ENV) $(VENV)/bin/pytest -p no:xdist -q tests/home/test_catalogues.py

test: install lint catalogues
	@$(MANAGE) build_catalogues
	$(TEST_ENV) $(MANAGE) check
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run
	$(TEST_ENV) $(VENV)/bin/pytest -n $(PYTEST_WORKERS) --ignore=tests/home/test_catalogues.py $(PYTEST_ARGS)

bench: setup
	$(TEST_ENV) $(PY) -m tests.bench

clean:
	rm -rf $(VENV) var
