# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make report   set up .venv, execute the notebooks headless, write reports/<article-slug>/
#                 (figures, executed notebooks, report.html, and report.pdf when Chromium is there)
#   make test     set up .venv, run the test suite
# Options: make report ARTICLE=path/to/article-or-folder OUT=reports

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ARTICLE ?=
OUT    ?= reports
CHROMIUM ?= /usr/bin/chromium

.PHONY: report test lab setup clean benchmark chromium train

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Debian's Chromium prints report.html to report.pdf. Installed only when it is missing,
# we are root and apt-get exists; otherwise say how to install it and carry on (the
# report is then written without its PDF).
chromium:
	@if [ -x "$(CHROMIUM)" ] || command -v chromium >/dev/null 2>&1; then \
	  :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Chromium for report.pdf (apt-get install -y chromium) ..."; \
	  { DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "warning: could not install chromium; the report will be written without report.pdf"; \
	else \
	  echo "note: Chromium not found, so report.pdf will be skipped. To get it: sudo apt-get install -y chromium"; \
	fi

report: $(STAMP) chromium
	$(PY) -m analysis_utils report $(if $(ARTICLE),"$(ARTICLE)") --out "$(OUT)"

test: $(STAMP)
	$(PY) -m pytest

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

# Retrain the shipped models: target sentiment (needs ../shared/bench/newsmtsc), the quote
# models -- learned cue words, cue tagger, speaker ranker, speaker confidence (needs ../shared/bench/polnear_train)
# -- and the line model of page segmentation (needs ../shared/bench/pages and polnear_train).
# scikit-learn lives in its own environment so that the notebook kernels do not import SciPy
# (see pyproject.toml); the quote models need numpy only.
TRAIN_VENV ?= .venv-train
train:
	@test -x $(TRAIN_VENV)/bin/python || $(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install --quiet -e '.[train]'
	$(TRAIN_VENV)/bin/python benchmarks/train_sentiment.py --cv
	$(TRAIN_VENV)/bin/python benchmarks/train_quotes.py
	$(TRAIN_VENV)/bin/python benchmarks/train_segments.py

benchmark: $(STAMP)
	$(PY) benchmarks/bench_report.py

clean:
	rm -rf reports .pytest_cache
