#include "analyze/analyzer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "clean/nfc.h"
#include "util/hash.h"
#include "util/json_writer.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {

namespace {

// Bound: the token stages (entities, quotes, events) see at most about
// kSectionBytes of text at a time. An article is one section; a record far
// longer than any article (a whole site crawled into one record) is analysed
// in sections of whole sentences, and a paragraph longer than a section is cut
// at a space first. Memory for the token stages is then O(kSectionBytes)
// whatever the record's size, and their time linear in it.
constexpr size_t kSectionBytes = size_t{1} << 20;

// `p` cut into pieces of at most about kSectionBytes, at spaces where there are any.
std::vector<Span> Pieces(std::string_view text, Span p) {
  std::vector<Span> out;
  while (p.end - p.start > kSectionBytes) {
    size_t cut = p.start + kSectionBytes;
    size_t space = cut;
    while (space > cut - 4096 && text[space] != ' ' && text[space] != '\n') --space;
    if (text[space] == ' ' || text[space] == '\n') cut = space;
    while ((static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    out.push_back({p.start, cut});
    p.start = cut;
  }
  out.push_back(p);
  return out;
}

// Where an entity is the same across sections: as the store keys actors.
std::string EntityKey(const Entity& e) { return e.kb.empty() ? e.type + "|" + e.country + "|" + e.name : "kb:" + e.kb; }

// What makes a quotation or an event a repeat within the article, as the
// quote and event stages judge it inside one section (crawler copies).
struct Seen {
  std::unordered_map<std::string, int> entities;  // entity key → index in the document's entities
  std::unordered_set<std::string> quotes;          // folded text
  // (source actor and name, target actor and name, code, negation) → index in the document's events
  std::map<std::tuple<std::string, std::string, std::string, std::string, std::string, bool>, size_t> events;
};

std::string QuoteKey(std::string_view text, Span s) {
  return FoldCase(CollapseSpace(text.substr(s.start, s.end - s.start)));
}

// Adds one section's entities, quotes and events to the document: an entity
// already found in an earlier section takes the new mentions, indexes follow;
// a quotation or an event an earlier section reported is not repeated.
void Merge(std::vector<Entity> entities, std::vector<Quote> quotes, std::vector<Event> events, Seen* seen,
           Document* doc) {
  auto* index = &seen->entities;
  std::vector<int> to(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    auto [it, added] = index->emplace(EntityKey(entities[i]), static_cast<int>(doc->entities.size()));
    to[i] = it->second;
    if (added) {
      doc->entities.push_back(std::move(entities[i]));
      doc->entities.back().id = "e" + std::to_string(doc->entities.size());
    } else {
      auto& m = doc->entities[static_cast<size_t>(it->second)].mentions;
      m.insert(m.end(), entities[i].mentions.begin(), entities[i].mentions.end());
    }
  }
  auto remap = [&](int e) { return e < 0 ? e : to[static_cast<size_t>(e)]; };
  for (Quote& q : quotes) {
    if (!seen->quotes.insert(QuoteKey(doc->original, q.span)).second) continue;
    q.speaker_entity = remap(q.speaker_entity);
    doc->quotes.push_back(std::move(q));
  }
  // One event per (source, target, code, negation) in the article, as the coder
  // keeps them in a section: a later section's report adds its evidence.
  for (Event& e : events) {
    auto key = std::make_tuple(e.source_actor, e.source_name, e.target_actor, e.target_name, e.code->code, e.negated);
    auto [it, fresh] = seen->events.emplace(key, doc->events.size());
    if (!fresh) {
      Event& first = doc->events[it->second];
      for (const Span& span : e.evidence) {  // a crawler's copy in another section: once
        bool copy = std::any_of(first.evidence.begin(), first.evidence.end(), [&](const Span& had) {
          return QuoteKey(doc->original, had) == QuoteKey(doc->original, span);
        });
        if (!copy) first.evidence.push_back(span);
      }
      continue;
    }
    e.source = remap(e.source);
    e.target = remap(e.target);
    e.place = remap(e.place);
    doc->events.push_back(std::move(e));
  }
}

// Sections analysed at once when the caller gives a ParallelFor: a bound on
// the memory one record's sections may hold together.
constexpr size_t kMaxSectionsAtOnce = 4;

// The language whose syntax model reads the document: its own; Malay text
// with the Indonesian model, the closest there is; text too short to
// identify with the model whose language's function words it has more of,
// on a tie Indonesian when a word has an Indonesian verb affix (the lemmas
// key the event patterns: no model, no events). The document's language
// stays unknown.
std::string SyntaxLanguage(const Knowledge& k, const Document& doc) {
  if (doc.lang.code) return *doc.lang.code == "ms" ? "id" : *doc.lang.code;
  std::string_view text = doc.clean.text.empty() && doc.clean.title ? std::string_view(*doc.clean.title) : doc.clean.text;
  text = text.substr(0, std::min<size_t>(text.size(), 4096));
  int id = 0, en = 0, affixed = 0;
  const Lemmatizer* lemmas = k.syntax.LemmatizerFor("id");
  for (std::string_view w : Split(text, ' ')) {
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
    std::string folded = FoldCase(w);
    uint64_t h = Fnv1a64(folded);
    id += k.function_words_id.Find(h) != FlatHash64::kMissing;
    en += k.function_words_en.Find(h) != FlatHash64::kMissing;
    // No function word either way ("Rusia menyerang Ukraina."): Indonesian verb affixes decide.
    affixed += lemmas && lemmas->Analyze(folded, Upos::kVerb).voice != Voice::kNone;
  }
  return id > en || (id == en && affixed > 0) ? "id" : "en";
}

class SectionAnalyzer {
 public:
  SectionAnalyzer(const Knowledge& k, const AnalyzeOptions& options, Document* doc)
      : k_(k), options_(options), doc_(doc), syntax_lang_(SyntaxLanguage(k, *doc)) {
    for (const Removal& r : doc->clean.removed)
      if (r.kind == "title") title_ = SplitSentences(doc->original, r.span, k.abbreviations);
    // A title given as a field and not in the text: its own mentions.
    if (title_.empty() && doc->clean.title && !doc->clean.title->empty()) {
      title_field_ = *doc->clean.title;
      title_field_sentences_ = SplitSentences(title_field_, Span{0, title_field_.size()}, k.abbreviations);
      if (options.syntax)
        for (Sentence& s : title_field_sentences_)
          k.syntax.Annotate(syntax_lang_, title_field_, &s.tokens,
                            options.parse || (kStagesReadParse && options.entities));
    }
  }

  void Run() {
    size_t total = 0;
    for (const Span& p : doc_->clean.paragraphs) total += p.end - p.start;
    sectioned_ = total > kSectionBytes;
    size_t at_once = sectioned_ && options_.parallel_for && options_.section_threads > 1
                         ? std::min<size_t>(options_.section_threads, kMaxSectionsAtOnce)
                         : 1;
    std::vector<Input> wave(1);
    wave[0].first = true;
    wave[0].sentences = std::move(title_);  // moved, not copied: token tables are not small
    wave[0].headline = wave[0].sentences.size();
    size_t bytes = 0;
    for (const Span& whole : doc_->clean.paragraphs) {
      for (const Span& p : Pieces(doc_->original, whole)) {
        if (bytes + (p.end - p.start) > kSectionBytes && wave.back().sentences.size() > wave.back().headline) {
          if (wave.size() == at_once) Flush(&wave);
          wave.emplace_back();
          bytes = 0;
        }
        for (auto& x : SplitSentences(doc_->original, p, k_.abbreviations)) wave.back().sentences.push_back(std::move(x));
        wave.back().paragraphs.push_back(p);
        bytes += p.end - p.start;
      }
    }
    Flush(&wave);
  }

 private:
  struct Input {
    // The first section's sentences begin with the title's when the title is
    // part of the text: the title names entities too, once.
    std::vector<Sentence> sentences;
    size_t headline = 0;  // how many of `sentences` are the title's
    std::vector<Span> paragraphs;
    bool first = false;  // the title's entities belong to the first section
  };
  struct Output {
    std::vector<Entity> entities;
    std::vector<Quote> quotes;
    std::vector<Event> events;
  };

  // The sections of `wave` analysed (at once when the caller allows) and taken
  // into the document in text order: the result never depends on the threads.
  void Flush(std::vector<Input>* wave) {
    std::vector<Output> out(wave->size());
    if (options_.entities || options_.syntax) {
      auto one = [&](size_t i) {
        if (options_.syntax) Parse(&(*wave)[i]);
        if (options_.entities) out[i] = AnalyzeSection((*wave)[i]);
      };
      if (wave->size() > 1) options_.parallel_for(wave->size(), one);
      else if (!wave->empty()) one(0);
    }
    for (size_t i = 0; i < wave->size(); ++i) Take(&(*wave)[i], &out[i]);
    wave->clear();
  }

  // The syntax stage on one section's token tables (Malay text with the
  // Indonesian model, the closest there is). Touches only `in`: sections may run at once.
  void Parse(Input* in) const {
    const std::string& lang = syntax_lang_;
    bool parse = options_.parse || options_.sentences || (kStagesReadParse && options_.entities);
    for (Sentence& s : in->sentences) k_.syntax.Annotate(lang, doc_->original, &s.tokens, parse);
  }

  // The outlet's home country: the user's word (--home-country), else the
  // outlet of the URL or its country-code domain, else the outlet the
  // publisher field names; "" leaves it to the language.
  std::string HomeCountry() const {
    if (!options_.home_country.empty()) return options_.home_country;
    std::string country = doc_->url ? k_.entities.outlets().HomeCountry(*doc_->url) : "";
    if (country.empty() && doc_->publisher)  // a record without a (known) URL may name its outlet
      if (const Outlet* o = k_.entities.outlets().FindByName(*doc_->publisher)) country = o->country;
    return country;
  }

  // The sentences the event coder will read, parsed when the others are not
  // (parsing every sentence would cost about three times the rest of
  // analyze): those that name two actors (a person pronoun, "ia", "he",
  // counting as one beside a named actor) and where a pattern that codes an
  // event matches. Elsewhere the coder reads its word windows alone.
  void ParseForEvents(Input* in, const std::vector<Entity>& entities) const {
    if (options_.parse || options_.sentences) return;  // parsed already
    std::vector<size_t> starts;
    for (const Entity& e : entities)
      if (!ActorOf(e).empty())
        for (const EntityMention& m : e.mentions) starts.push_back(m.span.start);
    std::sort(starts.begin(), starts.end());
    for (size_t i = in->headline; i < in->sentences.size(); ++i) {
      Sentence& s = in->sentences[i];
      auto first = std::lower_bound(starts.begin(), starts.end(), s.span.start);
      auto last = std::lower_bound(first, starts.end(), s.span.end);
      const TokenView view(doc_->original, s);
      if (last - first < 2 && (last == first || k_.events.PersonPronouns(view) == 0)) continue;
      if (!s.tokens.empty() && !s.tokens[0].deprel.empty()) continue;  // parsed for the quote stage
      if (k_.events.MayCode(view)) k_.syntax.ParseTagged(syntax_lang_, doc_->original, &s.tokens);
    }
  }

  // The sentences of reporting cues where the word windows found no speaker,
  // parsed so that the quote stage can take the verb's subject
  // (quotes/parsed.cc); true when any was parsed (the stage then runs again).
  // Only those sentences: a handful per article, not every quotation's.
  bool ParseForQuotes(Input* in, const std::vector<Quote>& quotes) const {
    if (options_.parse || options_.sentences) return false;  // parsed already
    bool parsed = false;
    for (const Quote& q : quotes) {
      if (q.cue.end <= q.cue.start || q.speaker_mention.end > q.speaker_mention.start) continue;
      auto it = std::upper_bound(in->sentences.begin() + static_cast<std::ptrdiff_t>(in->headline), in->sentences.end(),
                                 q.cue.start, [](size_t b, const Sentence& s) { return b < s.span.start; });
      if (it == in->sentences.begin() + static_cast<std::ptrdiff_t>(in->headline)) continue;
      Sentence& s = *std::prev(it);
      if (q.cue.start >= s.span.end || s.tokens.empty() || !s.tokens[0].deprel.empty()) continue;
      k_.syntax.ParseTagged(syntax_lang_, doc_->original, &s.tokens);
      parsed = true;
    }
    return parsed;
  }

  // One section's entities, quotes and events. Sections may run at once: each touches only its own Input.
  Output AnalyzeSection(Input& in) const {
    Output out;
    const std::vector<Sentence> no_title;
    LinkContext context{DateKey(doc_->clean.published.value_or("")), doc_->lang.code.value_or(""), in.headline,
                        HomeCountry(), doc_->clean.dateline.value_or("")};
    out.entities = LinkEntities(doc_->original, in.sentences, k_.entities, context,
                                in.first ? title_field_ : std::string_view(), in.first ? title_field_sentences_ : no_title);
    const std::span<const Sentence> body = std::span<const Sentence>(in.sentences).subspan(in.headline);
    if (options_.quotes) {
      QuoteInput input{doc_->original, &in.paragraphs, body, &out.entities};
      out.quotes = ExtractQuotes(input, k_.entities, k_.quotes);
      if (options_.syntax && ParseForQuotes(&in, out.quotes)) out.quotes = ExtractQuotes(input, k_.entities, k_.quotes);
    }
    if (options_.events) {
      if (options_.syntax) ParseForEvents(&in, out.entities);
      EventInput input{doc_->original, body, &out.entities, &out.quotes, HomeCountryOf(context)};
      out.events = CodeEvents(input, k_.events, k_.cameo);
    }
    return out;
  }

  // A section's results into the document; its sentences (not the title's)
  // kept only when the document asks for them.
  void Take(Input* in, Output* out) {
    if (options_.entities) {
      if (!sectioned_) {  // one section: as found
        doc_->entities = std::move(out->entities);
        doc_->quotes = std::move(out->quotes);
        doc_->events = std::move(out->events);
      } else {
        Merge(std::move(out->entities), std::move(out->quotes), std::move(out->events), &seen_, doc_);
      }
    }
    if (options_.sentences)
      for (size_t i = in->headline; i < in->sentences.size(); ++i)
        doc_->sentences.push_back(std::move(in->sentences[i]));
    *in = Input();
    *out = Output();
  }

  const Knowledge& k_;
  const AnalyzeOptions& options_;
  Document* doc_;
  std::vector<Sentence> title_, title_field_sentences_;
  std::string_view title_field_;
  const std::string syntax_lang_;  // the syntax model's language: SyntaxLanguage
  Seen seen_;  // across sections
  bool sectioned_ = false;  // more than one section: entities merged
};

}  // namespace

Document Analyze(Record record, const Knowledge& k, const AnalyzeOptions& options) {
  Document doc;
  if (IsValidUtf8(record.text)) {
    doc.original = std::move(record.text);  // no copy of a large record
  } else {
    RepairedUtf8 repaired = RepairUtf8(record.text);
    record.text = std::string();
    doc.original = std::move(repaired.text);
    doc.invalid_utf8 = repaired.invalid_sequences;
  }
  doc.invalid_utf8 += record.invalid_utf8;
  doc.id = record.id ? *record.id : "h" + Hex64(Fnv1a64(doc.original));
  doc.source = std::move(record.source);
  if (record.url) doc.url = RepairUtf8(*record.url).text;
  if (record.publisher) doc.publisher = ToNfc(RepairUtf8(*record.publisher).text);

  RecordMeta meta;
  if (record.title) meta.title = RepairUtf8(*record.title).text;
  if (record.published) meta.published = RepairUtf8(*record.published).text;
  meta.date_order = record.date_order;
  if (record.authors) {
    std::vector<std::string> authors;
    for (const auto& a : *record.authors) authors.push_back(RepairUtf8(a).text);
    meta.authors = std::move(authors);
  }
  CleanerData data{&k.boilerplate, &k.calendar, &k.bylines};
  doc.clean = Clean(doc.original, meta, data, options.clean);

  std::string_view for_lang = doc.clean.text;
  if (for_lang.empty() && doc.clean.title) for_lang = *doc.clean.title;
  doc.lang = k.langid.Identify(for_lang);

  if (!options.sentences && !options.entities) return doc;
  SectionAnalyzer(k, options, &doc).Run();
  return doc;
}

namespace {

// About the size of the line ToJson writes, so that a large document's line
// is allocated once instead of doubling (a doubling holds 1.5 to 3 times the
// line at its peak).
size_t JsonSizeEstimate(const Document& doc, const JsonOptions& options) {
  size_t n = 1024 + doc.clean.text.size() + doc.clean.text.size() / 16;
  for (const Removal& r : doc.clean.removed) n += 64 + (r.span.end - r.span.start);
  n += 24 * doc.clean.paragraphs.size();
  for (const Entity& e : doc.entities) n += 160 + e.name.size() + e.role.size() + 40 * e.mentions.size();
  n += 320 * doc.quotes.size();
  for (const Quote& q : doc.quotes) n += q.span.end - q.span.start;
  for (const Event& e : doc.events) n += 320 + (e.sentence.end - e.sentence.start);
  if (options.sentences)
    for (const Sentence& s : doc.sentences) n += 48 + (s.span.end - s.span.start) + 110 * s.tokens.size();
  if (options.original) n += doc.original.size() + doc.original.size() / 16;
  return n + n / 8;  // rather a little too much than a doubling
}

}  // namespace

std::string ToJson(const Document& doc, const JsonOptions& options) {
  std::string out;
  out.reserve(JsonSizeEstimate(doc, options));
  JsonWriter w(&out);
  auto slice = [&](const Span& s) { return std::string_view(doc.original).substr(s.start, s.end - s.start); };
  const CleanResult& c = doc.clean;
  w.BeginObject();
  w.Key("id"); w.String(doc.id);
  w.Key("source"); w.String(doc.source);
  w.Key("url"); w.OptString(doc.url);
  if (doc.publisher) {  // only when the input names the outlet
    w.Key("publisher"); w.String(*doc.publisher);
  }
  w.Key("lang"); w.OptString(doc.lang.code);
  w.Key("lang_score"); w.Double(doc.lang.score, 3);
  w.Key("title"); w.OptString(c.title);
  w.Key("authors"); w.BeginArray();
  for (const auto& a : c.authors) w.String(a);
  w.EndArray();
  w.Key("editor"); w.OptString(c.editor);
  w.Key("published"); w.OptString(c.published);
  w.Key("dateline"); w.OptString(c.dateline);
  w.Key("text"); w.String(c.text);
  w.Key("removed"); w.BeginArray();
  for (const Removal& r : c.removed) {
    w.BeginObject();
    w.Key("kind"); w.String(r.kind);
    w.Key("rule"); w.String(r.reason);
    w.Key("text"); w.String(slice(r.span));
    w.Key("start"); w.Int(static_cast<int64_t>(r.span.start));
    w.Key("end"); w.Int(static_cast<int64_t>(r.span.end));
    w.EndObject();
  }
  w.EndArray();
  w.Key("paragraphs"); w.BeginArray();
  for (const Span& p : c.paragraphs) {
    w.BeginArray();
    w.Int(static_cast<int64_t>(p.start));
    w.Int(static_cast<int64_t>(p.end));
    w.EndArray();
  }
  w.EndArray();
  if (options.sentences) {
    w.Key("sentences"); w.BeginArray();
    for (const Sentence& s : doc.sentences) {
      w.BeginObject();
      w.Key("start"); w.Int(static_cast<int64_t>(s.span.start));
      w.Key("end"); w.Int(static_cast<int64_t>(s.span.end));
      w.Key("text"); w.String(slice(s.span));
      w.Key("tokens"); w.BeginArray();
      for (const Token& t : s.tokens) {
        w.BeginObject();
        w.Key("start"); w.Int(static_cast<int64_t>(t.span.start));
        w.Key("end"); w.Int(static_cast<int64_t>(t.span.end));
        w.Key("lemma"); t.lemma.empty() ? w.Null() : w.String(t.lemma);
        w.Key("upos"); t.deprel.empty() && t.upos == Upos::kX ? w.Null() : w.String(UposName(t.upos));
        w.Key("head"); t.deprel.empty() ? w.Null() : w.Int(t.head);
        w.Key("deprel"); t.deprel.empty() ? w.Null() : w.String(t.deprel);
        w.Key("voice"); t.voice == Voice::kNone ? w.Null() : w.String(VoiceName(t.voice));
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("entities"); w.BeginArray();
  for (const Entity& e : doc.entities) {
    auto opt = [&](const std::string& v) { v.empty() ? w.Null() : w.String(v); };
    w.BeginObject();
    w.Key("id"); w.String(e.id);
    w.Key("name"); w.String(e.name);
    w.Key("type"); w.String(e.type);
    w.Key("subtype"); opt(e.subtype);
    w.Key("country"); opt(e.country);
    w.Key("actor"); opt(e.actor);
    w.Key("role"); opt(e.role);
    if (!e.group.empty()) { w.Key("group"); w.String(e.group); }
    w.Key("kb"); opt(e.kb);
    w.Key("mentions"); w.BeginArray();
    for (const EntityMention& m : e.mentions) {
      w.BeginObject();
      w.Key("start"); w.Int(static_cast<int64_t>(m.span.start));
      w.Key("end"); w.Int(static_cast<int64_t>(m.span.end));
      if (m.in_title_field) {
        w.Key("text"); w.String(std::string_view(*doc.clean.title).substr(m.span.start, m.span.end - m.span.start));
        w.Key("field"); w.String("title");
      } else {
        w.Key("text"); w.String(slice(m.span));
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotes"); w.BeginArray();
  for (const Quote& q : doc.quotes) {
    auto span_or_null = [&](const Span& s) { s.end > s.start ? w.String(slice(s)) : w.Null(); };
    w.BeginObject();
    w.Key("text"); w.String(slice(q.span));
    w.Key("kind"); w.String(q.kind == Quote::Kind::kDirect ? "direct" : "indirect");
    const Entity* speaker = q.speaker_entity >= 0 ? &doc.entities[static_cast<size_t>(q.speaker_entity)] : nullptr;
    w.Key("speaker"); speaker ? w.String(speaker->name) : w.Null();
    w.Key("speaker_entity"); speaker ? w.String(speaker->id) : w.Null();
    w.Key("speaker_role"); q.speaker_role.empty() ? w.Null() : w.String(q.speaker_role);
    w.Key("speaker_mention");
    if (q.speaker_mention.end > q.speaker_mention.start) {
      w.BeginObject();
      w.Key("start"); w.Int(static_cast<int64_t>(q.speaker_mention.start));
      w.Key("end"); w.Int(static_cast<int64_t>(q.speaker_mention.end));
      w.Key("text"); w.String(slice(q.speaker_mention));
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("cue"); span_or_null(q.cue);
    w.Key("start"); w.Int(static_cast<int64_t>(q.span.start));
    w.Key("end"); w.Int(static_cast<int64_t>(q.span.end));
    w.EndObject();
  }
  w.EndArray();
  w.Key("events"); w.BeginArray();
  for (const Event& e : doc.events) {
    auto entity_id = [&](int i) { i < 0 ? w.Null() : w.String(doc.entities[static_cast<size_t>(i)].id); };
    w.BeginObject();
    w.Key("source"); entity_id(e.source);
    w.Key("source_name"); w.String(e.source_name);
    w.Key("source_actor"); w.String(e.source_actor);
    w.Key("target"); entity_id(e.target);
    w.Key("target_name"); w.String(e.target_name);
    w.Key("target_actor"); w.String(e.target_actor);
    w.Key("cameo"); w.String(e.code->code);
    w.Key("plover"); e.code->plover.empty() ? w.Null() : w.String(e.code->plover);
    w.Key("quad_class"); w.Int(e.code->quad);
    w.Key("goldstein"); w.Double(e.code->goldstein, 1);
    w.Key("negated"); w.Bool(e.negated);
    w.Key("via"); w.String(e.via_quote ? "quote" : "narrative");
    w.Key("sentence"); w.String(slice(e.sentence));
    w.Key("start"); w.Int(static_cast<int64_t>(e.sentence.start));
    w.Key("end"); w.Int(static_cast<int64_t>(e.sentence.end));
    w.Key("evidence");
    w.BeginArray();
    for (const Span& span : e.evidence) {
      w.BeginArray();
      w.Int(static_cast<int64_t>(span.start));
      w.Int(static_cast<int64_t>(span.end));
      w.EndArray();
    }
    w.EndArray();
    w.Key("place"); entity_id(e.place);
    w.Key("place_name"); e.place < 0 ? w.Null() : w.String(e.place_name);
    w.EndObject();
  }
  w.EndArray();
  w.Key("invalid_utf8"); w.Int(static_cast<int64_t>(doc.invalid_utf8));
  if (options.original) {
    w.Key("original"); w.String(doc.original);
  }
  w.EndObject();
  return out;
}

}  // namespace warta
