#include "entities/conll.h"

#include "util/strings.h"

namespace warta {

std::vector<ConllSentence> ParseConll(std::string_view text) {
  std::vector<ConllSentence> out;
  ConllSentence cur;
  auto flush = [&] {
    if (!cur.tokens.empty()) out.push_back(std::move(cur));
    cur = ConllSentence{};
  };
  for (std::string_view line : Split(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = Trim(line);
    if (line.empty()) { flush(); continue; }
    size_t first = line.find_first_of(" \t");
    size_t last = line.find_last_of(" \t");
    if (first == std::string_view::npos) continue;
    cur.tokens.emplace_back(line.substr(0, first));
    cur.tags.emplace_back(line.substr(last + 1));
  }
  flush();
  return out;
}

std::vector<ConllSentence> ParseIob2(std::string_view text) {
  std::vector<ConllSentence> out;
  ConllSentence cur;
  auto flush = [&] {
    if (!cur.tokens.empty()) out.push_back(std::move(cur));
    cur = ConllSentence{};
  };
  for (std::string_view line : Split(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) { flush(); continue; }
    if (line[0] == '#') {
      constexpr std::string_view kText = "# text = ";
      if (StartsWith(line, kText)) cur.text = std::string(line.substr(kText.size()));
      continue;
    }
    std::vector<std::string_view> fields = Split(line, '\t');
    if (fields.size() < 3) continue;
    cur.tokens.emplace_back(fields[1]);
    cur.tags.emplace_back(Trim(fields[2]));
  }
  flush();
  return out;
}

std::vector<Span> AlignTokens(std::string_view text, const std::vector<std::string>& tokens) {
  std::vector<Span> spans;
  size_t pos = 0;
  for (const std::string& t : tokens) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    if (t.empty() || text.compare(pos, t.size(), t) != 0) return {};
    spans.push_back({pos, pos + t.size()});
    pos += t.size();
  }
  return spans;
}

}  // namespace warta
