# Two commands for a fresh machine: `make run` and `make test` (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# Tests run against the real services this machine (and CI) has; override to point elsewhere.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/asoen_portal
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15

.PHONY: install system-deps test-deps debs run test lint format translations messages bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# WeasyPrint needs Pango, and the PDF needs a Times-metric font with Vietnamese letters; the
# tests also drive Debian's Chromium, read PDFs with poppler-utils, open the exports in
# LibreOffice Calc and the report's Word edition in LibreOffice Writer. Installed when we are
# root on Debian; otherwise we say what is missing and go on.
RUNTIME_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-croscore fonts-liberation2
TEST_DEBS := $(RUNTIME_DEBS) chromium poppler-utils libreoffice-calc-nogui libreoffice-writer-nogui
# Wait (up to ten minutes) for another apt/dpkg process to release the lock instead of failing.
APT_GET := apt-get -o DPkg::Lock::Timeout=600
system-deps:
	@$(MAKE) --no-print-directory debs DEBS="$(RUNTIME_DEBS)"
test-deps:
	@$(MAKE) --no-print-directory debs DEBS="$(TEST_DEBS)"
debs:
	@missing=$$(for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing" $$missing; $(APT_GET) update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq $$missing >/dev/null; \
	else echo "Missing Debian packages:" $$missing >&2; fi

# `make run` signs with the self-signed demo set from `create_demo_signing` (NOT for real use);
# a real deployment sets SIGNING_* itself (see .env.example).
DEMO_SIGNING_DIR ?= $(CURDIR)/var/signing
DEMO_SIGNING := SIGNING_PKCS12_FILE=$${SIGNING_PKCS12_FILE:-$(DEMO_SIGNING_DIR)/demo-signer.p12} \
	SIGNING_PKCS12_PASSWORD=$${SIGNING_PKCS12_PASSWORD:-asoen-demo} \
	SIGNING_SIGNATURE_IMAGE=$${SIGNING_SIGNATURE_IMAGE:-$(DEMO_SIGNING_DIR)/demo-signature.png} \
	SIGNING_SEAL_IMAGE=$${SIGNING_SEAL_IMAGE:-$(DEMO_SIGNING_DIR)/demo-seal.png}

translations: install
	$(BIN)/pybabel compile --domain django --directory locale --statistics 2>&1 | tail -n 2

run: install system-deps translations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seed
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py create_demo_signing --keep --folder $(DEMO_SIGNING_DIR)
	@echo; echo "  Cổng ASOEN Việt Nam: http://$(HOST):$(PORT)/   (Ctrl-C để dừng / to stop)"; \
	echo "  Tài khoản demo, mật khẩu asoen-demo: secretariat, leadership, focal-awgncb, focal-awgcc, ..., quan-tri (admin)"; echo
	HOST=$(HOST) PORT=$(PORT) PATH=$(CURDIR)/$(BIN):$$PATH $(DEMO_SIGNING) $(BIN)/honcho start --no-prefix

test: install test-deps translations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the .po catalogues after changing translatable strings; translate, then commit.
messages: install
	$(BIN)/python manage.py makemessages --locale vi --locale en --ignore '.venv/*' --ignore 'var/*' --no-obsolete

clean:
	rm -rf var/ $(VENV)
