# Boltzmann: the two commands a new user needs are `make demo` and `make test`.
# Both install OpenBLAS/LAPACKE with apt-get when pkg-config cannot find them, then build in release.

SWIFT        ?= swift
CONFIG       ?= release
OUT          ?= out
BIN           = .build/$(CONFIG)/boltzmann
APT_PACKAGES  = libopenblas-dev liblapacke-dev libsqlite3-dev pkg-config

.PHONY: demo test bench build deps clean help

help:
	@echo "make demo   solve and simulate a real scenario, write an SVG and a CSV to $(OUT)/"
	@echo "make test   run the test suite (release build)"
	@echo "make bench  print benchmark figures (not a test)"

# Installs the system libraries when they are missing (needs root or sudo; CI runs as root).
deps:
	@if pkg-config --exists openblas sqlite3 2>/dev/null && [ -f /usr/include/lapacke.h ]; then :; else \
		echo "OpenBLAS/LAPACKE/SQLite not found: installing $(APT_PACKAGES) with apt-get"; \
		SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) --product boltzmann

test: deps
	$(SWIFT) test -c $(CONFIG)

# The Python peers of ../shared/bench/peers run in a virtualenv outside the sources, made once.
PEERS      ?= ../shared/bench/peers
PEERS_VENV ?= .build-peers/venv

$(PEERS_VENV)/bin/python:
	@if [ -f $(PEERS)/setup_venv.sh ]; then bash $(PEERS)/setup_venv.sh $(PEERS_VENV) || echo "peer virtualenv failed: peers will be skipped"; fi

bench: deps $(PEERS_VENV)/bin/python
	$(SWIFT) build -c $(CONFIG) --product BoltzmannBench
	BOLTZMANN_PEERS=$(PEERS) BOLTZMANN_PYTHON=$$( [ -x $(PEERS_VENV)/bin/python ] && echo $(PEERS_VENV)/bin/python || echo python3 ) \
		.build/$(CONFIG)/BoltzmannBench

demo: build
	@mkdir -p $(OUT)
	$(BIN) demo --out $(OUT)

clean:
	rm -rf .build $(OUT)
