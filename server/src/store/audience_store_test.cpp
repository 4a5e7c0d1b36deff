// Audience store tests, on SQLite and PostgreSQL.
#include "store/audience_store.h"

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class AudienceStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    org_ = MakeOrg("A市");
    club_ = MakeFacility(org_, "ひまわり児童クラブ");
    other_club_ = MakeFacility(org_, "さくら児童クラブ");
    room_ = MakeFacility(org_, "こどもルームさくら", FacilityKind::kDropIn);
  }

  AudienceCandidates At(const std::vector<std::string>& facility_ids, const std::string& org = "") {
    return Read([&](db::Tx& tx) { return LoadAudienceCandidates(tx, org.empty() ? org_ : org, facility_ids); });
  }
  static std::set<std::string> ChildIds(const AudienceCandidates& c) {
    std::set<std::string> ids;
    for (const auto& child : c.children) ids.insert(child.child_id);
    return ids;
  }

  std::string org_;
  Facility club_, other_club_, room_;
};

TEST_P(AudienceStoreTest, ChildrenCountByTheirOwnEnrollmentOrTheirFamilys) {
  Family yamada = MakeFamily(org_, "山田");
  Child taro = MakeChild(yamada, "山田 太郎", std::nullopt, "2018-06-15");
  Child hana = MakeChild(yamada, "山田 花");  // a sibling not enrolled at the club
  Enroll(club_, yamada, taro);
  Family sato = MakeFamily(org_, "佐藤");
  Child aoi = MakeChild(sato, "佐藤 あおい");
  Child riku = MakeChild(sato, "佐藤 りく");
  Enroll(room_, sato);  // the drop-in room enrolls the family: both children count
  Family suzuki = MakeFamily(org_, "鈴木");
  Enroll(club_, suzuki, MakeChild(suzuki, "鈴木 そら"), EnrollmentStatus::kPending);  // not active

  auto club = At({club_.id});
  EXPECT_EQ(club.family_ids, std::set<std::string>{yamada.id});
  EXPECT_EQ(ChildIds(club), std::set<std::string>{taro.id});
  ASSERT_EQ(club.children.size(), 1u);
  EXPECT_EQ(club.children[0].family_id, yamada.id);
  EXPECT_EQ(club.children[0].birth_date, *CivilDate::Parse("2018-06-15"));

  auto room = At({room_.id});
  EXPECT_EQ(room.family_ids, std::set<std::string>{sato.id});
  EXPECT_EQ(ChildIds(room), (std::set<std::string>{aoi.id, riku.id}));

  // A child enrolled at two of the facilities is one candidate.
  Enroll(other_club_, yamada, taro);
  auto both = At({club_.id, other_club_.id, room_.id});
  EXPECT_EQ(both.family_ids, (std::set<std::string>{yamada.id, sato.id}));
  EXPECT_EQ(both.children.size(), 3u);
  EXPECT_FALSE(ChildIds(both).count(hana.id));
  EXPECT_TRUE(At({}).family_ids.empty());
}

TEST_P(AudienceStoreTest, AnotherOrganizationFindsNothingOfOurs) {
  Family yamada = MakeFamily(org_, "山田");
  Enroll(club_, yamada, MakeChild(yamada, "山田 太郎"));
  MakeGuardian(yamada, "山田 花子");
  const std::string other = MakeOrg("B市");
  EXPECT_TRUE(At({club_.id}, other).family_ids.empty());
  EXPECT_EQ(Read([&](db::Tx& tx) { return CountGuardians(tx, other, {yamada.id}); }), 0);
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ExistingIds(tx, "families", other, {yamada.id}); }).empty());
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ExistingIds(tx, "facilities", other, {club_.id}); }).empty());
}

TEST_P(AudienceStoreTest, GuardiansAndExistingIds) {
  Family yamada = MakeFamily(org_, "山田");
  Child taro = MakeChild(yamada, "山田 太郎");
  MakeGuardian(yamada, "山田 花子");
  MakeGuardian(yamada, "山田 健");
  Family sato = MakeFamily(org_, "佐藤");
  MakeGuardian(sato, "佐藤 舞");
  MakeStaff(org_);  // staff are not guardians
  EXPECT_EQ(Read([&](db::Tx& tx) { return CountGuardians(tx, org_, {yamada.id, sato.id}); }), 3);
  EXPECT_EQ(Read([&](db::Tx& tx) { return CountGuardians(tx, org_, {sato.id}); }), 1);
  EXPECT_EQ(Read([&](db::Tx& tx) { return CountGuardians(tx, org_, {}); }), 0);
  EXPECT_EQ(Read([&](db::Tx& tx) { return ExistingIds(tx, "families", org_, {yamada.id, "missing"}); }),
            std::set<std::string>{yamada.id});
  EXPECT_EQ(Read([&](db::Tx& tx) { return ExistingIds(tx, "children", org_, {taro.id, yamada.id}); }),
            std::set<std::string>{taro.id});
  EXPECT_EQ(Read([&](db::Tx& tx) { return ExistingIds(tx, "facilities", org_, {room_.id, taro.id}); }),
            std::set<std::string>{room_.id});
}

TADAIMA_STORE_TEST_SUITE(AudienceStoreTest);

}  // namespace
}  // namespace tadaima::store
