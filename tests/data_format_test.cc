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
  const EntityKnowledge& e = k.value().entities;
  EXPECT_GE(e.entities().size(), 1500u);
  EXPECT_GE(e.offices().size(), 900u);
  EXPECT_GE(e.titles().size(), 400u);
  EXPECT_FALSE(e.model().empty());
  EXPECT_GE(k.value().quotes.size(), 400u);
  EXPECT_GE(k.value().cameo.codes().size(), 300u);
  EXPECT_GE(k.value().events.verb_count(), 3000u);  // lemma-keyed: 3,223 patterns cover the 8,473 old per-form rows
  EXPECT_GE(std::count(k.value().story_stopwords.begin(), k.value().story_stopwords.end(), '\n'), 800);
}

// Every state ICU knows is in countries.tsv, named as CLDR names it.
TEST(DataFiles, CountriesComeFromCldr) {
  auto k = Knowledge::Load(DirectoryDataReader(testing::SourcePath("data")));
  ASSERT_TRUE(k.ok());
  const EntityKnowledge& e = k.value().entities;
  for (const char* key : {"country/CHN", "country/RUS", "country/USA", "country/IDN", "country/PSE", "country/XKX"})
    EXPECT_GE(e.Find(key), 0) << key;
  EXPECT_EQ(e.entities()[e.Find("country/RUS")].name, "Russia");
  EXPECT_EQ(e.Lookup("rusia")->front().ref, static_cast<uint32_t>(e.Find("country/RUS")));
}

// The offices a person holds do not overlap in the same position (one
// President of the United States at a time).
TEST(DataFiles, SingleHolderOfficesDoNotOverlap) {
  auto k = Knowledge::Load(DirectoryDataReader(testing::SourcePath("data")));
  ASSERT_TRUE(k.ok());
  const auto& offices = k.value().entities.offices();
  for (size_t i = 0; i < offices.size(); ++i)
    for (size_t j = i + 1; j < offices.size(); ++j) {
      const Office& a = offices[i];
      const Office& b = offices[j];
      if (a.position != b.position || a.country != b.country || a.country.empty() || a.person == b.person) continue;
      if (a.position != "head_of_state" && a.position != "head_of_government" && a.position != "foreign_minister")
        continue;
      // Deliberate overlaps: a suspended holder and the acting one.
      auto interim = [](const std::string& label) {
        return label.find("suspended") != std::string::npos || label.find("Acting") != std::string::npos;
      };
      if (interim(a.label) || interim(b.label)) continue;
      bool overlap = a.from < b.to && b.from < a.to;
      // A hand-over day is shared: the outgoing term ends the day the next begins.
      EXPECT_FALSE(overlap) << a.label << ": " << k.value().entities.entities()[a.person].name << " and "
                            << k.value().entities.entities()[b.person].name;
    }
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
  struct Spec {
    const char* path;
    size_t columns, max_columns = 0;  // max_columns: the last columns are optional
  };
  for (Spec spec : {Spec{"clean/boilerplate.tsv", 2}, Spec{"clean/calendar.tsv", 3},
                    Spec{"clean/byline_labels.tsv", 3}, Spec{"text/abbreviations.tsv", 2},
                    Spec{"langid/id_ms_words.tsv", 2}, Spec{"entities/countries.tsv", 4},
                    Spec{"entities/country_aliases.tsv", 5}, Spec{"entities/organisations_world.tsv", 6},
                    Spec{"entities/organisations_idn.tsv", 6}, Spec{"entities/people_world.tsv", 4},
                    Spec{"entities/people_idn.tsv", 4}, Spec{"entities/offices_world.tsv", 7},
                    Spec{"entities/offices_idn.tsv", 7}, Spec{"entities/titles.tsv", 4},
                    Spec{"entities/org_heads.tsv", 4, 5}, Spec{"entities/common_words.tsv", 2},
                    Spec{"entities/ner_model.tsv", 3}, Spec{"entities/ner_model_en.tsv", 3},
                    Spec{"entities/places.tsv", 5},
                    Spec{"entities/agents.tsv", 4}, Spec{"entities/groups.tsv", 4},
                    Spec{"entities/outlets.tsv", 3, 4}, Spec{"entities/place_words.tsv", 3},
                    Spec{"events/judgements.tsv", 3}, Spec{"events/people.tsv", 3},
                    Spec{"entities/dated_names.tsv", 4}}) {
    auto bytes = DirectoryDataReader(testing::SourcePath("data"))(spec.path);
    ASSERT_TRUE(bytes.ok()) << spec.path;
    int line_no = 0;
    for (std::string_view line : Split(bytes.value(), '\n')) {
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      size_t tabs = static_cast<size_t>(std::count(line.begin(), line.end(), '\t'));
      EXPECT_GE(tabs + 1, spec.columns) << spec.path << ":" << line_no;
      EXPECT_LE(tabs + 1, std::max(spec.columns, spec.max_columns)) << spec.path << ":" << line_no;
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
