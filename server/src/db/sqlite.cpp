#include "db/sqlite.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>

#include "db/pool.h"
#include "base/reasons.h"

namespace tadaima::db {
namespace {

// "$12" -> "?12": SQLite numbers parameters that way.
std::string ToSqlitePlaceholders(const char* sql) {
  std::string out(sql);
  for (auto& c : out)
    if (c == '$') c = '?';
  return out;
}

class SqliteConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() {
    for (auto& [_, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  sqlite3* get() { return db_; }

  // A cached prepared statement for `query`, reset and unbound.
  sqlite3_stmt* Prepare(const Query& query, std::string& error) {
    auto it = statements_.find(query.sql);
    if (it != statements_.end()) {
      sqlite3_reset(it->second);
      sqlite3_clear_bindings(it->second);
      return it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    std::string sql = ToSqlitePlaceholders(query.sql);
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      error = sqlite3_errmsg(db_);
      return nullptr;
    }
    statements_.emplace(query.sql, stmt);
    return stmt;
  }

 private:
  sqlite3* db_;
  std::map<const char*, sqlite3_stmt*> statements_;
};

class SqliteTx : public Tx {
 public:
  SqliteTx(SqliteConnection& conn, const QueryObserver& observer) : conn_(conn), observer_(observer) {}
  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<ResultSet> Exec(const Query& query, const Params& params) override {
    auto start = std::chrono::steady_clock::now();
    std::string error;
    sqlite3_stmt* stmt = conn_.Prepare(query, error);
    if (!stmt) return Fail(Internal(query, error));
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      std::visit(
          [&](auto&& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::nullptr_t>)
              sqlite3_bind_null(stmt, idx);
            else if constexpr (std::is_same_v<V, int64_t>)
              sqlite3_bind_int64(stmt, idx, v);
            else
              sqlite3_bind_text(stmt, idx, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
          },
          params[i]);
    }
    ResultSet out;
    int rc;
    const int columns = sqlite3_column_count(stmt);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<std::optional<std::string>> cells(columns);
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) continue;
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        cells[c] = std::string(text, sqlite3_column_bytes(stmt, c));
      }
      out.rows.emplace_back(std::move(cells));
    }
    if (rc != SQLITE_DONE) {
      int ext = sqlite3_extended_errcode(conn_.get());
      std::string msg = sqlite3_errmsg(conn_.get());
      sqlite3_reset(stmt);
      if ((ext & 0xff) == SQLITE_CONSTRAINT) return Fail(Error::Of(ErrorCode::kConflict, msg));
      if ((ext & 0xff) == SQLITE_BUSY) return Fail(Error::Unavailable(reason::kBusy));
      return Fail(Internal(query, msg));
    }
    out.affected = sqlite3_changes(conn_.get());
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (observer_)
      observer_(query.name, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return out;
  }

  Status ExecScript(const std::string& sql) override {
    char* err = nullptr;
    if (sqlite3_exec(conn_.get(), sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      return Fail(Error::Internal("sql script failed: " + msg));
    }
    return {};
  }

 private:
  static Error Internal(const Query& query, const std::string& msg) {
    spdlog::error("query {} failed: {}", query.name, msg);
    return Error::Internal("database error");
  }
  SqliteConnection& conn_;
  const QueryObserver& observer_;
};

// Transaction control, prepared once per connection like every other query.
constexpr Query kBeginRead{"begin", "BEGIN"};
constexpr Query kBeginWrite{"begin_immediate", "BEGIN IMMEDIATE"};
constexpr Query kCommit{"commit", "COMMIT"};
constexpr Query kRollback{"rollback", "ROLLBACK"};

// Write transactions of this process take turns in the order they asked.
// SQLite's busy handler polls with growing sleeps, so a thread that commits and
// begins again at once (the stamp writer) would keep the write lock from the
// others (the notification workers) for long stretches; the gate queues them
// instead. Other processes still meet the busy timeout.
class FairGate {
 public:
  class Turn {
   public:
    explicit Turn(FairGate& gate) : gate_(gate) {
      std::unique_lock lock(gate_.mu_);
      const uint64_t ticket = gate_.next_++;
      gate_.cv_.wait(lock, [&] { return gate_.serving_ == ticket; });
    }
    ~Turn() {
      {
        std::lock_guard lock(gate_.mu_);
        ++gate_.serving_;
      }
      gate_.cv_.notify_all();
    }
    Turn(const Turn&) = delete;
    Turn& operator=(const Turn&) = delete;

   private:
    FairGate& gate_;
  };

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  uint64_t next_ = 0, serving_ = 0;
};

class SqliteDatabase : public Database {
 public:
  SqliteDatabase(std::string path, int pool_size)
      : path_(std::move(path)), pool_(pool_size, [this] { return Connect(); }) {}

  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<std::unique_ptr<SqliteConnection>> Connect() {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path_.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close_v2(db);
      return Fail(Error::Unavailable("cannot open SQLite database " + path_ + ": " + msg));
    }
    auto conn = std::make_unique<SqliteConnection>(db);
    sqlite3_busy_timeout(db, 10000);
    char* err = nullptr;
    if (sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768;",
                     nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "";
      sqlite3_free(err);
      return Fail(Error::Unavailable("cannot configure SQLite database " + path_ + ": " + msg));
    }
    return conn;
  }

 protected:
  Status RunTransaction(TxMode mode, const std::function<Status(Tx&)>& body) override {
    std::optional<FairGate::Turn> turn;
    if (mode == TxMode::kWrite) turn.emplace(write_gate_);
    auto conn = TRY(pool_.Acquire());
    SqliteTx tx(*conn, observer_);
    // IMMEDIATE takes the write lock up front: no upgrade deadlocks.
    if (auto begun = tx.Exec(mode == TxMode::kWrite ? kBeginWrite : kBeginRead, {}); !begun) {
      pool_.Release(std::move(conn), false);
      return Fail(Error::Unavailable(reason::kBusy));
    }
    Status status = body(tx);
    auto end = tx.Exec(status ? kCommit : kRollback, {});
    if (!end && status) {
      (void)tx.Exec(kRollback, {});
      status = Fail(end.error());
    }
    pool_.Release(std::move(conn), false);
    return status;
  }

 private:
  std::string path_;
  ConnectionPool<SqliteConnection> pool_;
  FairGate write_gate_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, int pool_size) {
  auto db = std::make_unique<SqliteDatabase>(path, pool_size);
  // Open one connection now so that a bad path fails at start, not later.
  TRY_STATUS(db->Transact(TxMode::kRead, [](Tx&) -> Status { return {}; }));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace tadaima::db
