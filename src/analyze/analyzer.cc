#include "analyze/analyzer.h"

#include "util/hash.h"
#include "util/json_writer.h"
#include "util/utf8.h"

namespace warta {

Document Analyze(Record record, const Knowledge& k, const AnalyzeOptions& options) {
  Document doc;
  RepairedUtf8 repaired = RepairUtf8(record.text);
  doc.original = std::move(repaired.text);
  doc.invalid_utf8 = record.invalid_utf8 + repaired.invalid_sequences;
  doc.id = record.id ? *record.id : "h" + Hex64(Fnv1a64(doc.original));
  doc.source = std::move(record.source);
  if (record.url) doc.url = RepairUtf8(*record.url).text;

  RecordMeta meta;
  if (record.title) meta.title = RepairUtf8(*record.title).text;
  if (record.published) meta.published = RepairUtf8(*record.published).text;
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
  std::vector<Sentence> sentences;
  for (const Span& p : doc.clean.paragraphs) {
    auto s = SplitSentences(doc.original, p, k.abbreviations);
    for (auto& x : s) sentences.push_back(std::move(x));
  }
  if (options.entities) {
    // The title (when it is part of the text) names entities too.
    std::vector<Sentence> with_title, title_field_sentences;
    for (const Removal& r : doc.clean.removed)
      if (r.kind == "title") with_title = SplitSentences(doc.original, r.span, k.abbreviations);
    // A title given as a field and not in the text: its own mentions.
    std::string_view title_field;
    if (with_title.empty() && doc.clean.title && !doc.clean.title->empty()) {
      title_field = *doc.clean.title;
      title_field_sentences = SplitSentences(title_field, Span{0, title_field.size()}, k.abbreviations);
    }
    size_t headline = with_title.size();
    with_title.insert(with_title.end(), sentences.begin(), sentences.end());
    LinkContext context{DateKey(doc.clean.published.value_or("")), doc.lang.code.value_or(""), headline};
    doc.entities = LinkEntities(doc.original, with_title, k.entities, context, title_field, title_field_sentences);
    if (options.quotes) {
      QuoteInput input{doc.original, &doc.clean.paragraphs, &sentences, &doc.entities};
      doc.quotes = ExtractQuotes(input, k.entities, k.quotes);
    }
    if (options.events) {
      EventInput input{doc.original, &sentences, &doc.entities, &doc.quotes};
      doc.events = CodeEvents(input, k.events, k.cameo);
    }
  }
  if (options.sentences) doc.sentences = std::move(sentences);
  return doc;
}

std::string ToJson(const Document& doc, const JsonOptions& options) {
  std::string out;
  out.reserve(doc.original.size() * 2 + 512);
  JsonWriter w(&out);
  auto slice = [&](const Span& s) { return std::string_view(doc.original).substr(s.start, s.end - s.start); };
  const CleanResult& c = doc.clean;
  w.BeginObject();
  w.Key("id"); w.String(doc.id);
  w.Key("source"); w.String(doc.source);
  w.Key("url"); w.OptString(doc.url);
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
      for (const Span& t : s.tokens) {
        w.BeginArray();
        w.Int(static_cast<int64_t>(t.start));
        w.Int(static_cast<int64_t>(t.end));
        w.EndArray();
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
