# govx — the two front-door commands are `make run` and `make test`.
GO      ?= go
BIN     := bin/govx
OUT     ?= out

.PHONY: all build run test bench microbench fmt vet clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/govx

## run: build govx and extract the built-in sample corpus into ./out
run: build
	./$(BIN) extract -o $(OUT)

## test: the whole suite (vet, unit, corpus and CLI tests)
test: vet
	$(GO) test ./...

SHARED  ?= ../shared
BENCHMB ?= 20
REPEAT  ?= 3

## bench: govx extract against its floor (segmentation) on a BENCHMB corpus
##        built from $(SHARED)/corpus: MB/s, peak RSS, ratio, worker scaling
##        (each run REPEAT times, interleaved; the best time is kept)
bench: build
	$(GO) run ./bench -shared $(SHARED) -mb $(BENCHMB) -repeat $(REPEAT) -govx $(BIN)

## microbench: the Go benchmarks of every package
microbench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...

clean:
	rm -rf bin $(OUT)
