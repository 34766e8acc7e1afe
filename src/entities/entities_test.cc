// The entity stage on small dictionaries written here: dictionary matching,
// metonyms, dated offices, title-only mentions, role phrases and short forms.
// The tagger's model is empty, so every name comes from these dictionaries
// and the tests do not depend on the trained model.
#include <gtest/gtest.h>

#include <map>

#include "entities/conll.h"
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

// A one-word dictionary place the syntax stage tags as a verb is the verb,
// not the place (the tag is set by hand here: the test owns its tokens).
TEST(Linker, APlaceSpeltLikeAVerbIsNotThePlace) {
  const std::string text = "Surabaya menolak usulan itu.";
  auto sentences = SplitSentences(text, Span{0, text.size()}, testing::TestKnowledge().abbreviations);
  ASSERT_FALSE(sentences.empty());
  auto place = LinkEntities(text, sentences, Kb(), LinkContext{20250101, "id"});
  EXPECT_TRUE(Named(place, "Surabaya"));
  sentences[0].tokens[0].upos = Upos::kVerb;
  auto verb = LinkEntities(text, sentences, Kb(), LinkContext{20250101, "id"});
  EXPECT_FALSE(Named(verb, "Surabaya"));
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

// English: the recogniser with an English model reads the syntax stage's
// part of speech. The models here are trained in the test on the sentence
// itself, so the tagger says what the test needs and the rules are what is
// tested.
struct EnglishCase {
  WordTable table;
  EnglishCase(std::vector<std::string_view> words, std::vector<Upos> upos) : table(TableOfWords(words)) {
    for (size_t i = 0; i < upos.size(); ++i) table.tokens[i].upos = upos[i];
  }
  TokenView view() const { return table.view(); }
};

// Kb() with an English model that tags each case's words as `labels` say.
EntityKnowledge WithEnglishModel(const std::vector<std::pair<const EnglishCase*, std::vector<int>>>& cases) {
  std::vector<NerExample> examples;
  for (const auto& [c, labels] : cases) examples.push_back({NerFeaturesFor(c->view(), Kb(), true), labels, {}});
  NerTrainOptions options;
  options.epochs = 10;
  NerModel model = TrainNerModel(examples, options);
  for (const auto& ex : examples) EXPECT_EQ(model.Decode(ex.features), ex.labels) << "the test's model must say this";
  EntityKnowledge k = Kb();
  k.SetModel("en", std::move(model));
  return k;
}

std::vector<std::pair<std::string, std::string>> TypedNames(const TokenView& tokens, const SentenceNames& names) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const NameSpan& n : names.names) {
    std::string text;
    for (size_t i = n.begin; i < n.end; ++i) text += (i > n.begin ? " " : "") + std::string(tokens.surface(i));
    out.push_back({text, std::string(n.type)});
  }
  return out;
}
using Typed = std::vector<std::pair<std::string, std::string>>;

TEST(EnglishRecognizer, PicksTheModelByLanguage) {
  EnglishCase c({"Greetings", "from", "Kalimantan", "."}, {Upos::kNoun, Upos::kAdp, Upos::kPropn, Upos::kPunct});
  EntityKnowledge k = WithEnglishModel({{&c, {kO, kO, kBPer, kO}}});
  EXPECT_TRUE(k.UsesEnglishModel("en"));
  EXPECT_FALSE(k.UsesEnglishModel("id"));
  EXPECT_FALSE(k.UsesEnglishModel("ms"));
  EXPECT_FALSE(k.UsesEnglishModel(""));
  EXPECT_EQ(TypedNames(c.view(), RecognizeNames(c.view(), k, false, "en")), (Typed{{"Kalimantan", "PER"}}));
  // Indonesian, Malay and unknown text keep the Indonesian model (empty here: no tagger).
  for (std::string_view lang : {"id", "ms", ""}) EXPECT_TRUE(RecognizeNames(c.view(), k, false, lang).names.empty());
  // The linker passes the article's language on.
  EnglishCase untagged({"Greetings", "from", "Kalimantan", "."}, {});
  EntityKnowledge k2 = WithEnglishModel({{&untagged, {kO, kO, kBPer, kO}}});
  const std::string& text = untagged.table.text;
  auto sentences = SplitSentences(text, Span{0, text.size()}, testing::TestKnowledge().abbreviations);
  auto en = LinkEntities(text, sentences, k2, LinkContext{0, "en"});
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].name, "Kalimantan");
  EXPECT_EQ(en[0].type, "PER");
  EXPECT_TRUE(LinkEntities(text, sentences, k2, LinkContext{0, "id"}).empty());
}

TEST(EnglishRecognizer, ALoneOrdinaryWordIsNotAName) {
  // "Board" and "Email" open the sentence; "Democratic" is an adjective.
  // The tagger here takes each for a name; the part of speech overrules it.
  EnglishCase board({"Board", "members", "met", "."}, {Upos::kNoun, Upos::kNoun, Upos::kVerb, Upos::kPunct});
  EnglishCase email({"Email", "the", "office", "."}, {Upos::kVerb, Upos::kDet, Upos::kNoun, Upos::kPunct});
  EnglishCase democratic({"Democratic", "leaders", "met", "."}, {Upos::kAdj, Upos::kNoun, Upos::kVerb, Upos::kPunct});
  EnglishCase person({"Boardman", "met", "them", "."}, {Upos::kPropn, Upos::kVerb, Upos::kPron, Upos::kPunct});
  EntityKnowledge k = WithEnglishModel({{&board, {kBPer, kO, kO, kO}},
                                        {&email, {kBPer, kO, kO, kO}},
                                        {&democratic, {kBOrg, kO, kO, kO}},
                                        {&person, {kBPer, kO, kO, kO}}});
  EXPECT_TRUE(RecognizeNames(board.view(), k, false, "en").names.empty());
  EXPECT_TRUE(RecognizeNames(email.view(), k, false, "en").names.empty());
  EXPECT_TRUE(RecognizeNames(democratic.view(), k, false, "en").names.empty());
  // A proper noun stays a name.
  EXPECT_EQ(TypedNames(person.view(), RecognizeNames(person.view(), k, false, "en")), (Typed{{"Boardman", "PER"}}));
}

TEST(EnglishRecognizer, TheNameAfterATitleAndOfIsItsDomain) {
  // "the president of Ruritania": Ruritania is where the office is, even when
  // the tagger says person, and even when it says nothing.
  EnglishCase tagged({"The", "president", "of", "Ruritania", "spoke", "."},
                     {Upos::kDet, Upos::kNoun, Upos::kAdp, Upos::kPropn, Upos::kVerb, Upos::kPunct});
  EnglishCase untagged({"The", "president", "of", "Freedonia", "spoke", "."},
                       {Upos::kDet, Upos::kNoun, Upos::kAdp, Upos::kPropn, Upos::kVerb, Upos::kPunct});
  EntityKnowledge k = WithEnglishModel({{&tagged, {kO, kO, kO, kBPer, kO, kO}}, {&untagged, {kO, kO, kO, kO, kO, kO}}});
  EXPECT_EQ(TypedNames(tagged.view(), RecognizeNames(tagged.view(), k, false, "en")), (Typed{{"Ruritania", "LOC"}}));
  EXPECT_EQ(TypedNames(untagged.view(), RecognizeNames(untagged.view(), k, false, "en")), (Typed{{"Freedonia", "LOC"}}));
}

TEST(EnglishRecognizer, PlacesListedTogetherAndPostalAbbreviations) {
  // "Surabaya and Ruritania": a lone "person" listed with a place is a place.
  EnglishCase list({"Floods", "hit", "Surabaya", "and", "Ruritania", "."},
                   {Upos::kNoun, Upos::kVerb, Upos::kPropn, Upos::kCconj, Upos::kPropn, Upos::kPunct});
  // "Surabaya, GA": two capitals after a place and a comma are its state.
  EnglishCase postal({"They", "met", "in", "Surabaya", ",", "GA", "today", "."},
                     {Upos::kPron, Upos::kVerb, Upos::kAdp, Upos::kPropn, Upos::kPunct, Upos::kPropn, Upos::kNoun,
                      Upos::kPunct});
  // Two capitals after a person and a comma are not a place.
  EnglishCase initials({"They", "met", "Rudi", ",", "GA", "said", "."},
                       {Upos::kPron, Upos::kVerb, Upos::kPropn, Upos::kPunct, Upos::kPropn, Upos::kVerb, Upos::kPunct});
  // ... and one the tagger passed over, if the syntax stage calls it a proper noun.
  EnglishCase missed({"Floods", "hit", "Surabaya", "and", "Freedonia", "."},
                     {Upos::kNoun, Upos::kVerb, Upos::kPropn, Upos::kCconj, Upos::kPropn, Upos::kPunct});
  EnglishCase noun({"Floods", "hit", "Surabaya", "and", "Farms", "."},
                   {Upos::kNoun, Upos::kVerb, Upos::kPropn, Upos::kCconj, Upos::kNoun, Upos::kPunct});
  EntityKnowledge k = WithEnglishModel({{&list, {kO, kO, kO, kO, kBPer, kO}},
                                        {&missed, {kO, kO, kO, kO, kO, kO}},
                                        {&noun, {kO, kO, kO, kO, kO, kO}},
                                        {&postal, {kO, kO, kO, kO, kO, kBPer, kO, kO}},
                                        {&initials, {kO, kO, kBPer, kO, kBPer, kO, kO}}});
  EXPECT_EQ(TypedNames(list.view(), RecognizeNames(list.view(), k, false, "en")),
            (Typed{{"Surabaya", "LOC"}, {"Ruritania", "LOC"}}));
  EXPECT_EQ(TypedNames(missed.view(), RecognizeNames(missed.view(), k, false, "en")),
            (Typed{{"Surabaya", "LOC"}, {"Freedonia", "LOC"}}));
  EXPECT_EQ(TypedNames(noun.view(), RecognizeNames(noun.view(), k, false, "en")), (Typed{{"Surabaya", "LOC"}}));
  EXPECT_EQ(TypedNames(postal.view(), RecognizeNames(postal.view(), k, false, "en")),
            (Typed{{"Surabaya", "LOC"}, {"GA", "LOC"}}));
  EXPECT_EQ(TypedNames(initials.view(), RecognizeNames(initials.view(), k, false, "en")),
            (Typed{{"Rudi", "PER"}, {"GA", "PER"}}));
}

TEST(EnglishRecognizer, TheSourceAfterAccordingToIsNotAPlace) {
  EnglishCase c({"According", "to", "Wibowo", ",", "talks", "went", "well", "."},
                {Upos::kVerb, Upos::kAdp, Upos::kPropn, Upos::kPunct, Upos::kNoun, Upos::kVerb, Upos::kAdv, Upos::kPunct});
  EnglishCase place({"They", "flew", "to", "Wibowo", "."}, {Upos::kPron, Upos::kVerb, Upos::kAdp, Upos::kPropn, Upos::kPunct});
  EntityKnowledge k = WithEnglishModel({{&c, {kO, kO, kBLoc, kO, kO, kO, kO, kO}}, {&place, {kO, kO, kO, kBLoc, kO}}});
  EXPECT_EQ(TypedNames(c.view(), RecognizeNames(c.view(), k, false, "en")), (Typed{{"Wibowo", "PER"}}));
  EXPECT_EQ(TypedNames(place.view(), RecognizeNames(place.view(), k, false, "en")), (Typed{{"Wibowo", "LOC"}}));
}

TEST(EnglishLinker, ALoneWordOfAPersonsNameIsThatPerson) {
  // The tagger reads the lone surname as an organisation; the article named
  // the person in full, so it is that person's short form.
  EnglishCase first({"Rudi", "Hartono", "spoke", "."}, {});
  EnglishCase second({"Voters", "backed", "Hartono", "."}, {});
  EntityKnowledge k = WithEnglishModel({{&first, {kBPer, kIPer, kO, kO}}, {&second, {kO, kO, kBOrg, kO}}});
  const std::string text = first.table.text + " " + second.table.text;
  auto sentences = SplitSentences(text, Span{0, text.size()}, testing::TestKnowledge().abbreviations);
  ASSERT_EQ(sentences.size(), 2u);
  auto entities = LinkEntities(text, sentences, k, LinkContext{0, "en"});
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].name, "Rudi Hartono");
  EXPECT_EQ(entities[0].type, "PER");
  EXPECT_EQ(MentionTexts(text, entities[0]), (std::vector<std::string>{"Rudi Hartono", "Hartono"}));
}

// The same mistakes on English sentences written for this test, through the
// committed knowledge: warta's tokens, the English syntax tagger and the
// English name tagger (data/entities/ner_model_en.tsv).
Typed EnglishNames(const std::string& text) {
  const Knowledge& k = testing::TestKnowledge();
  Typed out;
  for (Sentence& s : SplitSentences(text, Span{0, text.size()}, k.abbreviations)) {
    k.syntax.Annotate("en", text, &s.tokens, false);
    const TokenView tokens(text, s);
    for (const auto& n : TypedNames(tokens, RecognizeNames(tokens, k.entities, false, "en"))) out.push_back(n);
  }
  return out;
}
bool Has(const Typed& names, std::string_view text, std::string_view type) {
  for (const auto& [t, ty] : names)
    if (t == text && ty == type) return true;
  return false;
}
bool Named(const Typed& names, std::string_view text) {
  for (const auto& [t, ty] : names)
    if (t == text) return true;
  return false;
}

TEST(EnglishRecognizer, CommittedModelOnEnglishSentences) {
  ASSERT_FALSE(testing::TestKnowledge().entities.model("en").empty()) << "data/entities/ner_model_en.tsv is missing";
  // Capitalised ordinary words at a sentence's start or in a heading.
  auto board = EnglishNames("Board members voted on the new budget on Tuesday.");
  EXPECT_FALSE(Named(board, "Board")) << ::testing::PrintToString(board);
  auto email = EnglishNames("Email your questions to the office before Friday.");
  EXPECT_FALSE(Named(email, "Email")) << ::testing::PrintToString(email);
  auto heading = EnglishNames("Email Scam Targets Pensioners In Oregon");
  EXPECT_FALSE(Named(heading, "Email")) << ::testing::PrintToString(heading);
  // US states, alone and listed, and in an office's title.
  auto states = EnglishNames("Voters in Ohio, Michigan and Pennsylvania will decide the race, analysts said.");
  for (const char* state : {"Ohio", "Michigan", "Pennsylvania"})
    EXPECT_TRUE(Has(states, state, "LOC")) << state << " " << ::testing::PrintToString(states);
  auto governor = EnglishNames("The governor of Kentucky signed the bill on Friday.");
  EXPECT_EQ(governor, (Typed{{"Kentucky", "LOC"}}));
  // Postal abbreviations: places, never people or office holders.
  auto postal = EnglishNames("The package was shipped from Macon, GA to Buffalo, NY last week.");
  EXPECT_TRUE(Has(postal, "GA", "LOC")) << ::testing::PrintToString(postal);
  EXPECT_TRUE(Has(postal, "NY", "LOC")) << ::testing::PrintToString(postal);
  auto office = EnglishNames("The Governor of GA signed the order on Monday.");
  EXPECT_EQ(office, (Typed{{"GA", "LOC"}}));
  // An adjective alone is not an organisation.
  auto democratic = EnglishNames("Democratic leaders met the mayor on Friday to discuss the plan.");
  EXPECT_FALSE(Named(democratic, "Democratic")) << ::testing::PrintToString(democratic);
  // After an honorific comes a name, even one the common-word list holds (Malay "wang").
  auto honorific = EnglishNames("Mr. Wang said the talks had gone well.");
  EXPECT_TRUE(Has(honorific, "Wang", "PER")) << ::testing::PrintToString(honorific);
  // A bank is an organisation.
  auto bank = EnglishNames("She opened an account at Lee Bank last week.");
  EXPECT_EQ(bank, (Typed{{"Lee Bank", "ORG"}}));
}

TEST(EnglishNerData, Iob2SentencesAreReadAsAnalyzeReadsThem) {
  const std::string iob2 =
      "# sent_id = x-1\n# text = We flew to New York, then Ruritania.\n"
      "1\tWe\tO\t-\t-\n2\tflew\tO\t-\t-\n3\tto\tO\t-\t-\n4\tNew\tB-LOC\t-\t-\n5\tYork\tI-LOC\t-\t-\n"
      "6\t,\tO\t-\t-\n7\tthen\tO\t-\t-\n8\tRuritania\tB-LOC\t-\t-\n9\t.\tO\t-\t-\n\n";
  auto sentences = ParseIob2(iob2);
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0].text, "We flew to New York, then Ruritania.");
  ASSERT_EQ(sentences[0].tokens.size(), 9u);
  EXPECT_EQ(sentences[0].tags[3], "B-LOC");
  const Knowledge& k = testing::TestKnowledge();
  NerTextSentence s = PrepareNerSentence(sentences[0], k.abbreviations, [&](std::string_view text, std::vector<Token>* t) {
    k.syntax.Annotate("en", text, t, false);
  });
  ASSERT_EQ(s.gold.size(), 2u);
  EXPECT_EQ(s.text.substr(s.gold[0].span.start, s.gold[0].span.end - s.gold[0].span.start), "New York");
  EXPECT_EQ(s.gold[1].type, "LOC");
  ASSERT_EQ(s.sentences.size(), 1u);
  const TokenView tokens(s.text, s.sentences[0]);
  for (const Token& t : tokens) EXPECT_NE(t.upos, Upos::kX) << "tagged by the syntax stage";
  std::vector<int> labels = ProjectNerLabels(tokens, s.gold);
  ASSERT_EQ(labels.size(), tokens.size());
  EXPECT_EQ(labels[3], kBLoc);
  EXPECT_EQ(labels[4], kILoc);
  EXPECT_EQ(labels[7], kBLoc);
  EXPECT_EQ(AlignTokens("a  b", {"a", "b"}).size(), 2u);
  EXPECT_TRUE(AlignTokens("a b", {"a", "c"}).empty());
}

}  // namespace
}  // namespace warta
