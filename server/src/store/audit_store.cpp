#include "store/audit_store.h"

namespace tadaima::store {
namespace {

constexpr db::Query kInsertAudit{
    "insert_audit",
    "INSERT INTO audit_log (id, organization_id, actor_id, action, target_type, target_id, detail, at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};

}  // namespace

Status InsertAudit(db::Tx& tx, const AuditEntry& e, const std::string& id, int64_t now) {
  TRY(tx.Exec(kInsertAudit, {id, e.organization_id, e.actor_id.empty() ? db::Value(nullptr) : db::Value(e.actor_id),
                             e.action, e.target_type, e.target_id, e.detail, now}));
  return {};
}

}  // namespace tadaima::store
