// The inbox: a guardian's in-app notification rows (the outbox's rows of
// channel inapp), newest first, with their read marks.
//
// Contracts: every query is keyed by the user and touches only that user's
// in-app rows; another user's row, or a push or e-mail row, reads as absent.
// Marking read keeps the first read time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

// Up to `limit` rows by id descending (newest first); `before_id` pages on
// from the last row seen.
Result<std::vector<Notification>> ListInbox(db::Tx& tx, const std::string& user_id, bool unread_only,
                                            const std::optional<std::string>& before_id, int limit);
// The user's in-app rows not read yet.
Result<int64_t> CountUnread(db::Tx& tx, const std::string& user_id);
// Marks the row read (an already read row keeps its first read time); false
// when the user has no such in-app row.
Result<bool> MarkRead(db::Tx& tx, const std::string& user_id, const std::string& id, int64_t now);
// Marks every unread in-app row of the user read at `now`.
Status MarkAllRead(db::Tx& tx, const std::string& user_id, int64_t now);

}  // namespace tadaima::store
