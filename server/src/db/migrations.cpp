#include "db/migrations.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace tadaima::db {
namespace {

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr Query kSelectVersion{"schema_version", "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"};
constexpr Query kInsertMigration{"insert_migration",
                                 "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"};
constexpr Query kLockMigrations{"lock_migrations", "SELECT 1",
                                "SELECT pg_advisory_xact_lock(7461646169)"};

int64_t NowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

const std::vector<Migration>& MigrationsFor(Dialect dialect) {
  return dialect == Dialect::kSqlite ? sqlite_migrations() : postgres_migrations();
}

int LatestSchemaVersion(Dialect dialect) {
  const auto& list = MigrationsFor(dialect);
  return list.empty() ? 0 : list.back().version;
}

Result<int> CurrentSchemaVersion(Database& db) {
  return db.Transact(TxMode::kWrite, [](Tx& tx) -> Result<int> {
    TRY_STATUS(tx.ExecScript(kCreateMigrationsTable));
    auto rs = TRY(tx.Exec(kSelectVersion));
    return static_cast<int>(rs.rows.at(0).Int(0));
  });
}

Result<int> Migrate(Database& db) {
  int applied = 0;
  for (const Migration& m : MigrationsFor(db.dialect())) {
    auto ran = db.Transact(TxMode::kWrite, [&](Tx& tx) -> Result<bool> {
      TRY(tx.Exec(kLockMigrations));
      TRY_STATUS(tx.ExecScript(kCreateMigrationsTable));
      auto rs = TRY(tx.Exec(kSelectVersion));
      if (rs.rows.at(0).Int(0) >= m.version) return false;
      if (auto s = tx.ExecScript(m.sql); !s)
        return Fail(Error::Internal(fmt::format("migration {} failed: {}", m.name, s.error().message)));
      TRY(tx.Exec(kInsertMigration, {int64_t{m.version}, std::string(m.name), NowMs()}));
      return true;
    });
    if (!ran) return Fail(ran.error());
    if (*ran) {
      spdlog::info("applied migration {}", m.name);
      ++applied;
    }
  }
  return applied;
}

Status CheckSchemaCurrent(Database& db) {
  int current = TRY(CurrentSchemaVersion(db));
  int latest = LatestSchemaVersion(db.dialect());
  if (current < latest)
    return Fail(Error::Unavailable(fmt::format(
        "the database schema is at version {}, this tadaima needs {}: run `tadaima migrate --db URL` first",
        current, latest)));
  if (current > latest)
    return Fail(Error::Unavailable(fmt::format(
        "the database schema is at version {}, newer than this tadaima knows ({}): run a newer tadaima",
        current, latest)));
  return {};
}

}  // namespace tadaima::db
