// Organization store tests (organizations and facilities), on SQLite and PostgreSQL.
#include "store/organization_store.h"

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class OrganizationStoreTest : public StoreTest {};

TEST_P(OrganizationStoreTest, AnOrganizationReadsBackAndATakenIdIsAConflict) {
  Organization org{Id(), "ただいま市", "Asia/Tokyo"};
  Write([&](db::Tx& tx) { return InsertOrganization(tx, org, now_); });
  auto found = Read([&](db::Tx& tx) { return FindOrganization(tx, org.id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "ただいま市");
  EXPECT_EQ(found->time_zone, "Asia/Tokyo");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindOrganization(tx, "no-such-org"); }));

  Organization twin{org.id, "別の市", "Asia/Tokyo"};
  auto again = Try([&](db::Tx& tx) { return InsertOrganization(tx, twin, now_); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(OrganizationStoreTest, AFacilityKeepsEverySetting) {
  const std::string org = MakeOrg();
  Facility f{Id(), org, "こどもルームさくら", FacilityKind::kDropIn, 9 * 60 + 30, 16 * 60};
  f.duplicate_window_seconds = 0;
  f.offline_retention_hours = 24;
  f.plan_deadline_days = 2;
  f.plan_deadline_time = 12 * 60;
  f.not_arrived_grace_minutes = 30;
  f.not_arrived_notify = true;
  Write([&](db::Tx& tx) { return InsertFacility(tx, f, now_); });
  auto read = Read([&](db::Tx& tx) { return FindFacility(tx, org, f.id); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->name, "こどもルームさくら");
  EXPECT_EQ(read->kind, FacilityKind::kDropIn);
  EXPECT_EQ(read->opens_at, 9 * 60 + 30);
  EXPECT_EQ(read->closes_at, 16 * 60);
  EXPECT_EQ(read->duplicate_window_seconds, 0);
  EXPECT_EQ(read->offline_retention_hours, 24);
  EXPECT_EQ(read->plan_deadline_days, 2);
  EXPECT_EQ(read->plan_deadline_time, 12 * 60);
  EXPECT_EQ(read->not_arrived_grace_minutes, 30);
  EXPECT_TRUE(read->not_arrived_notify);

  f.name = "こどもルームさくら（本館）";
  f.kind = FacilityKind::kNursery;
  f.closes_at = 18 * 60;
  f.not_arrived_notify = false;
  f.plan_deadline_time = 9 * 60;
  Write([&](db::Tx& tx) { return UpdateFacility(tx, f, now_); });
  read = Read([&](db::Tx& tx) { return FindFacility(tx, org, f.id); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->name, "こどもルームさくら（本館）");
  EXPECT_EQ(read->kind, FacilityKind::kNursery);
  EXPECT_EQ(read->closes_at, 18 * 60);
  EXPECT_FALSE(read->not_arrived_notify);
  EXPECT_EQ(read->plan_deadline_time, 9 * 60);
}

TEST_P(OrganizationStoreTest, AnotherOrganizationNeitherReadsNorWritesAFacility) {
  const std::string org = MakeOrg("A市"), other = MakeOrg("B市");
  Facility f = MakeFacility(org);
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindFacility(tx, other, f.id); }));

  Facility foreign = f;
  foreign.organization_id = other;
  foreign.name = "乗っ取り";
  Write([&](db::Tx& tx) { return UpdateFacility(tx, foreign, now_); });  // no error, no change
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindFacility(tx, org, f.id); })->name, "ひまわり児童クラブ");

  Facility missing = f;
  missing.id = Id();
  Write([&](db::Tx& tx) { return UpdateFacility(tx, missing, now_); });  // a missing row: no error
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindFacility(tx, org, missing.id); }));
}

TEST_P(OrganizationStoreTest, FacilitiesListByNameAndForStaffOnlyTheirOwn) {
  const std::string org = MakeOrg("A市"), other = MakeOrg("B市");
  Facility sakura = MakeFacility(org, "さくら児童クラブ");
  Facility himawari = MakeFacility(org, "ひまわり児童クラブ");
  Facility aoba = MakeFacility(org, "あおば児童クラブ");
  Facility twin = MakeFacility(org, "あおば児童クラブ");  // the same name: by id after it
  MakeFacility(other, "いちょう児童クラブ");
  User staff = MakeStaff(org, Role::kFacilityStaff, {himawari.id, sakura.id});

  auto ids = [&](const std::optional<std::string>& user) {
    std::vector<std::string> out;
    for (const auto& f : Read([&](db::Tx& tx) { return ListFacilities(tx, org, user); })) out.push_back(f.id);
    return out;
  };
  EXPECT_EQ(ids(std::nullopt), (std::vector<std::string>{aoba.id, twin.id, sakura.id, himawari.id}));
  EXPECT_EQ(ids(staff.id), (std::vector<std::string>{sakura.id, himawari.id}));
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ListFacilities(tx, "no-such-org", std::nullopt); }).empty());
}

TADAIMA_STORE_TEST_SUITE(OrganizationStoreTest);

}  // namespace
}  // namespace tadaima::store
