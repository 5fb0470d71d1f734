# Stepwork: the two set-up commands (`make run`, `make test`) and a few for developers.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

RUN_PG  := $(CURDIR)/.data/postgres
TEST_PG := $(CURDIR)/.data/test-postgres
BENCH_PG := $(CURDIR)/.data/bench-postgres

## $(call fresh_database,NAME): database NAME in the `make run` cluster, dropped and created
## again, migrated by the release binary; leaves the owner's URL in $$url
fresh_database = url="$$(scripts/pg.sh url $(RUN_PG))"; \
  psql "$$url" -qc "DROP DATABASE IF EXISTS $(1) WITH (FORCE)" -c "CREATE DATABASE $(1)" && \
  STEPWORK_DATABASE_URL="$$url dbname=$(1)" .build/release/stepwork migrate

## the server secret `serve` reads (keyed throttle subjects): 32 random bytes in hex, owner-only;
## the key-encryption keys (data at rest): one line v1:<32 random bytes in hex>, owner-only
export STEPWORK_SECRET_FILE ?= $(CURDIR)/.data/secret
export STEPWORK_KEY_FILE ?= $(CURDIR)/.data/keys
run test seed-bench bench-entries bench-sealing bench-abuse bench-events cluster drill: $(STEPWORK_SECRET_FILE) $(STEPWORK_KEY_FILE)
$(STEPWORK_SECRET_FILE):
	@mkdir -p $(@D) && umask 077 && { od -An -vtx1 -N32 /dev/urandom | tr -d ' \n'; echo; } > $@
$(STEPWORK_KEY_FILE):
	@mkdir -p $(@D) && umask 077 && { printf v1:; od -An -vtx1 -N32 /dev/urandom | tr -d ' \n'; echo; } > $@

.PHONY: run test build release bench bench-db fuzz clean-data seed-bench bench-entries bench-sealing bench-abuse bench-events cluster cluster-down drill

## run: private PostgreSQL in .data/postgres, migrations, demo data, server on 127.0.0.1:8080
run:
	@scripts/pg.sh up $(RUN_PG)
	swift build -c release --product stepwork
	@export STEPWORK_MIGRATE_DATABASE_URL="$$(scripts/pg.sh url $(RUN_PG))" \
	        STEPWORK_DATABASE_URL="$$(scripts/pg.sh runtime-url $(RUN_PG))"; \
	  .build/release/stepwork migrate && \
	  .build/release/stepwork seed && \
	  echo "Stepwork: open http://127.0.0.1:$${STEPWORK_PORT:-8080}/ in your browser and sign in as (password: one day at a time):" && \
	  echo "  sponsee  sam@example.org" && \
	  echo "  sponsor  alex@example.org" && \
	  exec .build/release/stepwork serve

## test: a throwaway cluster in .data/test-postgres, then every test against it (Swift, the browser's,
## then the contract run: Schemathesis over every operation of openapi.yaml, scripts/contract.sh)
test:
	@scripts/pg.sh down $(TEST_PG); rm -rf $(TEST_PG)
	@scripts/pg.sh up $(TEST_PG) throwaway
	@export STEPWORK_TEST_DATABASE_URL="$$(scripts/pg.sh url $(TEST_PG))" \
	        STEPWORK_TEST_PG_CTL="$$(scripts/pg.sh ctl $(TEST_PG))"; \
	  swift build --build-tests && swift test --skip-build && Tests/Browser/run.sh && scripts/contract.sh $(TEST_PG); \
	  status=$$?; \
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

## seed-bench: database stepwork_bench in the `make run` cluster, migrated, with seeds/bench
## (10,000 users, 1,000,000 entries, 300,000 shares), written in the clear and copied as it is
## to stepwork_bench_clear (for bench-sealing), then sealed by `stepwork encrypt` under the keys
## of STEPWORK_KEY_FILE (as the demo seed is): under three minutes in all here (2 min 44 s),
## sealing some 6,000 rows/s
seed-bench:
	@scripts/pg.sh up $(RUN_PG)
	swift build -c release --product stepwork
	@$(call fresh_database,stepwork_bench) && \
	  psql "$$url dbname=stepwork_bench" -q -f seeds/bench/bench.sql && \
	  psql "$$url" -qc "DROP DATABASE IF EXISTS stepwork_bench_clear WITH (FORCE)" \
	    -c "CREATE DATABASE stepwork_bench_clear TEMPLATE stepwork_bench" && \
	  STEPWORK_DATABASE_URL="$$url dbname=stepwork_bench" .build/release/stepwork encrypt | tail -n 4

## bench-entries: req/s, p50/p99 of GET /v1/entries/{id} (as a sponsor), /v1/shared, a shared
## amend's comments and POST /v1/entries under wrk -c32, beside the same build's /db baseline
## (ratios); seed-bench first
bench-entries:
	swift build -c release --product stepwork && swift build -c release --product stepwork-bench-server
	scripts/bench/entries.sh $(RUN_PG)

## bench-sealing: what sealing costs GET /v1/entries/{id}: the same build reading
## stepwork_bench (sealed) and stepwork_bench_clear in alternating wrk runs, and the ratio of
## their medians (scripts/bench/sealing.sh); seed-bench first
bench-sealing:
	swift build -c release --product stepwork
	scripts/bench/sealing.sh $(RUN_PG)

## bench-events: a release server on a fresh stepwork_events database in the `make run` cluster;
## its RSS holding EVENTS_STREAMS open event streams, then the time from a comment's 201 to its
## event at EVENTS_LISTENERS listeners, p50/p99 (scripts/bench/events.py)
EVENTS_PORT ?= 8092
EVENTS_STREAMS ?= 10000
EVENTS_LISTENERS ?= 1000
bench-events:
	@scripts/pg.sh up $(RUN_PG)
	swift build -c release --product stepwork
	@$(call fresh_database,stepwork_events) && \
	  { ulimit -n 20000; \
	    STEPWORK_DATABASE_URL="$$(scripts/pg.sh runtime-url $(RUN_PG)) dbname=stepwork_events" \
	      STEPWORK_PORT=$(EVENTS_PORT) STEPWORK_LOG_LEVEL=warning STEPWORK_MAX_CONNECTIONS=$$(($(EVENTS_STREAMS) + 100)) \
	      STEPWORK_REGISTER_MAX_PER_ADDRESS=100 .build/release/stepwork serve & server=$$!; \
	    trap 'kill $$server 2>/dev/null; wait $$server 2>/dev/null' EXIT; \
	    for _ in $$(seq 100); do curl -fs http://127.0.0.1:$(EVENTS_PORT)/readyz >/dev/null && break; sleep 0.2; done; \
	    python3 scripts/bench/events.py http://127.0.0.1:$(EVENTS_PORT) --pid $$server \
	      --streams $(EVENTS_STREAMS) --listeners $(EVENTS_LISTENERS); }

## bench-abuse: slow uploads and a login storm from rotating IPv6 addresses (via X-Forwarded-For
## from 127.0.0.1, trusted as a proxy) against a release server on a fresh stepwork_abuse
## database in the `make run` cluster, while a normal client logs in, writes and reads;
## prints that client's success rate and p50/p99 (ABUSE_ARGS: see scripts/bench/abuse.py --help)
ABUSE_PORT ?= 8091
ABUSE_ARGS ?= --uploads 300 --storm 8 --duration 20
bench-abuse:
	@scripts/pg.sh up $(RUN_PG)
	swift build -c release --product stepwork
	@$(call fresh_database,stepwork_abuse) && \
	  { STEPWORK_DATABASE_URL="$$(scripts/pg.sh runtime-url $(RUN_PG)) dbname=stepwork_abuse" \
	      STEPWORK_PORT=$(ABUSE_PORT) STEPWORK_LOG_LEVEL=warning STEPWORK_TRUSTED_PROXIES=127.0.0.1 \
	      .build/release/stepwork serve & server=$$!; \
	    trap 'kill $$server 2>/dev/null; wait $$server 2>/dev/null' EXIT; \
	    for _ in $$(seq 100); do curl -fs http://127.0.0.1:$(ABUSE_PORT)/readyz >/dev/null && break; sleep 0.2; done; \
	    python3 scripts/bench/abuse.py http://127.0.0.1:$(ABUSE_PORT) $(ABUSE_ARGS); }

## cluster: HAProxy on 127.0.0.1:8100 in front of two release servers (:8101, :8102), a PostgreSQL
## primary and a streaming replica, all in .data/cluster (see scripts/cluster.sh: status, down, ...)
cluster:
	swift build -c release --product stepwork
	scripts/cluster.sh up

cluster-down:
	scripts/cluster.sh down

## drill: the cluster with drill settings (cheap password hashes, per-address throttles raised: every
## client is 127.0.0.1), then scripts/drill.py (kill -9 a server, restart the primary, stop the
## replica, SIGTERM a server, a drained rolling restart, under load; prints a table), then the
## cluster stops. DRILL_ARGS: see scripts/drill.py --help
DRILL_ARGS ?=
drill:
	swift build -c release --product stepwork
	@scripts/cluster.sh down
	@export STEPWORK_PASSWORD_HASH_COST=10 STEPWORK_HASHING_CONCURRENCY=2 STEPWORK_REGISTER_MAX_PER_ADDRESS=1000000 \
	        STEPWORK_LOGIN_MAX_FAILURES_PER_ADDRESS=1000000 STEPWORK_LOG_LEVEL=warning; \
	  scripts/cluster.sh up && { /usr/bin/python3 scripts/drill.py $(DRILL_ARGS); status=$$?; \
	  scripts/cluster.sh down; exit $$status; }

## bench-db: primary-key SELECTs, raw libpq (C) then our PostgresPool, same cluster, same load
BENCH_THREADS ?= 8
BENCH_SECONDS ?= 10
bench-db:
	@scripts/pg.sh up $(BENCH_PG)
	@url="$$(scripts/pg.sh url $(BENCH_PG))"; \
	  psql "$$url" -v ON_ERROR_STOP=1 -q -f Benchmarks/db/setup.sql && \
	  mkdir -p .build && \
	  cc -O2 -Wall -pthread $$(pkg-config --cflags libpq) -o .build/raw_libpq Benchmarks/db/raw_libpq.c $$(pkg-config --libs libpq) && \
	  swift build -c release --product stepwork-bench-db && \
	  .build/raw_libpq "$$url" $(BENCH_THREADS) $(BENCH_SECONDS) && \
	  .build/release/stepwork-bench-db "$$url" $(BENCH_THREADS) $(BENCH_SECONDS)

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
