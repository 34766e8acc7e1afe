// The mention summaries (agg_entities, agg_entity_days, agg_nodes) of one
// write batch, summed in memory and written once per key at commit: three
// upserts per distinct entity, day and node of the batch instead of three per
// entity of every document (they were the writer's largest cost). What the
// batch adds is what the per-document statements added; a document made a
// copy in the same batch is taken out again by the agg_canonical trigger,
// which subtracts from the rows these sums then add to, so the committed
// totals are the same in either order.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "store/sqlite.h"
#include "util/status.h"

namespace warta {

class MentionSummaries {
 public:
  // What the summaries need of an entity, as stored (the first writer's row wins).
  struct EntityInfo {
    std::string actor, type, subtype, name;
  };

  // A document of this batch, canonical when added (a copy is linked after its mentions).
  void Document(int64_t id, int32_t day, const std::string& lang) { documents_[id] = {day, lang}; }
  void Entity(int64_t id, EntityInfo info);
  // Counts `n` more mentions of `entity` in `document` (the document once per entity).
  // False when the document is not of this batch or the entity not known here: the
  // caller then counts them in SQL.
  bool Add(int64_t document, int64_t entity, int64_t n);

  // Writes the sums with `stmt` (a cached statement for an SQL text) and starts over.
  Status Flush(const std::function<sqlite::Statement*(const std::string&)>& stmt);
  // Forgets the batch (rolled back or begun anew); entities are kept.
  void Clear();

 private:
  struct Counts {
    int64_t documents = 0, mentions = 0;
  };
  std::unordered_map<int64_t, std::pair<int32_t, std::string>> documents_;  // day, lang
  std::unordered_map<int64_t, EntityInfo> entities_;
  std::set<std::pair<int64_t, int64_t>> counted_;  // (document, entity) of this batch
  std::map<int64_t, Counts> by_entity_;
  std::map<std::tuple<int64_t, int32_t, std::string>, Counts> by_entity_day_;
  std::map<std::tuple<std::string, int32_t, std::string, std::string>, int64_t> by_node_;  // node, day, lang, label
};

}  // namespace warta
