#include "text/langid.h"

#include <charconv>
#include <cmath>
#include <cstdio>  // CLD2's header needs it first
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "util/strings.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace warta {
namespace {

// CLD2's id-vs-ms preference, as word-evidence units: the difference of its
// two percentages (-1..1) times this weight joins the word sum.
constexpr double kCld2Weight = 2.0;

// When the word evidence alone decides (see Identify).
constexpr size_t kDecisiveWords = 60;
constexpr size_t kDecisiveHitPercent = 8;
constexpr double kDecisiveSum = 20.0;
constexpr size_t kDecisiveDistinct = 12;  // a few loanwords repeated in English do not decide

double Sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

Result<LanguageIdentifier> LanguageIdentifier::FromTsv(std::string_view tsv, std::string_view name) {
  LanguageIdentifier id;
  Status s = ForEachTsvRow(tsv, name, 2, "WORD<TAB>WEIGHT", [&](const auto& cols) -> std::string {
    std::string word = FoldCase(Trim(cols[0]));
    if (word.empty() || word.find(' ') != std::string::npos) return "WORD must be one token";
    double w = 0;
    auto [p, ec] = std::from_chars(cols[1].data(), cols[1].data() + cols[1].size(), w);
    if (ec != std::errc() || p != cols[1].data() + cols[1].size() || !std::isfinite(w) || std::fabs(w) > 10)
      return "WEIGHT must be a number in [-10, 10]";
    id.weights_[word] = w;
    return "";
  });
  if (!s.ok()) return s;
  if (id.weights_.empty()) return Status::Error(Status::Code::kInvalidInput, std::string(name) + ": no words");
  return id;
}

LanguageIdentifier::WordEvidence LanguageIdentifier::Evidence(std::string_view text) const {
  WordEvidence ev;
  std::unordered_set<const std::string*> seen;
  std::string word;  // the current word, lower-cased (reused: no allocation per word)
  bool ascii = true;
  auto flush = [&]() {
    while (!word.empty() && word.back() == '-') word.pop_back();
    if (!word.empty()) ++ev.words;
    if (!word.empty() && word.size() <= 24) {
      auto it = ascii ? weights_.find(word) : weights_.find(FoldCase(word));
      if (it != weights_.end()) {
        ev.sum += it->second;
        ++ev.hits;
        seen.insert(&it->first);
      }
    }
    word.clear();
    ascii = true;
  };
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {  // ASCII fast path
      ++i;
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') word.push_back(static_cast<char>(c | 0x20));
      else if (c == '-' && !word.empty()) word.push_back('-');
      else flush();
      continue;
    }
    size_t start = i;
    char32_t cp = NextCodePoint(text, &i);
    if (IsLetter(cp)) {
      word.append(text.substr(start, i - start));
      ascii = false;
    } else {
      flush();
    }
  }
  flush();
  ev.distinct = seen.size();
  return ev;
}

LanguageGuess LanguageIdentifier::Identify(std::string_view text) const {
  if (text.size() > kMaxBytes) text = text.substr(0, PrevCodePointStart(text, kMaxBytes + 1));
  // A long text dense with words only Indonesian or only Malay uses is one of
  // the two beyond doubt; CLD2 (the costliest step) is then not asked.
  WordEvidence ev = Evidence(text);
  if (ev.words >= kDecisiveWords && ev.hits * 100 >= ev.words * kDecisiveHitPercent &&
      ev.distinct >= kDecisiveDistinct && std::fabs(ev.sum) >= kDecisiveSum) {
    return LanguageGuess{ev.sum > 0 ? "id" : "ms", Sigmoid(std::fabs(ev.sum) + 1.0)};
  }
  CLD2::Language language3[3];
  int percent3[3];
  double normalized3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, 0,
                                 language3, percent3, normalized3, nullptr, &text_bytes, &reliable);
  LanguageGuess guess;
  int pid = 0, pms = 0;
  for (int k = 0; k < 3; ++k) {
    if (language3[k] == CLD2::INDONESIAN) pid += percent3[k];
    if (language3[k] == CLD2::MALAY) pms += percent3[k];
  }
  bool idms = language3[0] == CLD2::INDONESIAN || language3[0] == CLD2::MALAY || pid + pms >= 50;
  if (idms) {
    double logit = ev.sum + kCld2Weight * (pid - pms) / 100.0;
    bool indonesian = logit > 0 || (logit == 0 && pid >= pms);
    guess.code = indonesian ? "id" : "ms";
    double share = std::min(100, pid + pms + (100 - percent3[0] - percent3[1] - percent3[2])) / 100.0;
    guess.score = share * Sigmoid(std::fabs(logit) + 1.0);
    return guess;
  }
  if (language3[0] == CLD2::UNKNOWN_LANGUAGE || language3[0] == CLD2::TG_UNKNOWN_LANGUAGE) return guess;
  guess.code = CLD2::LanguageCode(language3[0]);
  guess.score = percent3[0] / 100.0 * (reliable ? 1.0 : 0.5);
  return guess;
}

}  // namespace warta
