// Database tests, on SQLite and on PostgreSQL (TADAIMA_TEST_PG_URL, set by
// scripts/with-postgres; without it the PostgreSQL cases fail, they do not skip).
#include "db/database.h"

#include <gtest/gtest.h>

#include "db/test_database.h"

namespace tadaima::db {
namespace {

class DatabaseTest : public testing::TestWithParam<std::string> {};

// Two queries may share their SQLite text (here one pointer, as the linker
// may also make of equal literals) and still differ on PostgreSQL.
constexpr const char* kSharedText = "SELECT 1";
constexpr Query kFirst{"test_first", kSharedText, "SELECT 1"};
constexpr Query kSecond{"test_second", kSharedText, "SELECT 2"};

TEST_P(DatabaseTest, QueriesSharingTheirSqliteTextRunTheirOwnPostgresText) {
  auto db = FreshTestDatabase(GetParam(), 1);  // one connection: both run on it
  ASSERT_TRUE(db);
  auto run = [&](const Query& q) {
    auto r = db->Transact(TxMode::kRead, [&](Tx& tx) { return tx.Exec(q); });
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? r->rows.at(0).Int(0) : -1;
  };
  EXPECT_EQ(run(kFirst), 1);
  EXPECT_EQ(run(kSecond), db->dialect() == Dialect::kPostgres ? 2 : 1);
  EXPECT_EQ(run(kFirst), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tadaima::db
