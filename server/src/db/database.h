// Database: the one small interface over SQLite and PostgreSQL.
//
// SQL is written once with $1, $2… placeholders; the SQLite back end rewrites
// them to ?1, ?2…. Results come back as text cells (NULL as nullopt), which the
// Row accessors convert. Instants are BIGINT milliseconds, dates TEXT, flags
// INTEGER 0/1 in both dialects, so one query usually serves both; where the
// dialects differ a Query carries a PostgreSQL variant.
//
// Thread-safety: Database is thread-safe; a Tx belongs to one thread for its
// life. Only store/ builds queries, and only service/ opens transactions.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/error.h"

namespace tadaima::db {

enum class Dialect { kSqlite, kPostgres };

// A named SQL statement. The name shows in logs and metrics.
struct Query {
  const char* name;
  const char* sql;
  const char* postgres_sql = nullptr;  // when PostgreSQL needs other text
};

using Value = std::variant<std::nullptr_t, int64_t, std::string>;
using Params = std::vector<Value>;

// Converts an optional to a parameter (nullopt -> NULL).
inline Value Opt(const std::optional<std::string>& v) {
  return v ? Value(*v) : Value(nullptr);
}

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  bool IsNull(size_t i) const { return !cells_.at(i).has_value(); }
  // REQUIRES: the cell is not NULL.
  const std::string& Text(size_t i) const { return *cells_.at(i); }
  std::optional<std::string> OptText(size_t i) const { return cells_.at(i); }
  int64_t Int(size_t i) const;
  bool Bool(size_t i) const { return Int(i) != 0; }
  size_t size() const { return cells_.size(); }

 private:
  std::vector<std::optional<std::string>> cells_;
};

struct ResultSet {
  std::vector<Row> rows;
  int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
  bool empty() const { return rows.empty(); }
};

// A transaction on one connection. Errors: a unique or foreign-key violation
// comes back as kConflict (with the constraint in the message); everything
// else as kInternal, already logged.
class Tx {
 public:
  virtual ~Tx() = default;
  virtual Dialect dialect() const = 0;
  virtual Result<ResultSet> Exec(const Query& query, const Params& params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual Status ExecScript(const std::string& sql) = 0;
};

enum class TxMode { kRead, kWrite };

// Observes the time each query takes (metrics); may be called on any thread.
using QueryObserver = std::function<void(const char* name, double seconds)>;

class Database {
 public:
  virtual ~Database() = default;

  // Opens "sqlite:PATH" or "postgresql://…" (also "postgres://…").
  // pool_size bounds the open connections.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size = 8);

  virtual Dialect dialect() const = 0;
  void SetQueryObserver(QueryObserver observer) { observer_ = std::move(observer); }

  // Runs `body` in a transaction: commits when it returns a value, rolls back
  // when it returns an error. Retries a few times when the database reports a
  // serialization failure or deadlock, so `body` must be free of side effects
  // outside the transaction.
  template <class F>
  auto Transact(TxMode mode, F&& body) -> decltype(body(std::declval<Tx&>())) {
    decltype(body(std::declval<Tx&>())) out = Fail(Error::Internal("transaction did not run"));
    bool ran = false;
    auto status = RunTransaction(mode, [&](Tx& tx) -> Status {
      ran = true;
      out = body(tx);
      if (!out) return Fail(out.error());
      return {};
    });
    // The transaction could not begin (busy), or the commit itself failed.
    if (!status && (out || !ran)) return Fail(status.error());
    return out;
  }

 protected:
  virtual Status RunTransaction(TxMode mode, const std::function<Status(Tx&)>& body) = 0;
  QueryObserver observer_;
};

}  // namespace tadaima::db
