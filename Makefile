# `make site` and `make test` set up everything on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-from-lock

# The articles' texts, where this checkout has them: quotes and figures are checked against them.
ARCHIVE ?= ../shared/seeds
GENERATOR := $(BIN)/python -m generator $(if $(wildcard $(ARCHIVE)/*.txt),--archive $(ARCHIVE))
# What builds the site from mkdocs.yml: mkdocs (Material for MkDocs) or zensical.
ENGINE ?= mkdocs

.PHONY: site check serve test chromium screenshots schema bench lock clean

# The virtual environment, installed from the lock file alone: pinned versions,
# checked hashes, no dependency resolution on a newcomer's machine.
$(INSTALLED): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

site: $(INSTALLED)  ## validate the content, generate the pages, build site/
	$(GENERATOR) build --engine $(ENGINE)

check: $(INSTALLED)  ## validate the content only; exit 1 with every problem found
	$(GENERATOR) check

PORT ?= 8000
serve: $(INSTALLED)  ## live preview on http://127.0.0.1:$(PORT) that follows content/ edits
	$(GENERATOR) serve --address 127.0.0.1:$(PORT)

test: $(INSTALLED) chromium  ## every test
	$(BIN)/python -m pytest

# Debian's Chromium, which the browser tests (tests/test_browser.py) drive; installed with
# apt where it is missing. Without it those tests are skipped, or fail when CI=true.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)
chromium:
	@test -x /usr/bin/chromium || ! command -v apt-get >/dev/null || { \
	  echo "Installing Chromium for the browser tests"; \
	  $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	} || echo "Could not install chromium: the browser tests will be skipped (and fail when CI=true)"

screenshots: site chromium  ## rewrite the README's screenshots in assets/screenshots/ from a fresh build
	$(BIN)/python tests/browser.py site assets/screenshots

schema: $(INSTALLED)  ## rewrite schemas/ from the models (editors' completion and inline errors)
	$(BIN)/python -m generator schema --schemas schemas

bench: $(INSTALLED)  ## time the generator and the build, weigh every page; prints the figures
	$(BIN)/python bench/bench.py $(if $(wildcard $(ARCHIVE)/*.txt),--archive $(ARCHIVE))

lock: $(INSTALLED)  ## re-pin requirements.in into requirements.lock, with hashes
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --output-file requirements.lock requirements.in

clean:
	rm -rf build site .pytest_cache
