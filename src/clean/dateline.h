// Datelines and editor initials: the place and outlet that open a story
// ("JAKARTA, KOMPAS.com - ", "BEIJING (Reuters) - ", "Jakarta - ") and the
// editor's initials that close it ("(ian)", "(rdp/imk)").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace warta {

struct Dateline {
  std::string place;   // as a name: "Jakarta", "Kuala Lumpur"
  size_t length = 0;   // bytes of the paragraph the dateline takes, separator and space included
};

// The dateline at the start of `paragraph`, if there is one.
std::optional<Dateline> FindDateline(std::string_view paragraph);

struct EditorMark {
  std::string initials;  // "ian", "rdp/imk"
  size_t start = 0;      // where the mark (with the space before it) starts in the paragraph
};

// Editor initials at the very end of `paragraph` (the whole paragraph may be
// just the mark).
std::optional<EditorMark> FindEditorMark(std::string_view paragraph);

}  // namespace warta
