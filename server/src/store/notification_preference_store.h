// Notification preferences: per guardian, which channels (push, e-mail,
// in-app) each kind of news goes to, quiet hours and the language of the
// messages. One row per user, written whole.
//
// Contracts: a user without a row has the defaults (every channel on, no
// quiet hours, Japanese); saving replaces the row (an upsert).
#pragma once

#include <string>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

Result<NotificationPreferences> FindPreferences(db::Tx& tx, const std::string& user_id);
Status SavePreferences(db::Tx& tx, const std::string& user_id, const NotificationPreferences& p, int64_t now);

}  // namespace tadaima::store
