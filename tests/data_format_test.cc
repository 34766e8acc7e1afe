// The knowledge files in data/ are read by people and by warta: they must
// load, and the embedded copy must be the same as the files.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "analyze/embedded_data.h"
#include "analyze/knowledge.h"
#include "tests/test_support.h"
#include "util/strings.h"

namespace warta {

TEST(DataFiles, AllLoadFromTheSourceTree) {
  auto k = Knowledge::Load(DirectoryDataReader(testing::SourcePath("data")));
  ASSERT_TRUE(k.ok()) << k.status().message();
  EXPECT_GE(k.value().boilerplate.size(), 30u);
}

TEST(DataFiles, EmbeddedCopyEqualsTheFiles) {
  auto dir = DirectoryDataReader(testing::SourcePath("data"));
  size_t n = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::SourcePath("data"))) {
    if (entry.path().extension() != ".tsv") continue;
    std::string rel = std::filesystem::relative(entry.path(), testing::SourcePath("data")).string();
    auto embedded = EmbeddedDataFile(rel);
    ASSERT_TRUE(embedded) << rel << " is not embedded: rebuild";
    EXPECT_EQ(*embedded, dir(rel).value()) << rel << " differs from the embedded copy: rebuild";
    ++n;
  }
  EXPECT_GE(n, 5u);
}

TEST(DataFiles, EveryLineIsACommentOrHasTheRightColumns) {
  struct Spec { const char* path; size_t columns; };
  for (Spec spec : {Spec{"clean/boilerplate.tsv", 2}, Spec{"clean/calendar.tsv", 3},
                    Spec{"clean/byline_labels.tsv", 3}, Spec{"text/abbreviations.tsv", 2},
                    Spec{"langid/id_ms_words.tsv", 2}}) {
    auto bytes = DirectoryDataReader(testing::SourcePath("data"))(spec.path);
    ASSERT_TRUE(bytes.ok()) << spec.path;
    int line_no = 0;
    for (std::string_view line : Split(bytes.value(), '\n')) {
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      size_t tabs = static_cast<size_t>(std::count(line.begin(), line.end(), '\t'));
      EXPECT_EQ(tabs + 1, spec.columns) << spec.path << ":" << line_no;
      EXPECT_EQ(line.find('\r'), std::string_view::npos) << spec.path << ":" << line_no << " has CR";
      EXPECT_EQ(line, Trim(line)) << spec.path << ":" << line_no << " has stray spaces";
    }
  }
}

TEST(DataFiles, ErrorsNameTheFileAndLine) {
  auto bad = [](std::string_view path) -> Result<std::string> {
    if (path == "clean/calendar.tsv") return std::string("month\tjanuari\t13\n");
    return DirectoryDataReader(testing::SourcePath("data"))(path);
  };
  auto k = Knowledge::Load(bad);
  ASSERT_FALSE(k.ok());
  EXPECT_NE(k.status().message().find("data/clean/calendar.tsv:1"), std::string::npos) << k.status().message();
}

}  // namespace warta
