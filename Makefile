# ScopeReport — the two commands a new machine needs: `make report` and `make test`.
# Each installs what it needs first (Debian/Ubuntu packages via apt-get, only when missing).

SWIFT        ?= swift
PREFIX       ?= /usr/local
DATA         ?= review-data
TEMPLATES    ?= templates
OUT          ?= _report
APT_PACKAGES  = libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
TEST_PACKAGES = librsvg2-bin chromium fonts-dejavu-core
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: report test install deps test-deps build release format lint clean bench fuzz browser-test

## Build the report of the review in review-data/ into _report/.
report: deps
	$(SWIFT) build -c release --product scopereport
	.build/release/scopereport build --data $(DATA) --templates $(TEMPLATES) --out $(OUT)

## Run the whole test suite (unit, golden, end-to-end, browser).
test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) browser-test

## Put a release binary on the PATH (PREFIX=/usr/local).
install: deps
	$(SWIFT) build -c release --product scopereport
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/scopereport $(DESTDIR)$(PREFIX)/bin/scopereport

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product scopereport

# Installs the C libraries only when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -e /usr/include/cmark-gfm-core-extensions.h ]; then \
	  echo "Installing $(APT_PACKAGES) with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

# What the tests use to look at the output: rsvg-convert and a headless Chromium.
test-deps:
	@missing=""; \
	command -v rsvg-convert >/dev/null || missing="$$missing librsvg2-bin"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing || \
	    echo "warning: could not install$$missing; the tests that need them will say so"; \
	fi

# The report in headless Chromium: load, charts, overflow, accessibility; screenshots in Tests/browser/out/.
browser-test:
	Tests/browser/run.sh

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

lint:
	$(SWIFT) format lint --recursive --configuration .swift-format Sources Tests Package.swift

clean:
	rm -rf .build _report
