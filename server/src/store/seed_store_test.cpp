// Seed store tests (the benchmarks' visit history), on SQLite and PostgreSQL.
#include "store/seed_store.h"

#include "store/store_test_fixture.h"
#include "store/visit_store.h"

namespace tadaima::store {
namespace {

constexpr int64_t kDay = 24 * 3600 * 1000;

class SeedStoreTest : public StoreTest {};

TEST_P(SeedStoreTest, HistoryIsOneClosedVisitADayPerEnrolledChild) {
  const std::string org = MakeOrg("A市"), other = MakeOrg("B市");
  Facility club = MakeFacility(org), room = MakeFacility(org, "こどもルーム", FacilityKind::kDropIn);
  Child taro = MakeEnrolledChild(club, "山田 太郎");
  Child hana = MakeEnrolledChild(club, "佐藤 花");
  Family family = MakeFamily(org, "鈴木", "すずき");
  MakeChild(family, "鈴木 一");
  Enroll(room, family);  // a family enrollment: no history
  MakeEnrolledChild(MakeFacility(other), "B市の子");

  EXPECT_EQ(Write([&](db::Tx& tx) { return InsertVisitHistory(tx, org, 3, now_); }), 6);
  auto visits = Read([&](db::Tx& tx) { return ListVisits(tx, {.organization_id = org, .limit = 100}); });
  ASSERT_EQ(visits.size(), 6u);
  for (const auto& v : visits) {
    EXPECT_EQ(v.facility_id, club.id);
    EXPECT_TRUE(v.child_id == taro.id || v.child_id == hana.id);
    ASSERT_TRUE(v.out_at);
    EXPECT_EQ(*v.out_at - v.in_at, 3 * 3600 * 1000);
    EXPECT_LT(v.in_at, now_);
    EXPECT_GE(v.in_at, now_ - 3 * kDay);
  }
  EXPECT_EQ(visits[0].in_at, now_ - kDay);  // newest first: yesterday
  EXPECT_EQ(visits.back().in_at, now_ - 3 * kDay);
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ListVisits(tx, {.organization_id = other}); }).empty());
}

TEST_P(SeedStoreTest, SeedingTheSameDaysTwiceIsAConflictAndWritesNothing) {
  const std::string org = MakeOrg();
  MakeEnrolledChild(MakeFacility(org), "山田 太郎");
  EXPECT_EQ(Write([&](db::Tx& tx) { return InsertVisitHistory(tx, org, 2, now_); }), 2);
  auto again = Try([&](db::Tx& tx) { return InsertVisitHistory(tx, org, 3, now_); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Read([&](db::Tx& tx) { return ListVisits(tx, {.organization_id = org}); }).size(), 2u);
}

TADAIMA_STORE_TEST_SUITE(SeedStoreTest);

}  // namespace
}  // namespace tadaima::store
