// The entity stage on small dictionaries written here: dictionary matching,
// metonyms, dated offices, title-only mentions, role phrases and short forms.
// The tagger's model is empty, so every name comes from these dictionaries
// and the tests do not depend on the trained model.
#include <gtest/gtest.h>

#include <map>

#include "entities/entity_knowledge.h"
#include "entities/linker.h"
#include "entities/ner_train.h"
#include "entities/recognizer.h"
#include "tests/test_support.h"

namespace warta {
namespace {

const std::map<std::string, std::string>& TestFiles() {
  static const std::map<std::string, std::string> files = {
      {"entities/countries.tsv",
       "CHN\tCN\tChina\tTiongkok\nRUS\tRU\tRussia\tRusia\nUSA\tUS\tUnited States\tAmerika Serikat\n"
       "IDN\tID\tIndonesia\tIndonesia\nMYS\tMY\tMalaysia\tMalaysia\n"},
      {"entities/country_aliases.tsv",
       "CHN\tRRT\tshort\tid\texact\nCHN\tChina\tname\t*\tfold\nCHN\tChinese\tdemonym\ten\tfold\n"
       "CHN\tBeijing\tcapital\t*\tfold\nRUS\tKremlin\tseat\t*\tfold\nRUS\tMoskow\tcapital\tid\tfold\n"
       "RUS\tMoscow\tcapital\ten\tfold\nUSA\tAS\tshort\tid\texact\nIDN\tRI\tshort\tid\texact\n"},
      {"entities/organisations_world.tsv",
       "united_nations\tUnited Nations\tPerserikatan Bangsa-Bangsa|PBB|UN\tigo\t-\tIGOUNO\n"},
      {"entities/organisations_idn.tsv", "dpr\tDewan Perwakilan Rakyat\tDPR\tlegislature\tIDN\tIDNLEG\n"},
      {"entities/people_world.tsv",
       "xi_jinping\tXi Jinping\t-\tCHN\njoe_biden\tJoe Biden\tBiden\tUSA\n"
       "donald_trump\tDonald Trump\tTrump\tUSA\nliu_pengyu\tLiu Pengyu\t-\tCHN\nwang_yi\tWang Yi\t-\tCHN\n"},
      {"entities/people_idn.tsv",
       "joko_widodo\tJoko Widodo\tJokowi\tIDN\nprabowo_subianto\tPrabowo Subianto\tPrabowo\tIDN\n"
       "puan_maharani\tPuan Maharani\t-\tIDN\n"},
      {"entities/offices_world.tsv",
       "xi_jinping\thead_of_state\tCHN\tCHNGOV\t2013-03-14\t-\tPresident of China\n"
       "joe_biden\thead_of_state\tUSA\tUSAGOV\t2021-01-20\t2025-01-20\tPresident of the United States\n"
       "donald_trump\thead_of_state\tUSA\tUSAGOV\t2017-01-20\t2021-01-20\tPresident of the United States\n"
       "donald_trump\thead_of_state\tUSA\tUSAGOV\t2025-01-20\t-\tPresident of the United States\n"
       "wang_yi\tforeign_minister\tCHN\tCHNGOV\t2013-03-16\t-\tMinister of Foreign Affairs of China\n"},
      {"entities/offices_idn.tsv",
       "joko_widodo\thead_of_state\tIDN\tIDNGOV\t2014-10-20\t2024-10-20\tPresident of Indonesia\n"
       "prabowo_subianto\tdefence_minister\tIDN\tIDNGOV\t2019-10-23\t2024-10-20\tMinister of Defence of Indonesia\n"
       "prabowo_subianto\thead_of_state\tIDN\tIDNGOV\t2024-10-20\t-\tPresident of Indonesia\n"},
      {"entities/titles.tsv",
       "presiden\tid\thead_of_state\tGOV\npresident\ten\thead_of_state\tGOV\njuru bicara\tid\tspokesperson\t-\n"
       "ketua\tid\tchair\t-\nspokesperson\ten\tspokesperson\t-\nmenteri pertahanan\tid\tdefence_minister\tGOV\n"
       "menlu\tid\tforeign_minister\tGOV\n"},
      {"entities/org_heads.tsv", "Kementerian\tid\tministry\tGOV\nLembaga\tid\tagency\t-\n"},
      {"entities/common_words.tsv", "yang\tid\n"},
      {"langid/id_ms_words.tsv", "kesehatan\t3.0\n"},
      {"entities/places.tsv", "surabaya\tSurabaya\tKota Surabaya\tcity\tIDN\n"},
      {"entities/ner_model.tsv", "# empty\n"},
      {"entities/agents.tsv", "polisi\tid\tCOP\tbody\nwarga\tid\tCVL\tpeople\npolice\ten\tCOP\tbody\n"},
      {"entities/groups.tsv", "etnis tionghoa\tid\tethnic\tchi\n"},
      {"entities/dated_names.tsv", "# none\n"},
      {"entities/outlets.tsv", "co\t-\t-\ndetik.com\tdetikcom\tIDN\n"},
      {"entities/place_words.tsv", "di\tid\tlocative\nin\ten\tlocative\nke\tid\tdirectional\njalan\tid\tstreet\n"},
  };
  return files;
}

const EntityKnowledge& Kb() {
  static const EntityKnowledge* k = [] {
    auto reader = [](std::string_view path) -> Result<std::string> {
      auto it = TestFiles().find(std::string(path));
      if (it == TestFiles().end()) return Status::Error(Status::Code::kNotFound, std::string(path));
      return it->second;
    };
    auto loaded = EntityKnowledge::Load(reader, testing::TestKnowledge().abbreviations);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      std::abort();
    }
    return new EntityKnowledge(std::move(loaded).value());
  }();
  return *k;
}

std::vector<Entity> Link(const std::string& text, int date, std::string_view lang = "id") {
  auto sentences = SplitSentences(text, Span{0, text.size()}, testing::TestKnowledge().abbreviations);
  return LinkEntities(text, sentences, Kb(), LinkContext{date, std::string(lang)});
}

const Entity* Named(const std::vector<Entity>& entities, std::string_view name) {
  for (const auto& e : entities)
    if (e.name == name) return &e;
  return nullptr;
}

std::vector<std::string> MentionTexts(const std::string& text, const Entity& e) {
  std::vector<std::string> out;
  for (const EntityMention& m : e.mentions) out.push_back(text.substr(m.span.start, m.span.end - m.span.start));
  return out;
}

TEST(EntityKnowledge, LoadsAndRejectsBadRows) {
  EXPECT_GE(Kb().Find("country/CHN"), 0);
  EXPECT_GE(Kb().Find("capital/RUS"), 0);
  EXPECT_EQ(Kb().entities()[Kb().Find("capital/RUS")].name, "Moscow");  // the English spelling names it
  auto bad = [](std::string_view path) -> Result<std::string> {
    if (path == "entities/offices_world.tsv") return std::string("nobody\thead_of_state\tCHN\tCHNGOV\t2020-01-01\t-\tX\n");
    return TestFiles().at(std::string(path));
  };
  auto k = EntityKnowledge::Load(bad, testing::TestKnowledge().abbreviations);
  ASSERT_FALSE(k.ok());
  EXPECT_NE(k.status().message().find("offices_world.tsv:1"), std::string::npos) << k.status().message();
  EXPECT_NE(k.status().message().find("unknown person nobody"), std::string::npos);
}

TEST(EntityKnowledge, OfficesByDate) {
  int trump = Kb().Find("person/donald_trump"), biden = Kb().Find("person/joe_biden");
  auto h2021 = Kb().Holders("head_of_state", "USA", 20211207);
  ASSERT_EQ(h2021.size(), 1u);
  EXPECT_EQ(static_cast<int>(h2021[0]->person), biden);
  auto h2025 = Kb().Holders("head_of_state", "USA", 20250301);
  ASSERT_EQ(h2025.size(), 1u);
  EXPECT_EQ(static_cast<int>(h2025[0]->person), trump);
  auto latest = Kb().Holders("head_of_state", "USA", 0);
  ASSERT_EQ(latest.size(), 1u);
  EXPECT_EQ(static_cast<int>(latest[0]->person), trump);
  EXPECT_EQ(DateKey("2021-12-07T14:12:00+07:00"), 20211207);
  EXPECT_EQ(DateKey("7 Desember 2021"), 0);
}

TEST(Recognizer, CaseRules) {
  WordTable tokens = TableOfWords(std::vector<std::string_view>{"as", "China", "dan", "AS", "serta", "china"});
  auto names = RecognizeNames(tokens.view(), Kb()).names;
  ASSERT_EQ(names.size(), 2u);  // "as" and "china" are not names; "AS" is exact-case
  EXPECT_EQ(names[0].begin, 1u);
  EXPECT_EQ(names[1].begin, 3u);
  EXPECT_EQ(Kb().entities()[names[1].kb].key, "country/USA");
}

TEST(Recognizer, LongestDictionaryPhraseWins) {
  WordTable tokens = TableOfWords(std::vector<std::string_view>{"Perserikatan", "Bangsa-Bangsa", "dan", "PBB"});
  auto names = RecognizeNames(tokens.view(), Kb()).names;
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0].end, 2u);
  EXPECT_EQ(names[0].kb, names[1].kb);
  EXPECT_EQ(names[0].type, "ORG");
}

TEST(Linker, MetonymsAndVariantsAreOneActor) {
  std::string text =
      "Tiongkok dan Rusia sepakat. Beijing menegaskan sikapnya, kata Kremlin. RRT mengirim utusan ke Moskow.";
  auto e = Link(text, 20211207);
  const Entity* chn = Named(e, "China");
  ASSERT_TRUE(chn);
  EXPECT_EQ(chn->actor, "CHN");
  EXPECT_EQ(chn->type, "LOC");
  EXPECT_EQ(chn->subtype, "country");
  EXPECT_EQ(MentionTexts(text, *chn), (std::vector<std::string>{"Tiongkok", "RRT"}));
  // A capital or seat that acts is its government: CHNGOV, not the state.
  const Entity* beijing = Named(e, "Beijing");
  ASSERT_TRUE(beijing);
  EXPECT_EQ(beijing->actor, "CHNGOV");
  EXPECT_EQ(beijing->country, "CHN");
  const Entity* rus = Named(e, "Russia");
  ASSERT_TRUE(rus);
  EXPECT_EQ(MentionTexts(text, *rus), (std::vector<std::string>{"Rusia"}));
  const Entity* kremlin = Named(e, "Kremlin");
  ASSERT_TRUE(kremlin);
  EXPECT_EQ(kremlin->actor, "RUSGOV");
  // "ke Moskow" is the city, not the government.
  const Entity* moscow = Named(e, "Moscow");
  ASSERT_TRUE(moscow);
  EXPECT_EQ(moscow->subtype, "city");
  EXPECT_EQ(moscow->country, "RUS");
  EXPECT_EQ(moscow->actor, "");
}

TEST(Linker, SameTitleDifferentYears) {
  std::string text = "Presiden AS menelepon Presiden Xi. Presiden menyambut baik.";
  auto e2021 = Link(text, 20211207);
  auto e2025 = Link(text, 20250301);
  ASSERT_TRUE(Named(e2021, "Joe Biden"));
  EXPECT_FALSE(Named(e2021, "Donald Trump"));
  ASSERT_TRUE(Named(e2025, "Donald Trump"));
  EXPECT_EQ(MentionTexts(text, *Named(e2021, "Joe Biden")), std::vector<std::string>{"Presiden AS"});
  // Bare "Presiden" in Indonesian news: Indonesia's, by date.
  ASSERT_TRUE(Named(e2021, "Joko Widodo"));
  ASSERT_TRUE(Named(e2025, "Prabowo Subianto"));
  EXPECT_EQ(Named(e2025, "Prabowo Subianto")->role, "President of Indonesia");
  // "Presiden Xi": a title and a surname.
  const Entity* xi = Named(e2021, "Xi Jinping");
  ASSERT_TRUE(xi);
  EXPECT_EQ(xi->actor, "CHNGOV");
  EXPECT_EQ(MentionTexts(text, *xi), std::vector<std::string>{"Presiden Xi"});
}

// "Menlu Wang" in Indonesian text: China's foreign minister, not an
// Indonesian one by default.
TEST(Linker, TitleAndSurnameFindAForeignHolder) {
  std::string text = "Menlu Wang tiba di Jakarta.";
  auto e = Link(text, 20211207);
  const Entity* wang = Named(e, "Wang Yi");
  ASSERT_TRUE(wang);
  EXPECT_EQ(wang->actor, "CHNGOV");
}

// "mantan Presiden AS" is not today's president, and a former official does
// not act for the state: one of its elites (CAMEO ELI).
TEST(Linker, FormerTitlesAreNotTodaysOffice) {
  std::string text = "Mantan Presiden AS menyampaikan pidato. Mantan juru bicara kedutaan China Liu Pengyu hadir.";
  auto e = Link(text, 20250301);
  EXPECT_FALSE(Named(e, "Donald Trump"));
  const Entity* liu = Named(e, "Liu Pengyu");
  ASSERT_TRUE(liu);
  EXPECT_EQ(liu->subtype, "former_spokesperson");
  EXPECT_EQ(liu->actor, "CHNELI");
  EXPECT_EQ(liu->role, "Mantan juru bicara kedutaan China");
}

TEST(Linker, DatedRoleOfANamedPerson) {
  std::string text = "Menteri Pertahanan Prabowo Subianto tiba. Prabowo berbicara.";
  auto e2021 = Link(text, 20211207);
  const Entity* p = Named(e2021, "Prabowo Subianto");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->subtype, "defence_minister");
  EXPECT_EQ(p->role, "Minister of Defence of Indonesia");
  EXPECT_EQ(MentionTexts(text, *p), (std::vector<std::string>{"Prabowo Subianto", "Prabowo"}));
  auto e2025 = Link(text, 20250301);
  EXPECT_EQ(Named(e2025, "Prabowo Subianto")->subtype, "head_of_state");
}

TEST(Linker, RolePhraseAndShortForm) {
  std::string text =
      "Hal itu disampaikan juru bicara kedutaan China Liu Pengyu kepada wartawan. Liu menambahkan bahwa "
      "hubungan kedua negara erat.";
  auto e = Link(text, 20211207);
  const Entity* liu = Named(e, "Liu Pengyu");
  ASSERT_TRUE(liu);
  EXPECT_EQ(liu->country, "CHN");
  EXPECT_EQ(liu->actor, "CHNGOV");
  EXPECT_EQ(liu->subtype, "spokesperson");
  EXPECT_EQ(liu->role, "juru bicara kedutaan China");
  EXPECT_EQ(MentionTexts(text, *liu), (std::vector<std::string>{"Liu Pengyu", "Liu"}));
}

TEST(Linker, RoleFromTheOrganisation) {
  std::string text = "Ketua DPR Puan Maharani hadir.";
  auto e = Link(text, 20211207);
  const Entity* puan = Named(e, "Puan Maharani");
  ASSERT_TRUE(puan);
  EXPECT_EQ(puan->actor, "IDNLEG");
  EXPECT_EQ(puan->role, "Ketua DPR");
  const Entity* dpr = Named(e, "Dewan Perwakilan Rakyat");
  ASSERT_TRUE(dpr);
  EXPECT_EQ(dpr->actor, "IDNLEG");
}

TEST(Linker, EnglishDemonymGivesTheCountry) {
  std::string text = "Chinese spokesperson Liu Pengyu said Moscow and Beijing agree.";
  auto e = Link(text, 20211207, "en");
  const Entity* liu = Named(e, "Liu Pengyu");
  ASSERT_TRUE(liu);
  EXPECT_EQ(liu->actor, "CHNGOV");
  EXPECT_EQ(liu->role, "Chinese spokesperson");
  const Entity* chn = Named(e, "China");
  ASSERT_TRUE(chn);
  EXPECT_EQ(MentionTexts(text, *chn), (std::vector<std::string>{"Chinese"}));
  ASSERT_TRUE(Named(e, "Beijing"));
  EXPECT_EQ(Named(e, "Beijing")->actor, "CHNGOV");
  ASSERT_TRUE(Named(e, "Moscow"));
  EXPECT_EQ(Named(e, "Moscow")->actor, "RUSGOV");
}

TEST(Linker, IdsFollowFirstMentionAndOutputIsStable) {
  std::string text = "Rusia dan China bertemu. China menyambut Rusia.";
  auto a = Link(text, 0), b = Link(text, 0);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].name, "Russia");
  EXPECT_EQ(a[0].id, "e1");
  EXPECT_EQ(a[1].id, "e2");
  ASSERT_EQ(b.size(), a.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].mentions.size(), b[i].mentions.size());
}

// The tagger learns from examples and writes the same model every time.
std::vector<NerExample> ToyExamples() {
  const std::vector<std::pair<std::vector<std::string_view>, std::vector<int>>> raw = {
      {{"Budi", "Santoso", "pergi", "ke", "Bandung"}, {kBPer, kIPer, kO, kO, kBLoc}},
      {{"Ani", "tinggal", "di", "Surabaya"}, {kBPer, kO, kO, kBLoc}},
      {{"Bank", "Nusantara", "membuka", "kantor", "di", "Medan"}, {kBOrg, kIOrg, kO, kO, kO, kBLoc}},
      {{"kata", "Rudi", "Hartono", "kepada", "wartawan"}, {kO, kBPer, kIPer, kO, kO}},
  };
  std::vector<NerExample> out;
  for (const auto& [tokens, labels] : raw) out.push_back({NerFeaturesFor(TableOfWords(tokens).view(), Kb()), labels});
  return out;
}

TEST(NerTagger, LearnsItsTrainingSetDeterministically) {
  auto examples = ToyExamples();
  NerTrainOptions options;
  options.epochs = 8;
  NerModel a = TrainNerModel(examples, options), b = TrainNerModel(examples, options);
  for (const auto& ex : examples) EXPECT_EQ(a.Decode(ex.features), ex.labels);
  EXPECT_EQ(a.ToTsv("#\n"), b.ToTsv("#\n"));
  auto reread = NerModel::FromTsv(a.ToTsv("# round trip\n"), "model");
  ASSERT_TRUE(reread.ok()) << reread.status().message();
  for (const auto& ex : examples) EXPECT_EQ(reread.value().Decode(ex.features), ex.labels);
}

TEST(NerTagger, DecodesOnlyValidBioSequencesAndRejectsBadModels) {
  std::vector<int> labels = {kIPer, kIPer, kO, kBLoc, kIOrg};
  auto spans = LabelsToSpans(labels);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].type, "PER");
  EXPECT_EQ(spans[0].end, 2u);
  EXPECT_FALSE(NerTransitionAllowed(kO, kIPer));
  EXPECT_TRUE(NerTransitionAllowed(kBPer, kIPer));
  EXPECT_FALSE(NerModel::FromTsv("F\tzz\t1:20\n", "m").ok());
  EXPECT_FALSE(NerModel::FromTsv("F\t0000000000000001\t1 2 3\n", "m").ok());
  EXPECT_FALSE(NerModel::FromTsv("F\t0000000000000001\t9:20\n", "m").ok());
  EXPECT_TRUE(NerModel::FromTsv("F\t0000000000000001\t1:20 3:-5\nT\t-1\t0\n", "m").ok());
  EXPECT_EQ(ParseNerLabel("B-PLACE"), kBLoc);
  EXPECT_EQ(ParseNerLabel("I-ORGANISATION"), kIOrg);
  EXPECT_EQ(ParseNerLabel("B-TIME"), kO);
}

}  // namespace
}  // namespace warta
