// Sentence and token segmentation for Indonesian and English news, aware of
// abbreviations ("Jl.", "Prof.", "U.S.", "dll.") and initials ("H. Ahmad").
// Spans are byte offsets into the text the caller passes (the original text).
//
// Written here rather than taken from ICU's BreakIterator: ICU's sentence
// rules know no Indonesian abbreviations and work in UTF-16 indices; this
// segmenter works on UTF-8 offsets directly and its knowledge is a data file.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "clean/cleaner.h"
#include "text/token.h"
#include "util/status.h"

namespace warta {

class Abbreviations {
 public:
  static Result<Abbreviations> FromTsv(std::string_view tsv, std::string_view name);
  enum class Kind { kNone, kInner, kFinal, kName };
  // `word` without its final '.', any case.
  Kind Lookup(std::string_view word) const;
  // Whether `word` (any case) opens sentences ("The", "He"): after an
  // abbreviation of kind kName ("U.S.") it starts a new one.
  bool Opens(std::string_view word) const;

 private:
  std::unordered_map<std::string, Kind> map_;
  std::unordered_set<std::string> openers_;
};

// Bounds that keep every stage linear on hostile text: a sentence has at most
// kMaxSentenceTokens tokens (longer runs are cut into pieces) and a token at
// most kMaxTokenLength bytes (longer runs of word characters are cut).
inline constexpr size_t kMaxSentenceTokens = 256;
inline constexpr size_t kMaxTokenLength = 256;

struct Sentence {
  Span span;
  // The token table: span and folded form from the segmenter, the rest from
  // the syntax stage. Every later stage reads it (through a TokenView).
  std::vector<Token> tokens;
};

// Tokens [begin, end) of a token table with the text their spans index: how
// the stages after segmentation read a sentence. The surface form is the
// text at a token's span; nothing is copied, and `sub` is free.
class TokenView {
 public:
  TokenView() = default;
  TokenView(std::string_view text, std::span<const Token> tokens) : text_(text), tokens_(tokens) {}
  TokenView(std::string_view text, const Sentence& sentence) : TokenView(text, sentence.tokens) {}

  size_t size() const { return tokens_.size(); }
  bool empty() const { return tokens_.empty(); }
  const Token& operator[](size_t i) const { return tokens_[i]; }
  std::string_view surface(size_t i) const {
    const Span& s = tokens_[i].span;
    return text_.substr(s.start, s.end - s.start);
  }
  const std::string& folded(size_t i) const { return tokens_[i].folded; }
  TokenView sub(size_t begin, size_t end) const { return {text_, tokens_.subspan(begin, end - begin)}; }
  std::string_view text() const { return text_; }
  std::span<const Token>::iterator begin() const { return tokens_.begin(); }
  std::span<const Token>::iterator end() const { return tokens_.end(); }

 private:
  std::string_view text_;
  std::span<const Token> tokens_;
};

// Splits text[paragraph] into sentences (trimmed) and their token tables.
std::vector<Sentence> SplitSentences(std::string_view text, Span paragraph, const Abbreviations& abbreviations);

// Tokens of text[span]: words (with inner hyphens, apostrophes and dots, as in
// "kanak-kanak", "Jum'at", "U.S.", "3,5"), and single punctuation marks. Spans
// only, for callers that need no table (dictionary phrases, story terms).
std::vector<Span> Tokenize(std::string_view text, Span span, const Abbreviations& abbreviations);

// The token table of `spans` of `text`: each span with its folded form (what
// SplitSentences fills), for text the segmenter did not split.
std::vector<Token> TokenTable(std::string_view text, const std::vector<Span>& spans);

// Words that come without a text (a CoNLL file's sentence, a test's tokens) as
// a token table: the text is the words joined by single spaces, a row a word.
struct WordTable {
  std::string text;
  std::vector<Token> tokens;
  TokenView view() const { return {text, tokens}; }
};
template <typename Words>  // strings or string views
WordTable TableOfWords(const Words& words) {
  WordTable t;
  std::vector<Span> spans;
  for (const auto& w : words) {
    if (!spans.empty()) t.text += ' ';
    std::string_view word(w);
    spans.push_back({t.text.size(), t.text.size() + word.size()});
    t.text += word;
  }
  t.tokens = TokenTable(t.text, spans);
  return t;
}

}  // namespace warta
