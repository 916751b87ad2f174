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

devserver: $(BIN)/.installed ## rebuild on every story or registry change and serve with live reload
	$(PELICAN) -lr $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT) -b 127.0.0.1

publish: $(BIN)/.installed ## strict production build (SITEURL=https://user.github.io/repo); any problem fails it
	SITEURL="$(SITEURL)" $(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF)

test: $(BIN)/.installed-test ## run every test (real builds into temporary folders)
	$(BIN)/python -m pytest -q

.PHONY: venv help html clean regenerate serve devserver publish test
