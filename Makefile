# newslab — the kit's commands. Each target creates .venv with the pinned environment when it is
# missing or older than the lock files / pyproject.toml. Python 3.11, 3.12 or 3.13: the newest found,
# or the one named with PYTHON=/path/to/python3.x (VENV=.venv-3.12 keeps a second environment apart).
#
#   make lab        open JupyterLab on the whole kit (the repository folder) at notebooks/00-start-here.ipynb
#   make report     run the whole pipeline on the bundled article (headless) into reports/
#   make test       every test: lint, unit and CLI tests, nbval on every notebook
#   make notebooks  re-execute every notebook in place (refresh the stored outputs)
#   make lint       ruff on the code and the notebooks
#   make site       render the executed notebooks and docs into _site/ and check its links
#   make unit       the unit and command-line tests only
#   make lock       resolve the pins once: requirements-runtime.lock (Binder's environment.yml) and
#                   requirements.lock (the tools on top); UPGRADE=1 re-resolves every pin afresh

# The newest of python3.13 / 3.12 / 3.11 that actually runs (a pyenv shim may exist but refuse).
ifndef PYTHON
PYTHON := $(shell for p in python3.13 python3.12 python3.11 python3; do \
  $$p -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' >/dev/null 2>&1 && { command -v $$p; break; }; done)
endif
LOCK_PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.newslab-installed
ARTICLE ?= trump-russia-cyber
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9]*.ipynb)) $(sort $(wildcard notebooks/solutions/[0-9]*.ipynb))
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg -p no:cacheprovider
# JupyterLab refuses to start as root (Docker, some lab machines) unless told it may.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

.PHONY: lab report test unit nbval notebooks lint format lock site clean

$(STAMP): requirements.lock requirements-runtime.lock pyproject.toml
	@test -x $(BIN)/python || $(or $(PYTHON),false) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)' 2>/dev/null \
	  || { echo "newslab needs Python 3.11, 3.12 or 3.13: install one from https://www.python.org/downloads/ (or run make PYTHON=/path/to/python3.x)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --requirement requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=. $(ALLOW_ROOT) notebooks/00-start-here.ipynb

report: $(STAMP)
	mkdir -p reports
	$(BIN)/newslab annotate $(ARTICLE) --force -o reports/$(ARTICLE).json
	$(BIN)/newslab report $(ARTICLE) --force -o reports/$(ARTICLE).html
	@echo "Wrote reports/$(ARTICLE).json and reports/$(ARTICLE).html"

test: $(STAMP) lint unit nbval site

unit: $(STAMP)
	$(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS) tests

nbval: $(STAMP)
	$(BIN)/pytest $(NBVAL) $(NOTEBOOKS)

notebooks: $(STAMP)
	for nb in $(NOTEBOOKS); do \
	  (cd $$(dirname $$nb) && $(CURDIR)/$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.store_widget_state=False --ExecutePreprocessor.record_timing=False $$(basename $$nb)) || exit 1; \
	done

site: $(STAMP)
	$(BIN)/python scripts/build_site.py --out _site

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock:
	$(PYTHON) scripts/lock_environment.py --python $(LOCK_PYTHON) $(if $(UPGRADE),--upgrade)

clean:
	rm -rf $(VENV) .venv-* reports build _site
