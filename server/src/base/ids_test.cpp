#include "base/ids.h"

#include <gtest/gtest.h>

namespace tadaima {
namespace {

TEST(NewIdTest, IncreasesWithinOneMillisecondAndAcrossClockSteps) {
  std::string previous = NewId(1795241045000);
  for (int i = 0; i < 1000; ++i) {
    std::string id = NewId(1795241045000 - (i % 3));  // same or earlier milliseconds
    EXPECT_LT(previous, id);
    EXPECT_TRUE(LooksLikeId(id));
    previous = id;
  }
  EXPECT_LT(previous, NewId(1795241046000));
}

TEST(LooksLikeIdTest, RejectsOtherShapes) {
  EXPECT_FALSE(LooksLikeId(""));
  EXPECT_FALSE(LooksLikeId("01m7yzyw43p1jg86nn55xnnvt"));    // 25 characters
  EXPECT_FALSE(LooksLikeId("01m7yzyw43p1jg86nn55xnnvtU"));   // upper case
  EXPECT_FALSE(LooksLikeId("01m7yzyw43p1jg86nn55xnnvt%"));
  EXPECT_TRUE(LooksLikeId("01m7yzyw43p1jg86nn55xnnvta"));
}

TEST(IsUuidTest, TakesTheShapeOnly) {
  EXPECT_TRUE(IsUuid("0f8fad5b-d9cb-469f-a165-70867728950e"));
  EXPECT_TRUE(IsUuid("0F8FAD5B-D9CB-469F-A165-70867728950E"));
  EXPECT_FALSE(IsUuid("0f8fad5b-d9cb-469f-a165-70867728950"));
  EXPECT_FALSE(IsUuid("0f8fad5bd-9cb-469f-a165-70867728950e"));
  EXPECT_FALSE(IsUuid("0f8fad5b-d9cb-469f-a165-70867728950g"));
  EXPECT_FALSE(IsUuid(""));
}

TEST(CodesTest, AvoidLookAlikes) {
  std::string code = RandomCode(200);
  EXPECT_EQ(code.size(), 200u);
  EXPECT_EQ(code.find_first_of("01ilo"), std::string::npos);
  EXPECT_NE(RandomToken(), RandomToken());
  EXPECT_EQ(HashToken("a").size(), 64u);
  EXPECT_TRUE(SecureEquals("abc", "abc"));
  EXPECT_FALSE(SecureEquals("abc", "abd"));
}

TEST(NewUuidTest, IsAVersion4UuidEachTimeNew) {
  const std::string a = NewUuid(), b = NewUuid();
  EXPECT_TRUE(IsUuid(a)) << a;
  EXPECT_NE(a, b);
  EXPECT_EQ(a[14], '4');
  EXPECT_NE(std::string("89ab").find(a[19]), std::string::npos);
}

}  // namespace
}  // namespace tadaima
