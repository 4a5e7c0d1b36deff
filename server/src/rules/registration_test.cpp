#include "rules/registration.h"

#include <gtest/gtest.h>

namespace tadaima {
namespace {

const std::string kKey(32, 'k');

TEST(FormToken, RoundTripsAndRefusesTampering) {
  const std::string t = EncodeFormToken(kKey, "org-1", 1'781'000'000'000);
  auto decoded = DecodeFormToken(kKey, t);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->organization_id, "org-1");
  EXPECT_EQ(decoded->issued_at, 1'781'000'000'000);
  EXPECT_FALSE(DecodeFormToken(std::string(32, 'x'), t));
  EXPECT_FALSE(DecodeFormToken(kKey, "org-2" + t.substr(5)));
  EXPECT_FALSE(DecodeFormToken(kKey, t.substr(0, t.size() - 1)));
  EXPECT_FALSE(DecodeFormToken(kKey, ""));
  EXPECT_FALSE(DecodeFormToken(kKey, "..."));
}

TEST(Phones, PlainAndDigits) {
  EXPECT_EQ(PlainPhone("０９７ー５３７ー５６２６"), "097-537-5626");
  EXPECT_EQ(PlainPhone("（097）537　5626"), "(097)537 5626");
  EXPECT_EQ(PhoneDigits("097-537-5626"), "0975375626");
  EXPECT_EQ(PhoneDigits("０９７－５３７"), "097537");
}

TEST(Duplicates, SameChildByNameOrKanaAndBirthDate) {
  const CivilDate born{2023, 2, 2};
  EXPECT_TRUE(SameChild("高橋 結衣", "たかはし ゆい", born, "高橋ゆい", "タカハシ ユイ", born));
  EXPECT_TRUE(SameChild("高橋 結衣", std::nullopt, born, "高橋結衣", std::nullopt, born));
  EXPECT_FALSE(SameChild("高橋 結衣", "たかはし ゆい", born, "高橋 結衣", "たかはし ゆい", CivilDate{2023, 2, 3}));
  EXPECT_FALSE(SameChild("高橋 結衣", std::nullopt, born, "高橋 ゆい", "たかはし ゆい", born));
}

TEST(Duplicates, FamiliesPhonesAndOtherRegistrationsOnceEach) {
  Registration r;
  r.id = "r1";
  r.phone = "０９７ー５５５ー０１０１";
  r.children = {{"高橋 結衣", "たかはし ゆい", {2023, 2, 2}}, {"高橋 陸", std::nullopt, {2020, 5, 5}}};
  std::vector<KnownChild> children{{"f1", "高橋家", "高橋 ゆい", "タカハシユイ", {2023, 2, 2}},
                                   {"f1", "高橋家", "高橋 陸", std::nullopt, {2020, 5, 5}},
                                   {"f2", "別の家", "高橋 結衣", std::nullopt, {2019, 1, 1}}};
  std::vector<KnownPhone> phones{{"f1", "高橋家", "097-555-0101"}, {"f3", "山本家", "097-555-0102"}};
  Registration other;
  other.id = "r2";
  other.family_name = "高橋家（再送）";
  other.phone = "0975550101";
  Registration self = r;  // the registration itself among the pending ones
  auto d = FindDuplicates(r, children, phones, {self, other});
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].family_id, "f1");
  EXPECT_EQ(d[0].why, "same_child");
  EXPECT_EQ(d[1].family_id, "f1");
  EXPECT_EQ(d[1].why, "same_phone");
  EXPECT_EQ(d[2].registration_id, "r2");
  EXPECT_EQ(d[2].why, "same_phone");
}

}  // namespace
}  // namespace tadaima
