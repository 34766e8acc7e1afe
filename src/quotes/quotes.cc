#include "quotes/quotes.h"

#include <algorithm>
#include <unordered_set>

#include "quotes/extractor.h"
#include "util/utf8.h"

namespace warta::quotes_internal {

namespace {

bool IsMarkText(std::string_view t) {
  if (t.empty() || t.size() > 3) return false;
  unsigned char c = static_cast<unsigned char>(t[0]);
  if (c != '"' && c != '\'' && c != '`' && c != 0xE2 && c != 0xC2) return false;  // most tokens: one test
  static const std::unordered_set<std::string_view> kMarks = {"\"", "'", "''", "``", "`", "\u201C", "\u201D",
                                                               "\u201E", "\u2018", "\u2019", "\u00AB", "\u00BB"};
  return kMarks.count(t) > 0;
}

}  // namespace

void Extractor::BuildTokens() {
  const auto& paragraphs = *in_.paragraphs;
  size_t p = 0;
  for (size_t s = 0; s < in_.sentences.size(); ++s) {
    const Sentence& sentence = in_.sentences[s];
    while (p + 1 < paragraphs.size() && paragraphs[p].end <= sentence.span.start) ++p;
    const size_t first = tokens_.size();
    for (const warta::Token& row : sentence.tokens) {
      const Span& t = row.span;
      Token tok;
      tok.span = t;
      tok.text = in_.text.substr(t.start, t.end - t.start);
      tok.paragraph = p;
      tok.sentence = s;
      tok.mark = IsMarkText(tok.text);
      tok.stop = tok.text == "." || tok.text == "!" || tok.text == "?" || tok.text == "..." || tok.text == "\u2026";
      size_t at = 0;
      char32_t c = NextCodePoint(tok.text, &at);
      tok.word = IsLetter(c) || IsDigit(c);
      tok.upper = IsUpper(c);
      tok.nominal = row.voice == Voice::kNominal;
      if (!row.deprel.empty()) {
        tok.deprel = row.deprel;
        tok.head = row.head > 0 ? static_cast<int>(first + row.head - 1) : -1;
      }
      tokens_.push_back(tok);
      folded_.push_back(row.folded);
    }
  }
  // A stop ends a sentence only where the segmenter ended one ("Rep." and
  // "(R-Fla.)" do not; "U.S." is one token anyway).
  for (size_t t = 0; t < tokens_.size(); ++t) {
    if (!tokens_[t].stop) continue;
    size_t next = t + 1;
    while (next < tokens_.size() && tokens_[next].sentence == tokens_[t].sentence && tokens_[next].mark) ++next;
    tokens_[t].stop = next >= tokens_.size() || tokens_[next].sentence != tokens_[t].sentence;
  }
  cues_.reserve(tokens_.size());
  for (size_t i = 0; i < tokens_.size(); ++i) cues_.push_back(lex_.Match(folded_, i));
  prefix_.resize(tokens_.size() + 1);
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    Prefix p = prefix_[i];
    p.words += t.word;
    p.upper += t.word && (t.upper || !IsLetter(static_cast<unsigned char>(t.text[0])));
    p.stops += t.stop;
    // Short function words ("tentang", "of", "dan") are lower case in titles.
    p.function_words += t.word && !t.upper && folded_[i].size() <= 7 && IsPreposition(i);
    prefix_[i + 1] = p;
  }
}

size_t Extractor::FirstTokenAtOrAfter(size_t byte) const {
  auto it = std::lower_bound(tokens_.begin(), tokens_.end(), byte,
                             [](const Token& t, size_t b) { return t.span.start < b; });
  return static_cast<size_t>(it - tokens_.begin());
}

void Extractor::IndexMentions() {
  mention_at_.assign(tokens_.size() + 1, -1);
  role_cover_.assign(tokens_.size() + 1, -1);
  for (size_t e = 0; e < in_.entities->size(); ++e) {
    // People of a kind ("a local farmer", "warga") are no named speaker: the
    // quote keeps their words as its mention.
    if ((*in_.entities)[e].type == "GRP") continue;
    for (const EntityMention& m : (*in_.entities)[e].mentions) {
      if (m.in_title_field) continue;
      size_t b = FirstTokenAtOrAfter(m.span.start);
      if (b >= tokens_.size() || tokens_[b].span.start != m.span.start) continue;
      size_t end = FirstTokenAtOrAfter(m.span.end);
      mentions_.push_back({static_cast<int>(e), b, end, m.span, m.role, false});
    }
  }
  std::sort(mentions_.begin(), mentions_.end(), [](const MentionRef& a, const MentionRef& b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end > b.end);
  });
  for (size_t i = 0; i < mentions_.size(); ++i) {
    MentionRef& m = mentions_[i];
    if (mention_at_[m.begin] < 0) mention_at_[m.begin] = static_cast<int>(i);
    // "The United States and Japan said …": a reporting word inside a name ("States") is no cue.
    for (size_t t = m.begin + 1; t < m.end && t < cues_.size(); ++t)
      if (cues_[t].type == CueType::kVerb || cues_[t].type == CueType::kStance || cues_[t].type == CueType::kParticiple)
        cues_[t] = CueMatch{};
    const Entity& e = (*in_.entities)[m.entity];
    if (e.type == "PER" && m.role.end > m.role.start)
      for (size_t t = FirstTokenAtOrAfter(m.role.start); t < m.begin; ++t) role_cover_[t] = static_cast<int>(i);
    // Who the sentence is about: a name opening its clause, or one right
    // before a reporting verb, not the object of a preposition or a verb.
    size_t first = m.role.end > m.role.start ? FirstTokenAtOrAfter(m.role.start) : m.begin;
    bool opens = first == 0 || tokens_[first - 1].sentence != tokens_[first].sentence ||
                 tokens_[first - 1].text == "," || tokens_[first - 1].mark;
    if (!opens && first >= 1) {
      // "Namun Xi", "Sementara itu, Xi": a short lead-in of lower-case words.
      size_t j = first;
      while (j > 0 && first - j < 3 && tokens_[j - 1].sentence == tokens_[first].sentence && !tokens_[j - 1].upper &&
             tokens_[j - 1].word && !IsPreposition(j - 1) && !IsCue(CueAt(j - 1)))
        --j;
      opens = j != first && (j == 0 || tokens_[j - 1].sentence != tokens_[first].sentence || tokens_[j - 1].text == ",");
    }
    CueMatch next = CueAt(m.end);
    m.subject = opens || next.type == CueType::kVerb || next.type == CueType::kStance;
    if (first > 0 && (IsPreposition(first - 1))) m.subject = false;
  }
  // One subject per sentence: the first. A later name after a comma is an
  // apposition or an object ("Illston menegur pengacara AS, Elizabeth
  // Hedges, ..."), and a sentence opened by a pronoun ("Ia juga menyoroti
  // Hedges") is still about the person before — unless a reporting verb
  // follows the name ("..., Liu mengatakan").
  size_t sentence = static_cast<size_t>(-1);
  bool taken = false;
  size_t t = 0;
  for (MentionRef& m : mentions_) {
    if (tokens_[m.begin].sentence != sentence) {
      sentence = tokens_[m.begin].sentence;
      taken = false;
      t = m.begin;
      while (t > 0 && tokens_[t - 1].sentence == sentence) --t;
      for (size_t u = t; u < m.begin && !taken; ++u) taken = CueAt(u).type == CueType::kPronoun && tokens_[u].segment < 0;
    }
    if (tokens_[m.begin].segment >= 0) continue;
    CueMatch next = CueAt(m.end);
    bool speaks = next.type == CueType::kVerb || next.type == CueType::kStance;
    if (taken && !speaks) m.subject = false;
    if (m.subject) taken = true;
  }
}

std::vector<Quote> Extractor::Run() {
  BuildTokens();
  if (tokens_.empty()) return {};
  IndexMentions();
  std::vector<QuotedSegment> segments = FindQuotedSegments(in_.text, *in_.paragraphs);
  Direct(segments);
  Indirect();
  Resolve();
  // Continuations take their neighbour's speaker (who may come later in the text).
  std::vector<size_t> at(items_.size());
  for (size_t i = 0; i < items_.size(); ++i) at[items_[i].id] = i;
  for (Item& item : items_) {
    if (item.inherit < 0) continue;
    const Item& from = items_[at[static_cast<size_t>(item.inherit)]];
    item.quote.speaker_entity = from.quote.speaker_entity;
    item.quote.speaker_role = from.quote.speaker_role;
    if (item.shares_cue) {
      item.quote.speaker_mention = from.quote.speaker_mention;
      item.quote.cue = from.quote.cue;
    }
    item.resolved = true;
  }
  return Finish();
}

}  // namespace warta::quotes_internal

namespace warta {

std::vector<Quote> ExtractQuotes(const QuoteInput& input, const EntityKnowledge& k, const QuoteLexicon& lexicon) {
  quotes_internal::Extractor x(input, k, lexicon);
  return x.Run();
}

const Quote* QuoteAt(const std::vector<Quote>& quotes, size_t byte, bool direct_only) {
  // A byte lies in one of the last few quotes starting at or before it (they do not nest deeply).
  auto it = std::upper_bound(quotes.begin(), quotes.end(), byte, [](size_t b, const Quote& q) { return b < q.span.start; });
  for (int back = 0; it != quotes.begin() && back < 3; ++back) {
    --it;
    if (direct_only && it->kind != Quote::Kind::kDirect) continue;
    if (it->span.start <= byte && byte < it->span.end) return &*it;
  }
  return nullptr;
}

}  // namespace warta
