#include "text/segment.h"

#include <algorithm>

#include "util/strings.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace warta {

Result<Abbreviations> Abbreviations::FromTsv(std::string_view tsv, std::string_view name) {
  Abbreviations a;
  Status s = ForEachTsvRow(tsv, name, 2, "ABBREVIATION<TAB>KIND", [&](const auto& cols) -> std::string {
    std::string_view w = Trim(cols[0]);
    if (cols[1] == "opener") {
      if (w.empty() || w.find('.') != std::string_view::npos) return "an opener is a word without '.'";
      a.openers_.insert(FoldCase(w));
      return "";
    }
    if (w.size() < 2 || w.back() != '.') return "abbreviation must end with '.'";
    static const std::unordered_map<std::string_view, Kind> kKinds = {
        {"inner", Kind::kInner}, {"final", Kind::kFinal}, {"name", Kind::kName}};
    auto k = kKinds.find(cols[1]);
    if (k == kKinds.end()) return "KIND must be inner, final, name or opener";
    a.map_[FoldCase(w.substr(0, w.size() - 1))] = k->second;
    return "";
  });
  if (!s.ok()) return s;
  if (a.map_.empty()) return Status::Error(Status::Code::kInvalidInput, std::string(name) + ": empty");
  return a;
}

Abbreviations::Kind Abbreviations::Lookup(std::string_view word) const {
  if (word.empty() || word.size() > 12) return Kind::kNone;
  auto it = map_.find(FoldCase(word));
  return it == map_.end() ? Kind::kNone : it->second;
}

bool Abbreviations::Opens(std::string_view word) const { return openers_.count(FoldCase(word)) > 0; }

namespace {

bool IsTerminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
bool IsCloser(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB;
}
bool IsOpener(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB || c == '-' ||
         c == 0x2014 || c == 0x2013;
}
bool IsWordChar(char32_t c) { return IsLetter(c) || IsDigit(c) || c == '_'; }

// What the segmenter fills in a token's row: its span and its folded form,
// folded here once for every later stage.
void FillRow(std::string_view text, Span span, Token* row) {
  row->span = span;
  row->folded = FoldCase(text.substr(span.start, span.end - span.start));
}

// The word (letters, digits, inner dots) ending at text[end) before a '.',
// at most its last 64 bytes: abbreviations are short, and a bound keeps a long
// run of "a.a.a.a..." linear.
std::string_view WordBefore(std::string_view text, size_t begin, size_t end) {
  size_t b = end;
  while (b > begin && end - b < 64) {
    size_t p = PrevCodePointStart(text, b);
    size_t q = p;
    char32_t c = NextCodePoint(text, &q);
    if (!(IsWordChar(c) || c == '.')) break;
    b = p;
  }
  return text.substr(b, end - b);
}

// Is text[at...] a lower-case abbreviation such as "dr." that may open a sentence?
bool StartsWithAbbreviation(std::string_view text, size_t at, size_t end, const Abbreviations& abbr) {
  size_t e = at;
  while (e < end && e - at < 12 && IsLetter(static_cast<unsigned char>(text[e]))) ++e;
  return e < end && text[e] == '.' && abbr.Lookup(text.substr(at, e - at)) == Abbreviations::Kind::kInner;
}

// Does the '.' at text[dot] end a sentence, given the word that follows at text[next_at]?
bool DotEnds(std::string_view text, size_t begin, size_t dot, size_t next_at, size_t end, const Abbreviations& abbr) {
  size_t after = next_at;
  const char32_t next = NextCodePoint(text, &after);
  std::string_view word = WordBefore(text, begin, dot);
  if (word.empty()) return true;
  size_t i = 0;
  char32_t first = NextCodePoint(word, &i);
  if (i == word.size() && IsUpper(first)) return false;  // an initial: "H. Ahmad"
  switch (abbr.Lookup(word)) {
    case Abbreviations::Kind::kInner: return false;
    case Abbreviations::Kind::kFinal: return IsUpper(next);
    case Abbreviations::Kind::kName: {
      // "U.S. Secretary of State …" goes on; "… on the U.S. The talks …" ends.
      size_t e = next_at;
      while (e < end && e - next_at < 24 && IsLetter(static_cast<unsigned char>(text[e]))) ++e;
      return IsUpper(next) && abbr.Opens(text.substr(next_at, e - next_at));
    }
    case Abbreviations::Kind::kNone: break;
  }
  // "U.S" style words with inner dots are abbreviations unless a capital follows.
  if (word.find('.') != std::string_view::npos && !IsDigit(first)) return IsUpper(next);
  return true;
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text, Span paragraph, const Abbreviations& abbr) {
  std::vector<Sentence> out;
  size_t start = paragraph.start, i = paragraph.start, end = paragraph.end;
  auto emit = [&](size_t s, size_t e) {
    size_t b, f;
    TrimBounds(text.substr(s, e - s), &b, &f);
    if (f <= b) return;
    std::vector<Span> tokens = Tokenize(text, Span{s + b, s + f}, abbr);
    // Bound: no sentence longer than kMaxSentenceTokens. Text without
    // sentence ends (a table, a crawl of a whole site on one line) is cut into
    // pieces, so that every later stage's work per sentence stays bounded.
    for (size_t from = 0; from < tokens.size(); from += kMaxSentenceTokens) {
      size_t to = std::min(tokens.size(), from + kMaxSentenceTokens);
      Sentence sentence;
      sentence.span = tokens.size() <= kMaxSentenceTokens ? Span{s + b, s + f}
                                                          : Span{tokens[from].start, tokens[to - 1].end};
      sentence.tokens.resize(to - from);
      for (size_t i = from; i < to; ++i) FillRow(text, tokens[i], &sentence.tokens[i - from]);
      out.push_back(std::move(sentence));
    }
  };
  while (i < end) {
    size_t at = i;
    char32_t c = NextCodePoint(text, &i);
    if (!IsTerminal(c)) continue;
    // Take the whole run of terminal marks and closing quotes/brackets.
    size_t j = i;
    while (j < end) {
      size_t k = j;
      char32_t d = NextCodePoint(text, &k);
      if (!IsTerminal(d) && !IsCloser(d)) break;
      j = k;
    }
    // A sentence ends only before whitespace followed by a plausible start.
    size_t k = j;
    bool space = false;
    while (k < end) {
      size_t m = k;
      if (!IsSpace(NextCodePoint(text, &m))) break;
      k = m;
      space = true;
    }
    if (k >= end) break;
    if (!space) {
      i = j;
      continue;
    }
    size_t m = k;
    char32_t next = NextCodePoint(text, &m);
    bool plausible = IsUpper(next) || IsDigit(next) || IsOpener(next) || !IsLetter(next) ||
                     StartsWithAbbreviation(text, k, end, abbr);  // "dr. Andi ..." starts lower-case
    if (plausible && c == '.' && j == i) plausible = DotEnds(text, paragraph.start, at, k, end, abbr);
    if (plausible && c == '.' && j > i) {
      // "U.S." + closing quote etc.: judge by the dot's word too.
      plausible = DotEnds(text, paragraph.start, at, k, end, abbr) || IsCloser(NextCodePoint(text, &at));
    }
    if (plausible) {
      emit(start, j);
      start = k;
    }
    i = j;
  }
  emit(start, end);
  return out;
}

std::vector<Span> Tokenize(std::string_view text, Span span, const Abbreviations& abbr) {
  std::vector<Span> out;
  size_t i = span.start;
  while (i < span.end) {
    size_t at = i;
    char32_t c = NextCodePoint(text, &i);
    if (IsSpace(c)) continue;
    if (!IsWordChar(c)) {
      out.push_back({at, i});
      continue;
    }
    // A word: word characters, joined by single - ' ’ . , when a word character follows
    // (so "3,5" and "U.S" stay whole but "kata," does not).
    size_t e = i;
    // The scan stops once the word is longer than kMaxTokenLength (it is cut
    // below): a megabyte-long word is scanned once, not once per piece.
    while (e < span.end && e - at <= kMaxTokenLength) {
      size_t k = e;
      char32_t d = NextCodePoint(text, &k);
      if (IsWordChar(d) || IsMark(d)) {
        e = k;
        continue;
      }
      if ((d == '-' || d == '\'' || d == 0x2019 || d == '.' || d == ',') && k < span.end) {
        size_t q = k;
        char32_t after = NextCodePoint(text, &q);
        bool joins = IsWordChar(after) && (d != ',' || (IsDigit(after) && IsDigit(text[e - 1])));
        // The English possessive is a token of its own: "Ukraine's" → "Ukraine" "'s",
        // so "Ukraine" is a name the dictionaries and the tagger know.
        if (joins && (d == '\'' || d == 0x2019) && (after == 's' || after == 'S')) {
          size_t r = q;
          bool ends = r >= span.end || !IsWordChar(NextCodePoint(text, &r));
          if (ends) joins = false;
        }
        if (joins) {
          e = q;
          continue;
        }
      }
      break;
    }
    // Bound: a "word" longer than kMaxTokenLength (a hash, base64, a run of
    // letters) is cut into pieces at code-point boundaries.
    if (e - at > kMaxTokenLength) {
      e = at + kMaxTokenLength;
      while (e > at && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
      out.push_back({at, e});
      i = e;
      continue;
    }
    // Keep the final '.' of an abbreviation or initial with the word.
    if (e < span.end && text[e] == '.') {
      std::string_view word = text.substr(at, e - at);
      size_t p = 0;
      char32_t first = NextCodePoint(word, &p);
      bool initial = p == word.size() && IsUpper(first);
      if (initial || word.find('.') != std::string_view::npos || abbr.Lookup(word) != Abbreviations::Kind::kNone) {
        bool sentence_end = e + 1 >= span.end;  // the sentence's last '.' stays punctuation
        if (!sentence_end) ++e;
      }
    }
    out.push_back({at, e});
    i = e;
    // ... and "'s" after it is one token.
    if (i < span.end) {
      size_t k = i;
      char32_t d = NextCodePoint(text, &k);
      if ((d == '\'' || d == 0x2019) && k < span.end && (text[k] == 's' || text[k] == 'S')) {
        size_t r = k + 1;
        bool ends = r >= span.end || !IsWordChar(NextCodePoint(text, &r));
        if (ends) {
          out.push_back({i, k + 1});
          i = k + 1;
        }
      }
    }
  }
  return out;
}

std::vector<Token> TokenTable(std::string_view text, const std::vector<Span>& spans) {
  std::vector<Token> out(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) FillRow(text, spans[i], &out[i]);
  return out;
}

}  // namespace warta
