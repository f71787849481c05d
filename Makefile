# Medvirkning: `make serve` to preview, `make test` to check everything.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-requirements
export NO_MKDOCS_2_WARNING := 1
# The tests run in three processes (pytest-xdist; the browser tests wait as much as they work,
# so three keep two cores busy), a test file each at a time, so that a file's
# shared fixtures (the browser audit) are made once. The processes share one build of the
# real site (tests/conftest.py, built_site).
PARALLEL := -n 3 --dist loadfile

.PHONY: serve build system test test-fast test-alle-sider spell anchors oversatt ny-side audit bench clean

# The env is remade whenever requirements.txt changes.
$(STAMP): requirements.txt
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# A quick preview of bokmål; the other languages too with SPRAK=alle (or SPRAK=nn, SPRAK=en).
serve: $(STAMP)
	SPRAK=$(SPRAK) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	PYTHONPATH=hooks $(BIN)/python -m medvirkning build mkdocs.yml site

# What the tests need from the machine (Chromium, hunspell, Java): installed when missing
# if we are root or may use sudo; otherwise one message with the command to run.
system:
	@tools/system-packages

# The browser tests visit one page of each kind in every language; `make test EVERY_PAGE=1`
# (what CI runs) visits every page.
test: system $(STAMP) bench/node_modules/.package-lock.json
	$(BIN)/python -m pytest $(PARALLEL) $(if $(EVERY_PAGE),--every-page)

# The browser tests alone, over every page of every language (the workflow's own job).
test-alle-sider: system $(STAMP) bench/node_modules/.package-lock.json
	$(BIN)/python -m pytest $(PARALLEL) -m browser --every-page

# Everything but the browser tests: the quick check while you work.
test-fast: system $(STAMP)
	$(BIN)/python -m pytest $(PARALLEL) -m "not browser"

# Spelling of the content, with file and line (also part of `make test`).
spell: $(STAMP)
	$(BIN)/python tests/spelling.py

# Rewrite data/ankere.yml from the current pages (only when removing an id is intended).
anchors: $(STAMP)
	PYTHONPATH=hooks $(BIN)/python -m medvirkning anchors
	git diff --stat -- data/ankere.yml

# Record that a translation is up to date with its bokmål page: make oversatt FIL=docs/veiviser/moter.nn.md
oversatt: $(STAMP)
	PYTHONPATH=hooks $(BIN)/python -m medvirkning oversatt $(FIL)

# A new page with front matter, «Kort fortalt» and a source section, put in the menu:
# make ny-side SIDE=veiviser/navn TITTEL="Tittel" KILDER=referat-innlandet,ffo MENY="Utvalget i praksis"
# (an organisation page: ORGANISASJON=1 instead of MENY; the sources are in data/kilder.yml)
ny-side: $(STAMP)
	PYTHONPATH=hooks $(BIN)/python -m medvirkning ny-side "$(SIDE)" "$(TITTEL)" --kilder "$(KILDER)" \
		$(if $(MENY),--meny "$(MENY)") $(if $(ORGANISASJON),--organisasjon)

# The browser audit: axe-core (both window sizes, light and dark) and the Nu HTML Checker over the
# built site; writes data/tilgjengelighetsrevisjon.yml, which the accessibility statement is built
# from. Run it before a release and commit the file.
audit: $(STAMP) bench/node_modules/.package-lock.json
	PYTHONPATH=hooks $(BIN)/python -m medvirkning audit

# Build time, scaling, first-load bytes and Lighthouse against a default Material site;
# prints the tables and writes bench/RESULTS.md (takes about ten minutes).
bench: $(STAMP) bench/node_modules/.package-lock.json
	$(BIN)/python bench/run.py

bench/node_modules/.package-lock.json: bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund

clean:
	rm -rf site $(VENV)
