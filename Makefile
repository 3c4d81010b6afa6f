# The two set-up commands (see README.md): `make run` and `make test`.
VENV := .venv
PYTHON := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrate seed

run:
	scripts/bootstrap.sh run
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py load_seed_programmes --demo-users
	$(PYTHON) manage.py load_demo_programme
	HOST=$(HOST) PORT=$(PORT) scripts/run.sh

test:
	scripts/bootstrap.sh dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PYTHON) manage.py makemigrations --check --dry-run
	$(PYTHON) -m pytest -n auto

lint:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrate:
	$(PYTHON) manage.py migrate --noinput

seed:
	$(PYTHON) manage.py load_seed_programmes
