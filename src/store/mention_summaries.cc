#include "store/mention_summaries.h"

namespace warta {

namespace {

constexpr size_t kMaxEntities = 500000;  // a cache: forgotten entities are counted in SQL

}  // namespace

void MentionSummaries::Entity(int64_t id, EntityInfo info) {
  if (entities_.size() >= kMaxEntities) entities_.clear();
  entities_[id] = std::move(info);
}

bool MentionSummaries::Add(int64_t document, int64_t entity, int64_t n) {
  auto doc = documents_.find(document);
  auto en = entities_.find(entity);
  if (doc == documents_.end() || en == entities_.end()) return false;
  const auto& [day, lang] = doc->second;
  const int64_t docs = counted_.emplace(document, entity).second ? 1 : 0;
  Counts& e = by_entity_[entity];
  e.documents += docs, e.mentions += n;
  Counts& d = by_entity_day_[{entity, day, lang}];
  d.documents += docs, d.mentions += n;
  const EntityInfo& info = en->second;
  if (!info.actor.empty()) {
    // As the SQL says it: an IGO's whole code, else the state's three letters; places and
    // IGOs label their node.
    std::string node = info.actor.rfind("IGO", 0) == 0 ? info.actor : info.actor.substr(0, 3);
    std::string label = info.type == "LOC" || info.subtype == "igo" ? info.name : "";
    by_node_[{std::move(node), day, lang, std::move(label)}] += n;
  }
  return true;
}

Status MentionSummaries::Flush(const std::function<sqlite::Statement*(const std::string&)>& stmt) {
  auto* entity = stmt(
      "INSERT INTO agg_entities VALUES (?,?,?) ON CONFLICT(entity) DO UPDATE SET "
      "documents = documents + excluded.documents, mentions = mentions + excluded.mentions");
  auto* entity_day = stmt(
      "INSERT INTO agg_entity_days VALUES (?,?,?,?,?) ON CONFLICT(entity, day, lang) DO UPDATE SET "
      "documents = documents + excluded.documents, mentions = mentions + excluded.mentions");
  auto* node = stmt(
      "INSERT INTO agg_nodes VALUES (?,?,?,?,?) ON CONFLICT(node, day, lang, label) DO UPDATE SET "
      "mentions = mentions + excluded.mentions");
  if (!entity || !entity_day || !node) return Status::Error(Status::Code::kIoError, "preparing the mention summaries");
  Status s;
  for (const auto& [id, c] : by_entity_)
    if (s.ok()) s = entity->Bind(1, id).Bind(2, c.documents).Bind(3, c.mentions).Run();
  for (const auto& [key, c] : by_entity_day_) {
    const auto& [id, day, lang] = key;
    if (s.ok())
      s = entity_day->Bind(1, id).Bind(2, static_cast<int64_t>(day)).Bind(3, lang).Bind(4, c.documents).Bind(5, c.mentions).Run();
  }
  for (const auto& [key, mentions] : by_node_) {
    const auto& [n, day, lang, label] = key;
    if (s.ok()) s = node->Bind(1, n).Bind(2, static_cast<int64_t>(day)).Bind(3, lang).Bind(4, label).Bind(5, mentions).Run();
  }
  Clear();
  return s;
}

void MentionSummaries::Clear() {
  documents_.clear();
  counted_.clear();
  by_entity_.clear();
  by_entity_day_.clear();
  by_node_.clear();
}

}  // namespace warta
