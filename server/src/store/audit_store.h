// The audit log: who changed what, with before and after where it matters.
//
// Contracts: append-only (nothing here updates or deletes an entry); an
// entry is written in the transaction of the change it records, so both
// commit or neither does. A taken id comes back as kConflict.
#pragma once

#include "db/database.h"

namespace tadaima::store {

struct AuditEntry {
  std::string organization_id;
  std::string actor_id;  // empty for the command line
  std::string action;    // "family.create", "guardian.password_reset"…
  std::string target_type;
  std::string target_id;
  std::string detail = "{}";  // JSON
};

// Appends the entry as `id` at `now`; an empty actor_id is stored as NULL.
Status InsertAudit(db::Tx& tx, const AuditEntry& e, const std::string& id, int64_t now);

// The entries about one target, newest first (at most `limit`), with the
// acting user's name (empty for the command line and kiosks).
struct AuditRecord {
  std::string action, actor_id, actor_name;
  int64_t at = 0;
};
Result<std::vector<AuditRecord>> ListAudit(db::Tx& tx, const std::string& organization_id,
                                           const std::string& target_type, const std::string& target_id, int limit);

}  // namespace tadaima::store
