# Kretslopp: `make site` builds Content/ into Output/; `make test` runs every test.
# Both install missing system packages first (apt-get; sudo when not root).

SWIFT ?= swift
RELEASE_BIN := .build/release/kretslopp
# The release binary carries Swift's own libraries inside it (Go's and Hugo's way): its calls into the
# Swift runtime (retain, release: a tenth of the build's time) are then direct calls, not through
# the dynamic linker's tables, and it starts in 15 ms instead of 23. 5-9% less CPU time for a
# 10,000-page build (paired runs against the dynamic binary, both corpus styles, 2026-12-07); the
# `make bench` after it is the README's.
RELEASE_BUILD := $(SWIFT) build -c release --product kretslopp --static-swift-stdlib
DEBUG_BIN := .build/debug/kretslopp

.PHONY: site serve test lint format golden bench-against test-swift test-browser deps deps-test check bundle bench bench-search clean

## site: build the programme's site into Output/ (release build)
site: deps
	$(RELEASE_BUILD)
	$(RELEASE_BIN) build --content Content --theme Themes/default --output Output

## serve: preview the site from memory on http://127.0.0.1:1313/ with live reload (drafts included)
serve: deps
	$(SWIFT) build --product kretslopp
	$(DEBUG_BIN) serve --content Content --theme Themes/default

## check: check Content/ and the theme without writing anything
check: deps
	$(SWIFT) build --product kretslopp
	$(DEBUG_BIN) check --content Content --theme Themes/default

## test: the format check, Swift unit tests, content tests and browser tests (headless Chromium)
test: deps-test lint test-swift test-browser

## lint: swift-format's check of Sources, Tests and Package.swift (.swift-format: 4 spaces, 120 columns)
lint:
	swift-format lint --strict --parallel --configuration .swift-format --recursive Sources Tests Package.swift
	scripts/line-length.py 120 Sources Tests Package.swift

## format: rewrite the Swift files in the project's format (what `make lint` checks)
format:
	swift-format format --in-place --parallel --configuration .swift-format --recursive Sources Tests Package.swift

test-swift:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The command-line and browser tests drive the release binary, as publishers use it.
test-browser:
	$(RELEASE_BUILD)
	KRETSLOPP_BIN=$(CURDIR)/$(RELEASE_BIN) python3 -m pytest -q Tests/content Tests/cli Tests/browser

## golden: record what the build writes now (Tests/cli/golden/), after a change meant to change the output
golden:
	$(RELEASE_BUILD)
	KRETSLOPP_BIN=$(CURDIR)/$(RELEASE_BIN) python3 Tests/cli/output_manifest.py --update

## bench: Kretslopp against Hugo, Pagefind and cmark on both styles of the generated corpus (no network)
bench:
	@scripts/install-deps.sh bench
	$(RELEASE_BUILD)
	BENCH_KEEP_SET_ASIDE=1 python3 Benchmarks/bench.py --styles plain,real --sizes 1000,10000 --runs 3 --scaling 1000,10000,30000,100000
	BENCH_KEEP_SET_ASIDE=1 python3 Benchmarks/search_bench.py --styles plain,real --sizes 10000 --runs 3
	python3 Benchmarks/bench.py --empty-set-aside
	python3 Benchmarks/preview_reload.py --pages 1000 10000 --style plain real --rounds 3
	python3 Benchmarks/serve_bench.py --runs 3 --seconds 20

## bench-against: each stage of this build beside OLD's, another kretslopp binary (make bench-against OLD=path)
bench-against:
	$(RELEASE_BUILD)
	python3 Benchmarks/bench.py --against $(OLD) --sizes 10000 --runs 3

## bench-search: Kretslopp's search against Pagefind (headless Chromium): first the quality, the expected page
## of each query in Benchmarks/search_queries.tsv on Content/, then the speed on the 10,000-page corpus, both styles
bench-search:
	@scripts/install-deps.sh bench
	$(RELEASE_BUILD)
	python3 Benchmarks/search_quality.py
	python3 Benchmarks/search_bench.py --styles plain,real --sizes 10000 --runs 3

## bundle: the offline zip of Content/
bundle: deps
	$(RELEASE_BUILD)
	$(RELEASE_BIN) bundle --content Content --theme Themes/default

deps:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh test

clean:
	rm -rf .build Output
