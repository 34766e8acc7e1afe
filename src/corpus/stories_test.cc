#include "corpus/stories.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "util/strings.h"
#include "util/tsv.h"

namespace warta {
namespace {

std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::string(WARTA_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Stopwords() { return ReadSource("data/corpus/stopwords_id.tsv") + ReadSource("data/corpus/stopwords_en.tsv"); }

StoryClusterer Make(StoryClusterer::Options o = {}) {
  auto c = StoryClusterer::Create(o, Stopwords());
  EXPECT_TRUE(c.ok()) << c.status().message();
  return std::move(c).value();
}

// Invented articles: two reports of one ferry fire, a later fire on the same
// route, a football match, a rice-price story, a flood and a court case.
struct Article {
  const char* title;
  const char* text;
  std::optional<int32_t> day;
  std::vector<std::string> actors;
};

const int32_t kDay = 20400;  // 2025-11-08

const Article kFerryA = {
    "Kapal Feri Terbakar di Selat Sunda, 212 Penumpang Dievakuasi",
    "Kapal feri KMP Bahari Nusantara terbakar di perairan Selat Sunda pada Sabtu pagi saat berlayar dari "
    "Pelabuhan Merak menuju Bakauheni. Sebanyak 212 penumpang dievakuasi oleh tim SAR gabungan dan kapal "
    "nelayan. Api diduga berasal dari ruang mesin. Basarnas menyebut seluruh penumpang selamat.",
    kDay, {"IDNGOV", "IDNMIL"}};
const Article kFerryB = {
    "Basarnas: Semua Penumpang KMP Bahari Nusantara Selamat",
    "Tim SAR gabungan berhasil mengevakuasi ratusan penumpang KMP Bahari Nusantara yang terbakar di Selat "
    "Sunda. Kepala Basarnas mengatakan api muncul dari ruang mesin tak lama setelah kapal meninggalkan "
    "Merak. Para penumpang dibawa ke Bakauheni dengan kapal nelayan dan kapal patroli.",
    kDay + 1, {"IDNGOV"}};
const Article kFerryLater = {
    "Kapal Feri Terbakar di Selat Bali, Penumpang Dievakuasi",
    "Kapal feri KMP Sinar Bahagia terbakar di Selat Bali dalam pelayaran dari Ketapang ke Gilimanuk. "
    "Tim SAR gabungan mengevakuasi para penumpang dengan kapal nelayan. Api diduga berasal dari ruang "
    "mesin kapal. Basarnas memastikan seluruh penumpang selamat.",
    kDay + 30, {"IDNGOV"}};
const Article kFootball = {
    "Persib Tundukkan Persija 2-1 di Stadion Gelora Bandung Lautan Api",
    "Persib Bandung menang 2-1 atas Persija Jakarta dalam lanjutan Liga 1. Dua gol Persib dicetak pada babak "
    "kedua setelah Persija unggul lebih dulu lewat sundulan. Pelatih Persib memuji semangat para pemain.",
    kDay, {}};
const Article kRice = {
    "Harga Beras Medium Naik di Pasar Induk Cipinang",
    "Harga beras medium di Pasar Induk Cipinang naik menjadi Rp 14.500 per kilogram. Pedagang menyebut "
    "pasokan dari sentra produksi berkurang karena panen mundur. Bulog berjanji menggelar operasi pasar.",
    kDay, {"IDNBUS"}};
const Article kFlood = {
    "Banjir Rendam Ratusan Rumah di Kabupaten Bekasi",
    "Hujan deras sejak malam membuat Sungai Cikarang meluap dan banjir merendam ratusan rumah warga di "
    "Kabupaten Bekasi. BPBD mendirikan posko pengungsian dan dapur umum bagi warga terdampak.",
    kDay + 1, {"IDNGOV"}};
const Article kCourt = {
    "Mantan Bupati Divonis Tujuh Tahun Penjara karena Korupsi Jalan",
    "Pengadilan Tipikor menjatuhkan vonis tujuh tahun penjara kepada mantan bupati dalam perkara korupsi "
    "proyek jalan kabupaten. Hakim menyatakan terdakwa terbukti menerima suap dari kontraktor.",
    kDay + 2, {"IDNJUD"}};
const Article kRiceB = {
    "Bulog Gelar Operasi Pasar Beras di Cipinang",
    "Bulog menggelar operasi pasar beras medium di Pasar Induk Cipinang setelah harga naik menjadi Rp 14.500 "
    "per kilogram. Pedagang berharap pasokan dari sentra produksi kembali normal setelah panen.",
    kDay + 2, {"IDNBUS"}};

StoryDoc Doc(int64_t id, const Article& a, bool dated = true) {
  StoryDoc d;
  d.doc = id;
  d.title = a.title;
  d.text = a.text;
  if (dated) d.day = a.day;
  d.actors = a.actors;
  return d;
}

TEST(Stories, DifferentlyWordedReportsOfOneEventJoin) {
  StoryClusterer c = Make();
  int64_t a = c.Add(Doc(1, kFerryA));
  c.Add(Doc(2, kFootball));
  c.Add(Doc(3, kRice));
  EXPECT_EQ(c.Add(Doc(4, kFerryB)), a);
}

TEST(Stories, DifferentStoriesSplit) {
  StoryClusterer c = Make();
  std::set<int64_t> ids;
  int64_t doc = 0;
  for (const Article* a : {&kFerryA, &kFootball, &kRice, &kFlood, &kCourt}) ids.insert(c.Add(Doc(++doc, *a)));
  EXPECT_EQ(ids, (std::set<int64_t>{1, 2, 3, 4, 5}));
}

TEST(Stories, SameTopicThirtyDaysLaterStartsANewStory) {
  StoryClusterer c = Make();
  int64_t a = c.Add(Doc(1, kFerryA));
  c.Add(Doc(2, kFootball));
  EXPECT_EQ(c.Add(Doc(3, kFerryB)), a);
  EXPECT_NE(c.Add(Doc(4, kFerryLater)), a);  // 30 days on: another fire, another story
}

TEST(Stories, WithoutDatesTheSameTopicJoins) {
  StoryClusterer c = Make();
  int64_t a = c.Add(Doc(1, kFerryA, false));
  c.Add(Doc(2, kFootball, false));
  EXPECT_EQ(c.Add(Doc(3, kFerryB, false)), a);
  EXPECT_EQ(c.Add(Doc(4, kFerryLater, false)), a);
}

TEST(Stories, CloseDaysClosesStoriesBehindTheNewestDay) {
  StoryClusterer::Options o;
  o.close_days = 7;
  StoryClusterer c = Make(o);
  int64_t a = c.Add(Doc(1, kFerryA));
  c.Add(Doc(2, kFootball));
  EXPECT_EQ(c.Add(Doc(3, kFerryB)), a);
  EXPECT_EQ(c.open_stories(), 2u);
  c.TakeChanged();
  int64_t later = c.Add(Doc(4, kFerryLater));
  EXPECT_NE(later, a);
  std::vector<StoryState> changed = c.TakeChanged();
  ASSERT_EQ(changed.size(), 3u);  // the two old stories closed, the new one opened
  EXPECT_EQ(changed[0].id, a);
  EXPECT_FALSE(changed[0].open);
  EXPECT_EQ(changed[0].size, 2);
  EXPECT_FALSE(changed[1].open);
  EXPECT_TRUE(changed[2].open);
  EXPECT_EQ(c.open_stories(), 1u);
}

TEST(Stories, SameTopicAfterTheWindowJoinsWhenUndated) {
  StoryClusterer c = Make();
  int64_t a = c.Add(Doc(1, kFerryA, false));
  c.Add(Doc(2, kFootball, false));
  c.Add(Doc(3, kRice, false));
  EXPECT_EQ(c.Add(Doc(4, kFerryB, false)), a);
  EXPECT_NE(c.Add(Doc(5, kFlood, false)), a);
  EXPECT_EQ(c.Add(Doc(6, kRiceB, false)), 3);
}

TEST(Stories, MaxOpenClosesTheLeastRecentlyJoined) {
  StoryClusterer::Options o;
  o.max_open = 2;
  StoryClusterer c = Make(o);
  int64_t ferry = c.Add(Doc(1, kFerryA, false));
  int64_t rice = c.Add(Doc(2, kRice, false));
  EXPECT_EQ(c.Add(Doc(3, kFerryB, false)), ferry);  // the ferry story is now the most recent
  c.Add(Doc(4, kFootball, false));                  // closes the rice story
  EXPECT_EQ(c.open_stories(), 2u);
  EXPECT_NE(c.Add(Doc(5, kRiceB, false)), rice);
}

TEST(Stories, JoinForcesMembership) {
  StoryClusterer c = Make();
  int64_t a = c.Add(Doc(1, kFerryA));
  EXPECT_EQ(c.Join(Doc(2, kFootball), a), a);
  auto changed = c.TakeChanged();
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].size, 2);
  EXPECT_EQ(changed[0].last_doc, 2);
  // A story that is not open: the document is added as usual.
  EXPECT_EQ(c.Join(Doc(3, kRice), 99), 2);
}

TEST(Stories, LabelIsAMemberTitle) {
  StoryClusterer c = Make();
  int64_t a = c.Add(Doc(1, kFerryB));
  c.Add(Doc(2, kRice));
  EXPECT_EQ(c.Add(Doc(3, kFerryA)), a);
  for (const StoryState& s : c.TakeChanged()) {
    if (s.id != a) continue;
    EXPECT_TRUE(s.label == kFerryA.title || s.label == kFerryB.title) << s.label;
    EXPECT_EQ(s.size, 2);
    EXPECT_EQ(s.first_day, kDay);
    EXPECT_EQ(s.last_day, kDay + 1);
    EXPECT_TRUE(s.open);
  }
}

TEST(Stories, UntitledStoriesHaveNoLabelUntilATitledMember) {
  StoryClusterer c = Make();
  StoryDoc d = Doc(1, kFerryA);
  d.title = "";
  int64_t a = c.Add(d);
  EXPECT_EQ(c.TakeChanged()[0].label, "");
  EXPECT_EQ(c.Add(Doc(2, kFerryB)), a);
  EXPECT_EQ(c.TakeChanged()[0].label, kFerryB.title);
}

// A stand-in for the store: stories by id, upserted from TakeChanged.
struct Store {
  std::map<int64_t, StoryState> stories;
  std::string stats;
  int64_t next_id = 1;
  void Save(StoryClusterer& c) {
    for (StoryState& s : c.TakeChanged()) stories[s.id] = std::move(s);
    stats = c.SaveTermStats();
    next_id = c.next_id();
  }
  std::vector<StoryState> Open() const {
    std::vector<StoryState> out;
    for (const auto& [id, s] : stories)
      if (s.open) out.push_back(s);
    return out;
  }
};

std::vector<StoryDoc> Corpus(bool dated) {
  std::vector<StoryDoc> docs;
  int64_t id = 0;
  for (const Article* a : {&kFerryA, &kFootball, &kRice, &kFerryB, &kFlood, &kRiceB, &kCourt, &kFerryLater,
                           &kRice, &kFootball, &kFlood})
    docs.push_back(Doc(id += 3, *a, dated));
  return docs;
}

// Adds docs[i], or joins it to the story of an earlier document with the same
// title (a duplicate, as the store's near-duplicate check would find it).
int64_t Feed(StoryClusterer& c, const std::vector<StoryDoc>& docs, size_t i, const std::vector<int64_t>& ids) {
  for (size_t j = 0; j < i; ++j)
    if (docs[j].title == docs[i].title) return c.Join(docs[i], ids[j]);
  return c.Add(docs[i]);
}

TEST(Stories, SaveAndRestoreAssignsAsAnUninterruptedRun) {
  for (bool dated : {true, false}) {
    for (size_t max_open : {size_t{3}, size_t{5000}}) {
      StoryClusterer::Options o;
      o.max_open = max_open;
      o.close_days = max_open == 3 ? 0 : 7;
      std::vector<StoryDoc> docs = Corpus(dated);
      StoryClusterer straight = Make(o);
      std::vector<int64_t> want;
      for (size_t i = 0; i < docs.size(); ++i) want.push_back(Feed(straight, docs, i, want));
      for (size_t k = 0; k <= docs.size(); ++k) {
        StoryClusterer first = Make(o);
        std::vector<int64_t> got;
        for (size_t i = 0; i < k; ++i) got.push_back(Feed(first, docs, i, got));
        Store store;
        store.Save(first);
        StoryClusterer resumed = Make(o);
        ASSERT_TRUE(resumed.Restore(store.Open(), store.stats, store.next_id).ok());
        EXPECT_EQ(resumed.open_stories(), first.open_stories());
        for (size_t i = k; i < docs.size(); ++i) got.push_back(Feed(resumed, docs, i, got));
        EXPECT_EQ(got, want) << "dated " << dated << " max_open " << max_open << " k " << k;
        EXPECT_EQ(resumed.SaveTermStats(), straight.SaveTermStats());
        EXPECT_EQ(resumed.open_stories(), straight.open_stories());
      }
    }
  }
}

TEST(Stories, RestoreRejectsDamagedState) {
  StoryClusterer c = Make();
  c.Add(Doc(1, kFerryA));
  Store store;
  store.Save(c);
  StoryClusterer r = Make();
  EXPECT_FALSE(r.Restore(store.Open(), "garbage", 2).ok());
  EXPECT_FALSE(r.Restore(store.Open(), store.stats.substr(0, store.stats.size() - 1), 2).ok());
  auto open = store.Open();
  open[0].centroid += "x";
  EXPECT_FALSE(r.Restore(open, store.stats, 2).ok());
  EXPECT_EQ(r.open_stories(), 0u);
  EXPECT_TRUE(r.Restore(store.Open(), store.stats, 2).ok());
  EXPECT_EQ(r.Add(Doc(2, kFerryB)), 1);
  EXPECT_EQ(r.Add(Doc(3, kFootball)), 2);
}

TEST(Stories, MemoryStaysBoundedByOpenStories) {
  StoryClusterer::Options o;
  o.max_open = 50;
  StoryClusterer c = Make(o);
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text = "Peristiwa nomor kata" + std::to_string(i) + " terjadi di desa" + std::to_string(i) + " dan kota" +
           std::to_string(i * 7) + " bersama warga" + std::to_string(i * 13);
    StoryDoc d;
    d.doc = i + 1;
    d.text = text;
    c.Add(d);
    EXPECT_LE(c.open_stories(), 50u);
  }
  EXPECT_LT(c.MemoryBytes(), size_t{5} << 20);
}


TEST(Stories, InvalidOptionsAndStopwordsAreRejected) {
  StoryClusterer::Options o;
  o.threshold = o.actor_bonus;  // a story sharing no word could join
  EXPECT_FALSE(StoryClusterer::Create(o, Stopwords()).ok());
  o = {};
  o.far_threshold = o.threshold - 0.1;
  EXPECT_FALSE(StoryClusterer::Create(o, Stopwords()).ok());
  EXPECT_FALSE(StoryClusterer::Create({}, "Yang\tid\n").ok());
  EXPECT_FALSE(StoryClusterer::Create({}, "yang\n").ok());
  EXPECT_FALSE(StoryClusterer::Create({}, "# nothing\n").ok());
}

// data/corpus/stopwords_{id,en}.tsv: WORD<TAB>LANG, one lower-case word per
// row, the file's language, no duplicates, a few hundred words each.
TEST(Stories, StopwordFilesFormat) {
  for (std::string lang : {"id", "en"}) {
    std::string path = "data/corpus/stopwords_" + lang + ".tsv";
    std::string tsv = ReadSource(path);
    std::set<std::string> seen;
    Status s = ForEachTsvRow(tsv, path, 2, "WORD<TAB>LANG", [&](const auto& cols) -> std::string {
      std::string w(cols[0]);
      if (w.empty() || w.find(' ') != std::string::npos || Trim(w) != w) return "not one word";
      if (FoldCase(w) != w) return "not lower-case: " + w;
      if (cols[1] != lang) return "wrong LANG";
      if (!seen.insert(w).second) return "duplicate: " + w;
      return "";
    });
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_GE(seen.size(), 300u) << path;
    EXPECT_LE(seen.size(), 600u) << path;
  }
  EXPECT_TRUE(StoryClusterer::Create({}, Stopwords()).ok());
}

}  // namespace
}  // namespace warta
