// Kiosks (paired devices) and the server's shared secrets.
#pragma once

#include <optional>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

Status InsertKiosk(db::Tx& tx, const Kiosk& k, const std::string& token_hash);
Result<std::vector<Kiosk>> ListKiosks(db::Tx& tx, const std::string& organization_id, const std::string& facility_id);
Result<std::optional<Kiosk>> FindKiosk(db::Tx& tx, const std::string& organization_id, const std::string& id);
// The live (not revoked) kiosk whose token hashes to `token_hash`, with its
// organization's time zone.
struct KioskSession {
  Kiosk kiosk;
  std::string time_zone;
};
Result<std::optional<KioskSession>> FindKioskByToken(db::Tx& tx, const std::string& token_hash);
Status RevokeKiosk(db::Tx& tx, const Kiosk& k, int64_t now);
Status TouchKiosk(db::Tx& tx, const std::string& id, int64_t now);

// The secret named `name`; `candidate` becomes it on first use. Safe
// when several processes race: the first insert wins and all read it.
Result<std::string> EnsureServerKey(db::Tx& tx, const std::string& name, const std::string& candidate, int64_t now);

}  // namespace tadaima::store
