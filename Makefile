# Stepwork: the two set-up commands (`make run`, `make test`) and a few for developers.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

RUN_PG  := $(CURDIR)/.data/postgres
TEST_PG := $(CURDIR)/.data/test-postgres

.PHONY: run test build release bench bench-db fuzz clean-data

## run: private PostgreSQL in .data/postgres, migrations, demo data, server on 127.0.0.1:8080
run:
	@scripts/pg.sh up $(RUN_PG)
	swift build -c release --product stepwork
	@export STEPWORK_DATABASE_URL="$$(scripts/pg.sh url $(RUN_PG))"; \
	  .build/release/stepwork migrate && \
	  .build/release/stepwork seed && \
	  echo "Stepwork on http://127.0.0.1:8080 - demo logins (password: one day at a time):" && \
	  echo "  sponsee  sam@example.org" && \
	  echo "  sponsor  alex@example.org" && \
	  exec .build/release/stepwork serve

## test: a throwaway cluster in .data/test-postgres, then every test against it
test:
	@scripts/pg.sh down $(TEST_PG); rm -rf $(TEST_PG)
	@scripts/pg.sh up $(TEST_PG)
	@export STEPWORK_TEST_DATABASE_URL="$$(scripts/pg.sh url $(TEST_PG))" \
	        STEPWORK_TEST_PG_CTL="$$(scripts/pg.sh ctl $(TEST_PG))"; \
	  swift build --build-tests && swift test --skip-build; status=$$?; \
	  scripts/pg.sh down $(TEST_PG); exit $$status

build:
	swift build

release:
	swift build -c release

## bench: release build of the benchmark server, measured with the peers' script (see shared/bench/peers)
PEERS ?= /tmp/peers
bench:
	@[ -d $(PEERS) ] || { cp -r ../shared/bench/peers $(PEERS) && chmod -R u+w $(PEERS); }
	$(PEERS)/pg-up.sh
	swift build -c release --product stepwork-bench-server
	ENDPOINTS="$${ENDPOINTS:-/plaintext /json /db /queries?queries=20}" $(PEERS)/run.sh http://127.0.0.1:8080 .build/release/stepwork-bench-server

## fuzz: libFuzzer on the request parser for FUZZ_SECONDS (crashes land in .build-fuzz/)
FUZZ_SECONDS ?= 60
FUZZ_DIR     := $(CURDIR)/.build-fuzz
FUZZ_SOURCES := $(wildcard Fuzz/HTTPParserFuzzer/*.swift) $(wildcard Sources/HTTPServer/Parser/*.swift) \
                $(filter-out Sources/HTTPServer/HTTPServer%.swift,$(wildcard Sources/HTTPServer/HTTP*.swift))
fuzz: $(FUZZ_DIR)/http-parser-fuzzer
	@mkdir -p $(FUZZ_DIR)/corpus && cp -n Fuzz/HTTPParserFuzzer/seeds/* $(FUZZ_DIR)/corpus/
	cd $(FUZZ_DIR) && SWIFT_BACKTRACE=enable=no ./http-parser-fuzzer corpus \
	  -dict=$(CURDIR)/Fuzz/HTTPParserFuzzer/http.dict -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1

$(FUZZ_DIR)/http-parser-fuzzer: $(FUZZ_SOURCES)
	@mkdir -p $(FUZZ_DIR)
	swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name HTTPParserFuzzer $(FUZZ_SOURCES) -o $@
