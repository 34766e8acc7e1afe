// Reported speech without marks: "X mengatakan (bahwa) ...", "Menurut X, ...",
// "..., kata X.", "X said (that) ...", "According to X, ...".

#include "quotes/extractor.h"

namespace warta::quotes_internal {

// Indirect quotes, one per sentence, in sentences with no direct quotation.
void Extractor::Indirect() {
  size_t b = 0;
  while (b < tokens_.size()) {
    size_t e = b;
    while (e < tokens_.size() && tokens_[e].sentence == tokens_[b].sentence) ++e;
    bool has_quote = false;
    for (size_t i = b; i < e && !has_quote; ++i) has_quote = tokens_[i].quoted;
    if (!has_quote) IndirectIn(b, e);
    b = e;
  }
}

bool Extractor::IndirectIn(size_t b, size_t e) {
  size_t end = e;
  while (end > b && !tokens_[end - 1].word) --end;  // the final stop
  auto add = [&](size_t from, size_t to, const Attribution& a) {
    if (from >= to) return false;  // nothing reported (a speaker named past the sentence's end)
    while (from < to && !tokens_[from].word && tokens_[from].text != "\"") ++from;
    while (to > from && (tokens_[to - 1].text == "," || tokens_[to - 1].text == ";" || tokens_[to - 1].text == ":")) --to;
    if (Words(from, to) < 4) return false;
    Item item;
    item.quote.kind = Quote::Kind::kIndirect;
    item.quote.span = {tokens_[from].span.start, tokens_[to - 1].span.end};
    item.at = a;
    item.id = items_.size();
    items_.push_back(item);
    return true;
  };
  for (size_t i = b; i < end; ++i) {
    CueMatch cue = CueAt(i);
    if (!IsCue(cue) || cue.type == CueType::kStance) continue;
    Attribution a;
    a.found = true;
    a.cue_begin = i;
    a.cue_end = i + cue.tokens;
    bool opens_sentence = i - b <= 3;
    bool after_comma = i > b && tokens_[i - 1].text == ",";
    if (cue.type == CueType::kAccording || (cue.type == CueType::kNya && folded_[i] == "menurutnya")) {
      // "Menurut Liu, ..." / "..., menurut Liu."
      size_t named_end = a.cue_end;
      if (cue.type == CueType::kNya) {
        a.anaphor = true;
      } else {
        a.speaker = SpeakerAfter(a.cue_end, end);
        if (!a.speaker) continue;
        named_end = a.speaker->end;
      }
      if (opens_sentence) {
        size_t comma = named_end;
        while (comma < end && comma < named_end + 8 && tokens_[comma].text != ",") ++comma;
        if (comma >= end || tokens_[comma].text != ",") comma = named_end - 1;
        return add(comma + 1, end, a);
      }
      if (after_comma) return add(b, i - 1, a);
      continue;
    }
    if (after_comma && (cue.type == CueType::kNya || cue.bare || (cue.type == CueType::kVerb && !cue.indonesian))) {
      // "..., kata Liu." / "..., ujarnya." / "..., said Liu." — the speaker
      // right after the cue and the sentence ending soon after.
      size_t named_end = a.cue_end;
      if (cue.type == CueType::kNya) {
        a.anaphor = true;
      } else {
        a.speaker = SpeakerAfter(a.cue_end, end);
        if (a.speaker && a.speaker->begin <= a.cue_end + 1) named_end = a.speaker->end;
        else a.speaker.reset();
      }
      if ((a.speaker || a.anaphor) && end - named_end <= 6) return add(b, i - 1, a);
      // "Penggeledahan itu, tutur Risal, berdasarkan surat perintah …", "Selain itu,
      // lanjutnya, …": a cue set off by commas inside the sentence reports all of it
      // (one span: the words on both sides, the cue between them).
      if ((a.speaker || a.anaphor) && named_end < end && tokens_[named_end].text == "," && Words(b, i) >= 1 &&
          Words(named_end + 1, end) >= 3)
        return add(b, end, a);
      if (cue.type == CueType::kNya || cue.bare) continue;
      a.speaker.reset();
    }
    if (cue.type == CueType::kVerb && !cue.bare) {
      // "Liu mengatakan (bahwa) ...", "Liu said (that) ...", "..., Liu said."
      a.speaker = SpeakerBefore(b, i);
      if (!a.speaker) a.speaker = ClauseSubject(b, i);
      if (!a.speaker) continue;
      // "..., Liu said." / "..., Liu said on Monday." — nothing reported after the verb.
      bool closing = a.cue_end >= end || IsPreposition(a.cue_end) || folded_[a.cue_end] == "kepada" ||
                     (end - a.cue_end <= 2 && tokens_[a.cue_end].upper);
      if (a.speaker->begin > b && tokens_[a.speaker->begin - 1].text == "," && closing)
        return add(b, a.speaker->begin - 1, a);
      size_t from = a.cue_end;
      for (size_t j = a.cue_end; j < end && j < a.cue_end + 8; ++j)
        if (CueAt(j).type == CueType::kComplement) {
          from = j + 1;
          break;
        }
      bool marked = from != a.cue_end;
      if (from < end && (tokens_[from].text == "," || tokens_[from].text == ":")) {
        ++from;
        marked = true;
      }
      // "menjelaskan alasan ...", "menekankan pentingnya ...", "meminta persetujuan ...":
      // a topic or a thing asked for, not words (the listed words, and acts named as nouns
      // that name no actor: "meminta pemerintahan Trump untuk …" asks the government).
      if (!marked && from < end && (CueAt(from).type == CueType::kNominal || (cue.request && tokens_[from].nominal && mention_at_[from] < 0)))
        continue;
      // "Liu mengatakan kepada wartawan ..." with no "bahwa": content starts after the verb.
      return add(from, end, a);
    }
  }
  return false;
}

}  // namespace warta::quotes_internal
