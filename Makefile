# Reelnews: `make html` builds the site, `make test` runs every test.
# Both create .venv and install the pinned requirements when missing.

PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
PORT ?= 8000
SITEURL ?=

.DEFAULT_GOAL := help

$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed requirements-test.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

venv: $(BIN)/.installed ## create .venv with the pinned build requirements

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s "$$(printf '\t')"

html: $(BIN)/.installed ## build the site into output/ (problems are reported, not fatal)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)

clean: ## remove the built site and the content cache
	rm -rf $(OUTPUTDIR) cache

regenerate: $(BIN)/.installed ## rebuild whenever a file changes
	$(PELICAN) -r $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)

serve: $(BIN)/.installed ## serve output/ on http://127.0.0.1:$(PORT)/
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT) -b 127.0.0.1

devserver: $(BIN)/.installed ## rebuild on every story, registry or theme change; the browser reloads itself
	@$(EDITOR_TOOLS).devserver --content $(INPUTDIR) --output $(OUTPUTDIR) --settings $(CONFFILE) --port $(PORT)

publish: $(BIN)/.installed ## strict production build (SITEURL=https://user.github.io/repo); any problem fails it
	SITEURL="$(SITEURL)" $(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF)

# `make github`: publish, then commit output/ to a branch GitHub Pages serves (README: Deploying).
GITHUB_PAGES_REMOTE ?= origin
GITHUB_PAGES_BRANCH ?= gh-pages
ifneq ($(filter github,$(MAKECMDGOALS)),)
ifeq ($(SITEURL),)
$(error make github needs the site's address: make github SITEURL=https://user.github.io/repo)
endif
endif

github: publish ## publish to GitHub Pages: output/ to the gh-pages branch of origin (ghp-import)
	$(BIN)/ghp-import -m "Publish site" -r $(GITHUB_PAGES_REMOTE) -b $(GITHUB_PAGES_BRANCH) --no-jekyll --push $(OUTPUTDIR)

test: $(BIN)/.installed-test ## run every test (real builds into temporary folders, and headless chromium)
	sh tests/ensure_chromium.sh
	$(BIN)/python -m pytest -q

screenshots: $(BIN)/.installed-test ## the README's screenshots: docs/screenshots/story.png and franchise.png
	sh tests/ensure_chromium.sh
	$(BIN)/python tests/screenshots.py

# `make bench`: our build against plain Pelican on generated stories (README: Benchmark).
BENCH_SIZES ?= 500 2000

bench: $(BIN)/.installed ## time our build against plain Pelican at BENCH_SIZES stories; table in bench/results.md
	$(BIN)/python bench/run.py $(BENCH_SIZES)

bench-large: $(BIN)/.installed ## the benchmark at 500, 2,000 and 10,000 stories (takes several minutes)
	$(BIN)/python bench/run.py 500 2000 10000

# The editor's tools (plugins/editor_tools); CONTENT=folder points them at another content folder.
CONTENT ?= $(INPUTDIR)
EDITOR_TOOLS := PYTHONPATH=plugins $(BIN)/python -m editor_tools

story: $(BIN)/.installed ## new story: make story TITLE="..." FILM="..." [PEOPLE="Name: role, Name"] [PLATFORM=...]
	@$(EDITOR_TOOLS).story --content "$(CONTENT)" --title "$$TITLE" --film "$$FILM" --people "$$PEOPLE" --platform "$$PLATFORM"

check: $(BIN)/.installed ## lint every story and the registry without building the site (errors exit 1)
	@$(EDITOR_TOOLS).check --content "$(CONTENT)"

import: $(BIN)/.installed ## draft story from a clipping: make import CLIP=path/to/clipping.txt
	@$(EDITOR_TOOLS).clipping --content "$(CONTENT)" --clip "$$CLIP"

.PHONY: venv help html clean regenerate serve devserver publish github test story check import screenshots bench bench-large
