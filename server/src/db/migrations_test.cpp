// Migration tests, on SQLite and on PostgreSQL (TADAIMA_TEST_PG_URL, set by
// scripts/with-postgres; without it the PostgreSQL cases fail, they do not skip).
#include "db/migrations.h"

#include <gtest/gtest.h>

#include "db/test_database.h"

namespace tadaima::db {
namespace {

class MigrationsTest : public testing::TestWithParam<std::string> {};

TEST_P(MigrationsTest, SchemaIsCurrentAfterMigratingAndMigratingAgainDoesNothing) {
  auto db = FreshTestDatabase(GetParam());
  ASSERT_TRUE(db);
  EXPECT_TRUE(CheckSchemaCurrent(*db));
  auto again = Migrate(*db);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationsTest, testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tadaima::db
