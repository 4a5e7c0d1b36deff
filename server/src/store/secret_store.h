// The server's own secrets, by name: the key that signs credentials (QR
// codes) and the VAPID key pair of Web Push. Every process of one database
// shares them; they never leave the server.
//
// Contracts: a secret, once stored, never changes (nothing here replaces or
// deletes one); names are the callers' constants ("credential_mac",
// "vapid_private").
#pragma once

#include <string>

#include "db/database.h"

namespace tadaima::store {

// The secret named `name`; `candidate` becomes it on first use. Safe
// when several processes race: the first insert wins and all read it.
Result<std::string> EnsureServerKey(db::Tx& tx, const std::string& name, const std::string& candidate, int64_t now);

}  // namespace tadaima::store
