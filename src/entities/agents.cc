#include "entities/agents.h"

#include "util/strings.h"
#include "util/tsv.h"

namespace warta {

namespace {

bool IsSector(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

std::string_view LangKey(std::string_view lang) { return lang == "ms" ? "id" : lang; }

}  // namespace

Status AgentTable::Add(Agent a) {
  std::vector<std::string_view> words = Split(a.phrase, ' ');
  for (std::string_view w : words)
    if (w.empty() || FoldCase(w) != w)
      return Status::Error(Status::Code::kInvalidInput, "PHRASE must be lower-case words separated by single spaces");
  std::string key = a.lang + '\t' + a.phrase;
  if (by_key_.count(key)) return Status::Error(Status::Code::kInvalidInput, "phrase listed twice: " + a.phrase);
  by_key_.emplace(key, static_cast<uint32_t>(agents_.size()));
  first_.emplace(a.lang + '\t' + std::string(words.front()), 1);
  max_tokens_ = std::max(max_tokens_, words.size());
  agents_.push_back(std::move(a));
  return Status::Ok();
}

Status AgentTable::LoadAgents(std::string_view tsv, std::string_view name) {
  return ForEachTsvRow(tsv, name, 4, "PHRASE<TAB>LANG<TAB>SECTOR<TAB>KIND", [&](const auto& c) -> std::string {
    if (c[1] != "id" && c[1] != "en") return "LANG must be id or en";
    if (!IsSector(c[2])) return "SECTOR must be a three-letter CAMEO code";
    Agent a;
    if (c[3] == "body") a.kind = Agent::Kind::kBody;
    else if (c[3] == "people") a.kind = Agent::Kind::kPeople;
    else return "KIND must be body or people";
    a.phrase = std::string(c[0]);
    a.lang = std::string(c[1]);
    a.sector = std::string(c[2]);
    Status s = Add(std::move(a));
    return s.ok() ? "" : s.message();
  });
}

Status AgentTable::LoadGroups(std::string_view tsv, std::string_view name) {
  return ForEachTsvRow(tsv, name, 4, "PHRASE<TAB>LANG<TAB>KIND<TAB>CODE", [&](const auto& c) -> std::string {
    if (c[1] != "id" && c[1] != "en") return "LANG must be id or en";
    if (c[3].size() != 3) return "CODE must be a three-letter CAMEO ethnic or religion code";
    Agent a;
    if (c[2] == "ethnic") a.kind = Agent::Kind::kEthnic;
    else if (c[2] == "religion") a.kind = Agent::Kind::kReligion;
    else return "KIND must be ethnic or religion";
    a.phrase = std::string(c[0]);
    a.lang = std::string(c[1]);
    a.sector = "CVL";
    a.group = std::string(c[3]);
    Status s = Add(std::move(a));
    return s.ok() ? "" : s.message();
  });
}

const Agent* AgentTable::LongestAt(const TokenView& tokens, size_t i, std::string_view lang, size_t* length,
                                   size_t limit) const {
  std::string key(LangKey(lang));
  key += '\t';
  key += tokens.folded(i);
  if (!first_.count(key)) return nullptr;
  const Agent* best = nullptr;
  for (size_t len = 1; len <= max_tokens_ && len <= limit && i + len <= tokens.size(); ++len) {
    if (len > 1) {
      key += ' ';
      key += tokens.folded(i + len - 1);
    }
    auto it = by_key_.find(key);
    if (it != by_key_.end()) {
      best = &agents_[it->second];
      *length = len;
    }
  }
  return best;
}

}  // namespace warta
