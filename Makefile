# spsim: build, test and benchmark. `make test` is what CI runs.
GO ?= go
PKGS := ./...

.PHONY: all build test bench bench-anchors pgo run fuzz lint clean

all: build test

build:
	$(GO) build -o spsim ./cmd/spsim

# The full suite: unit tests, queueing-theory validations, the fuzz seed
# corpora and runnable examples. Two cores: packages run two at a time.
test:
	$(GO) vet $(PKGS)
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) test -p 2 -count=1 $(PKGS)

# Speed and memory targets live here, never in timed tests. They are built
# with the binary's profile (below), so they measure what `go build` ships.
PGO := $(CURDIR)/cmd/spsim/default.pgo
bench:
	$(GO) test -pgo=$(PGO) -run '^$$' -bench . -benchmem -count 5 ./sim/... ./cmd/spsim/ ./workbench/ | tee bench.txt

# The profile that `go build ./cmd/spsim` optimises with (profile-guided
# optimisation): the model's benchmarks (England, baseline, M/M/c) and the
# writing of a run's outputs. Remake it when the hot paths change; the
# outputs are the same with or without it.
pgo:
	$(GO) test -pgo=off -run '^$$' -bench 'EnglandYear$$|MMcAnchor$$|BaselineYear$$' -benchtime 3s -cpuprofile $(CURDIR)/sim.prof -o $(CURDIR)/sim.test ./sim
	$(GO) test -pgo=off -run '^$$' -bench 'WriteRunBaseline30$$|WriteRunMMc77$$' -benchtime 2s -cpuprofile $(CURDIR)/output.prof -o $(CURDIR)/output.test ./output
	$(GO) tool pprof -proto sim.prof output.prof > $(PGO)
	rm -f sim.prof output.prof sim.test output.test

# spsim against SimPy on the same M/M/c queue, in alternating runs (installs
# python3-simpy3 if SimPy is missing). ROUNDS=5 for more.
bench-anchors:
	bash bench/anchors.sh

# The main job: the embedded default scenario.
run: build
	./spsim run baseline

FUZZTIME ?= 60s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./sim/dist/
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime $(FUZZTIME) ./scenarios/

lint:
	$(GO) vet $(PKGS)
	gofmt -l .

clean:
	rm -f spsim bench.txt
