#include "syntax/tagger.h"

#include <algorithm>
#include <random>

#include "syntax/shuffle.h"

namespace warta {

namespace {
enum : uint64_t {
  kBias = 1, kWord, kSuffix, kPrefix, kShape, kPrevWord, kNextWord, kPrev2Word, kNext2Word, kPrevSuffix,
  kNextSuffix, kPrevTag, kPrevTags, kPrevTagWord, kFlags, kWordNext, kPrevShape, kNextShape, kNextSuffix2,
};
}  // namespace

void TaggerFeatures(const std::vector<WordInfo>& w, size_t i, Upos prev, Upos prev2, std::vector<uint64_t>* out) {
  out->clear();
  const WordInfo& x = w[i];
  auto at = [&](long j) -> const WordInfo* {
    return j < 0 || j >= static_cast<long>(w.size()) ? nullptr : &w[static_cast<size_t>(j)];
  };
  long li = static_cast<long>(i);
  auto form = [&](long j) { const WordInfo* p = at(j); return p ? p->form : kNoWord; };
  auto suffix = [&](long j, int n) { const WordInfo* p = at(j); return p ? p->suffix[n] : kNoWord; };
  auto shape = [&](long j) { const WordInfo* p = at(j); return p ? p->shape : kNoWord; };
  uint64_t p1 = static_cast<uint64_t>(prev), p2 = static_cast<uint64_t>(prev2);
  out->push_back(FeatureKey(kBias, 0));
  out->push_back(FeatureKey(kWord, x.form));
  for (uint64_t n = 0; n < 4; ++n) {
    if (x.suffix[n]) out->push_back(FeatureKey(kSuffix, n, x.suffix[n]));
    if (x.prefix[n]) out->push_back(FeatureKey(kPrefix, n, x.prefix[n]));
  }
  out->push_back(FeatureKey(kShape, x.shape));
  out->push_back(FeatureKey(kPrevWord, form(li - 1)));
  out->push_back(FeatureKey(kNextWord, form(li + 1)));
  out->push_back(FeatureKey(kPrev2Word, form(li - 2)));
  out->push_back(FeatureKey(kNext2Word, form(li + 2)));
  out->push_back(FeatureKey(kPrevSuffix, suffix(li - 1, 2)));
  out->push_back(FeatureKey(kNextSuffix, suffix(li + 1, 2)));
  out->push_back(FeatureKey(kNextSuffix2, suffix(li + 1, 0)));
  out->push_back(FeatureKey(kPrevTag, p1));
  out->push_back(FeatureKey(kPrevTags, p1, p2));
  out->push_back(FeatureKey(kPrevTagWord, p1, x.form));
  out->push_back(FeatureKey(kFlags, x.flags, i == 0));
  out->push_back(FeatureKey(kWordNext, x.form, form(li + 1)));
  out->push_back(FeatureKey(kPrevShape, shape(li - 1), x.shape));
  out->push_back(FeatureKey(kNextShape, shape(li + 1)));
}

std::vector<Upos> Tagger::Tag(const std::vector<WordInfo>& words) const {
  std::vector<Upos> tags(words.size(), Upos::kX);
  std::vector<uint64_t> f;
  int32_t scores[(kUposCount + 15) / 16 * 16];
  for (size_t i = 0; i < words.size(); ++i) {
    TaggerFeatures(words, i, i > 0 ? tags[i - 1] : Upos::kX, i > 1 ? tags[i - 2] : Upos::kX, &f);
    std::fill(std::begin(scores), std::end(scores), 0);
    model_.Score(f.data(), f.size(), scores);
    size_t best = 1;  // never X unless it scores best among the real tags
    for (size_t c = 0; c < kUposCount; ++c)
      if (scores[c] > scores[best]) best = c;
    tags[i] = static_cast<Upos>(best);
  }
  return tags;
}

std::vector<Tagger> TrainTagger(const std::vector<TaggerExample>& examples, int epochs, uint64_t seed, int styles) {
  PerceptronTrainer trainer(kUposCount);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> f;
  std::vector<double> scores;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    Shuffle(&order, &rng);
    for (size_t k : order) {
      const TaggerExample& ex = examples[k];
      Upos p1 = Upos::kX, p2 = Upos::kX;
      for (size_t i = 0; i < ex.words.size(); ++i) {
        TaggerFeatures(ex.words, i, p1, p2, &f);
        AddStyleKeys(&f, ex.style);
        trainer.Score(f, &scores);
        size_t guess = 1;
        for (size_t c = 0; c < kUposCount; ++c)
          if (scores[c] > scores[guess]) guess = c;
        trainer.Update(f, static_cast<size_t>(ex.tags[i]), guess);
        p2 = p1;
        p1 = static_cast<Upos>(guess);  // the tagger sees its own guesses, as when it runs
      }
    }
  }
  std::vector<Tagger> out;
  if (styles <= 0) out.emplace_back(trainer.Average(1));
  for (int s = 0; s < styles; ++s) out.emplace_back(trainer.Average(1, s));
  return out;
}

}  // namespace warta
