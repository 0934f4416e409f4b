# `make site` and `make test` set up everything on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-from-lock

# The briefing and where its site goes: `make site CONTENT=path/to/briefing SITE=path/to/site`.
CONTENT ?= content
SITE ?= site
# The articles' texts: the briefing's own archive/ folder if it has one, else the articles
# beside this checkout; quotes and figures are checked against them.
# A folder named on the command line is used as it is (a mistyped one is an error; ARCHIVE=
# checks without the articles, against the verification record);
# under CI=true, every quote and figure must be verified, by the articles or the record.
ARCHIVE ?= $(if $(wildcard $(CONTENT)/archive/*.txt),$(CONTENT)/archive,../shared/seeds)
USE_ARCHIVE := $(if $(ARCHIVE),$(if $(filter command line,$(origin ARCHIVE)),yes,$(if $(wildcard $(ARCHIVE)/*.txt),yes)))
GENERATOR := $(BIN)/python -m generator --content $(CONTENT) $(if $(USE_ARCHIVE),--archive $(ARCHIVE),--no-archive) $(if $(filter true,$(CI)),--require-verified)
# What builds the site from mkdocs.yml: mkdocs (Material for MkDocs) or zensical.
ENGINE ?= mkdocs

.PHONY: help site check coverage serve new migrate golden test chromium screenshots schema bench docs lock format clean

# The virtual environment, installed from the lock file alone: pinned versions,
# checked hashes, no dependency resolution on a newcomer's machine.
$(INSTALLED): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z]+):.*## /  make \1\t/' | expand -t 24

site: $(INSTALLED)  ## validate the content, generate the pages, build the site (CONTENT=, ARCHIVE=, SITE=, ENGINE=, SITE_URL=)
	$(GENERATOR) build --engine $(ENGINE) --site $(SITE)

check: $(INSTALLED)  ## validate the content only (CONTENT=, ARCHIVE=, SUMMARY=file for a Markdown report, EDITOR_LANGUAGE=fr for the messages); exit 1 with every problem found
	$(GENERATOR) check $(if $(SUMMARY),--summary "$(SUMMARY)")

PORT ?= 8000
coverage: $(INSTALLED)  ## list what the articles report that no fact uses (CONTENT=, ARCHIVE=); exit 1 while any is unacknowledged
	$(GENERATOR) coverage

serve: $(INSTALLED)  ## live preview that follows edits, on http://127.0.0.1:8000 or PORT= (CONTENT=, ARCHIVE=, PORT=)
	$(GENERATOR) serve --address 127.0.0.1:$(PORT)

new: $(INSTALLED)  ## start a new briefing: make new CONTENT=path/to/briefing
	@test "$(CONTENT)" != content || { echo "Name the new briefing's folder: make new CONTENT=path/to/briefing"; exit 1; }
	$(BIN)/python -m generator new --content $(CONTENT)

migrate: $(INSTALLED)  ## rewrite a briefing of an older content format in the current one, keeping its comments (CONTENT=)
	$(BIN)/python -m generator migrate --content $(CONTENT)

# The tests run in parallel, one worker per core (pytest-xdist); `make test WORKERS=0` runs
# them one after another in this process, for a debugger or a clearer traceback.
WORKERS ?= auto
test: $(INSTALLED) chromium  ## every test, in parallel (WORKERS=0: one at a time)
	$(BIN)/python -m pytest $(if $(filter 0,$(WORKERS)),,--numprocesses $(WORKERS) --dist worksteal)

golden: $(INSTALLED)  ## rewrite the page snapshots of tests/golden/ after changing the pages on purpose
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

# Debian's Chromium, which the browser tests (tests/test_browser.py) drive; installed with
# apt where it is missing. Without it those tests are skipped, or fail when CI=true.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)
chromium:  ## install Debian's Chromium for the browser tests, where it is missing
	@test -x /usr/bin/chromium || ! command -v apt-get >/dev/null || { \
	  echo "Installing Chromium for the browser tests"; \
	  $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	} || echo "Could not install chromium: the browser tests will be skipped (and fail when CI=true)"

screenshots: site chromium  ## rewrite the README's screenshots in assets/screenshots/ from a fresh build
	$(BIN)/python tests/browser.py site assets/screenshots

schema: $(INSTALLED)  ## rewrite schemas/ from the models (editors' completion and inline errors)
	$(BIN)/python -m generator schema --schemas schemas

bench: $(INSTALLED)  ## time the generator, the build and the live preview, weigh every page; prints the figures
	$(BIN)/python bench/bench.py $(if $(wildcard $(ARCHIVE)/*.txt),--archive $(ARCHIVE))

# The project's documentation, from docs/: its reference pages are generated from the
# code at each build (docs/hooks.py); the site goes to build/docs-site/ (docs/mkdocs.yml).
docs: $(INSTALLED)  ## build the project's documentation into build/docs-site/ (open build/docs-site/index.html)
	$(BIN)/python -m generator docs

lock: $(INSTALLED)  ## re-pin requirements.in into requirements.lock, with hashes
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --output-file requirements.lock requirements.in

format: $(INSTALLED)  ## lint and format the Python code with ruff (the tests check both)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:  ## remove the build folder, the site and the test caches
	rm -rf build site .pytest_cache .hypothesis *.egg-info
