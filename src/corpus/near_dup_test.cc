#include "corpus/near_dup.h"

#include <gtest/gtest.h>

#include <string>

namespace warta {
namespace {

std::string Article(int variant) {
  std::string s;
  for (int i = 0; i < 120; ++i) s += "kalimat nomor " + std::to_string(i) + " tentang banjir di kota pesisir. ";
  if (variant == 1) s += "Tambahan satu kalimat di akhir dari media lain.";
  if (variant == 2) s = "Pembaruan: " + s.substr(0, s.size() / 2) + " lain sama sekali " + s.substr(s.size() / 2);
  return s;
}

TEST(NearDup, NormalizationIgnoresCaseSpacingAndPunctuation) {
  EXPECT_EQ(NormalizeForDedup("Presiden  BERTEMU,\n  menteri!"), "presiden bertemu menteri");
  EXPECT_EQ(NormalizeForDedup("“Kami siap” — katanya."), "kami siap katanya");
  EXPECT_EQ(NormalizeForDedup(""), "");
}

TEST(NearDup, ShinglesAreFiveWordWindows) {
  EXPECT_EQ(Shingles("a b c d e f").size(), 2u);
  EXPECT_EQ(Shingles("a b c").size(), 1u);  // shorter than a shingle: one, the whole text
  EXPECT_TRUE(Shingles("").empty());
  EXPECT_EQ(Shingles("a b c d e a b c d e").size(), 5u);  // distinct only
}

TEST(NearDup, JaccardOfShingleSets) {
  auto a = Shingles(NormalizeForDedup(Article(0))), b = Shingles(NormalizeForDedup(Article(1)));
  EXPECT_DOUBLE_EQ(Jaccard(a, a), 1.0);
  EXPECT_GT(Jaccard(a, b), 0.9);
  auto other = Shingles(NormalizeForDedup("Harga cabai rawit di pasar induk naik tajam menjelang akhir pekan ini."));
  EXPECT_EQ(Jaccard(a, other), 0.0);
}

TEST(NearDup, LshFindsNearCopiesAndNotOthers) {
  LshIndex index;
  auto keys = [](const std::string& text) { return BandKeys(MinHashSignature(Shingles(NormalizeForDedup(text)))); };
  index.Add(1, keys(Article(0)));
  index.Add(2, keys("Harga cabai rawit di pasar induk naik tajam menjelang akhir pekan ini, kata pedagang."));
  EXPECT_EQ(index.Candidates(keys(Article(1))), std::vector<int64_t>{1});
  EXPECT_EQ(index.Candidates(keys(Article(2))), std::vector<int64_t>{1});
  EXPECT_TRUE(index.Candidates(keys("Tim SAR menemukan korban terakhir longsor di lereng gunung itu pada Senin pagi.")).empty());
  EXPECT_EQ(index.documents(), 2u);
  EXPECT_GT(index.MemoryBytes(), 0u);
}

// A story copied many times: a new copy is checked against the few candidates that share the
// most bands with it (ties: the earliest), not against every copy.
TEST(NearDup, CandidatesAreBoundedToThoseSharingTheMostBands) {
  LshIndex index;
  std::vector<uint64_t> probe;
  for (uint64_t b = 0; b < 20; ++b) probe.push_back((b + 1) << 40);
  // Document d shares its first (d % 5) + 1 bands with the probe; the rest are its own.
  for (int64_t d = 1; d <= 30; ++d) {
    std::vector<uint64_t> keys;
    for (uint64_t b = 0; b < 20; ++b) keys.push_back(b <= static_cast<uint64_t>(d % 5) ? probe[b] : (uint64_t(1000 + d * 20 + b) << 32));
    index.Add(d, keys);
  }
  EXPECT_EQ(index.Candidates(probe).size(), 30u);
  // Five bands shared: documents 4, 9, 14, 19, 24, 29; the four earliest of them.
  EXPECT_EQ(index.Candidates(probe, 4), (std::vector<int64_t>{4, 9, 14, 19}));
  // Eight: the six with five bands, then the two earliest with four (3, 8).
  EXPECT_EQ(index.Candidates(probe, 8), (std::vector<int64_t>{3, 4, 8, 9, 14, 19, 24, 29}));
}

TEST(NearDup, SignatureEstimatesJaccard) {
  // Two sets sharing 80 of 120 elements (J = 0.5): the estimate is near it.
  std::vector<uint64_t> a, b;
  for (uint64_t i = 0; i < 100; ++i) a.push_back(i * 7919);
  for (uint64_t i = 20; i < 120; ++i) b.push_back(i * 7919);
  auto sa = MinHashSignature(a), sb = MinHashSignature(b);
  int same = 0;
  for (size_t i = 0; i < sa.size(); ++i) same += sa[i] == sb[i];
  double estimate = same / static_cast<double>(sa.size());
  EXPECT_NEAR(estimate, Jaccard(a, b), 0.15);
}

TEST(NearDup, PackedHashesRoundTrip) {
  std::vector<uint64_t> v = {0, 1, 0xffffffffffffffffULL, 0x0123456789abcdefULL};
  EXPECT_EQ(UnpackHashes(PackHashes(v)), v);
  EXPECT_TRUE(UnpackHashes("abc").empty());  // a truncated value is dropped
}

}  // namespace
}  // namespace warta
