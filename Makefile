# Pioneer Index (先锋指数) — developer tasks. `make help` lists them.
PY ?= .venv/bin/python
UI_FILES := $(wildcard forms/*.ui)
UI_PY := $(patsubst forms/%.ui,desktop/gui/forms/ui_%.py,$(UI_FILES))

.PHONY: help venv run test lint format forms bench bundle demo clean windows windows-check windows-test

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

venv:  ## create .venv and install the program with its test tools
	python3 -m venv .venv && $(PY) -m pip install -e ".[test]"

run:  ## open the window on the default book
	$(PY) -m desktop

demo:  ## write a demo branch book to ./demo.db and open it
	$(PY) -m desktop --db demo.db demo && $(PY) -m desktop --db demo.db

test:  ## run the whole test suite (as CI does)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint:  ## ruff lint and format check
	$(PY) -m ruff check . && $(PY) -m ruff format --check .

format:  ## ruff format and autofix
	$(PY) -m ruff format . && $(PY) -m ruff check --fix .

forms: $(UI_PY)  ## compile forms/*.ui into desktop/gui/forms/ui_*.py

desktop/gui/forms/ui_%.py: forms/%.ui
	$(PY) tools/compile_forms.py $<

bench:  ## run the benchmarks (they print ratios against a baseline measured in the same run)
	for b in benchmarks/*.py; do QT_QPA_PLATFORM=offscreen $(PY) $$b; done

bundle:  ## build the one-folder PyInstaller bundle into dist/pioneer
	$(PY) -m PyInstaller --noconfirm build_spec/pioneer.spec

windows:  ## the Windows installer, built under Wine: dist/windows/先锋指数-安装-<version>.exe
	bash build_spec/build-windows.sh setup bundle installer

windows-check:  ## build it, then install/self-test/open a book/uninstall it in a new Wine prefix
	bash build_spec/build-windows.sh setup bundle installer check

windows-test:  ## the book, rules, sheets, paper and CLI tests under the Windows Python in Wine
	bash build_spec/build-windows.sh setup test

clean:  ## remove build output
	rm -rf build dist .pytest_cache
