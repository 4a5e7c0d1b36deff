// Audit store tests, on SQLite and PostgreSQL. The log has no reader in the
// server yet, so the test reads it with its own query.
#include "store/audit_store.h"

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

constexpr db::Query kTestReadAudit{
    "test_read_audit",
    "SELECT organization_id, actor_id, action, target_type, target_id, detail, at FROM audit_log"
    " WHERE id = $1"};
constexpr db::Query kTestCountAudit{"test_count_audit", "SELECT COUNT(*) FROM audit_log"};

class AuditStoreTest : public StoreTest {
 protected:
  std::optional<db::Row> Entry(const std::string& id) {
    auto rs = Read([&](db::Tx& tx) { return tx.Exec(kTestReadAudit, {id}); });
    if (rs.empty()) return std::nullopt;
    return rs.rows[0];
  }
  int64_t Count() {
    return Read([&](db::Tx& tx) { return tx.Exec(kTestCountAudit); }).rows.at(0).Int(0);
  }
};

TEST_P(AuditStoreTest, AnEntryIsWrittenWithItsActorOrNullForTheCommandLine) {
  const std::string org = MakeOrg();
  User admin = MakeStaff(org);
  const std::string id = Id();
  AuditEntry e{org, admin.id, "family.create", "family", "f1", R"({"after":{"name":"山田"}})"};
  Write([&](db::Tx& tx) { return InsertAudit(tx, e, id, now_); });
  auto row = Entry(id);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Text(0), org);
  EXPECT_EQ(row->OptText(1), admin.id);
  EXPECT_EQ(row->Text(2), "family.create");
  EXPECT_EQ(row->Text(3), "family");
  EXPECT_EQ(row->Text(4), "f1");
  EXPECT_EQ(row->Text(5), R"({"after":{"name":"山田"}})");
  EXPECT_EQ(row->Int(6), now_);

  const std::string cli = Id();
  Write([&](db::Tx& tx) { return InsertAudit(tx, {org, "", "organization.create", "organization", org}, cli, now_); });
  row = Entry(cli);
  ASSERT_TRUE(row);
  EXPECT_TRUE(row->IsNull(1));
  EXPECT_EQ(row->Text(5), "{}");
}

TEST_P(AuditStoreTest, AnEntryCommitsOrRollsBackWithItsChange) {
  const std::string org = MakeOrg();
  const std::string id = Id();
  Facility f{Id(), org, "新しい施設", FacilityKind::kNursery, 7 * 60, 18 * 60};
  auto s = Try([&](db::Tx& tx) -> Status {
    TRY_STATUS(InsertFacility(tx, f, now_));
    TRY_STATUS(InsertAudit(tx, {org, "", "facility.create", "facility", f.id}, id, now_));
    return Fail(Error::InvalidArgument("the change failed after its entry was written"));
  });
  ASSERT_FALSE(s);
  EXPECT_FALSE(Entry(id));
  EXPECT_EQ(Count(), 0);

  Write([&](db::Tx& tx) { return InsertAudit(tx, {org, "", "facility.create", "facility", f.id}, id, now_); });
  auto twice = Try([&](db::Tx& tx) {
    return InsertAudit(tx, {org, "", "facility.update", "facility", f.id}, id, now_);
  });
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Entry(id)->Text(2), "facility.create");
}

TADAIMA_STORE_TEST_SUITE(AuditStoreTest);

}  // namespace
}  // namespace tadaima::store
