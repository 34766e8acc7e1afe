#include "entities/ner_train.h"

#include "entities/conll.h"
#include "entities/recognizer.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>

namespace warta {

namespace {

// SplitMix64: a fixed PRNG, so the shuffle is the same everywhere (the
// standard library's distributions are not).
struct SplitMix64 {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
};

// Weights with lazy averaging: `total` accumulates w × time, `stamp` is when
// w last changed.
struct AveragedRow {
  NerModel::Weights w{}, total{};
  std::array<uint64_t, kNerLabelCount> stamp{};
  void Add(int label, float delta, uint64_t now) {
    total[label] += w[label] * static_cast<float>(now - stamp[label]);
    stamp[label] = now;
    w[label] += delta;
  }
  float Average(int label, uint64_t now) const {
    float t = total[label] + w[label] * static_cast<float>(now - stamp[label]);
    return now ? t / static_cast<float>(now) : 0.0f;
  }
};

}  // namespace

NerModel TrainNerModel(const std::vector<NerExample>& examples, const NerTrainOptions& options) {
  NerModel current;  // the weights the decoder uses while training
  std::unordered_map<uint64_t, AveragedRow> rows;
  std::array<AveragedRow, kNerLabelCount + 1> trans;
  uint64_t now = 0;
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  SplitMix64 rng{options.shuffle_seed};

  auto update = [&](const NerExample& ex, const std::vector<int>& guess) {
    for (size_t i = 0; i < ex.labels.size(); ++i) {
      int gold = ex.labels[i], got = guess[i];
      int gold_prev = i ? ex.labels[i - 1] : -1, got_prev = i ? guess[i - 1] : -1;
      if (gold != got) {
        for (uint64_t f : ex.features[i]) {
          AveragedRow& r = rows[f];
          r.Add(gold, 1, now);
          r.Add(got, -1, now);
          auto& cw = current.FeatureWeights(f);
          cw[gold] = r.w[gold];
          cw[got] = r.w[got];
        }
      }
      if (gold != got || gold_prev != got_prev) {
        trans[gold_prev + 1].Add(gold, 1, now);
        trans[got_prev + 1].Add(got, -1, now);
        current.TransitionWeights(gold_prev)[gold] = trans[gold_prev + 1].w[gold];
        current.TransitionWeights(got_prev)[got] = trans[got_prev + 1].w[got];
      }
    }
  };

  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Next() % i]);
    size_t correct = 0, total = 0;
    for (size_t idx : order) {
      const NerExample& ex = examples[idx];
      ++now;
      std::vector<int> guess = ex.candidates.empty() ? current.Decode(ex.features) : current.Decode(ex.features, ex.candidates);
      for (size_t i = 0; i < guess.size(); ++i) correct += guess[i] == ex.labels[i];
      total += guess.size();
      if (guess != ex.labels) update(ex, guess);
    }
    if (options.on_epoch) options.on_epoch(epoch + 1, total ? static_cast<double>(correct) / total : 0.0);
  }

  NerModel averaged;
  // Insert in key order so the model (and its file) does not depend on hash-map order.
  std::vector<uint64_t> keys;
  keys.reserve(rows.size());
  for (const auto& [f, r] : rows) keys.push_back(f);
  std::sort(keys.begin(), keys.end());
  for (uint64_t f : keys) {
    auto& w = averaged.FeatureWeights(f);
    for (int l = 0; l < kNerLabelCount; ++l) w[l] = rows[f].Average(l, now);
  }
  for (int p = -1; p < kNerLabelCount; ++p)
    for (int l = 0; l < kNerLabelCount; ++l) averaged.TransitionWeights(p)[l] = trans[p + 1].Average(l, now);
  if (options.prune_below > 0) averaged.Prune(options.prune_below);
  return averaged;
}

const char kNerModelHeader[] =
    "# The name tagger's model: a structured perceptron over BIO labels (O B-PER I-PER B-LOC I-LOC\n"
    "# B-ORG I-ORG), written by tools/train_ner.cc (`make model`). Do not edit by hand.\n"
    "# Format: T<TAB>PREV<TAB>WEIGHTS (transitions, PREV -1 = sentence start) and\n"
    "# F<TAB>FEATURE-HASH<TAB>WEIGHTS; WEIGHTS are LABEL:WEIGHT pairs (thousandths), or 0.\n";

const char kNerModelHeaderEn[] =
    "# The English name tagger's model: a structured perceptron over BIO labels (O B-PER I-PER B-LOC\n"
    "# I-LOC B-ORG I-ORG) with the syntax feature set (part of speech), written by tools/train_ner.cc\n"
    "# (`make model`) from Universal NER English-EWT dev and idner-news-2k train. Do not edit by hand.\n"
    "# Format: T<TAB>PREV<TAB>WEIGHTS (transitions, PREV -1 = sentence start) and\n"
    "# F<TAB>FEATURE-HASH<TAB>WEIGHTS; WEIGHTS are LABEL:WEIGHT pairs (thousandths), or 0.\n";

NerTextSentence PrepareNerSentence(const ConllSentence& s, const Abbreviations& abbreviations,
                                   const NerAnnotator& annotate) {
  NerTextSentence out;
  std::vector<Span> at;
  if (!s.text.empty()) at = AlignTokens(s.text, s.tokens);
  if (!at.empty()) {
    out.text = s.text;
  } else {
    WordTable table = TableOfWords(s.tokens);
    out.text = std::move(table.text);
    for (const Token& t : table.tokens) at.push_back(t.span);
  }
  std::vector<int> labels;
  for (const auto& t : s.tags) labels.push_back(ParseNerLabel(t));
  for (const NerSpan& g : LabelsToSpans(labels))
    out.gold.push_back({Span{at[g.begin].start, at[g.end - 1].end}, g.type});
  out.sentences = SplitSentences(out.text, Span{0, out.text.size()}, abbreviations);
  if (annotate)
    for (Sentence& x : out.sentences) annotate(out.text, &x.tokens);
  return out;
}

std::vector<int> ProjectNerLabels(const TokenView& tokens, const std::vector<NerGoldName>& gold) {
  std::vector<int> labels(tokens.size(), kO);
  for (const NerGoldName& g : gold) {
    int b = g.type == "PER" ? kBPer : g.type == "LOC" ? kBLoc : g.type == "ORG" ? kBOrg : kO;
    if (b == kO) continue;
    bool first = true;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Span& t = tokens[i].span;
      if (t.end <= g.span.start || t.start >= g.span.end) continue;
      labels[i] = first ? b : b + 1;
      first = false;
    }
  }
  return labels;
}

std::vector<NerExample> NerExamplesFromText(const std::vector<NerTextSentence>& sentences, const EntityKnowledge& k,
                                            bool syntax, bool candidates_only) {
  std::vector<NerExample> examples;
  for (const NerTextSentence& s : sentences) {
    for (const Sentence& x : s.sentences) {
      const TokenView tokens(s.text, x);
      if (tokens.empty()) continue;
      NerExample ex;
      ex.labels = ProjectNerLabels(tokens, s.gold);
      const std::vector<DictionaryMatch> matches = MatchDictionary(tokens, k);
      if (candidates_only) {
        ex.candidates = NameCandidates(tokens, matches, k);
        // A name the tagger never sees (written in lower case, or one the
        // dictionaries settle) is not its to learn.
        for (size_t i = 0; i < ex.labels.size(); ++i)
          if (!ex.candidates[i]) ex.labels[i] = kO;
        for (size_t i = 0; i < ex.labels.size(); ++i)  // a name cut at its start starts where it is seen
          if (int l = ex.labels[i]; l != kO && l % 2 == 0 && (i == 0 || (ex.labels[i - 1] != l && ex.labels[i - 1] != l - 1)))
            ex.labels[i] = l - 1;
        ex.features = NerFeaturesFor(tokens, matches, k, &ex.candidates, syntax);
      } else {
        ex.features = NerFeaturesFor(tokens, matches, k, nullptr, syntax);
      }
      examples.push_back(std::move(ex));
    }
  }
  return examples;
}

void ScoreNames(const std::vector<NerTextSentence>& sentences, const EntityKnowledge& k, std::string_view lang,
                NerCounts* counts, const NerErrorSink& on_error) {
  for (const NerTextSentence& s : sentences) {
    using Key = std::tuple<size_t, size_t, std::string_view>;
    std::set<Key> gold, got;
    for (const NerGoldName& g : s.gold) gold.insert({g.span.start, g.span.end, g.type});
    for (const Sentence& x : s.sentences) {
      const TokenView tokens(s.text, x);
      for (const NameSpan& n : RecognizeNames(tokens, k, false, lang).names) {
        if (n.type != "PER" && n.type != "LOC" && n.type != "ORG") continue;
        got.insert({tokens[n.begin].span.start, tokens[n.end - 1].span.end, n.type});
      }
    }
    auto name = [&](const Key& key) {
      return std::string_view(s.text).substr(std::get<0>(key), std::get<1>(key) - std::get<0>(key));
    };
    for (const Key& g : got) {
      bool hit = gold.count(g) > 0;
      if (!hit && on_error) on_error("FP", std::get<2>(g), name(g), s.text);
      ++(*counts)[std::string(std::get<2>(g))][hit ? 0 : 1];
      ++(*counts)["all"][hit ? 0 : 1];
    }
    for (const Key& g : gold) {
      if (got.count(g)) continue;
      if (on_error) on_error("FN", std::get<2>(g), name(g), s.text);
      ++(*counts)[std::string(std::get<2>(g))][2];
      ++(*counts)["all"][2];
    }
  }
}

std::vector<NerTextSentence> ReadNerSentences(std::string_view file_text, bool iob2, const Abbreviations& abbreviations,
                                              const NerAnnotator& annotate) {
  std::vector<NerTextSentence> out;
  for (const ConllSentence& s : iob2 ? ParseIob2(file_text) : ParseConll(file_text))
    out.push_back(PrepareNerSentence(s, abbreviations, annotate));
  return out;
}

NerCounts CrossValidateNer(const std::vector<NerTextSentence>& sentences, const std::vector<NerExample>& extra,
                           const EntityKnowledge& k, int folds, const NerTrainOptions& options,
                           const NerErrorSink& on_error) {
  NerCounts counts;
  const size_t n = sentences.size();
  for (int f = 0; f < folds; ++f) {
    size_t begin = n * static_cast<size_t>(f) / static_cast<size_t>(folds);
    size_t end = n * static_cast<size_t>(f + 1) / static_cast<size_t>(folds);
    std::vector<NerTextSentence> train(sentences.begin(), sentences.begin() + static_cast<long>(begin));
    train.insert(train.end(), sentences.begin() + static_cast<long>(end), sentences.end());
    const std::vector<NerTextSentence> held(sentences.begin() + static_cast<long>(begin),
                                            sentences.begin() + static_cast<long>(end));
    EntityKnowledge fold_k = k;
    std::vector<NerExample> examples = NerExamplesFromText(train, k, true, kNerCandidatesOnlyEn);
    examples.insert(examples.end(), extra.begin(), extra.end());
    fold_k.SetModel("en", TrainNerModel(examples, options));
    ScoreNames(held, fold_k, "en", &counts, on_error);
  }
  return counts;
}

std::vector<NerExample> NerExamplesFromConll(std::string_view conll, const EntityKnowledge& k) {
  std::vector<NerExample> examples;
  for (const ConllSentence& s : ParseConll(conll)) {
    NerExample ex;
    const WordTable table = TableOfWords(s.tokens);
    ex.features = NerFeaturesFor(table.view(), k);
    for (const auto& t : s.tags) ex.labels.push_back(ParseNerLabel(t));
    for (size_t i = 0; i < ex.labels.size(); ++i) {
      int l = ex.labels[i];
      if (l != kO && l % 2 == 0 && (i == 0 || (ex.labels[i - 1] != l && ex.labels[i - 1] != l - 1)))
        ex.labels[i] = l - 1;
    }
    examples.push_back(std::move(ex));
  }
  return examples;
}

}  // namespace warta
