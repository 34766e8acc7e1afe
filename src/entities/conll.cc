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

}  // namespace warta
