# Two commands do all the set-up (see README):
#   make run    install into .venv, check the GUI's system libraries (annotator doctor), build the
#               demo project if needed, open the app on it
#   make test   install into .venv, run the whole test suite offscreen
#   make bundle build the self-contained app in dist/framing-annotator/ (PyInstaller, no PyTorch)
#               and smoke-test it in a clean environment; make bundle-smoke re-runs the test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO ?= demo.fannot
# camel-tools needs PyTorch. A plain install of it takes a multi-GB CUDA build; these lines take the
# CPU build instead. Override TORCH_INDEX to install from PyTorch's own CPU wheel index (README).
TORCH_SPEC ?= torch==2.13.0
TORCH_INDEX ?=

BUNDLE_STAMP := $(VENV)/.bundle-installed
BUNDLE_DIR ?= dist/framing-annotator

.PHONY: run test install bench clean bundle bundle-smoke translations translations-update

run: $(STAMP) translations
	@$(BIN)/annotator doctor
	@test -f "$(DEMO)" || $(BIN)/annotator demo "$(DEMO)"
	$(BIN)/annotator gui "$(DEMO)"

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Framing Annotator needs Python 3.11 or newer"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX)) "$(TORCH_SPEC)"
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

bundle: $(BUNDLE_STAMP) translations
	$(BIN)/python packaging/build_bundle.py

# The bundle needs no Python; the checker is standard-library Python run outside the bundle.
bundle-smoke:
	$(PYTHON) packaging/smoke_bundle.py $(BUNDLE_DIR)

$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bundle]"
	touch $(BUNDLE_STAMP)

bench: $(STAMP)
	for script in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info

# The interface translations: Qt Linguist sources (resources/translations/<area>_<lang>.ts, one per
# part of annotator/ui) built into one catalogue per language, before every run, test and bundle.
# `translations-update` refreshes the sources from the code (new strings appear unfinished; fill
# them in with Qt Linguist, pyside6-linguist, or by hand).
LANGS := ar en
translations:
	@for lang in $(LANGS); do \
	  $(BIN)/pyside6-lrelease -silent resources/translations/*_$$lang.ts \
	    -qm resources/translations/annotator_$$lang.qm || exit 1; \
	done

translations-update:
	$(BIN)/python -m annotator.ui.i18n_sources --update
