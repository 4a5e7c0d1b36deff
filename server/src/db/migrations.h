// Schema migrations: the SQL files of sql/migrations/{sqlite,postgres},
// embedded in the binary, applied in order, each in its own transaction, and
// recorded in schema_migrations. Both dialects share one numbering.
#pragma once

#include <string>
#include <vector>

#include "db/database.h"

namespace tadaima::db {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& sqlite_migrations();    // generated
const std::vector<Migration>& postgres_migrations();  // generated
const std::vector<Migration>& MigrationsFor(Dialect dialect);

// The newest version this binary knows.
int LatestSchemaVersion(Dialect dialect);

// The version the database is at (0 when never migrated).
Result<int> CurrentSchemaVersion(Database& db);

// Applies every pending migration; returns how many ran. Safe to run from
// several processes at once on PostgreSQL (an advisory lock serializes them).
Result<int> Migrate(Database& db);

// OK when the database is exactly at LatestSchemaVersion; otherwise an
// kUnavailable error that tells the operator what to do.
Status CheckSchemaCurrent(Database& db);

}  // namespace tadaima::db
