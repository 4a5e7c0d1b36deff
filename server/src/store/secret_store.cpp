#include "store/secret_store.h"

namespace tadaima::store {
namespace {

constexpr db::Query kInsertKey{
    "insert_server_key",
    "INSERT INTO server_keys (name, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING"};
constexpr db::Query kSelectKey{"select_server_key", "SELECT secret FROM server_keys WHERE name = $1"};

}  // namespace

Result<std::string> EnsureServerKey(db::Tx& tx, const std::string& name, const std::string& candidate, int64_t now) {
  TRY(tx.Exec(kInsertKey, {name, candidate, now}));
  auto rs = TRY(tx.Exec(kSelectKey, {name}));
  return rs.rows.at(0).Text(0);
}

}  // namespace tadaima::store
