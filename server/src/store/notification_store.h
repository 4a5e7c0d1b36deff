// Notifications: the outbox rows and their attempts, guardians' preferences
// and push subscriptions.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

// --- what the outbox writes
// A guardian of a family with what decides their notifications; one row per
// push subscription (subscription_id empty when there is none).
struct Recipient {
  std::string user_id;
  std::optional<std::string> email;
  NotificationPreferences preferences;
  std::string subscription_id;
};
Result<std::vector<Recipient>> FamilyRecipients(db::Tx& tx, const std::string& organization_id,
                                                const std::string& family_id);
// Inserts the rows, each unless one for the same event, user, channel and
// target exists (one statement on PostgreSQL); returns the ids inserted.
Result<std::set<std::string>> InsertNotifications(db::Tx& tx, const std::vector<Notification>& rows);

// --- what the workers do
// Leases up to `limit` due pending rows until `lease_until` (SKIP LOCKED on
// PostgreSQL, so several processes share the work) and counts the attempt.
Result<std::vector<Notification>> ClaimDueNotifications(db::Tx& tx, int64_t now, int64_t lease_until, int limit);
// How an attempt ended: `status` delivered, dead or cancelled, or pending
// with a next attempt.
struct AttemptEnd {
  std::string id;
  int64_t lease = 0;
  std::string status;
  int64_t next_attempt_at = 0;
  std::string result;  // delivered | retry | dead | cancelled
  std::string detail;
};
// Records a batch's attempts, each only while the row is still ours (its
// lease unchanged); returns the ids whose lease was still ours.
Result<std::set<std::string>> FinishAttempts(db::Tx& tx, const std::vector<AttemptEnd>& ends, int64_t now);
Result<int64_t> CountPendingNotifications(db::Tx& tx);

// --- inbox (in-app rows of one user), newest first
Result<std::vector<Notification>> ListInbox(db::Tx& tx, const std::string& user_id, bool unread_only,
                                            const std::optional<std::string>& before_id, int limit);
Result<int64_t> CountUnread(db::Tx& tx, const std::string& user_id);
// False when the user has no such in-app row.
Result<bool> MarkRead(db::Tx& tx, const std::string& user_id, const std::string& id, int64_t now);
Status MarkAllRead(db::Tx& tx, const std::string& user_id, int64_t now);

// --- staff: delivery history
struct NotificationQuery {
  std::string organization_id;
  std::optional<std::vector<std::string>> facility_ids;  // facility_staff: only these
  std::optional<std::string> facility_id, child_id, status, channel;
  std::optional<std::string> before_id;
  int limit = 50;
};
struct NotificationWithGuardian {
  Notification notification;
  std::string guardian_name;
};
Result<std::vector<NotificationWithGuardian>> ListNotifications(db::Tx& tx, const NotificationQuery& q);
Result<std::optional<NotificationWithGuardian>> FindNotification(db::Tx& tx, const std::string& organization_id,
                                                                 const std::string& id);
Result<std::vector<NotificationAttempt>> ListAttempts(db::Tx& tx, const std::string& notification_id);
// Makes a dead row pending again; false when it was not dead.
Result<bool> RetryNotification(db::Tx& tx, const std::string& id, int64_t now);

// --- preferences
Result<NotificationPreferences> FindPreferences(db::Tx& tx, const std::string& user_id);
Status SavePreferences(db::Tx& tx, const std::string& user_id, const NotificationPreferences& p, int64_t now);

// --- push subscriptions
Result<std::optional<PushSubscription>> FindSubscriptionByEndpoint(db::Tx& tx, const std::string& endpoint);
Result<std::optional<PushSubscription>> FindSubscription(db::Tx& tx, const std::string& id);
// The subscriptions of these ids that still exist.
Result<std::vector<PushSubscription>> FindSubscriptions(db::Tx& tx, const std::vector<std::string>& ids);
Status InsertSubscription(db::Tx& tx, const PushSubscription& s, int64_t now);
Status UpdateSubscriptionKeys(db::Tx& tx, const std::string& id, const std::string& p256dh, const std::string& auth,
                              int64_t now);
Result<std::vector<PushSubscription>> ListSubscriptions(db::Tx& tx, const std::string& user_id);
// Deletes the subscription and cancels its pending rows with `reason`.
Status DeleteSubscription(db::Tx& tx, const std::string& id, const std::string& reason, int64_t now);

}  // namespace tadaima::store
