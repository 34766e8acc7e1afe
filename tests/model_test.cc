// The committed tagger model is exactly what `make model` trains from
// ../shared/data with the committed dictionaries: a change to data/entities/
// without retraining, or a trainer that is not deterministic, fails here.
// Skips when ../shared/data is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "entities/ner_train.h"
#include "tests/run_command.h"
#include "tests/test_support.h"

namespace warta {
namespace {

using testing::ReadFile;

TEST(NerModelFile, IsWhatMakeModelTrains) {
  const std::string shared = testing::SourcePath("../shared/data/");
  std::vector<NerExample> examples;
  for (const char* file : kNerTrainFiles) {
    if (!std::filesystem::exists(shared + file)) GTEST_SKIP() << shared << file << " not found: skipped";
    auto e = NerExamplesFromConll(ReadFile(shared + file), testing::TestKnowledge().entities);
    examples.insert(examples.end(), e.begin(), e.end());
  }
  NerTrainOptions options;
  options.epochs = kNerEpochs;
  options.prune_below = kNerPrune;
  std::string trained = TrainNerModel(examples, options).ToTsv(kNerModelHeader);
  std::string committed = ReadFile(testing::SourcePath("data/entities/ner_model.tsv"));
  EXPECT_EQ(trained.size(), committed.size());
  EXPECT_TRUE(trained == committed) << "data/entities/ner_model.tsv is stale: run `make model`";
}

TEST(NerModelFile, EnglishIsWhatMakeModelTrains) {
  const std::string shared = testing::SourcePath("../shared/data/");
  const Knowledge& k = testing::TestKnowledge();
  auto annotator = [&](std::string_view lang) -> NerAnnotator {
    return [&k, lang](std::string_view text, std::vector<Token>* tokens) { k.syntax.Annotate(lang, text, tokens, false); };
  };
  std::vector<NerExample> examples;
  for (const char* file : kNerTrainFilesEn) {
    if (!std::filesystem::exists(shared + file)) GTEST_SKIP() << shared << file << " not found: skipped";
    auto e = NerExamplesFromText(ReadNerSentences(ReadFile(shared + file), true, k.abbreviations, annotator("en")),
                                 k.entities, true, kNerCandidatesOnlyEn);
    examples.insert(examples.end(), e.begin(), e.end());
  }
  for (const char* file : kNerTrainFilesEnFromId) {
    if (!std::filesystem::exists(shared + file)) GTEST_SKIP() << shared << file << " not found: skipped";
    auto e = NerExamplesFromText(ReadNerSentences(ReadFile(shared + file), false, k.abbreviations, annotator("id")),
                                 k.entities, true, kNerCandidatesOnlyEn);
    examples.insert(examples.end(), e.begin(), e.end());
  }
  NerTrainOptions options;
  options.epochs = kNerEpochsEn;
  options.prune_below = kNerPruneEn;
  std::string trained = TrainNerModel(examples, options).ToTsv(kNerModelHeaderEn);
  std::string committed = ReadFile(testing::SourcePath("data/entities/ner_model_en.tsv"));
  EXPECT_EQ(trained.size(), committed.size());
  EXPECT_TRUE(trained == committed) << "data/entities/ner_model_en.tsv is stale: run `make model`";
}

}  // namespace
}  // namespace warta
