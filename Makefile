# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: venv demo test fuzz editors validators check-validators rules-outputs bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

# provlint exits 1 because the demo configs hold real mistakes; the demo itself succeeds.
demo: venv
	@echo "== provlint check fixtures/demo/  (Bifrost 2.2, the default line)"
	@$(BIN)/provlint check --output-format full fixtures/demo/; status=$$?; \
	  echo "== exit code $$status (1: findings at error level)"; test $$status -le 1

test: venv editors
	$(BIN)/python -m pytest -n auto

# The fuzz suite alone, five times longer than in `make test` (tests/conftest.py, "fuzz" profile).
fuzz: venv
	PROVLINT_HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/fuzz -p no:cacheprovider --hypothesis-show-statistics

# The editor engines (vscode-json-languageservice, yaml-language-server) the schema tests run
# with node, pinned by tests/editors/package-lock.json.
EDITORS       := tests/editors
EDITORS_STAMP := $(EDITORS)/node_modules/.installed-stamp

$(EDITORS_STAMP): $(EDITORS)/package.json $(EDITORS)/package-lock.json
	cd $(EDITORS) && npm ci --no-audit --no-fund
	touch $(EDITORS_STAMP)

editors: $(EDITORS_STAMP)

# Regenerate the fast validators after changing models or catalog (tests fail while they are stale).
validators: venv
	$(BIN)/python -m provlint.validators.build

check-validators: venv
	$(BIN)/python -m provlint.validators.build --check

# Regenerate the pinned `provlint rules` output of every line after adding or changing a rule
# (tests/cli/test_rules_outputs.py fails while one is stale).
rules-outputs: venv
	$(BIN)/python -m tests.cli.rules_outputs

# Whole-process timings against python+json.loads and check-jsonschema (benchmarks/run.py), in
# .bench/venv: a regular install with bytecode compiled, as users have it (reinstalled every run,
# so it is the checkout's code). `make bench BENCH_ARGS=--quick` runs 1 and 100 files only.
BENCH_VENV := .bench/venv
BENCH_ARGS ?=

bench: venv
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt . check-jsonschema
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall .
	$(BIN)/python benchmarks/run.py --venv $(BENCH_VENV) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis $(EDITORS)/node_modules
