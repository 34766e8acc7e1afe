#include "syntax/conllu_writer.h"

namespace warta {

namespace {

// CoNLL-U fields hold no tabs or line breaks, and a comment no line break.
std::string OneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    bool ws = c == '\n' || c == '\r' || c == '\t';
    if (ws) {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string DocumentToConllu(std::string_view doc_id, std::string_view text, const std::vector<Sentence>& sentences) {
  std::string out;
  size_t n = 0;
  for (const Sentence& s : sentences) {
    if (s.tokens.empty()) continue;
    out += "# sent_id = " + OneLine(doc_id) + "-" + std::to_string(++n) + "\n";
    out += "# text = " + OneLine(text.substr(s.span.start, s.span.end - s.span.start)) + "\n";
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& t = s.tokens[i];
      bool parsed = !t.deprel.empty();
      out += std::to_string(i + 1) + "\t" + OneLine(text.substr(t.span.start, t.span.end - t.span.start)) + "\t";
      out += (t.lemma.empty() ? std::string("_") : OneLine(t.lemma)) + "\t";
      out += std::string(parsed || t.upos != Upos::kX ? UposName(t.upos) : "_") + "\t_\t_\t";
      out += (parsed ? std::to_string(t.head) : std::string("_")) + "\t" + (parsed ? t.deprel : std::string("_"));
      out += "\t_\tstart=" + std::to_string(t.span.start) + "|end=" + std::to_string(t.span.end);
      if (i + 1 < s.tokens.size() && s.tokens[i + 1].span.start == t.span.end) out += "|SpaceAfter=No";
      out += "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace warta
