#include "store/audit_store.h"

namespace tadaima::store {
namespace {

constexpr db::Query kInsertAudit{
    "insert_audit",
    "INSERT INTO audit_log (id, organization_id, actor_id, action, target_type, target_id, detail, at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};

constexpr db::Query kListAudit{
    "list_audit",
    "SELECT a.action, a.actor_id, u.name, a.at FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id"
    " WHERE a.organization_id = $1 AND a.target_type = $2 AND a.target_id = $3 ORDER BY a.at DESC, a.id DESC LIMIT $4"};

}  // namespace

Result<std::vector<AuditRecord>> ListAudit(db::Tx& tx, const std::string& organization_id,
                                           const std::string& target_type, const std::string& target_id, int limit) {
  auto rs = TRY(tx.Exec(kListAudit, {organization_id, target_type, target_id, int64_t{limit}}));
  std::vector<AuditRecord> out;
  for (const auto& r : rs.rows)
    out.push_back({r.Text(0), r.OptText(1).value_or(""), r.OptText(2).value_or(""), r.Int(3)});
  return out;
}

Status InsertAudit(db::Tx& tx, const AuditEntry& e, const std::string& id, int64_t now) {
  TRY(tx.Exec(kInsertAudit, {id, e.organization_id, e.actor_id.empty() ? db::Value(nullptr) : db::Value(e.actor_id),
                             e.action, e.target_type, e.target_id, e.detail, now}));
  return {};
}

}  // namespace tadaima::store
