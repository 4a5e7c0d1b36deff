// Kiosks: the devices paired with a facility's window, which may only stamp.
// A kiosk is stored with the hash of its device token, never the token.
//
// Contracts: the staff's queries take the organization id and never return
// another organization's kiosks; FindKiosk, ListKiosks and FindKioskByToken
// return live kiosks only (a revoked one reads as absent). Updates of a
// missing row change nothing and are no error.
#pragma once

#include <optional>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

// A taken token hash comes back as kConflict.
Status InsertKiosk(db::Tx& tx, const Kiosk& k, const std::string& token_hash);
// The facility's live kiosks, oldest first.
Result<std::vector<Kiosk>> ListKiosks(db::Tx& tx, const std::string& organization_id, const std::string& facility_id);
Result<std::optional<Kiosk>> FindKiosk(db::Tx& tx, const std::string& organization_id, const std::string& id);
// The live (not revoked) kiosk whose token hashes to `token_hash`, with its
// organization's time zone.
struct KioskSession {
  Kiosk kiosk;
  std::string time_zone;
};
Result<std::optional<KioskSession>> FindKioskByToken(db::Tx& tx, const std::string& token_hash);
// Marks the kiosk revoked at `now`: its token stops working at once.
Status RevokeKiosk(db::Tx& tx, const Kiosk& k, int64_t now);
// Writes the kiosk's staff-menu state: unlocked_until, pin_failures, pin_locked_until.
Status UpdateKioskPin(db::Tx& tx, const Kiosk& k);
// Records that the kiosk was seen at `now` (last_seen_at).
Status TouchKiosk(db::Tx& tx, const std::string& id, int64_t now);

}  // namespace tadaima::store
