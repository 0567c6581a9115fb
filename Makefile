# newslab — the kit's commands. Each target creates .venv with the pinned environment when it is
# missing or older than requirements.lock / pyproject.toml.
#
#   make lab        open the kit in JupyterLab at notebooks/00-start-here.ipynb
#   make report     run the whole pipeline on the bundled article (headless) into reports/
#   make test       every test: lint, unit and CLI tests, nbval on every notebook
#   make notebooks  re-execute every notebook in place (refresh the stored outputs)
#   make lint       ruff on the code and the notebooks
#   make site       render the executed notebooks and docs into _site/ and check its links
#   make lock       re-resolve requirements.lock from pyproject.toml (then environment.yml)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.newslab-installed
ARTICLE ?= trump-russia-cyber
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9]*.ipynb)) $(sort $(wildcard notebooks/solutions/[0-9]*.ipynb))
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider

.PHONY: lab report test unit nbval notebooks lint format lock site clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "newslab needs Python 3.11: install it, or run make PYTHON=/path/to/python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --requirement requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/00-start-here.ipynb

report: $(STAMP)
	mkdir -p reports
	$(BIN)/newslab annotate $(ARTICLE) --force -o reports/$(ARTICLE).json
	$(BIN)/newslab report $(ARTICLE) --force -o reports/$(ARTICLE).html
	@echo "Wrote reports/$(ARTICLE).json and reports/$(ARTICLE).html"

test: $(STAMP) lint unit nbval site

unit: $(STAMP)
	$(BIN)/pytest -p no:cacheprovider tests

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
	rm -rf build/lock-venv
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet --upgrade pip
	build/lock-venv/bin/python -m pip install --quiet ".[scale,dev]"
	{ echo "# Exact pins for every package newslab needs (direct and transitive), Python 3.11."; \
	  echo "# The single source of truth for pip (Makefile), Binder (environment.yml) and CI."; \
	  echo "# Regenerate with: make lock"; \
	  build/lock-venv/bin/python -m pip freeze --exclude-editable | grep -iv '^newslab' | sort -f; } > requirements.lock
	$(PYTHON) scripts/sync_environment.py
	rm -rf build/lock-venv

clean:
	rm -rf $(VENV) reports build _site
