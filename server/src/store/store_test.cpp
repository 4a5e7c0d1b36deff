// Store tests, run on SQLite and on PostgreSQL (TADAIMA_TEST_PG_URL, set by
// scripts/with-postgres; without it the PostgreSQL cases fail, they do not skip).
#include <gtest/gtest.h>

#include "base/ids.h"
#include "db/migrations.h"
#include "db/test_database.h"
#include "rules/search_text.h"
#include "store/enrollment_store.h"
#include "store/family_store.h"
#include "store/organization_store.h"
#include "store/user_store.h"

namespace tadaima::store {
namespace {

using db::TxMode;

class StoreTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = db::FreshTestDatabase(GetParam());
    ASSERT_TRUE(db_);
  }

  // An organization with one facility, returned as (org id, facility id).
  std::pair<std::string, std::string> MakeOrg(const std::string& name) {
    Organization org{NewId(now_), name, "Asia/Tokyo"};
    Facility f{NewId(now_), org.id, name + "児童クラブ", FacilityKind::kAfterSchool, 14 * 60, 19 * 60};
    auto s = db_->Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
      TRY_STATUS(InsertOrganization(tx, org, now_));
      return InsertFacility(tx, f, now_);
    });
    EXPECT_TRUE(s);
    return {org.id, f.id};
  }

  // A family with one child enrolled at `facility_id`.
  Family MakeFamily(const std::string& org, const std::string& facility_id, const std::string& name,
                    const std::string& kana) {
    ++now_;  // ids are time-ordered only across milliseconds
    Family f;
    f.id = NewId(now_);
    f.organization_id = org;
    f.name = name;
    Child c{NewId(now_), org, f.id, name + " 太郎", kana, *CivilDate::Parse("2019-05-10")};
    Enrollment e{NewId(now_), org, facility_id, c.id, f.id, EnrollmentStatus::kActive};
    auto s = db_->Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
      TRY_STATUS(InsertFamily(tx, f, NormalizeForSearch(name + "|" + kana), now_));
      TRY_STATUS(InsertChild(tx, c, now_));
      return InsertEnrollment(tx, e, now_);
    });
    EXPECT_TRUE(s) << (s ? "" : s.error().message);
    return f;
  }

  std::unique_ptr<db::Database> db_;
  int64_t now_ = 1795241045000;
};

TEST_P(StoreTest, SchemaIsCurrentAfterMigrating) {
  EXPECT_TRUE(db::CheckSchemaCurrent(*db_));
  auto again = db::Migrate(*db_);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
}

TEST_P(StoreTest, FamiliesAreScopedByOrganization) {
  auto [org_a, fac_a] = MakeOrg("A市");
  auto [org_b, fac_b] = MakeOrg("B市");
  Family fam = MakeFamily(org_a, fac_a, "山田", "やまだ");
  auto found = db_->Transact(TxMode::kRead, [&](db::Tx& tx) { return FindFamily(tx, org_a, fam.id); });
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->children.size(), 1u);
  EXPECT_EQ((*found)->enrollments.at(0).facility_id, fac_a);
  auto other = db_->Transact(TxMode::kRead, [&](db::Tx& tx) { return FindFamily(tx, org_b, fam.id); });
  ASSERT_TRUE(other);
  EXPECT_FALSE(*other);
  auto child_id = (*found)->children.at(0).id;
  auto child = db_->Transact(TxMode::kRead, [&](db::Tx& tx) { return FindChild(tx, org_b, child_id); });
  ASSERT_TRUE(child);
  EXPECT_FALSE(*child);
  auto own = db_->Transact(TxMode::kRead, [&](db::Tx& tx) { return FindChild(tx, org_a, child_id); });
  ASSERT_TRUE(own);
  EXPECT_TRUE(*own);
}

TEST_P(StoreTest, ListFamiliesSearchesAndPagesAndScopesStaff) {
  auto [org, fac] = MakeOrg("A市");
  Facility other{NewId(now_), org, "こどもルーム", FacilityKind::kDropIn, 9 * 60, 16 * 60};
  ASSERT_TRUE(db_->Transact(TxMode::kWrite, [&](db::Tx& tx) { return InsertFacility(tx, other, now_); }));
  Family yamada = MakeFamily(org, fac, "山田", "やまだ");
  Family sato = MakeFamily(org, other.id, "佐藤", "さとう");
  User staff;
  staff.id = NewId(now_);
  staff.organization_id = org;
  staff.role = Role::kFacilityStaff;
  staff.login = "staff-" + RandomCode(6);
  staff.name = "職員";
  staff.password_hash = "x";
  staff.facility_ids = {fac};
  ASSERT_TRUE(db_->Transact(TxMode::kWrite, [&](db::Tx& tx) { return InsertUser(tx, staff, now_); }));

  auto list = [&](FamilyQuery q) {
    q.organization_id = org;
    auto r = db_->Transact(TxMode::kRead, [&](db::Tx& tx) { return ListFamilies(tx, q); });
    EXPECT_TRUE(r);
    std::vector<std::string> ids;
    for (const auto& f : *r) ids.push_back(f.id);
    return ids;
  };
  EXPECT_EQ(list({}), (std::vector<std::string>{yamada.id, sato.id}));
  EXPECT_EQ(list({.search = NormalizeForSearch("サトウ")}), std::vector<std::string>{sato.id});
  EXPECT_EQ(list({.search = "%"}), std::vector<std::string>{});  // LIKE wildcards are literal
  EXPECT_EQ(list({.staff_user_id = staff.id}), std::vector<std::string>{yamada.id});
  EXPECT_EQ(list({.limit = 1}), std::vector<std::string>{yamada.id});
  EXPECT_EQ(list({.after_id = yamada.id}), std::vector<std::string>{sato.id});
}

TEST_P(StoreTest, TakenLoginIsAConflictAndRollsBackTheTransaction) {
  auto [org, fac] = MakeOrg("A市");
  User u;
  u.id = NewId(now_);
  u.organization_id = org;
  u.role = Role::kOrgAdmin;
  u.login = "same-login";
  u.name = "管理者";
  u.password_hash = "x";
  ASSERT_TRUE(db_->Transact(TxMode::kWrite, [&](db::Tx& tx) { return InsertUser(tx, u, now_); }));
  User twin = u;
  twin.id = NewId(now_);
  Facility f{NewId(now_), org, "新しい施設", FacilityKind::kNursery, 7 * 60, 18 * 60};
  auto s = db_->Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    TRY_STATUS(InsertFacility(tx, f, now_));  // written first, must be rolled back
    return InsertUser(tx, twin, now_);
  });
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  auto gone = db_->Transact(TxMode::kRead, [&](db::Tx& tx) { return FindFacility(tx, org, f.id); });
  ASSERT_TRUE(gone);
  EXPECT_FALSE(*gone);
}

TEST_P(StoreTest, SessionsExpireAndEndTogether) {
  auto [org, fac] = MakeOrg("A市");
  User u;
  u.id = NewId(now_);
  u.organization_id = org;
  u.role = Role::kFacilityStaff;
  u.login = "s-" + RandomCode(6);
  u.name = "職員";
  u.password_hash = "x";
  u.facility_ids = {fac};
  ASSERT_TRUE(db_->Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    TRY_STATUS(InsertUser(tx, u, now_));
    TRY_STATUS(InsertSession(tx, "h1", {u.id, "c1", now_ + 1000}, now_));
    return InsertSession(tx, "h2", {u.id, "c2", now_ + 1000}, now_);
  }));
  auto find = [&](const char* hash, int64_t at) {
    auto r = db_->Transact(TxMode::kRead, [&](db::Tx& tx) { return FindSession(tx, hash, at); });
    EXPECT_TRUE(r);
    return *r;
  };
  auto live = find("h1", now_);
  ASSERT_TRUE(live);
  EXPECT_EQ(live->actor.facility_ids, std::vector<std::string>{fac});
  EXPECT_EQ(live->actor.time_zone, "Asia/Tokyo");
  EXPECT_FALSE(find("h1", now_ + 1000));  // expired
  ASSERT_TRUE(db_->Transact(TxMode::kWrite, [&](db::Tx& tx) { return DeleteOtherSessions(tx, u.id, "h1"); }));
  EXPECT_TRUE(find("h1", now_));
  EXPECT_FALSE(find("h2", now_));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tadaima::store
