# The front door. Every target sets up what it needs on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
FROZEN := build/frozen/odsm-backend/odsm-backend
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help setup dev preview test lint contracts contracts-check freeze package bench demo-data clean \
        test-backend test-backend-pg test-fuzz soak-fuzz test-unit test-contract test-contract-pg test-contract-frozen \
        test-contract-frozen-pg test-e2e build-app chromium soak

help:
	@echo "make dev      run the app (backend with uvicorn --reload, plus electron-vite dev)"
	@echo "make test     every check and test: lint, contracts-check, pytest (SQLite, then PostgreSQL), vitest,"
	@echo "              contract, frozen, e2e"
	@echo "make preview  the renderer in Chromium through the real bridge (no Electron binary needed)"
	@echo "make bench    benchmarks; the last line is one JSON object with every figure"
	@echo "make soak     long crash runs (1,000 writes with kill -9s, 100 crash cycles) and a long fuzz run"
	@echo "make contracts / contracts-check / freeze / package / clean"

# --- setup -----------------------------------------------------------------------------------
$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --quiet
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's chromium drives the browser tests; poppler-utils' pdftotext reads their PDFs back.
chromium:
	@if [ ! -x "$(CHROMIUM)" ] || ! command -v pdftotext >/dev/null; then \
	  echo "Installing Debian's chromium and poppler-utils for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium poppler-utils >/dev/null; \
	fi

setup: $(VENV)/.synced node_modules/.installed

# --- contracts -------------------------------------------------------------------------------
define generate_contracts
	$(PY) -m odsm.contracts --out $(1) >/dev/null
	npx --no-install openapi-typescript $(1)/openapi.json -o $(1)/openapi.d.ts --silent --default-non-nullable false
endef

contracts: setup
	$(call generate_contracts,shared-contracts)
	@echo "shared-contracts/ regenerated"

contracts-check: setup
	@tmp=$$(mktemp -d); \
	$(PY) -m odsm.contracts --out $$tmp >/dev/null; \
	npx --no-install openapi-typescript $$tmp/openapi.json -o $$tmp/openapi.d.ts --silent --default-non-nullable false; \
	if ! diff -ru shared-contracts $$tmp; then \
	  echo "shared-contracts/ is stale: run 'make contracts' and commit the result" >&2; rm -rf $$tmp; exit 1; \
	fi; rm -rf $$tmp; echo "contracts-check: shared-contracts/ is up to date"

# --- build -----------------------------------------------------------------------------------
build-app: setup
	npx --no-install electron-vite build
	npx --no-install vite build --config e2e/vite.shim.config.ts --logLevel warn

freeze: setup
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath build/frozen \
	  --workpath build/pyinstaller-work build/backend.spec
	@echo "frozen backend: $(FROZEN)"

package: build-app freeze
	npx --no-install electron-builder --config build/electron-builder.yml

# The installers' icons, drawn from build/icons/icon.svg (Chromium renders it, Pillow writes the ICO and
# ICNS); the results are committed, so `make package` needs neither.
.PHONY: icons
icons: $(UV) chromium
	CHROMIUM=$(CHROMIUM) $(UV) run --no-project --with pillow==11.3.0 python build/icons/make_icons.py

# --- run -------------------------------------------------------------------------------------
dev: setup
	@scripts/dev.sh

preview: setup chromium build-app
	node e2e/preview.mjs

demo-data: setup
	$(PY) -m odsm.features.demo --data-dir $${ODSM_DATA_DIR:-.odsm-data/dev}

# --- checks ----------------------------------------------------------------------------------
lint: setup
	$(VENV)/bin/ruff check backend bench
	$(VENV)/bin/ruff format --check backend bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	npx --no-install tsc --noEmit -p tsconfig.json
	npx --no-install eslint electron renderer e2e bench

# The backend suites run on every core (pytest-xdist), a file's tests on one worker: each test has its own
# SQLite file or PostgreSQL database already, and each worker its own PostgreSQL template.
PYTEST_WORKERS ?= auto
PYTEST_PARALLEL := -n $(PYTEST_WORKERS) --dist loadfile

test-backend: setup
	$(VENV)/bin/pytest -q -p no:logging --ignore=backend/tests/fuzz $(PYTEST_PARALLEL)

# The same suite on PostgreSQL: each test gets its own database, copied from one the migrations built;
# every one is dropped afterwards. Starts the local cluster if needed; see scripts/with-postgres.sh.
test-backend-pg: setup
	scripts/with-postgres.sh $(VENV)/bin/pytest -q -p no:logging --ignore=backend/tests/fuzz $(PYTEST_PARALLEL)

# Schemathesis over every operation against the real backend on a Unix socket; fails on any 500.
test-fuzz: setup
	ODSM_FUZZ_EXAMPLES=40 $(VENV)/bin/pytest -q -p no:logging backend/tests/fuzz

soak-fuzz: setup
	ODSM_FUZZ_EXAMPLES=600 $(VENV)/bin/pytest -q -p no:logging backend/tests/fuzz

test-unit: setup
	npx --no-install vitest run --project unit --project renderer

test-contract: setup
	npx --no-install vitest run --project contract

test-contract-frozen: freeze
	ODSM_BACKEND_COMMAND=$(CURDIR)/$(FROZEN) npx --no-install vitest run --project contract

# The contract suites on PostgreSQL: each backend they start gets an empty database of its own to migrate.
test-contract-pg: setup
	scripts/with-postgres.sh npx --no-install vitest run --project contract

test-contract-frozen-pg: freeze
	ODSM_BACKEND_COMMAND=$(CURDIR)/$(FROZEN) scripts/with-postgres.sh npx --no-install vitest run --project contract

test-e2e: chromium build-app
	npx --no-install vitest run --project e2e

test: setup chromium
	$(MAKE) contracts-check
	$(MAKE) lint
	$(MAKE) test-backend
	$(MAKE) test-backend-pg
	$(MAKE) test-fuzz
	$(MAKE) test-unit
	$(MAKE) test-contract
	$(MAKE) test-contract-pg
	$(MAKE) test-contract-frozen
	$(MAKE) test-contract-frozen-pg
	$(MAKE) test-e2e
	@echo "make test: all suites passed"

# The long fault runs (not in `make test`, whose backend suite runs the short ones in backend/tests/faults):
# 1,000 keyed writes with kill -9s and 100 crash cycles; the last line is one JSON object of figures.
soak: setup
	cd backend && ../$(PY) -m tests.faults.soak
	$(MAKE) soak-fuzz

bench: setup build-app freeze
	$(PY) bench/run.py

clean:
	rm -rf out build/frozen build/pyinstaller-work test-results
