// The outbox: one notification row per guardian, channel and target (push:
// a device, e-mail: an address, in-app: the inbox) for each event told, the
// attempts the workers make to deliver them, and the delivery history staff
// read.
//
// Contracts: an event is told once per (event_key, user, channel, target) —
// inserting it again is no error and inserts nothing. Workers lease due rows
// (claimed_until) and may record an attempt only while the lease is still
// theirs; a row's status goes pending -> delivered | dead | cancelled, and
// only a dead row can be made pending again. The staff's queries take the
// organization id; the workers' run across organizations.
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
// push subscription (subscription_id empty when there is none), by user then
// subscription. Preferences are the defaults when the guardian saved none.
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
// Leases up to `limit` due rows — pending, next_attempt_at <= now, and not
// leased or their lease ended — until `lease_until`, and counts the attempt
// (attempts + 1). When more are due than `limit`, the soonest due are taken;
// they come back in no particular order. A leased row is nobody else's until
// its lease ends (SKIP LOCKED on PostgreSQL, so several processes share the
// work).
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
// Records a batch's attempts, each only while the row is still ours (pending,
// its lease unchanged): sets status and next_attempt_at, ends the lease,
// keeps the detail as last_error (delivered: delivered_at = now) and adds an
// attempt row. Returns the ids whose lease was still ours; the others are
// left as they are.
Result<std::set<std::string>> FinishAttempts(db::Tx& tx, const std::vector<AttemptEnd>& ends, int64_t now);
// Pending rows of every organization (leased or not).
Result<int64_t> CountPendingNotifications(db::Tx& tx);

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
// Up to q.limit rows of the organization, newest first (id descending);
// q.before_id pages on from the last row seen.
Result<std::vector<NotificationWithGuardian>> ListNotifications(db::Tx& tx, const NotificationQuery& q);
Result<std::optional<NotificationWithGuardian>> FindNotification(db::Tx& tx, const std::string& organization_id,
                                                                 const std::string& id);
// The row's attempts, oldest first. REQUIRES: the caller found the row in its organization.
Result<std::vector<NotificationAttempt>> ListAttempts(db::Tx& tx, const std::string& notification_id);
// Makes a dead row pending again, due at `now` (retried_at = now); false when
// it was not dead (or does not exist).
Result<bool> RetryNotification(db::Tx& tx, const std::string& id, int64_t now);

// The rows of one event (event_key) that may still change: in-app rows and
// those not delivered yet; id and payload only.
struct EventRow {
  std::string id, payload;
};
Result<std::vector<EventRow>> OpenRowsOfEvent(db::Tx& tx, const std::string& organization_id,
                                              const std::string& event_key);
Status SetPayload(db::Tx& tx, const std::string& id, const std::string& payload);

}  // namespace tadaima::store
