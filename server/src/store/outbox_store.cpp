#include "store/outbox_store.h"

#include <nlohmann/json.hpp>

#include <set>

#include "store/notification_rows.h"
#include "store/rows.h"

namespace tadaima::store {
namespace {

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
constexpr db::Query kOpenRowsOfEvent{
    "open_rows_of_event",
    "SELECT id, payload FROM notifications WHERE event_key = $2 AND organization_id = $1"
    " AND (channel = 'inapp' OR status = 'pending') ORDER BY id"};
constexpr db::Query kSetPayload{"set_notification_payload", "UPDATE notifications SET payload = $2 WHERE id = $1"};
constexpr db::Query kRetryNotification{
    "retry_notification",
    "UPDATE notifications SET status = 'pending', next_attempt_at = $2, claimed_until = NULL, retried_at = $2"
    " WHERE id = $1 AND status = 'dead'"};

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

Result<std::vector<EventRow>> OpenRowsOfEvent(db::Tx& tx, const std::string& organization_id,
                                              const std::string& event_key) {
  auto rs = TRY(tx.Exec(kOpenRowsOfEvent, {organization_id, event_key}));
  std::vector<EventRow> out;
  for (const auto& r : rs.rows) out.push_back({r.Text(0), r.Text(1)});
  return out;
}

Status SetPayload(db::Tx& tx, const std::string& id, const std::string& payload) {
  TRY(tx.Exec(kSetPayload, {id, payload}));
  return {};
}

Result<bool> RetryNotification(db::Tx& tx, const std::string& id, int64_t now) {
  auto rs = TRY(tx.Exec(kRetryNotification, {id, now}));
  return rs.affected > 0;
}

}  // namespace tadaima::store
