#include "corpus/stories.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "analyze/knowledge.h"
#include "text/segment.h"
#include "util/hash.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {
namespace {

// 2^20 hashed document-frequency counters (4 MB): a vocabulary of a few
// hundred thousand words shares few buckets, and a shared bucket only
// lowers a rare word's IDF a little. Fixed, so saved statistics stay valid.
constexpr int kDfBits = 20;
constexpr size_t kDfBuckets = size_t{1} << kDfBits;
// Bounds on what untrusted input can make us do per document.
constexpr size_t kMaxTextBytes = 100000;
constexpr size_t kMaxTitleBytes = 1000;
constexpr size_t kMaxTokenBytes = 60;
constexpr size_t kMaxActors = 64;
constexpr size_t kMaxLabelBytes = 400;
constexpr std::string_view kStatsMagic = "warta-df-1";

size_t Bucket(uint64_t key) { return (key * 0x9E3779B97F4A7C15ULL) >> (64 - kDfBits); }
uint64_t ActorKey(std::string_view actor) { return Fnv1a64(actor, Fnv1a64("actor\x1f")); }

// The longest prefix of s of at most n bytes that ends on a code point boundary.
std::string_view CutUtf8(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// Sorts by key and sums the weights of equal keys.
template <typename T>
void SumByKey(std::vector<T>* v) {
  std::sort(v->begin(), v->end(), [](const T& a, const T& b) { return a.first < b.first; });
  size_t out = 0;
  for (size_t i = 0; i < v->size(); ++i) {
    if (out > 0 && (*v)[out - 1].first == (*v)[i].first) (*v)[out - 1].second += (*v)[i].second;
    else (*v)[out++] = (*v)[i];
  }
  v->resize(out);
}

// The `keep` heaviest entries (ties: smaller key), back in key order.
template <typename W>
void KeepHeaviest(std::vector<W>* v, size_t keep) {
  if (v->size() <= keep) return;
  std::nth_element(v->begin(), v->begin() + keep, v->end(), [](const W& a, const W& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.key < b.key;
  });
  v->resize(keep);
  std::sort(v->begin(), v->end(), [](const W& a, const W& b) { return a.key < b.key; });
}

template <typename W>
double Dot(const std::vector<W>& a, const std::vector<W>& b) {
  double dot = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].key < b[j].key) ++i;
    else if (a[i].key > b[j].key) ++j;
    else dot += double(a[i++].weight) * double(b[j++].weight);
  }
  return dot;
}

template <typename W>
double Norm(const std::vector<W>& v) {
  double sum = 0;
  for (const W& w : v) sum += double(w.weight) * double(w.weight);
  return std::sqrt(sum);
}

// Centroid text: "1:" + 24 hex digits per term (key, float bits) + ":" + 24 per actor (key, count bits).
template <typename W>
void AppendHex(const std::vector<W>& v, std::string* out) {
  for (const W& w : v) {
    uint32_t bits;
    std::memcpy(&bits, &w.weight, sizeof bits);
    *out += fmt::format("{:016x}{:08x}", w.key, bits);
  }
}

template <typename W>
bool ParseHex(std::string_view s, std::vector<W>* out) {
  if (s.size() % 24 != 0) return false;
  for (size_t i = 0; i < s.size(); i += 24) {
    uint64_t key = 0;
    uint32_t bits = 0;
    for (size_t j = 0; j < 24; ++j) {
      char c = s[i + j];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) return false;
      if (j < 16) key = key << 4 | uint64_t(d);
      else bits = bits << 4 | uint32_t(d);
    }
    W w;
    w.key = key;
    std::memcpy(&w.weight, &bits, sizeof bits);
    if (!std::isfinite(w.weight) || (!out->empty() && out->back().key >= key)) return false;
    out->push_back(w);
  }
  return true;
}

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(char((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(char(v));
}

bool GetVarint(std::string_view s, size_t* pos, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && *pos < s.size(); shift += 7) {
    unsigned char b = static_cast<unsigned char>(s[(*pos)++]);
    *v |= uint64_t(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}


}  // namespace

Result<StoryClusterer> StoryClusterer::Create(const Options& options, std::string_view stopwords_tsv,
                                              std::string_view name) {
  if (!(options.actor_bonus >= 0) || !(options.threshold > options.actor_bonus) ||
      !(options.far_threshold >= options.threshold) || options.window_days < 0 || options.close_days < 0 ||
      options.max_open == 0 || options.doc_terms == 0 || options.centroid_terms == 0 || !(options.title_weight >= 1))
    return Status::Error(Status::Code::kInvalidArgument, "story clustering: invalid options");
  StoryClusterer c;
  c.options_ = options;
  auto stopwords = ParseStopwords(stopwords_tsv, name);
  if (!stopwords.ok()) return stopwords.status();
  c.stopwords_ = std::move(stopwords).value();
  c.df_.assign(kDfBuckets, 0);
  return c;
}

// Content words of title and text as (key, count), title words counted
// title_weight times: fold-cased, stopwords, punctuation and one-letter words
// dropped, Indonesian "-nya" taken off ("rencananya" → "rencana") since the
// enclitic says nothing about the topic. No stemmer: inflected forms are
// distinct terms, which IDF weighs on their own.
std::vector<std::pair<uint64_t, double>> StoryClusterer::Terms(std::string_view title, std::string_view text) const {
  std::vector<std::pair<uint64_t, double>> out;
  const Abbreviations none;
  auto add = [&](std::string_view raw, double weight) {
    std::string repaired;
    if (!IsValidUtf8(raw)) {
      repaired = RepairUtf8(raw).text;
      raw = repaired;
    }
    for (const Span& t : Tokenize(raw, {0, raw.size()}, none)) {
      std::string_view w = raw.substr(t.start, t.end - t.start);
      while (!w.empty() && w.back() == '.') w.remove_suffix(1);
      if (w.size() < 2 || w.size() > kMaxTokenBytes) continue;
      size_t p = 0;
      char32_t first = NextCodePoint(w, &p);
      if (p == w.size() || !(IsLetter(first) || IsDigit(first))) continue;
      std::string folded = FoldCase(w);
      uint64_t key = Fnv1a64(folded);
      if (stopwords_.Find(key) != FlatHash64::kMissing) continue;
      if (folded.size() >= 6 && EndsWith(folded, "nya")) {
        key = Fnv1a64(std::string_view(folded).substr(0, folded.size() - 3));
        if (stopwords_.Find(key) != FlatHash64::kMissing) continue;
      }
      out.emplace_back(key, weight);
    }
  };
  add(CutUtf8(title, kMaxTitleBytes), options_.title_weight);
  add(CutUtf8(text, kMaxTextBytes), 1.0);
  SumByKey(&out);
  return out;
}

float StoryClusterer::Idf(uint64_t key) const {
  // Smoothed: a word every document has still weighs 1, an unseen one most.
  return float(std::log((double(docs_) + 1) / (double(df_[Bucket(key)]) + 1)) + 1);
}

// The document's L2-normalised TF-IDF vector (sublinear TF) and its actors'
// IDFs. With `count`, the document is first counted in the frequencies, so a
// document's own words are never "unseen".
StoryClusterer::DocVector StoryClusterer::Vectorise(const StoryDoc& d, bool count) {
  DocVector v;
  auto terms = Terms(d.title, d.text);
  std::vector<uint64_t> actors;
  for (size_t i = 0; i < d.actors.size() && i < kMaxActors; ++i)
    if (!d.actors[i].empty()) actors.push_back(ActorKey(d.actors[i]));
  std::sort(actors.begin(), actors.end());
  actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
  if (count) {
    for (const auto& [key, tf] : terms) ++df_[Bucket(key)];
    for (uint64_t key : actors) ++df_[Bucket(key)];
    ++docs_;
  }
  v.terms.reserve(terms.size());
  for (const auto& [key, tf] : terms) v.terms.push_back({key, float((1 + std::log(tf)) * Idf(key))});
  KeepHeaviest(&v.terms, options_.doc_terms);
  double norm = Norm(v.terms);
  if (norm > 0)
    for (Weighted& w : v.terms) w.weight = float(w.weight / norm);
  for (uint64_t key : actors) {
    v.actors.push_back({key, Idf(key)});
    v.actor_total += Idf(key);
  }
  return v;
}

// A title's normalised TF-IDF vector, to compare member titles with a centroid.
std::vector<StoryClusterer::Weighted> StoryClusterer::TitleVector(std::string_view title) const {
  std::vector<Weighted> v;
  for (const auto& [key, tf] : Terms("", title)) v.push_back({key, float((1 + std::log(tf)) * Idf(key))});
  return v;
}

// Cosine with the centroid (`dot` is the document's dot product with it),
// plus actor_bonus times the share of the document's actor weight the story
// also names; outside the time window, less far_threshold - threshold.
double StoryClusterer::Score(double dot, const DocVector& v, const Story& s, const StoryDoc& d) const {
  const StoryState& st = s.state;
  double score = s.norm > 0 ? dot / s.norm : 0;
  if (d.day && st.first_day &&
      (int64_t{*d.day} < int64_t{*st.first_day} - options_.window_days ||
       int64_t{*d.day} > int64_t{*st.last_day} + options_.window_days))
    score -= options_.far_threshold - options_.threshold;
  if (v.actor_total > 0 && options_.actor_bonus > 0) {
    double shared = 0;
    for (size_t i = 0, j = 0; i < v.actors.size() && j < s.actors.size();) {
      if (v.actors[i].key < s.actors[j].key) ++i;
      else if (v.actors[i].key > s.actors[j].key) ++j;
      else shared += v.actors[i++].weight, ++j;
    }
    score += options_.actor_bonus * shared / v.actor_total;
  }
  return score;
}

int64_t StoryClusterer::Add(const StoryDoc& d) {
  if (d.day && (!newest_day_ || *d.day > *newest_day_)) newest_day_ = d.day;
  DocVector v = Vectorise(d, true);
  // Candidates: the open stories whose centroid shares a term with the
  // document, found with their dot products through the postings. Exact, not
  // a shortcut: a story sharing none scores at most actor_bonus, below the
  // threshold. Products are summed per story in term order, so the sums do
  // not depend on the order of the postings. Ties go to the older story.
  std::vector<std::pair<int64_t, double>> products;
  for (const Weighted& t : v.terms) {
    auto it = postings_.find(t.key);
    if (it == postings_.end()) continue;
    for (const Posting& p : it->second) products.emplace_back(p.story, double(t.weight) * double(p.weight));
  }
  std::stable_sort(products.begin(), products.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  int64_t best = 0;
  double best_score = -1;
  for (size_t i = 0; i < products.size();) {
    int64_t story = products[i].first;
    double dot = 0;
    for (; i < products.size() && products[i].first == story; ++i) dot += products[i].second;
    double score = Score(dot, v, stories_.at(story), d);
    if (score > best_score) best = story, best_score = score;
  }
  int64_t id = best;
  if (best_score >= options_.threshold) AddMember(&stories_.at(best), d, v);
  else id = Create(d, v);
  CloseStale();
  return id;
}

int64_t StoryClusterer::Join(const StoryDoc& d, int64_t story) {
  auto it = stories_.find(story);
  if (it == stories_.end()) return Add(d);
  if (d.day && (!newest_day_ || *d.day > *newest_day_)) newest_day_ = d.day;
  AddMember(&it->second, d, Vectorise(d, true));
  CloseStale();
  return story;
}

int64_t StoryClusterer::Create(const StoryDoc& d, const DocVector& v) {
  int64_t id = next_id_++;
  Story& s = stories_[id];
  s.state.id = id;
  AddMember(&s, d, v);
  return id;
}

void StoryClusterer::AddMember(Story* s, const StoryDoc& d, const DocVector& v) {
  StoryState& st = s->state;
  if (st.size > 0) {
    Index(*s, false);
    Touch(*s, false);
  }
  // Centroid: the sum of the members' vectors, cut to its heaviest terms.
  std::vector<std::pair<uint64_t, float>> sum;
  for (const Weighted& w : s->terms) sum.emplace_back(w.key, w.weight);
  for (const Weighted& w : v.terms) sum.emplace_back(w.key, w.weight);
  SumByKey(&sum);
  s->terms.clear();
  for (const auto& [key, weight] : sum) s->terms.push_back({key, weight});
  KeepHeaviest(&s->terms, options_.centroid_terms);
  s->norm = Norm(s->terms);
  std::vector<std::pair<uint64_t, float>> actors;
  for (const Weighted& w : s->actors) actors.emplace_back(w.key, w.weight);
  for (const Weighted& w : v.actors) actors.emplace_back(w.key, 1.0f);
  SumByKey(&actors);
  s->actors.clear();
  for (const auto& [key, count] : actors) s->actors.push_back({key, count});
  KeepHeaviest(&s->actors, options_.centroid_actors);
  // Label: the member title closest to the centroid. Only the current label
  // and the newcomer are compared (the other titles are not kept), so the
  // label is the best title among those that were ever the best.
  std::string title = CollapseSpace(CutUtf8(d.title, kMaxLabelBytes));
  auto closeness = [&](std::string_view t) {
    std::vector<Weighted> tv = TitleVector(t);
    double norm = Norm(tv);
    return norm > 0 ? Dot(tv, s->terms) / norm : 0.0;
  };
  if (!title.empty() && title != st.label && (st.label.empty() || closeness(title) > closeness(st.label)))
    st.label = std::move(title);
  if (d.day) {
    st.first_day = st.first_day ? std::min(*st.first_day, *d.day) : *d.day;
    st.last_day = st.last_day ? std::max(*st.last_day, *d.day) : *d.day;
  }
  ++st.size;
  st.last_doc = std::max(st.last_doc, d.doc);
  Index(*s, true);
  Touch(*s, true);
  changed_.insert(st.id);
}

void StoryClusterer::Index(const Story& s, bool insert) {
  for (const Weighted& t : s.terms) {
    if (insert) {
      postings_[t.key].push_back({s.state.id, t.weight});
      continue;
    }
    auto it = postings_.find(t.key);
    if (it == postings_.end()) continue;
    auto& list = it->second;
    auto at = std::find_if(list.begin(), list.end(), [&](const Posting& p) { return p.story == s.state.id; });
    if (at != list.end()) {
      *at = list.back();
      list.pop_back();
    }
    if (list.empty()) postings_.erase(it);
  }
}

void StoryClusterer::Touch(const Story& s, bool insert) {
  const StoryState& st = s.state;
  if (insert) {
    by_last_doc_.insert({st.last_doc, st.id});
    if (st.last_day) by_last_day_.insert({*st.last_day, st.id});
  } else {
    by_last_doc_.erase({st.last_doc, st.id});
    if (st.last_day) by_last_day_.erase({*st.last_day, st.id});
  }
}

void StoryClusterer::CloseStale() {
  if (newest_day_ && options_.close_days > 0)
    while (!by_last_day_.empty() && by_last_day_.begin()->first < int64_t{*newest_day_} - options_.close_days)
      Close(by_last_day_.begin()->second);
  while (stories_.size() > options_.max_open) Close(by_last_doc_.begin()->second);
}

void StoryClusterer::Close(int64_t id) {
  auto it = stories_.find(id);
  Index(it->second, false);
  Touch(it->second, false);
  it->second.state.open = false;
  closed_.push_back(std::move(it->second.state));
  changed_.erase(id);
  stories_.erase(it);
}

std::vector<StoryState> StoryClusterer::TakeChanged() {
  std::vector<StoryState> out = std::move(closed_);
  closed_.clear();
  for (int64_t id : changed_) {
    const Story& s = stories_.at(id);
    StoryState st = s.state;
    st.centroid = "1:";
    AppendHex(s.terms, &st.centroid);
    st.centroid += ':';
    AppendHex(s.actors, &st.centroid);
    out.push_back(std::move(st));
  }
  changed_.clear();
  std::sort(out.begin(), out.end(), [](const StoryState& a, const StoryState& b) { return a.id < b.id; });
  return out;
}

std::string StoryClusterer::SaveTermStats() const {
  std::string out(kStatsMagic);
  PutVarint(kDfBits, &out);
  PutVarint(docs_, &out);
  PutVarint(newest_day_ ? 1 : 0, &out);
  PutVarint(newest_day_ ? uint64_t(uint32_t(*newest_day_)) : 0, &out);
  size_t last = 0;
  for (size_t i = 0; i < df_.size(); ++i) {
    if (df_[i] == 0) continue;
    PutVarint(i - last, &out);  // gap from the previous non-zero bucket
    PutVarint(df_[i], &out);
    last = i;
  }
  return out;
}

Status StoryClusterer::Restore(std::vector<StoryState> open, std::string_view term_stats, int64_t next_id) {
  auto clear = [&] {
    std::fill(df_.begin(), df_.end(), 0);
    docs_ = 0;
    newest_day_.reset();
    next_id_ = 1;
    stories_.clear();
    postings_.clear();
    by_last_day_.clear();
    by_last_doc_.clear();
    changed_.clear();
    closed_.clear();
  };
  auto fail = [&](const std::string& message) {
    clear();
    return Status::Error(Status::Code::kInvalidInput, "story clustering: " + message);
  };
  clear();
  if (term_stats.substr(0, kStatsMagic.size()) != kStatsMagic) return fail("term statistics: not ours");
  size_t pos = kStatsMagic.size();
  uint64_t bits, docs, has_day, day;
  if (!GetVarint(term_stats, &pos, &bits) || bits != kDfBits || !GetVarint(term_stats, &pos, &docs) ||
      !GetVarint(term_stats, &pos, &has_day) || !GetVarint(term_stats, &pos, &day) || has_day > 1)
    return fail("term statistics: bad header");
  docs_ = docs;
  if (has_day) newest_day_ = int32_t(uint32_t(day));
  for (size_t i = 0, n = 0; pos < term_stats.size(); ++n) {
    uint64_t gap, count;
    if (!GetVarint(term_stats, &pos, &gap) || !GetVarint(term_stats, &pos, &count) || gap >= df_.size() - i ||
        (n > 0 && gap == 0) || count == 0 || count > UINT32_MAX)
      return fail("term statistics: bad counter");
    i += gap;
    df_[i] = uint32_t(count);
  }
  int64_t max_id = 0;
  for (StoryState& st : open) {
    std::string_view c = st.centroid;
    size_t colon = c.find(':', 2);
    if (!st.open || st.id <= 0 || stories_.count(st.id) || st.size <= 0 || c.substr(0, 2) != "1:" ||
        colon == std::string_view::npos || st.first_day.has_value() != st.last_day.has_value())
      return fail(fmt::format("story {}: bad state", st.id));
    Story s;
    if (!ParseHex(c.substr(2, colon - 2), &s.terms) || !ParseHex(c.substr(colon + 1), &s.actors))
      return fail(fmt::format("story {}: bad centroid", st.id));
    s.norm = Norm(s.terms);
    st.centroid.clear();
    s.state = std::move(st);
    max_id = std::max(max_id, s.state.id);
    Story& placed = stories_[s.state.id] = std::move(s);
    Index(placed, true);
    Touch(placed, true);
  }
  next_id_ = std::max(next_id, max_id + 1);
  return Status::Ok();
}

size_t StoryClusterer::MemoryBytes() const {
  constexpr size_t kNode = 48;  // a map/set/hash node's own overhead, roughly
  size_t bytes = sizeof(*this) + df_.capacity() * sizeof(uint32_t) + stopwords_.size() * 2 * 24;
  for (const auto& [id, s] : stories_)
    bytes += kNode + sizeof(Story) + s.state.label.capacity() + s.terms.capacity() * sizeof(Weighted) +
             s.actors.capacity() * sizeof(Weighted) + 2 * (kNode + 16);
  for (const auto& [key, list] : postings_) bytes += kNode + sizeof(list) + list.capacity() * sizeof(Posting);
  bytes += (postings_.bucket_count() + stories_.bucket_count()) * sizeof(void*);
  for (const StoryState& st : closed_) bytes += sizeof(st) + st.label.capacity();
  return bytes;
}

}  // namespace warta
