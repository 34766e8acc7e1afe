#include "util/days.h"

#include <gtest/gtest.h>

namespace warta {
namespace {

TEST(Days, FromIsoDates) {
  EXPECT_EQ(DaysFromIso("1970-01-01"), 0);
  EXPECT_EQ(DaysFromIso("2025-10-21T20:43:00+07:00"), 20382);  // the local date as written
  EXPECT_EQ(DaysFromIso("2024-02-29"), 19782);
  EXPECT_EQ(DaysFromIso("2025-02-29"), std::nullopt);
  EXPECT_EQ(DaysFromIso("2025-13-01"), std::nullopt);
  EXPECT_EQ(DaysFromIso("21/10/2025"), std::nullopt);
  EXPECT_EQ(DaysFromIso(""), std::nullopt);
}

TEST(Days, RoundTrip) {
  for (int32_t d : {-719468, -1, 0, 1, 11016, 19782, 20382, 100000})
    EXPECT_EQ(DaysFromIso(IsoFromDays(d)), d) << IsoFromDays(d);
  EXPECT_EQ(IsoFromDays(20382), "2025-10-21");
}

}  // namespace
}  // namespace warta
