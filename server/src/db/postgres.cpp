#include "db/postgres.h"

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <map>
#include <thread>

#include "db/pool.h"

namespace tadaima::db {
namespace {

constexpr const char* kUniqueViolation = "23505";
constexpr const char* kForeignKeyViolation = "23503";
constexpr const char* kSerializationFailure = "40001";
constexpr const char* kDeadlockDetected = "40P01";

class PgConnection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() { PQfinish(conn_); }
  PGconn* get() { return conn_; }
  bool broken() const { return PQstatus(conn_) != CONNECTION_OK; }

  // The name of a prepared statement for `query`, preparing it on first use.
  // Keyed by the text prepared, `sql`: queries whose SQLite text is the same
  // (and so may share one address) can differ on PostgreSQL.
  const std::string* Prepared(const Query& query, const char* sql, std::string& error) {
    auto it = prepared_.find(sql);
    if (it != prepared_.end()) return &it->second;
    std::string name = "q" + std::to_string(prepared_.size());
    PGresult* res = PQprepare(conn_, name.c_str(), sql, 0, nullptr);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok) error = PQresultErrorMessage(res);
    PQclear(res);
    if (!ok) return nullptr;
    return &prepared_.emplace(sql, name).first->second;
  }

 private:
  PGconn* conn_;
  std::map<const char*, std::string> prepared_;
};

class PgTx : public Tx {
 public:
  PgTx(PgConnection& conn, const QueryObserver& observer) : conn_(conn), observer_(observer) {}
  Dialect dialect() const override { return Dialect::kPostgres; }
  const std::string& last_sqlstate() const { return last_sqlstate_; }

  Result<ResultSet> Exec(const Query& query, const Params& params) override {
    auto start = std::chrono::steady_clock::now();
    const char* sql = query.postgres_sql ? query.postgres_sql : query.sql;
    std::string error;
    const std::string* name = conn_.Prepared(query, sql, error);
    if (!name) return Fail(Internal(query, error));
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (auto* s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      } else if (auto* n = std::get_if<int64_t>(&params[i])) {
        text[i] = std::to_string(*n);
        values[i] = text[i].c_str();
      }
    }
    PGresult* res = PQexecPrepared(conn_.get(), name->c_str(), static_cast<int>(values.size()),
                                   values.data(), nullptr, nullptr, 0);
    auto status = PQresultStatus(res);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
      last_sqlstate_ = state ? state : "";
      std::string msg = PQresultErrorMessage(res);
      PQclear(res);
      if (last_sqlstate_ == kUniqueViolation || last_sqlstate_ == kForeignKeyViolation)
        return Fail(Error::Of(ErrorCode::kConflict, msg));
      if (last_sqlstate_ == kSerializationFailure || last_sqlstate_ == kDeadlockDetected)
        return Fail(Error::Unavailable("database conflict, try again"));
      return Fail(Internal(query, msg));
    }
    ResultSet out;
    const int rows = PQntuples(res), cols = PQnfields(res);
    out.rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
      std::vector<std::optional<std::string>> cells(cols);
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res, r, c)) continue;
        const char* v = PQgetvalue(res, r, c);
        // Booleans come back as t/f; the Row accessors expect 1/0.
        if (PQftype(res, c) == 16 /* bool */)
          cells[c] = (v[0] == 't') ? "1" : "0";
        else
          cells[c] = std::string(v, PQgetlength(res, r, c));
      }
      out.rows.emplace_back(std::move(cells));
    }
    const char* affected = PQcmdTuples(res);
    out.affected = (affected && *affected) ? std::stoll(affected) : 0;
    PQclear(res);
    if (observer_)
      observer_(query.name, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return out;
  }

  Status ExecScript(const std::string& sql) override {
    PGresult* res = PQexec(conn_.get(), sql.c_str());
    auto status = PQresultStatus(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
      last_sqlstate_ = state ? state : "";
      std::string msg = PQresultErrorMessage(res);
      PQclear(res);
      return Fail(Error::Internal("sql failed: " + msg));
    }
    PQclear(res);
    return {};
  }

 private:
  static Error Internal(const Query& query, const std::string& msg) {
    spdlog::error("query {} failed: {}", query.name, msg);
    return Error::Internal("database error");
  }
  PgConnection& conn_;
  const QueryObserver& observer_;
  std::string last_sqlstate_;
};

class PgDatabase : public Database {
 public:
  PgDatabase(std::string url, int pool_size)
      : url_(std::move(url)), pool_(pool_size, [this] { return Connect(); }) {}
  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<std::unique_ptr<PgConnection>> Connect() {
    PGconn* raw = PQconnectdb(url_.c_str());
    auto conn = std::make_unique<PgConnection>(raw);
    if (PQstatus(raw) != CONNECTION_OK)
      return Fail(Error::Unavailable(std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(raw)));
    // Notices ("already exists, skipping") are not errors: keep them off stderr.
    PQsetNoticeProcessor(raw, [](void*, const char* message) { spdlog::debug("postgres: {}", message); }, nullptr);
    PGresult* res = PQexec(raw, "SET synchronous_commit = on; SET client_encoding = 'UTF8'");
    PQclear(res);
    return conn;
  }

 protected:
  Status RunTransaction(TxMode mode, const std::function<Status(Tx&)>& body) override {
    for (int attempt = 0;; ++attempt) {
      auto conn = TRY(pool_.Acquire());
      PgTx tx(*conn, observer_);
      auto status = tx.ExecScript(mode == TxMode::kWrite ? "BEGIN" : "BEGIN READ ONLY");
      if (status) {
        status = body(tx);
        auto end = tx.ExecScript(status ? "COMMIT" : "ROLLBACK");
        if (!end && status) status = Fail(end.error());
      }
      // Only a failed transaction is run again: an error caught inside a
      // savepoint leaves its SQLSTATE behind but the commit stands.
      bool retry = !status &&
                   (tx.last_sqlstate() == kSerializationFailure || tx.last_sqlstate() == kDeadlockDetected) &&
                   attempt < 3;
      bool broken = conn->broken();
      pool_.Release(std::move(conn), broken);
      if (broken && status.has_value() == false)
        return Fail(Error::Unavailable("lost the connection to PostgreSQL"));
      if (!retry) return status;
      std::this_thread::sleep_for(std::chrono::milliseconds(5 << attempt));
    }
  }

 private:
  std::string url_;
  ConnectionPool<PgConnection> pool_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, int pool_size) {
  auto db = std::make_unique<PgDatabase>(url, pool_size);
  TRY_STATUS(db->Transact(TxMode::kRead, [](Tx&) -> Status { return {}; }));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace tadaima::db
