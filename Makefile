# ScopeReport — the two commands a new machine needs: `make report` and `make test`.
# Each installs what it needs first (Debian/Ubuntu packages via apt-get, only when missing).

SWIFT        ?= swift
PREFIX       ?= /usr/local
DATA         ?= review-data
TEMPLATES    ?= templates
OUT          ?= _report
APT_PACKAGES  = libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev pkg-config
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
# Linked with the Swift runtime and Foundation inside (88 MB), so that it runs on a machine without the
# Swift toolchain, and starts faster (no dynamic loading of the runtime's libraries). Its own scratch
# folder keeps `make report`'s build as it is.
install: deps
	$(SWIFT) build -c release --product scopereport --static-swift-stdlib --scratch-path .build-static
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build-static/release/scopereport $(DESTDIR)$(PREFIX)/bin/scopereport

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product scopereport

# Installs the C libraries (cmark-gfm, OpenSSL's libcrypto) only when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists libcmark-gfm libcrypto 2>/dev/null || [ ! -e /usr/include/cmark-gfm-core-extensions.h ]; then \
	  echo "Installing $(APT_PACKAGES) with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

# What the tests use to look at the output: rsvg-convert, a headless Chromium, and LibreOffice with
# poppler (tables.docx converted to PDF and read back).
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
	@# LibreOffice without its recommendations (which bring Java): the Writer that converts to PDF.
	@missing=""; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing || \
	    echo "warning: could not install$$missing; the tests that need them will say so"; \
	fi

## Time builds from the default review to 100,000 studies; prints the table and PASS/FAIL per target.
bench: deps
	$(SWIFT) build -c release --product scopereport
	scripts/bench.sh

## Fuzz the CSV, XLSX, config and template readers, FUZZ_SECONDS each (libFuzzer + AddressSanitizer);
## fails on the first crash, leaving the input in .build-fuzz/crashes/. See Fuzz/ and docs/hardening.md.
# The targets live in their own package (Fuzz/Package.swift): they link only with the fuzzer sanitizer.
# `-Xswiftc -sanitize=fuzzer,address` is needed besides `--sanitize`: swiftc keeps only the last of two
# -sanitize flags, and SwiftPM passes them in no fixed order, so a build could lose coverage or ASan.
# XLSX runs without per-input leak checks: Foundation's XMLParser and ZIPFoundation leak a few bytes
# per workbook (Fuzz/lsan.supp), which would trigger a whole-heap scan on every input (20x slower).
FUZZ_SECONDS ?= 60
FUZZ_SCRATCH ?= .build-fuzz
fuzz: deps
	@# SwiftPM re-scans a path dependency's folders only when the depending manifest changes; without
	@# this, a file added to Sources/ since the last fuzz build is missing from it. (mtime only: git sees
	@# no change.)
	touch Fuzz/Package.swift
	$(SWIFT) build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address \
	  --package-path Fuzz --scratch-path $(FUZZ_SCRATCH)
	@set -e; for pair in csv-reader:FuzzCSVReader xlsx-reader:FuzzXLSXReader config-loader:FuzzConfigLoader \
	    template-renderer:FuzzTemplateRenderer; do \
	  name=$${pair%%:*}; target=$${pair#*:}; leaks=1; [ $$name = xlsx-reader ] && leaks=0; \
	  mkdir -p $(FUZZ_SCRATCH)/corpus/$$name $(FUZZ_SCRATCH)/crashes; \
	  echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
	  log=$(FUZZ_SCRATCH)/$$name.log; \
	  if ! LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp SWIFT_BACKTRACE=enable=no \
	    $(FUZZ_SCRATCH)/release/$$target -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 \
	    -detect_leaks=$$leaks -dict=Fuzz/$$name.dict -artifact_prefix=$(FUZZ_SCRATCH)/crashes/$$name- \
	    -print_final_stats=1 $(FUZZ_SCRATCH)/corpus/$$name Fuzz/corpus/$$name > $$log 2>&1; then \
	    tail -n 60 $$log; echo "fuzz: $$target crashed; the input is in $(FUZZ_SCRATCH)/crashes/"; exit 1; \
	  fi; \
	  grep -E '^(Done|stat::average_exec_per_sec)' $$log; \
	done

# The report in headless Chromium: load, charts, overflow, accessibility; screenshots in Tests/browser/out/.
browser-test:
	Tests/browser/run.sh

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

lint:
	$(SWIFT) format lint --recursive --configuration .swift-format Sources Tests Package.swift

clean:
	rm -rf .build _report
