# Thin wrappers around scripts/setup, CMake and CTest. See README.md.
BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all setup configure build test run bench eval golden model countries clean

all: build

setup:
	@scripts/setup

configure: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Unit tests, golden tests (examples/ → tests/golden/), the offset invariant and
# CLI tests on bad input.
test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The main job on the bundled examples.
run: build
	@scripts/run-examples $(BUILD)/warta

# Throughput on the real news in ../shared/data (skips when absent); see docs/benchmarks.md.
bench: build
	@scripts/bench $(BUILD)

# Quality figures (language ID, boilerplate removal); see docs/quality.md.
eval: build
	@$(BUILD)/warta_eval

# Rewrites tests/golden/ from the current build. Review the diff before committing.
golden: build
	@scripts/update-golden $(BUILD)/warta

# Retrains the name tagger (data/entities/ner_model.tsv) from the NER train
# splits in ../shared/data; the same data gives the same bytes.
SHARED ?= ../shared/data
NER_TRAIN = $(SHARED)/idner-news-2k/train.txt $(SHARED)/indonlu-nergrit_ner-grit/train_preprocess.txt
model: build
	@$(BUILD)/warta_train_ner --data data --out data/entities/ner_model.tsv $(NER_TRAIN)

# Regenerates data/entities/countries.tsv from ICU's CLDR data.
countries: build
	@$(BUILD)/warta_gen_countries > data/entities/countries.tsv

# libFuzzer harnesses (clang, ASan+UBSan) in build-fuzz/, each run for FUZZ_SECONDS
# (FUZZ_TARGET=fuzz_readers for one); installs clang's fuzzer runtime if missing. See fuzz/README.md.
FUZZ_SECONDS ?= 60
FUZZ_TARGET ?= fuzz_readers fuzz_analyze fuzz_api
.PHONY: fuzz
fuzz: setup
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGET="$(FUZZ_TARGET)" fuzz/run.sh

clean:
	rm -rf $(BUILD)
