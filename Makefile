# Ripple: `make run` serves the demo, `make test` runs every check. Both build .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
PORT ?= 8000
DEV_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1} WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)}

.PHONY: run test bench lint migrate messages catalogue clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Ripple needs Python 3.11 or newer; set PYTHON=python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

migrate: messages
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

# The interface's translations: locale/*/LC_MESSAGES/django.po compiled to .mo (not committed).
messages: $(STAMP)
	@command -v msgfmt >/dev/null || { echo "Ripple needs GNU gettext (msgfmt) to compile its translations: apt-get install gettext"; exit 1; }
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

run: migrate
	$(DEV_ENV) $(BIN)/python manage.py seed_demo
	@echo
	@echo "  Ripple is at http://127.0.0.1:$(PORT)/   (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "  Demo sign-ins, password ripple-demo: admin@example.com, trainer@example.com,"
	@echo "  trainer2@example.com, learner@example.com, learner1..learner12@example.com"
	@echo
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .

# After wrapping new strings: refresh locale/es (then translate them; a test fails on any left empty).
catalogue: $(STAMP)
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l es --no-obsolete --no-location \
		--ignore=.venv --ignore='tests/*' --ignore='docs/*' -v 0

test: messages
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

bench: messages
	$(BIN)/pytest tests/benchmarks -p no:randomly -p no:cacheprovider -s -o addopts=""

clean:
	rm -rf $(VENV) staticfiles
