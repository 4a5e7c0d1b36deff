// User store tests (users, staff facilities, sessions), on SQLite and PostgreSQL.
#include "store/user_store.h"

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class UserStoreTest : public StoreTest {};

TEST_P(UserStoreTest, AUserReadsBackByIdAndLoginWithItsFacilities) {
  const std::string org = MakeOrg();
  Facility first = MakeFacility(org, "さくら児童クラブ"), second = MakeFacility(org, "ひまわり児童クラブ");
  User staff = NewUser(org, Role::kFacilityStaff, "青木 由紀");
  staff.facility_ids = {second.id, first.id};
  staff.email = "aoki@example.jp";
  staff.must_change_password = true;
  Write([&](db::Tx& tx) { return InsertUser(tx, staff, now_); });

  auto by_id = Read([&](db::Tx& tx) { return FindUser(tx, org, staff.id); });
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->role, Role::kFacilityStaff);
  EXPECT_EQ(by_id->login, staff.login);
  EXPECT_EQ(by_id->email, "aoki@example.jp");
  EXPECT_TRUE(by_id->must_change_password);
  EXPECT_EQ(by_id->facility_ids, (std::vector<std::string>{first.id, second.id}));  // sorted by id
  auto by_login = Read([&](db::Tx& tx) { return FindUserByLogin(tx, staff.login); });
  ASSERT_TRUE(by_login);
  EXPECT_EQ(by_login->id, staff.id);
  EXPECT_EQ(by_login->facility_ids, by_id->facility_ids);
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindUserByLogin(tx, "nobody"); }));

  Family f = MakeFamily(org);
  User guardian = MakeGuardian(f, "山田 花子", "母");
  auto g = Read([&](db::Tx& tx) { return FindUser(tx, org, guardian.id); });
  ASSERT_TRUE(g);
  EXPECT_EQ(g->family_id, f.id);
  EXPECT_EQ(g->relation, "母");
  EXPECT_TRUE(g->facility_ids.empty());
}

TEST_P(UserStoreTest, AnotherOrganizationDoesNotFindOrUpdateTheUser) {
  const std::string org = MakeOrg("A市"), other = MakeOrg("B市");
  User u = MakeStaff(org, Role::kOrgAdmin, {}, "管理者");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindUser(tx, other, u.id); }));
  User foreign = u;
  foreign.organization_id = other;
  foreign.name = "乗っ取り";
  Write([&](db::Tx& tx) { return UpdateUser(tx, foreign, now_); });  // no error, no change
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindUser(tx, org, u.id); })->name, "管理者");
}

TEST_P(UserStoreTest, ATakenLoginIsAConflictInAnyOrganizationAndRollsBackTheTransaction) {
  const std::string org = MakeOrg("A市"), other = MakeOrg("B市");
  User u = MakeStaff(org);
  EXPECT_TRUE(Read([&](db::Tx& tx) { return LoginExists(tx, u.login); }));
  EXPECT_FALSE(Read([&](db::Tx& tx) { return LoginExists(tx, "free-login"); }));
  User twin = NewUser(other, Role::kOrgAdmin, "別の管理者");
  twin.login = u.login;
  Facility f{Id(), other, "新しい施設", FacilityKind::kNursery, 7 * 60, 18 * 60};
  auto s = Try([&](db::Tx& tx) -> Status {
    TRY_STATUS(InsertFacility(tx, f, now_));  // written first, must be rolled back
    return InsertUser(tx, twin, now_);
  });
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindFacility(tx, other, f.id); }));
}

TEST_P(UserStoreTest, UpdatingAUserReplacesItsFacilitiesAndKeepsItsPassword) {
  const std::string org = MakeOrg();
  Facility a = MakeFacility(org, "あおば"), b = MakeFacility(org, "さくら");
  User u = MakeStaff(org, Role::kFacilityStaff, {a.id});
  u.name = "青木 由紀（主任）";
  u.facility_ids = {b.id};
  Write([&](db::Tx& tx) { return UpdateUser(tx, u, now_); });
  auto read = Read([&](db::Tx& tx) { return FindUser(tx, org, u.id); });
  EXPECT_EQ(read->name, "青木 由紀（主任）");
  EXPECT_EQ(read->facility_ids, std::vector<std::string>{b.id});
  EXPECT_EQ(read->password_hash, "-");

  u.role = Role::kOrgAdmin;  // an administrator covers every facility: no links kept
  Write([&](db::Tx& tx) { return UpdateUser(tx, u, now_); });
  read = Read([&](db::Tx& tx) { return FindUser(tx, org, u.id); });
  EXPECT_EQ(read->role, Role::kOrgAdmin);
  EXPECT_TRUE(read->facility_ids.empty());

  u.name_kana = "あおき ゆき";
  u.phone = "090-1234-5678";
  Write([&](db::Tx& tx) { return UpdateUser(tx, u, now_); });
  read = Read([&](db::Tx& tx) { return FindUser(tx, org, u.id); });
  EXPECT_EQ(read->name_kana, "あおき ゆき");
  EXPECT_EQ(read->phone, "090-1234-5678");

  Write([&](db::Tx& tx) { return SetPassword(tx, u.id, "argon2id$new", false, now_); });
  read = Read([&](db::Tx& tx) { return FindUser(tx, org, u.id); });
  EXPECT_EQ(read->password_hash, "argon2id$new");
  EXPECT_FALSE(read->must_change_password);
  Write([&](db::Tx& tx) { return SetPassword(tx, u.id, "argon2id$reset", true, now_); });
  EXPECT_TRUE(Read([&](db::Tx& tx) { return FindUser(tx, org, u.id); })->must_change_password);
}

TEST_P(UserStoreTest, StaffAreListedByNameWithoutGuardiansOrOtherOrganizations) {
  const std::string org = MakeOrg("A市"), other = MakeOrg("B市");
  Facility f = MakeFacility(org);
  User sato = MakeStaff(org, Role::kFacilityStaff, {f.id}, "佐藤");
  User aoki = MakeStaff(org, Role::kOrgAdmin, {}, "青木");
  User aoki2 = MakeStaff(org, Role::kOrgAdmin, {}, "青木");
  MakeGuardian(MakeFamily(org), "あ 保護者");
  MakeStaff(other, Role::kOrgAdmin, {}, "B市の管理者");
  std::vector<std::string> ids;
  for (const auto& u : Read([&](db::Tx& tx) { return ListStaff(tx, org); })) {
    ids.push_back(u.id);
    if (u.id == sato.id) {
      EXPECT_EQ(u.facility_ids, std::vector<std::string>{f.id});
    }
  }
  // By name (code points: 佐 before 青; the test cluster's collation is C.UTF-8), then id.
  EXPECT_EQ(ids, (std::vector<std::string>{sato.id, aoki.id, aoki2.id}));
}

TEST_P(UserStoreTest, SessionsExpireAndEndTogether) {
  const std::string org = MakeOrg();
  Facility f = MakeFacility(org);
  User u = MakeStaff(org, Role::kFacilityStaff, {f.id});
  Write([&](db::Tx& tx) -> Status {
    TRY_STATUS(InsertSession(tx, "h1", {u.id, "c1", now_ + 1000}, now_));
    TRY_STATUS(InsertSession(tx, "h2", {u.id, "c2", now_ + 1000}, now_));
    return InsertSession(tx, "h3", {u.id, "c3", now_ + 1000}, now_);
  });
  auto find = [&](const char* hash, int64_t at) { return Read([&](db::Tx& tx) { return FindSession(tx, hash, at); }); };
  auto live = find("h1", now_);
  ASSERT_TRUE(live);
  EXPECT_EQ(live->session.user_id, u.id);
  EXPECT_EQ(live->session.csrf_token, "c1");
  EXPECT_EQ(live->session.expires_at, now_ + 1000);
  EXPECT_EQ(live->actor.user_id, u.id);
  EXPECT_EQ(live->actor.organization_id, org);
  EXPECT_EQ(live->actor.role, Role::kFacilityStaff);
  EXPECT_EQ(live->actor.facility_ids, std::vector<std::string>{f.id});
  EXPECT_EQ(live->actor.time_zone, "Asia/Tokyo");
  EXPECT_TRUE(find("h1", now_ + 999));
  EXPECT_FALSE(find("h1", now_ + 1000));  // expired
  EXPECT_FALSE(find("unknown", now_));

  Write([&](db::Tx& tx) { return DeleteSession(tx, "h3"); });
  EXPECT_FALSE(find("h3", now_));
  Write([&](db::Tx& tx) { return DeleteSession(tx, "h3"); });  // a missing one: no error
  Write([&](db::Tx& tx) { return DeleteOtherSessions(tx, u.id, "h1"); });
  EXPECT_TRUE(find("h1", now_));
  EXPECT_FALSE(find("h2", now_));
}

TEST_P(UserStoreTest, ATakenSessionTokenIsAConflict) {
  User u = MakeStaff(MakeOrg());
  Write([&](db::Tx& tx) { return InsertSession(tx, "same", {u.id, "c1", now_ + 1000}, now_); });
  auto again = Try([&](db::Tx& tx) { return InsertSession(tx, "same", {u.id, "c2", now_ + 1000}, now_); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindSession(tx, "same", now_); })->session.csrf_token, "c1");
}

TADAIMA_STORE_TEST_SUITE(UserStoreTest);

}  // namespace
}  // namespace tadaima::store
