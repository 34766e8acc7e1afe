// From the words at the cue to an entity: names, titles, pronouns and "-nya"
// (the person the text is about); continuations take their neighbour's
// speaker; a repeated quotation is reported once.

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "quotes/extractor.h"
#include "util/strings.h"

namespace warta::quotes_internal {

namespace {

// Whether entity `e` can be what a pronoun of kind `want` stands for.
bool Fits(const Entity& e, Referent want) {
  bool person = e.type == "PER";
  bool body = e.type == "ORG" || (e.type == "LOC" && e.subtype == "country");
  return want == Referent::kPerson ? person : body;
}

}  // namespace

// A capitalised name the entity stage did not mark ("kata Dian"): the person
// mentioned before whose name has these words; -1 if none.
int Extractor::PersonNamed(const Candidate& c) const {
  std::vector<std::string_view> words;
  for (size_t t = c.begin; t < c.end; ++t) {
    if (!tokens_[t].upper) return -1;
    if (tokens_[t].word) words.push_back(tokens_[t].text);
  }
  if (words.empty()) return -1;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), c.begin,
                             [](const MentionRef& m, size_t b) { return m.begin < b; });
  for (size_t steps = 0; it != mentions_.begin() && steps < 256; ++steps) {
    const MentionRef& m = *--it;
    const Entity& e = (*in_.entities)[m.entity];
    if (e.type != "PER") continue;
    std::vector<std::string_view> name = Split(e.name, ' ');
    bool all = true;
    for (std::string_view w : words) all &= std::find(name.begin(), name.end(), w) != name.end();
    if (all) return m.entity;
  }
  return -1;
}

// The person a title stands for ("kata Direktur Jenderal" after "Direktur
// Jenderal Pembiayaan Luky Alfirman"): the latest one before it whose role
// phrase starts with the same words, else who holds that position.
int Extractor::PersonWithTitle(const Candidate& c, size_t before) const {
  std::string title = FoldCase(CollapseSpace(in_.text.substr(c.mention.start, c.mention.end - c.mention.start)));
  int by_words = -1, by_position = -1;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), before,
                             [](const MentionRef& m, size_t b) { return m.begin < b; });
  const size_t first = static_cast<size_t>(it - mentions_.begin()) > 256 ? static_cast<size_t>(it - mentions_.begin()) - 256 : 0;
  for (size_t mi = first; mi < static_cast<size_t>(it - mentions_.begin()); ++mi) {
    const MentionRef& m = mentions_[mi];
    const Entity& e = (*in_.entities)[m.entity];
    if (e.type != "PER") continue;
    if (m.role.end > m.role.start) {
      std::string role = FoldCase(CollapseSpace(in_.text.substr(m.role.start, m.role.end - m.role.start)));
      if (StartsWith(role, title) || StartsWith(title, role)) by_words = m.entity;
    }
    // By position only for a bare title ("kata Menlu"), not a qualified one ("Kapolres Tasikmalaya").
    if (!c.position.empty() && e.subtype == c.position && c.bare_title) by_position = m.entity;
  }
  return by_words >= 0 ? by_words : by_position;
}


// The first organisation (a body, a court, a state's institution) named inside `words`; -1 if none.
int Extractor::BodyIn(Span words) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), words.start,
                             [](const MentionRef& m, size_t b) { return m.span.start < b; });
  for (; it != mentions_.end() && it->span.start < words.end; ++it)
    if (it->span.end <= words.end && (*in_.entities)[it->entity].type == "ORG") return it->entity;
  return -1;
}

// "ujarnya", "kata dia", "he said": the speaker the text is about — the
// person who opened a recent sentence, unless the last quotation's speaker
// came after them. `goes_on` ("tambahnya", "lanjutnya": added, went on): the
// last quotation's speaker, whoever was named since.
int Extractor::Anaphor(size_t cue_token, Referent want, bool goes_on) const {
  if (want == Referent::kAny) {
    // A person first; a body only when the text names no one to speak.
    int person = Anaphor(cue_token, Referent::kPerson, goes_on);
    return person >= 0 ? person : Anaphor(cue_token, Referent::kBody, goes_on);
  }
  const size_t para = tokens_[std::min(cue_token, tokens_.size() - 1)].paragraph;
  const size_t pos = tokens_[std::min(cue_token, tokens_.size() - 1)].span.start;
  auto near = [&](size_t p) { return p + 3 >= para; };
  // Walk back from the cue over the last few paragraphs (and a bounded
  // number of steps, so a page of thousands of quotations stays linear).
  constexpr size_t kMaxSteps = 256;
  int last_quote = -1;
  size_t last_quote_pos = 0;
  auto item_it = std::lower_bound(items_.begin(), items_.end(), pos,
                                  [](const Item& i, size_t p) { return i.quote.span.start < p; });
  for (size_t steps = 0; item_it != items_.begin() && steps < kMaxSteps; ++steps) {
    const Item& i = *--item_it;
    if (!near(tokens_[FirstTokenAtOrAfter(i.quote.span.start)].paragraph)) break;
    // Reported speech in a relative clause ("pengacara …, yang menyebut …") tells of
    // someone the sentence is about, not who speaks next.
    const bool relative = i.quote.kind == Quote::Kind::kIndirect && i.at.found && i.at.cue_begin > 0 &&
                          CueAt(i.at.cue_begin - 1).type == CueType::kRelative;
    if (!i.resolved || relative || i.quote.speaker_entity < 0 || !Fits((*in_.entities)[i.quote.speaker_entity], want))
      continue;
    last_quote = i.quote.speaker_entity;
    last_quote_pos = i.quote.span.start;
    break;
  }
  int subject = -1, any = -1;
  size_t subject_pos = 0;
  auto m_it = std::lower_bound(mentions_.begin(), mentions_.end(), pos,
                               [](const MentionRef& m, size_t p) { return m.span.start < p; });
  for (size_t steps = 0; m_it != mentions_.begin() && steps < kMaxSteps && subject < 0; ++steps) {
    const MentionRef& m = *--m_it;
    if (!near(tokens_[m.begin].paragraph)) break;
    if (tokens_[m.begin].segment >= 0) continue;  // named inside someone's quotation
    if (!Fits((*in_.entities)[m.entity], want)) continue;
    if (any < 0) any = m.entity;
    if (m.subject) {
      subject = m.entity;
      subject_pos = m.span.start;
    }
  }
  if (subject >= 0 && (last_quote < 0 || (subject_pos > last_quote_pos && !goes_on))) return subject;
  if (last_quote >= 0) return last_quote;
  return any;
}

void Extractor::Resolve() {
  std::stable_sort(items_.begin(), items_.end(),
                   [](const Item& a, const Item& b) { return a.quote.span.start < b.quote.span.start; });
  std::unordered_map<int, std::string> quote_roles;  // entity → role phrase found at one of its cues
  // An entity's role phrase: the first one the article gives it (once per entity).
  std::vector<std::optional<std::string>> roles(in_.entities->size());
  auto speaker_role = [&](int entity) -> std::string {
    if (entity < 0) return "";
    std::optional<std::string>& role = roles[static_cast<size_t>(entity)];
    if (!role) {
      role = "";
      for (const EntityMention& m : (*in_.entities)[entity].mentions)
        if (!m.in_title_field && m.role.end > m.role.start) {
          role = CollapseSpace(in_.text.substr(m.role.start, m.role.end - m.role.start));
          break;
        }
    }
    return *role;
  };
  auto resolve_one = [&](Item& item) {
    const Attribution& a = item.at;
    Quote& q = item.quote;
    if (!a.found) {
      if (item.topic) q.speaker_entity = Anaphor(FirstTokenAtOrAfter(q.span.start), Referent::kPerson);
      if (item.topic) q.speaker_role = speaker_role(q.speaker_entity);
      return;
    }
    q.cue = {tokens_[a.cue_begin].span.start, tokens_[a.cue_end - 1].span.end};
    // No one at the cue in the word windows: the subject the parse gives the verb, if parsed.
    const std::optional<Candidate> speaker = a.speaker || a.anaphor ? a.speaker : ParsedSpeaker(a.cue_begin);
    if (a.anaphor) {
      q.speaker_mention = q.cue;
      q.speaker_entity = Anaphor(a.cue_begin, Referent::kAny, CueAt(a.cue_begin).goes_on);
    } else if (speaker) {
      const Candidate& c = *speaker;
      q.speaker_mention = c.mention;
      if (c.kind == Candidate::Kind::kName) {
        q.speaker_entity = c.entity;
      } else if (c.kind == Candidate::Kind::kPronoun) {
        q.speaker_entity = Anaphor(c.begin, c.group ? Referent::kBody : Referent::kPerson);
      } else if (c.kind == Candidate::Kind::kTitle) {
        q.speaker_entity = PersonWithTitle(c, c.begin);
      } else if (c.kind == Candidate::Kind::kNoun) {
        q.speaker_entity = PersonNamed(c);
      }
      // "demikian putusan majelis hakim Pengadilan Negeri Medan", "kata juru bicara Kemlu": no
      // person to be found, the court or body the words name speaks.
      if (q.speaker_entity < 0 && c.kind != Candidate::Kind::kPronoun) q.speaker_entity = BodyIn(c.mention);
      if (c.role.end > c.role.start) q.speaker_role = CollapseSpace(in_.text.substr(c.role.start, c.role.end - c.role.start));
    }
    if (q.speaker_entity >= 0 && !q.speaker_role.empty())
      quote_roles.emplace(q.speaker_entity, q.speaker_role);  // the first role phrase a cue gave this speaker
    if (q.speaker_role.empty() && q.speaker_entity >= 0) {
      auto it = quote_roles.find(q.speaker_entity);
      q.speaker_role = it != quote_roles.end() ? it->second : speaker_role(q.speaker_entity);
    }
  };
  // Own cues first, in text order (an anaphor looks at the speakers before it).
  for (Item& item : items_) {
    if (item.inherit >= 0) continue;
    resolve_one(item);
    item.resolved = true;
  }
}

std::vector<Quote> Extractor::Finish() {
  std::vector<Quote> out;
  std::unordered_set<std::string> seen;
  for (const Item& item : items_) {
    if (item.dropped) continue;
    std::string key = FoldCase(CollapseSpace(in_.text.substr(item.quote.span.start, item.quote.span.end - item.quote.span.start)));
    if (!seen.insert(key).second) continue;  // the crawler's copy
    out.push_back(item.quote);
  }
  return out;
}

}  // namespace warta::quotes_internal
