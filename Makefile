# Two commands for a fresh machine with Python 3.11, pip and make:
#   make demo   install into .venv and run the main job on the bundled demo corpus
#   make test   install what the tests need and run them
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: demo test clean bench-quick

$(BIN)/storyweave: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	@touch $@

$(VENV)/.dev-installed: $(BIN)/storyweave
	$(PIP) install -q -e '.[dev]'
	@touch $@

demo: $(BIN)/storyweave
	rm -f storyweave.db storyweave.db-wal storyweave.db-shm
	$(BIN)/storyweave run demo/corpus --db storyweave.db --report report --json stories.json
	@echo "Open report/index.html; try: $(BIN)/storyweave events"

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) report stories.json storyweave.db storyweave.db-wal storyweave.db-shm
