# Thin wrappers around scripts/setup, CMake and CTest. See README.md.
BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all setup configure build test run bench eval golden model syntax-model syntax-model-check countries clean

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

# Retrains the name taggers from the NER train splits in ../shared/data: the
# Indonesian one (data/entities/ner_model.tsv) and the English one
# (data/entities/ner_model_en.tsv, from Universal NER English-EWT dev read
# through warta's tokeniser and English syntax tagger, with idner-news-2k
# train tagged by the Indonesian one); the same data gives the same bytes.
SHARED ?= ../shared/data
NER_TRAIN = $(SHARED)/idner-news-2k/train.txt $(SHARED)/indonlu-nergrit_ner-grit/train_preprocess.txt
NER_TRAIN_EN = $(SHARED)/uner-en-ewt/dev.iob2
NER_TRAIN_EN_ID = $(SHARED)/idner-news-2k/train.txt
model: build
	@$(BUILD)/warta_train_ner --data data --out data/entities/ner_model.tsv $(NER_TRAIN)
	@$(BUILD)/warta_train_ner --data data --lang en --out data/entities/ner_model_en.tsv $(NER_TRAIN_EN) \
	  --id $(NER_TRAIN_EN_ID)

# Retrains the syntax models (data/syntax/<lang>.model, the Indonesian
# per-style models id_<style>.model, and the learned lemma lexicons
# <lang>_lemmas.tsv) from the UD train and dev splits in ../shared/data; the
# same data gives the same bytes. `make syntax-model-check` trains into a
# temporary directory and compares with the committed files.
UD = $(SHARED)/ud-treebanks
SYNTAX_OUT ?= data/syntax
SYNTAX_FLAGS = --tagger-epochs 8 --parser-epochs 12 --min-count 3 --jackknife 4
syntax-model: build
	@$(BUILD)/warta_train_syntax --lang id --out $(SYNTAX_OUT)/id.model $(SYNTAX_FLAGS) \
	  --lemmas $(SYNTAX_OUT)/id_lemmas.tsv --morphology data/syntax/id_morphology.tsv \
	  --style csui $(UD)/id_csui/train.conllu --style gsd21 $(UD)/id_gsd-2.1/train.conllu \
	  --style gsd25 $(UD)/id_gsd-2025/dev.conllu
	@$(BUILD)/warta_train_syntax --lang en --out $(SYNTAX_OUT)/en.model $(SYNTAX_FLAGS) \
	  --lemmas $(SYNTAX_OUT)/en_lemmas.tsv --morphology data/syntax/en_morphology.tsv \
	  --dev $(UD)/en_ewt/dev.conllu $(UD)/en_ewt/train.conllu
syntax-model-check: build
	@scripts/check-syntax-model $(BUILD)

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
