// What the store persists per story (and per topic), so an ingest can resume:
// the row the story clusterer (src/corpus/stories.h) hands over and restores
// from. Here, below the corpus stage, because the store keeps it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace warta {

struct StoryState {
  int64_t id = 0;                         // 1, 2, 3, ... in order of creation
  std::string label;                      // a member title, the one closest to the centroid of those compared
                                          // as members joined (the label and the newcomer; "" while none has one)
  std::optional<int32_t> first_day, last_day;  // range of its members' days (undated members ignored)
  int64_t size = 0;                       // member documents
  int64_t last_doc = 0;                   // the latest member
  bool open = true;                       // false once closed: it will never change again, drop its centroid
  std::string centroid;                   // opaque, ASCII, at most ~3 KB: the centroid's terms and weights, actors
};

}  // namespace warta
