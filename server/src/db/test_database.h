// For tests only (include from *_test.cpp): a fresh, migrated database of the
// given kind, "sqlite" (a temp file) or "postgres" (a new database on the
// server named by TADAIMA_TEST_PG_URL, which scripts/with-postgres sets;
// without it the test fails, it does not skip), with at most `pool_size`
// connections.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "base/ids.h"
#include "db/database.h"
#include "db/migrations.h"

namespace tadaima::db {

inline std::unique_ptr<Database> FreshTestDatabase(const std::string& kind, int pool_size = 4) {
  std::string url;
  std::string name = "test_" + RandomCode(10);
  if (kind == "sqlite") {
    auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(dir);
    url = "sqlite:" + (dir / "t.db").string();
  } else {
    const char* admin = std::getenv("TADAIMA_TEST_PG_URL");
    if (!admin) {
      ADD_FAILURE() << "TADAIMA_TEST_PG_URL is not set: run through scripts/with-postgres";
      return nullptr;
    }
    PGconn* c = PQconnectdb(admin);
    PQclear(PQexec(c, ("CREATE DATABASE " + name).c_str()));
    PQfinish(c);
    std::string base(admin);
    url = base.substr(0, base.rfind('/')) + "/" + name;
  }
  auto db = Database::Open(url, pool_size);
  if (!db) {
    ADD_FAILURE() << db.error().message;
    return nullptr;
  }
  auto migrated = Migrate(**db);
  EXPECT_TRUE(migrated) << (migrated ? "" : migrated.error().message);
  return std::move(*db);
}

}  // namespace tadaima::db
