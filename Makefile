# Municipal assistant on Rasa 3.6. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(INSTALLED): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required, found " + sys.version)'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip==24.2
	$(VENV)/bin/pip install --quiet --no-deps --ignore-requires-python -r requirements.lock
	@# Rasa pins matplotlib<3.6, which has no Python 3.11 wheels; 3.7.5 is the known exception.
	@$(VENV)/bin/pip check | grep -v "matplotlib" | grep . && { echo "pip check found problems"; exit 1; } || true
	touch $@

install: $(INSTALLED) ## Create .venv from requirements.lock (only when missing or changed)

train: install ## Train the model if data, config or domain changed
	$(PY) -m bot.model

run: install ## Install, train when needed, and start the bot with its web chat
	$(PY) -m bot.serve

browser: ## Install Debian's Chromium for the browser tests, when missing (needs root)
	@command -v chromium >/dev/null || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@chromium --version 2>/dev/null | grep -q Chromium || { echo "chromium is not usable"; exit 1; }

oidc-provider: ## Install Node.js when missing (needs root) and the OpenID provider the OIDC login test starts (npm ci)
	@command -v node >/dev/null || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null; }
	@# NodeSource's nodejs brings npm; Debian's comes apart.
	@command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
	@command -v npm >/dev/null || { echo "npm is missing: the OIDC login test needs Node.js 20 or newer"; exit 1; }
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' || \
	  { echo "Node.js $$(node --version) is too old for oidc-provider: 20 or newer is needed"; exit 1; }
	cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error

services: ## Install Debian's PostgreSQL and Redis for the scale tests, when missing (needs root)
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v redis-server >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  postgresql redis-server >/dev/null; }
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null && redis-server --version >/dev/null

lint: install ## ruff and rasa data validate
	$(VENV)/bin/ruff check .
	$(PY) -m rasa data validate --domain bot/domain --data data --config config.yml

test: install ## Install and run the whole test suite (trains first, cached)
	@# While the model trains: the system packages, the lint and the fast lane (which needs
	@# no model). Once the model is there, the tests that need it, browsers and servers run
	@# beside the rest of the fast lane (the two cores are busy either way).
	@mkdir -p var; $(MAKE) --no-print-directory train > var/train.log 2>&1 & trainer=$$!; \
	  $(MAKE) --no-print-directory browser oidc-provider services lint; prepared=$$?; \
	  [ $$prepared -eq 0 ] || { wait $$trainer; echo "installing the test dependencies or the lint failed"; exit 1; }; \
	  $(PY) -m pytest -m "not stack" -p no:cacheprovider > var/fast-lane.log 2>&1 & fast=$$!; \
	  wait $$trainer; trained=$$?; cat var/train.log; \
	  [ $$trained -eq 0 ] || { wait $$fast; cat var/fast-lane.log; echo "training failed (var/train.log)"; exit 1; }; \
	  $(PY) -m pytest -m stack --durations=20 -p no:cacheprovider; stack=$$?; \
	  wait $$fast; fast_ok=$$?; echo "---- fast lane (var/fast-lane.log)"; cat var/fast-lane.log; \
	  [ $$fast_ok -eq 0 ] || { echo "the fast lane failed (see above)"; exit 1; }; \
	  [ $$stack -eq 0 ] || { echo "the stack lane failed (see above)"; exit 1; }

test-fast: install lint ## The fast lane: no browser, database server or training
	$(PY) -m pytest -m "not stack"

eval: install ## NLU report: per-intent P/R/F1, confusion matrix, cross-validation
	$(PY) -m bot.evaluate

converse: install ## Resident conversation benchmark: pass rates per group, results/CONVERSATIONS.md
	PYTHONPATH=. $(PY) -m tests.conversations

bench: install ## Measure latency (vs bare Rasa), parse time, training time, memory: bench/RESULTS.md (ARGS=--skip-training-time)
	PYTHONPATH=. $(PY) bench/run.py $(ARGS)

bench-lists: install ## The console's overview, queue and a conversation page with 100,000 conversations and 2 million events: bench/RESULTS.md (ARGS=--conversations N)
	PYTHONPATH=. $(PY) bench/console_lists.py $(ARGS)

shell: install ## Talk to the bot in the terminal (the actions run in the same process)
	@$(PY) -m bot.model >/dev/null
	@mkdir -p var; PYTHONPATH=. $(PY) -m bot.shell --model "$$($(PY) -m bot.model)" --endpoints endpoints.yml

retention: install ## Apply the personal-data register's retention periods (run daily)
	$(PY) -m bot.reports.retention

import-streets: install ## The street list from BAG/PDOK exports: make import-streets FILE=wegen.json (or "p1.json p2.json", .csv)
	$(PY) -m bot.integrations.pdok import-streets $(FILE)

outbox: install ## Deliver queued reports to Signalen and poll their status (needs SIGNALEN_URL)
	$(PY) -m bot.reports.outbox

check-signalen: install ## Try the Signalen settings: categories against the live SIGNALEN_URL, the service account, the reply address
	$(PY) -m bot.integrations.signalen check

admin: install ## Create the first console account: make admin U=jdevries I=JV
	$(PY) -m console create-admin $(U) --initials $(I)

tone: install ## Preview a response on every medium: make tone R=utter_ask_report_location [C=sms]
	@$(PY) -m bot.tone preview $(R) --channel $(or $(C),all)

tone-check: install ## Render every response on every medium and check the tone guide
	$(PY) -m bot.tone check

telegram-webhook: install ## Point Telegram at this bot: make telegram-webhook URL=https://…/webhooks/telegram/webhook
	$(PY) -m channels.telegram set-webhook $(URL)

clean: ## Remove trained models, results and local databases (not .venv)
	rm -rf models results var .rasa

.PHONY: help install browser oidc-provider services train run lint test test-fast eval converse bench bench-lists shell retention import-streets outbox check-signalen admin tone tone-check telegram-webhook clean
