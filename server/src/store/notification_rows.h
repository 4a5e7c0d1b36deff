// Row conversions shared by the notification stores (outbox_store,
// inbox_store, notification_preference_store): the columns of a notification
// row and of a guardian's preferences, and how they become model values.
// Private to store/.
#pragma once

#include "db/database.h"
#include "model/model.h"

#define TADAIMA_NOTIFICATION_COLUMNS                                                                        \
  "n.id, n.organization_id, n.user_id, n.channel, n.kind, n.event_key, n.target, n.facility_id, n.child_id, " \
  "n.payload, n.urgent, n.status, n.attempts, n.next_attempt_at, n.claimed_until, n.last_error, n.created_at, " \
  "n.delivered_at, n.read_at, n.retried_at"
// The same without the table alias (SQLite's RETURNING takes bare names).
#define TADAIMA_NOTIFICATION_RETURNING                                                              \
  "id, organization_id, user_id, channel, kind, event_key, target, facility_id, child_id, payload, urgent, " \
  "status, attempts, next_attempt_at, claimed_until, last_error, created_at, delivered_at, read_at, retried_at"
#define TADAIMA_PREFERENCE_COLUMNS                                                                       \
  "p.stamps_push, p.stamps_email, p.stamps_inapp, p.messages_push, p.messages_email, p.messages_inapp, " \
  "p.quiet_from, p.quiet_to, p.language"

namespace tadaima::store {

// A notification from TADAIMA_NOTIFICATION_COLUMNS (or _RETURNING), which
// take the first kNotificationColumnCount columns.
inline Notification NotificationFrom(const db::Row& r) {
  Notification n;
  n.id = r.Text(0);
  n.organization_id = r.Text(1);
  n.user_id = r.Text(2);
  n.channel = r.Text(3);
  n.kind = r.Text(4);
  n.event_key = r.Text(5);
  n.target = r.Text(6);
  n.facility_id = r.OptText(7);
  n.child_id = r.OptText(8);
  n.payload = r.Text(9);
  n.urgent = r.Bool(10);
  n.status = r.Text(11);
  n.attempts = static_cast<int>(r.Int(12));
  n.next_attempt_at = r.Int(13);
  if (!r.IsNull(14)) n.claimed_until = r.Int(14);
  n.last_error = r.OptText(15);
  n.created_at = r.Int(16);
  if (!r.IsNull(17)) n.delivered_at = r.Int(17);
  if (!r.IsNull(18)) n.read_at = r.Int(18);
  if (!r.IsNull(19)) n.retried_at = r.Int(19);
  return n;
}
inline constexpr size_t kNotificationColumnCount = 20;

// Preferences from 9 columns starting at `i`.
inline NotificationPreferences PreferencesFrom(const db::Row& r, size_t i) {
  NotificationPreferences p;
  p.stamps = {r.Bool(i), r.Bool(i + 1), r.Bool(i + 2)};
  p.messages = {r.Bool(i + 3), r.Bool(i + 4), r.Bool(i + 5)};
  if (!r.IsNull(i + 6) && !r.IsNull(i + 7)) {
    p.quiet_from = static_cast<int>(r.Int(i + 6));
    p.quiet_to = static_cast<int>(r.Int(i + 7));
  }
  p.language = r.Text(i + 8);
  return p;
}

}  // namespace tadaima::store
