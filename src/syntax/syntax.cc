#include "syntax/syntax.h"

#include <zstd.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>

#include "syntax/word_features.h"
#include "text/segment.h"

namespace warta {

namespace {

constexpr std::string_view kMagic = "WARTA-SYNTAX 1\n";
static_assert(std::endian::native == std::endian::little, "the model format is little-endian");

void PutString(std::string* out, std::string_view s) {
  uint32_t n = static_cast<uint32_t>(s.size());
  out->append(reinterpret_cast<const char*>(&n), 4);
  out->append(s);
}

bool GetString(std::string_view data, size_t* pos, std::string* s);

// A count written as decimal digits by Save.
bool GetCount(std::string_view data, size_t* pos, size_t* n) {
  std::string s;
  if (!GetString(data, pos, &s) || s.empty() || s.size() > 9) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *n);
  return ec == std::errc() && p == s.data() + s.size();
}

bool GetString(std::string_view data, size_t* pos, std::string* s) {
  uint32_t n = 0;
  if (*pos > data.size() || data.size() - *pos < 4) return false;
  std::memcpy(&n, data.data() + *pos, 4);
  *pos += 4;
  if (data.size() - *pos < n || n > (1u << 20)) return false;
  s->assign(data.substr(*pos, n));
  *pos += n;
  return true;
}

}  // namespace

SyntaxModel::SyntaxModel(std::string lang, std::string style, Tagger tagger, Parser parser,
                         std::map<std::string, HiddenWord> hidden)
    : lang_(std::move(lang)), style_(std::move(style)), tagger_(std::move(tagger)), parser_(std::move(parser)) {
  for (auto& [k, v] : hidden) hidden_.emplace(k, v);
}

std::string SyntaxModel::Save() const {
  std::string raw(kMagic);
  PutString(&raw, lang_);
  PutString(&raw, style_);
  const auto& labels = parser_.labels();
  PutString(&raw, std::to_string(labels.size()));
  for (const std::string& l : labels) PutString(&raw, l);
  PutString(&raw, std::to_string(hidden_.size()));
  for (const auto& [form, h] : hidden_) {
    PutString(&raw, form);
    PutString(&raw, UposName(h.upos));
    PutString(&raw, h.deprel);
    PutString(&raw, h.to_host ? "host" : "host-head");
  }
  tagger_.model().AppendTo(&raw);
  parser_.model().AppendTo(&raw);
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), 19);
  if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(n));
  out.resize(n);
  return out;
}

Result<SyntaxModel> SyntaxModel::Load(std::string_view bytes, std::string_view name) {
  auto bad = [&](const std::string& what) {
    return Status::Error(Status::Code::kInvalidInput, std::string(name) + ": " + what);
  };
  unsigned long long size = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31))
    return bad("not a zstd-compressed syntax model");
  std::string raw(static_cast<size_t>(size), '\0');
  size_t n = ZSTD_decompress(raw.data(), raw.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(n) || n != raw.size()) return bad("corrupt model (zstd)");
  if (raw.compare(0, kMagic.size(), kMagic) != 0) return bad("not a warta syntax model (version 1)");
  size_t pos = kMagic.size();
  std::string lang, style;
  size_t count = 0;
  if (!GetString(raw, &pos, &lang) || !GetString(raw, &pos, &style) || !GetCount(raw, &pos, &count) || count > 4096)
    return bad("truncated header");
  std::vector<std::string> labels(count);
  for (auto& l : labels)
    if (!GetString(raw, &pos, &l)) return bad("truncated labels");
  if (!GetCount(raw, &pos, &count)) return bad("truncated hidden words");
  std::map<std::string, HiddenWord> hidden;
  for (size_t i = 0; i < count; ++i) {
    std::string form, upos, deprel, attach;
    if (!GetString(raw, &pos, &form) || !GetString(raw, &pos, &upos) || !GetString(raw, &pos, &deprel) ||
        !GetString(raw, &pos, &attach))
      return bad("truncated hidden words");
    hidden[form] = HiddenWord{ParseUpos(upos).value_or(Upos::kX), deprel, attach == "host"};
  }
  auto tagger = LinearModel::ReadFrom(raw, &pos, name);
  if (!tagger.ok()) return tagger.status();
  auto parser = LinearModel::ReadFrom(raw, &pos, name);
  if (!parser.ok()) return parser.status();
  if (pos != raw.size()) return bad("trailing bytes");
  if (tagger.value().classes() != kUposCount || parser.value().classes() != 2 + 2 * labels.size())
    return bad("class counts do not match the labels");
  return SyntaxModel(lang, style, Tagger(std::move(tagger).value()), Parser(std::move(parser).value(), labels),
                     std::move(hidden));
}

const HiddenWord* SyntaxModel::Hidden(std::string_view folded) const {
  auto it = hidden_.find(folded);
  return it == hidden_.end() ? nullptr : &it->second;
}

void SyntaxModel::Annotate(std::string_view text, std::vector<Token>* tokens, bool parse) const {
  Run(text, tokens, /*tag=*/true, parse);
}

void SyntaxModel::ParseTagged(std::string_view text, std::vector<Token>* tokens) const {
  Run(text, tokens, /*tag=*/false, /*parse=*/true);
}

void SyntaxModel::Run(std::string_view text, std::vector<Token>* tokens, bool tag, bool parse) const {
  // A sentence longer than the segmenter makes (a CoNLL-U file may hold one)
  // is parsed in pieces of kMaxSentenceTokens: the cost stays linear, and each
  // later piece's root hangs from the first piece's as parataxis. Heads past
  // 65,535 cannot be written; such tokens are tagged only.
  constexpr size_t kPiece = kMaxSentenceTokens;
  int first_root = 0;
  for (size_t begin = 0; begin < tokens->size(); begin += kPiece) {
    size_t end = std::min(tokens->size(), begin + kPiece);
    std::vector<std::string_view> surface, folded;
    for (size_t i = begin; i < end; ++i) {
      const Token& t = (*tokens)[i];
      surface.push_back(text.substr(t.span.start, t.span.end - t.span.start));
      folded.push_back(t.folded);
    }
    std::vector<WordInfo> words = DescribeWords(surface, folded);
    std::vector<Upos> tags;
    if (tag) {
      tags = tagger_.Tag(words);
      for (size_t i = begin; i < end; ++i) (*tokens)[i].upos = tags[i - begin];
    } else {
      for (size_t i = begin; i < end; ++i) tags.push_back((*tokens)[i].upos);
    }
    if (!parse || end > 65535) continue;
    ParseResult tree = parser_.Parse(words, tags);
    for (size_t i = begin; i < end; ++i) {
      Token& t = (*tokens)[i];
      int local = tree.heads[i - begin];
      t.deprel = parser_.labels()[static_cast<size_t>(tree.labels[i - begin])];
      if (local != 0) {
        t.head = static_cast<uint16_t>(local + static_cast<int>(begin));
      } else if (first_root == 0) {
        t.head = 0;
        first_root = static_cast<int>(i) + 1;
      } else {
        t.head = static_cast<uint16_t>(first_root);
        t.deprel = "parataxis";
      }
    }
  }
}

void Syntax::Add(SyntaxModel model, Lemmatizer lemmatizer) {
  std::string lang = model.lang();
  languages_.insert_or_assign(lang, Language{std::move(model), std::move(lemmatizer)});
}

void Syntax::ParseTagged(std::string_view lang, std::string_view text, std::vector<Token>* tokens) const {
  auto it = languages_.find(lang);
  if (it != languages_.end()) it->second.model.ParseTagged(text, tokens);
}

const SyntaxModel* Syntax::Model(std::string_view lang) const {
  auto it = languages_.find(lang);
  return it == languages_.end() ? nullptr : &it->second.model;
}

const Lemmatizer* Syntax::LemmatizerFor(std::string_view lang) const {
  auto it = languages_.find(lang);
  return it == languages_.end() ? nullptr : &it->second.lemmatizer;
}

void Syntax::Annotate(std::string_view lang, std::string_view text, std::vector<Token>* tokens, bool parse) const {
  auto it = languages_.find(lang);
  if (it == languages_.end()) return;
  it->second.model.Annotate(text, tokens, parse);
  for (Token& t : *tokens) {
    LemmaAnalysis a = it->second.lemmatizer.Analyze(t.folded, t.upos);
    t.lemma = std::move(a.lemma);
    t.voice = a.voice;
  }
}

}  // namespace warta
