# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make report   set up .venv, execute the notebooks headless, write reports/<article-slug>/
#   make test     set up .venv, run the test suite
# Options: make report ARTICLE=path/to/article-or-folder OUT=reports

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ARTICLE ?=
OUT    ?= reports

.PHONY: report test lab setup clean benchmark

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,train]'
	@touch $(STAMP)

report: $(STAMP)
	$(PY) -m analysis_utils report $(ARTICLE) --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

clean:
	rm -rf reports .pytest_cache
