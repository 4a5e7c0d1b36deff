#include "store/notification_store.h"

#include <nlohmann/json.hpp>

#include <set>

namespace tadaima::store {
namespace {

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

constexpr db::Query kFamilyRecipients{
    "family_recipients",
    // From the family's row by its key, then its guardians by users_by_family: written so that
    // no planner (SQLite has no statistics) walks every user of the organization instead.
    "SELECT u.id, u.email, p.user_id IS NOT NULL, " TADAIMA_PREFERENCE_COLUMNS ", s.id"
    " FROM families f JOIN users u ON u.family_id = f.id"
    " LEFT JOIN notification_preferences p ON p.user_id = u.id"
    " LEFT JOIN push_subscriptions s ON s.user_id = u.id"
    " WHERE f.id = $2 AND f.organization_id = $1 AND u.role = 'guardian' ORDER BY u.id, s.id"};
constexpr db::Query kInsertNotification{
    "insert_notification",
    "INSERT INTO notifications (id, organization_id, user_id, channel, kind, event_key, target, facility_id,"
    " child_id, payload, urgent, status, attempts, next_attempt_at, created_at, delivered_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, $14, $15)"
    " ON CONFLICT (event_key, user_id, channel, target) DO NOTHING"};
// PostgreSQL: an event's rows in one statement (one round trip instead of one per row).
constexpr db::Query kInsertNotifications{
    "insert_notifications", "SELECT 'insert_notifications runs on PostgreSQL only'",
    "INSERT INTO notifications (id, organization_id, user_id, channel, kind, event_key, target, facility_id,"
    " child_id, payload, urgent, status, attempts, next_attempt_at, created_at, delivered_at)"
    " SELECT r.id, r.organization_id, r.user_id, r.channel, r.kind, r.event_key, r.target, r.facility_id,"
    " r.child_id, r.payload, r.urgent, r.status, 0, r.next_attempt_at, r.created_at, r.delivered_at"
    " FROM jsonb_to_recordset($1::jsonb) AS r(id text, organization_id text, user_id text, channel text, kind text,"
    " event_key text, target text, facility_id text, child_id text, payload text, urgent integer, status text,"
    " next_attempt_at bigint, created_at bigint, delivered_at bigint)"
    " ON CONFLICT (event_key, user_id, channel, target) DO NOTHING RETURNING id"};
constexpr db::Query kClaimDue{
    "claim_due_notifications",
    "UPDATE notifications SET claimed_until = $2, attempts = attempts + 1 WHERE id IN ("
    " SELECT id FROM notifications WHERE status = 'pending' AND next_attempt_at <= $1"
    " AND (claimed_until IS NULL OR claimed_until <= $1) ORDER BY next_attempt_at, id LIMIT $3)"
    " RETURNING " TADAIMA_NOTIFICATION_RETURNING,
    "UPDATE notifications SET claimed_until = $2, attempts = attempts + 1 WHERE id IN ("
    " SELECT id FROM notifications WHERE status = 'pending' AND next_attempt_at <= $1"
    " AND (claimed_until IS NULL OR claimed_until <= $1) ORDER BY next_attempt_at, id LIMIT $3"
    " FOR UPDATE SKIP LOCKED)"
    " RETURNING " TADAIMA_NOTIFICATION_RETURNING};
constexpr db::Query kFinishAttempt{
    "finish_notification_attempt",
    "UPDATE notifications SET status = $3, next_attempt_at = $4, claimed_until = NULL,"
    " last_error = CASE WHEN $3 = 'delivered' THEN last_error ELSE $5 END,"
    " delivered_at = CASE WHEN $3 = 'delivered' THEN $6 ELSE delivered_at END"
    " WHERE id = $1 AND claimed_until = $2 AND status = 'pending'"};
constexpr db::Query kInsertAttempt{
    "insert_notification_attempt",
    "INSERT INTO notification_attempts (notification_id, at, result, detail) VALUES ($1, $2, $3, $4)"};
// PostgreSQL: a batch's results in one statement (one round trip instead of two per row).
constexpr db::Query kFinishAttempts{
    "finish_notification_attempts", "SELECT 'finish_notification_attempts runs on PostgreSQL only'",
    "WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb)"
    "   AS r(id text, lease bigint, status text, next_attempt_at bigint, result text, detail text)),"
    " done AS (UPDATE notifications n SET status = x.status, next_attempt_at = x.next_attempt_at,"
    "   claimed_until = NULL,"
    "   last_error = CASE WHEN x.status = 'delivered' THEN n.last_error ELSE x.detail END,"
    "   delivered_at = CASE WHEN x.status = 'delivered' THEN $2 ELSE n.delivered_at END"
    "   FROM x WHERE n.id = x.id AND n.claimed_until = x.lease AND n.status = 'pending' RETURNING n.id)"
    " INSERT INTO notification_attempts (notification_id, at, result, detail)"
    " SELECT x.id, $2, x.result, x.detail FROM x JOIN done ON done.id = x.id RETURNING notification_id"};
constexpr db::Query kCountPending{"count_pending_notifications",
                                  "SELECT COUNT(*) FROM notifications WHERE status = 'pending'"};
constexpr db::Query kListInbox{
    "list_inbox",
    "SELECT " TADAIMA_NOTIFICATION_COLUMNS " FROM notifications n WHERE n.user_id = $1 AND n.channel = 'inapp'"
    " AND ($2 = 0 OR n.read_at IS NULL) AND ($3 = '' OR n.id < $3) ORDER BY n.id DESC LIMIT $4"};
constexpr db::Query kCountUnread{
    "count_unread",
    "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND channel = 'inapp' AND read_at IS NULL"};
constexpr db::Query kMarkRead{
    "mark_notification_read",
    "UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE user_id = $1 AND id = $2 AND channel = 'inapp'"};
constexpr db::Query kMarkAllRead{
    "mark_all_notifications_read",
    "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND channel = 'inapp' AND read_at IS NULL"};
constexpr db::Query kListNotifications{
    "list_notifications",
    "SELECT " TADAIMA_NOTIFICATION_COLUMNS ", u.name FROM notifications n JOIN users u ON u.id = n.user_id"
    " WHERE n.organization_id = $1"
    " AND ($2 = '' OR n.facility_id IN (SELECT value FROM json_each($2)))"
    " AND ($3 = '' OR n.facility_id = $3) AND ($4 = '' OR n.child_id = $4)"
    " AND ($5 = '' OR n.status = $5) AND ($6 = '' OR n.channel = $6) AND ($7 = '' OR n.id < $7)"
    " ORDER BY n.id DESC LIMIT $8",
    "SELECT " TADAIMA_NOTIFICATION_COLUMNS ", u.name FROM notifications n JOIN users u ON u.id = n.user_id"
    " WHERE n.organization_id = $1"
    " AND ($2 = '' OR n.facility_id IN (SELECT jsonb_array_elements_text($2::jsonb)))"
    " AND ($3 = '' OR n.facility_id = $3) AND ($4 = '' OR n.child_id = $4)"
    " AND ($5 = '' OR n.status = $5) AND ($6 = '' OR n.channel = $6) AND ($7 = '' OR n.id < $7)"
    " ORDER BY n.id DESC LIMIT $8"};
constexpr db::Query kFindNotification{
    "find_notification",
    "SELECT " TADAIMA_NOTIFICATION_COLUMNS ", u.name FROM notifications n JOIN users u ON u.id = n.user_id"
    " WHERE n.organization_id = $1 AND n.id = $2"};
constexpr db::Query kListAttempts{
    "list_notification_attempts",
    "SELECT at, result, detail FROM notification_attempts WHERE notification_id = $1 ORDER BY at, result"};
constexpr db::Query kRetryNotification{
    "retry_notification",
    "UPDATE notifications SET status = 'pending', next_attempt_at = $2, claimed_until = NULL, retried_at = $2"
    " WHERE id = $1 AND status = 'dead'"};
constexpr db::Query kFindPreferences{
    "find_notification_preferences",
    "SELECT " TADAIMA_PREFERENCE_COLUMNS " FROM notification_preferences p WHERE p.user_id = $1"};
constexpr db::Query kSavePreferences{
    "save_notification_preferences",
    "INSERT INTO notification_preferences (user_id, stamps_push, stamps_email, stamps_inapp, messages_push,"
    " messages_email, messages_inapp, quiet_from, quiet_to, language, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (user_id) DO UPDATE SET"
    " stamps_push = excluded.stamps_push, stamps_email = excluded.stamps_email,"
    " stamps_inapp = excluded.stamps_inapp, messages_push = excluded.messages_push,"
    " messages_email = excluded.messages_email, messages_inapp = excluded.messages_inapp,"
    " quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to, language = excluded.language,"
    " updated_at = excluded.updated_at"};

#define TADAIMA_SUBSCRIPTION_COLUMNS "id, organization_id, user_id, endpoint, p256dh, auth, created_at"
constexpr db::Query kFindSubscriptionByEndpoint{
    "find_push_subscription_by_endpoint",
    "SELECT " TADAIMA_SUBSCRIPTION_COLUMNS " FROM push_subscriptions WHERE endpoint = $1"};
constexpr db::Query kFindSubscription{
    "find_push_subscription", "SELECT " TADAIMA_SUBSCRIPTION_COLUMNS " FROM push_subscriptions WHERE id = $1"};
constexpr db::Query kFindSubscriptions{
    "find_push_subscriptions",
    "SELECT " TADAIMA_SUBSCRIPTION_COLUMNS " FROM push_subscriptions WHERE id IN (SELECT value FROM json_each($1))",
    "SELECT " TADAIMA_SUBSCRIPTION_COLUMNS
    " FROM push_subscriptions WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))"};
constexpr db::Query kInsertSubscription{
    "insert_push_subscription",
    "INSERT INTO push_subscriptions (id, organization_id, user_id, endpoint, p256dh, auth, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $7)"};
constexpr db::Query kUpdateSubscriptionKeys{
    "update_push_subscription_keys",
    "UPDATE push_subscriptions SET p256dh = $2, auth = $3, updated_at = $4 WHERE id = $1"};
constexpr db::Query kListSubscriptions{
    "list_push_subscriptions",
    "SELECT " TADAIMA_SUBSCRIPTION_COLUMNS " FROM push_subscriptions WHERE user_id = $1 ORDER BY id"};
constexpr db::Query kDeleteSubscription{"delete_push_subscription", "DELETE FROM push_subscriptions WHERE id = $1"};
constexpr db::Query kCancelForSubscription{
    "cancel_notifications_of_subscription",
    "UPDATE notifications SET status = 'cancelled', last_error = $2, claimed_until = NULL"
    " WHERE channel = 'push' AND target = $1 AND status = 'pending'"};

Notification NotificationFrom(const db::Row& r) {
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
constexpr size_t kNotificationColumnCount = 20;

// Preferences from 9 columns starting at `i`.
NotificationPreferences PreferencesFrom(const db::Row& r, size_t i) {
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

PushSubscription SubscriptionFrom(const db::Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6)};
}

db::Value OptInt(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

Result<bool> InsertNotification(db::Tx& tx, const Notification& n) {
  auto rs = TRY(tx.Exec(kInsertNotification, {n.id, n.organization_id, n.user_id, n.channel, n.kind, n.event_key,
                                               n.target, db::Opt(n.facility_id), db::Opt(n.child_id), n.payload,
                                               int64_t{n.urgent}, n.status, n.next_attempt_at, n.created_at,
                                               OptInt(n.delivered_at)}));
  return rs.affected > 0;
}

Result<bool> FinishAttempt(db::Tx& tx, const AttemptEnd& end, int64_t now) {
  auto rs = TRY(tx.Exec(kFinishAttempt, {end.id, end.lease, end.status, end.next_attempt_at, end.detail, now}));
  if (rs.affected == 0) return false;
  TRY(tx.Exec(kInsertAttempt, {end.id, now, end.result, end.detail}));
  return true;
}

}  // namespace

Result<std::vector<Recipient>> FamilyRecipients(db::Tx& tx, const std::string& organization_id,
                                                const std::string& family_id) {
  auto rs = TRY(tx.Exec(kFamilyRecipients, {organization_id, family_id}));
  std::vector<Recipient> out;
  for (const auto& r : rs.rows) {
    Recipient rec;
    rec.user_id = r.Text(0);
    rec.email = r.OptText(1);
    if (r.Bool(2)) rec.preferences = PreferencesFrom(r, 3);
    rec.subscription_id = r.OptText(12).value_or("");
    out.push_back(std::move(rec));
  }
  return out;
}


Result<std::set<std::string>> InsertNotifications(db::Tx& tx, const std::vector<Notification>& rows) {
  std::set<std::string> inserted;
  if (tx.dialect() != db::Dialect::kPostgres) {
    // SQLite: each statement is a quick call into the library, no round trip.
    for (const auto& n : rows)
      if (TRY(InsertNotification(tx, n))) inserted.insert(n.id);
    return inserted;
  }
  if (rows.empty()) return inserted;
  auto opt = [](const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  nlohmann::json list = nlohmann::json::array();
  for (const auto& n : rows)
    list.push_back({{"id", n.id}, {"organization_id", n.organization_id}, {"user_id", n.user_id},
                    {"channel", n.channel}, {"kind", n.kind}, {"event_key", n.event_key}, {"target", n.target},
                    {"facility_id", opt(n.facility_id)}, {"child_id", opt(n.child_id)}, {"payload", n.payload},
                    {"urgent", n.urgent ? 1 : 0}, {"status", n.status}, {"next_attempt_at", n.next_attempt_at},
                    {"created_at", n.created_at},
                    {"delivered_at", n.delivered_at ? nlohmann::json(*n.delivered_at) : nlohmann::json(nullptr)}});
  auto rs = TRY(tx.Exec(kInsertNotifications, {list.dump()}));
  for (const auto& r : rs.rows) inserted.insert(r.Text(0));
  return inserted;
}

Result<std::vector<Notification>> ClaimDueNotifications(db::Tx& tx, int64_t now, int64_t lease_until, int limit) {
  auto rs = TRY(tx.Exec(kClaimDue, {now, lease_until, int64_t{limit}}));
  std::vector<Notification> out;
  for (const auto& r : rs.rows) out.push_back(NotificationFrom(r));
  return out;
}


Result<std::set<std::string>> FinishAttempts(db::Tx& tx, const std::vector<AttemptEnd>& ends, int64_t now) {
  std::set<std::string> ours;
  if (tx.dialect() == db::Dialect::kPostgres) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& e : ends)
      rows.push_back({{"id", e.id}, {"lease", e.lease}, {"status", e.status}, {"next_attempt_at", e.next_attempt_at},
                      {"result", e.result}, {"detail", e.detail}});
    auto rs = TRY(tx.Exec(kFinishAttempts, {rows.dump(), now}));
    for (const auto& r : rs.rows) ours.insert(r.Text(0));
    return ours;
  }
  // SQLite: each statement is a quick call into the library, no round trip.
  for (const auto& e : ends)
    if (TRY(FinishAttempt(tx, e, now))) ours.insert(e.id);
  return ours;
}

Result<int64_t> CountPendingNotifications(db::Tx& tx) {
  auto rs = TRY(tx.Exec(kCountPending));
  return rs.rows.at(0).Int(0);
}

Result<std::vector<Notification>> ListInbox(db::Tx& tx, const std::string& user_id, bool unread_only,
                                            const std::optional<std::string>& before_id, int limit) {
  auto rs = TRY(tx.Exec(kListInbox, {user_id, int64_t{unread_only}, before_id.value_or(""), int64_t{limit}}));
  std::vector<Notification> out;
  for (const auto& r : rs.rows) out.push_back(NotificationFrom(r));
  return out;
}

Result<int64_t> CountUnread(db::Tx& tx, const std::string& user_id) {
  auto rs = TRY(tx.Exec(kCountUnread, {user_id}));
  return rs.rows.at(0).Int(0);
}

Result<bool> MarkRead(db::Tx& tx, const std::string& user_id, const std::string& id, int64_t now) {
  auto rs = TRY(tx.Exec(kMarkRead, {user_id, id, now}));
  return rs.affected > 0;
}

Status MarkAllRead(db::Tx& tx, const std::string& user_id, int64_t now) {
  TRY(tx.Exec(kMarkAllRead, {user_id, now}));
  return {};
}

Result<std::vector<NotificationWithGuardian>> ListNotifications(db::Tx& tx, const NotificationQuery& q) {
  std::string facilities;
  if (q.facility_ids) {
    facilities = "[";
    for (size_t i = 0; i < q.facility_ids->size(); ++i)
      facilities += (i ? ",\"" : "\"") + (*q.facility_ids)[i] + "\"";  // ids are [0-9a-z] only
    facilities += "]";
  }
  auto rs = TRY(tx.Exec(kListNotifications,
                        {q.organization_id, facilities, q.facility_id.value_or(""), q.child_id.value_or(""),
                         q.status.value_or(""), q.channel.value_or(""), q.before_id.value_or(""), int64_t{q.limit}}));
  std::vector<NotificationWithGuardian> out;
  for (const auto& r : rs.rows) out.push_back({NotificationFrom(r), r.Text(kNotificationColumnCount)});
  return out;
}

Result<std::optional<NotificationWithGuardian>> FindNotification(db::Tx& tx, const std::string& organization_id,
                                                                 const std::string& id) {
  auto rs = TRY(tx.Exec(kFindNotification, {organization_id, id}));
  if (rs.empty()) return std::nullopt;
  return NotificationWithGuardian{NotificationFrom(rs.rows[0]), rs.rows[0].Text(kNotificationColumnCount)};
}

Result<std::vector<NotificationAttempt>> ListAttempts(db::Tx& tx, const std::string& notification_id) {
  auto rs = TRY(tx.Exec(kListAttempts, {notification_id}));
  std::vector<NotificationAttempt> out;
  for (const auto& r : rs.rows) out.push_back({r.Int(0), r.Text(1), r.Text(2)});
  return out;
}

Result<bool> RetryNotification(db::Tx& tx, const std::string& id, int64_t now) {
  auto rs = TRY(tx.Exec(kRetryNotification, {id, now}));
  return rs.affected > 0;
}

Result<NotificationPreferences> FindPreferences(db::Tx& tx, const std::string& user_id) {
  auto rs = TRY(tx.Exec(kFindPreferences, {user_id}));
  if (rs.empty()) return NotificationPreferences{};
  return PreferencesFrom(rs.rows[0], 0);
}

Status SavePreferences(db::Tx& tx, const std::string& user_id, const NotificationPreferences& p, int64_t now) {
  auto quiet = [&](const std::optional<int>& v) { return v ? db::Value(int64_t{*v}) : db::Value(nullptr); };
  TRY(tx.Exec(kSavePreferences,
              {user_id, int64_t{p.stamps.push}, int64_t{p.stamps.email}, int64_t{p.stamps.inapp},
               int64_t{p.messages.push}, int64_t{p.messages.email}, int64_t{p.messages.inapp}, quiet(p.quiet_from),
               quiet(p.quiet_to), p.language, now}));
  return {};
}

Result<std::optional<PushSubscription>> FindSubscriptionByEndpoint(db::Tx& tx, const std::string& endpoint) {
  auto rs = TRY(tx.Exec(kFindSubscriptionByEndpoint, {endpoint}));
  if (rs.empty()) return std::nullopt;
  return SubscriptionFrom(rs.rows[0]);
}

Result<std::optional<PushSubscription>> FindSubscription(db::Tx& tx, const std::string& id) {
  auto rs = TRY(tx.Exec(kFindSubscription, {id}));
  if (rs.empty()) return std::nullopt;
  return SubscriptionFrom(rs.rows[0]);
}

Result<std::vector<PushSubscription>> FindSubscriptions(db::Tx& tx, const std::vector<std::string>& ids) {
  if (ids.empty()) return std::vector<PushSubscription>{};
  auto rs = TRY(tx.Exec(kFindSubscriptions, {nlohmann::json(ids).dump()}));
  std::vector<PushSubscription> out;
  for (const auto& r : rs.rows) out.push_back(SubscriptionFrom(r));
  return out;
}

Status InsertSubscription(db::Tx& tx, const PushSubscription& s, int64_t now) {
  TRY(tx.Exec(kInsertSubscription, {s.id, s.organization_id, s.user_id, s.endpoint, s.p256dh, s.auth, now}));
  return {};
}

Status UpdateSubscriptionKeys(db::Tx& tx, const std::string& id, const std::string& p256dh, const std::string& auth,
                              int64_t now) {
  TRY(tx.Exec(kUpdateSubscriptionKeys, {id, p256dh, auth, now}));
  return {};
}

Result<std::vector<PushSubscription>> ListSubscriptions(db::Tx& tx, const std::string& user_id) {
  auto rs = TRY(tx.Exec(kListSubscriptions, {user_id}));
  std::vector<PushSubscription> out;
  for (const auto& r : rs.rows) out.push_back(SubscriptionFrom(r));
  return out;
}

Status DeleteSubscription(db::Tx& tx, const std::string& id, const std::string& reason, int64_t now) {
  TRY(tx.Exec(kCancelForSubscription, {id, reason}));
  TRY(tx.Exec(kDeleteSubscription, {id}));
  return {};
}

}  // namespace tadaima::store
