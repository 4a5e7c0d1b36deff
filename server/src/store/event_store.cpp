#include "store/event_store.h"

#include <nlohmann/json.hpp>

#include "rules/calendar.h"
#include "store/rows.h"

namespace tadaima::store {
namespace {

#define TADAIMA_EVENT_COLUMNS                                                                                    \
  "e.id, e.organization_id, e.facility_id, f.name, e.kind, e.title, e.description, e.starts_at, e.ends_at,"     \
  " e.capacity, e.age_min_months, e.age_max_months, e.apply_until, e.status, e.cancelled_at, e.client_id,"      \
  " e.created_by_id, e.created_by_name, e.created_at, e.updated_at,"                                            \
  " (SELECT COALESCE(SUM(a.seats), 0) FROM course_applications a WHERE a.event_id = e.id AND a.status = 'confirmed')," \
  " (SELECT COUNT(*) FROM course_applications a WHERE a.event_id = e.id AND a.status = 'waitlisted')"
#define TADAIMA_EVENT_FROM " FROM events e LEFT JOIN facilities f ON f.id = e.facility_id"

constexpr db::Query kInsertEvent{
    "insert_event",
    "INSERT INTO events (id, organization_id, facility_id, kind, title, description, starts_at, ends_at, capacity,"
    " age_min_months, age_max_months, apply_until, status, client_id, created_by_id, created_by_name, created_at,"
    " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'scheduled', $13, $14, $15, $16, $16)"};
constexpr db::Query kUpdateEvent{
    "update_event",
    "UPDATE events SET title = $3, description = $4, starts_at = $5, ends_at = $6, capacity = $7,"
    " age_min_months = $8, age_max_months = $9, apply_until = $10, updated_at = $11"
    " WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kCancelEvent{
    "cancel_event",
    "UPDATE events SET status = 'cancelled', cancelled_at = $3, updated_at = $3"
    " WHERE organization_id = $1 AND id = $2 AND status = 'scheduled'"};
constexpr db::Query kFindEvent{
    "find_event", "SELECT " TADAIMA_EVENT_COLUMNS TADAIMA_EVENT_FROM " WHERE e.organization_id = $1 AND e.id = $2"};
constexpr db::Query kFindEventByClientId{
    "find_event_by_client_id",
    "SELECT " TADAIMA_EVENT_COLUMNS TADAIMA_EVENT_FROM " WHERE e.organization_id = $1 AND e.client_id = $2"};
constexpr db::Query kLockEvent{"lock_event", "UPDATE events SET updated_at = updated_at WHERE id = $1"};
// $2: the facilities as a JSON array ('' for every one); $3: a kind ('' for any).
constexpr db::Query kListEvents{
    "list_events",
    "SELECT " TADAIMA_EVENT_COLUMNS TADAIMA_EVENT_FROM " WHERE e.organization_id = $1"
    " AND ($2 = '' OR e.facility_id IS NULL OR e.facility_id IN"
    "   (SELECT value FROM json_each(CASE WHEN $2 = '' THEN '[]' ELSE $2 END)))"
    " AND ($3 = '' OR e.kind = $3) AND e.starts_at < CAST($5 AS BIGINT) AND e.ends_at > CAST($4 AS BIGINT)"
    " ORDER BY e.starts_at, e.id LIMIT $6",
    "SELECT " TADAIMA_EVENT_COLUMNS TADAIMA_EVENT_FROM " WHERE e.organization_id = $1"
    " AND ($2 = '' OR e.facility_id IS NULL OR e.facility_id = ANY (ARRAY(SELECT json_array_elements_text("
    "   CASE WHEN $2 = '' THEN '[]' ELSE $2 END::json))))"
    " AND ($3 = '' OR e.kind = $3) AND e.starts_at < CAST($5 AS BIGINT) AND e.ends_at > CAST($4 AS BIGINT)"
    " ORDER BY e.starts_at, e.id LIMIT $6"};
constexpr db::Query kClosuresBetween{
    "closures_between",
    "SELECT " TADAIMA_EVENT_COLUMNS TADAIMA_EVENT_FROM " WHERE e.organization_id = $1 AND e.kind = 'closure'"
    " AND e.status = 'scheduled' AND (e.facility_id = $2 OR e.facility_id IS NULL)"
    " AND e.starts_at < CAST($4 AS BIGINT) AND e.ends_at > CAST($3 AS BIGINT) ORDER BY e.starts_at, e.id"};
constexpr db::Query kFeedToken{
    "calendar_feed_token", "SELECT token FROM calendar_feeds WHERE organization_id = $1 AND family_id = $2"};
constexpr db::Query kSetFeedToken{
    "set_calendar_feed_token",
    "INSERT INTO calendar_feeds (family_id, organization_id, token, created_at) VALUES ($2, $1, $3, $4)"
    " ON CONFLICT (family_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at"};
constexpr db::Query kEnsureFeedToken{
    "ensure_calendar_feed_token",
    "INSERT INTO calendar_feeds (family_id, organization_id, token, created_at) VALUES ($2, $1, $3, $4)"
    " ON CONFLICT (family_id) DO NOTHING"};
constexpr db::Query kLockClosuresShared{
    "lock_closures_shared", "SELECT 1", "SELECT 1 FROM organizations WHERE id = $1 FOR SHARE"};
constexpr db::Query kLockClosuresExclusive{
    "lock_closures_exclusive", "SELECT 1", "SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE"};
constexpr db::Query kFeedFamily{
    "calendar_feed_family", "SELECT organization_id, family_id FROM calendar_feeds WHERE token = $1"};

std::optional<int> IntColumn(const db::Row& r, size_t i) {
  return r.IsNull(i) ? std::nullopt : std::optional<int>(static_cast<int>(r.Int(i)));
}

CalendarEvent EventFrom(const db::Row& r) {
  CalendarEvent e;
  e.id = r.Text(0);
  e.organization_id = r.Text(1);
  e.facility_id = r.OptText(2);
  e.facility_name = r.OptText(3);
  e.kind = ParseEventKind(r.Text(4)).value_or(EventKind::kEvent);
  e.title = r.Text(5);
  e.description = r.Text(6);
  e.starts_at = r.Int(7);
  e.ends_at = r.Int(8);
  e.capacity = IntColumn(r, 9);
  e.age_min_months = IntColumn(r, 10);
  e.age_max_months = IntColumn(r, 11);
  e.apply_until = IntOrNull(r, 12);
  e.status = r.Text(13);
  e.cancelled_at = IntOrNull(r, 14);
  e.client_id = r.OptText(15);
  e.created_by_id = r.Text(16);
  e.created_by_name = r.Text(17);
  e.created_at = r.Int(18);
  e.updated_at = r.Int(19);
  e.seats_taken = r.Int(20);
  e.waitlisted = r.Int(21);
  return e;
}

db::Value OptIntParam(const std::optional<int>& v) { return v ? db::Value(int64_t{*v}) : db::Value(nullptr); }

Result<std::optional<CalendarEvent>> OneEvent(db::Tx& tx, const db::Query& q, const db::Params& params) {
  auto rs = TRY(tx.Exec(q, params));
  if (rs.empty()) return std::optional<CalendarEvent>();
  return std::optional<CalendarEvent>(EventFrom(rs.rows[0]));
}

Result<std::vector<CalendarEvent>> ManyEvents(db::Tx& tx, const db::Query& q, const db::Params& params) {
  std::vector<CalendarEvent> out;
  for (const auto& r : TRY(tx.Exec(q, params)).rows) out.push_back(EventFrom(r));
  return out;
}

}  // namespace

Status InsertEvent(db::Tx& tx, const CalendarEvent& e) {
  TRY(tx.Exec(kInsertEvent, {e.id, e.organization_id, db::Opt(e.facility_id), std::string(EventKindName(e.kind)),
                             e.title, e.description, e.starts_at, e.ends_at, OptIntParam(e.capacity),
                             OptIntParam(e.age_min_months), OptIntParam(e.age_max_months), OptInt(e.apply_until),
                             db::Opt(e.client_id), e.created_by_id, e.created_by_name, e.created_at}));
  return {};
}

Status UpdateEvent(db::Tx& tx, const CalendarEvent& e) {
  TRY(tx.Exec(kUpdateEvent, {e.organization_id, e.id, e.title, e.description, e.starts_at, e.ends_at,
                             OptIntParam(e.capacity), OptIntParam(e.age_min_months), OptIntParam(e.age_max_months),
                             OptInt(e.apply_until), e.updated_at}));
  return {};
}

Result<bool> CancelEvent(db::Tx& tx, const std::string& organization_id, const std::string& id, int64_t now) {
  return TRY(tx.Exec(kCancelEvent, {organization_id, id, now})).affected > 0;
}

Result<std::optional<CalendarEvent>> FindEvent(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  return OneEvent(tx, kFindEvent, {organization_id, id});
}

Result<std::optional<CalendarEvent>> FindEventByClientId(db::Tx& tx, const std::string& organization_id,
                                                         const std::string& client_id) {
  return OneEvent(tx, kFindEventByClientId, {organization_id, client_id});
}

Status LockEvent(db::Tx& tx, const std::string& id) {
  TRY(tx.Exec(kLockEvent, {id}));
  return {};
}

Result<std::vector<CalendarEvent>> ListEvents(db::Tx& tx, const EventQuery& q) {
  const std::string facilities = q.facility_ids ? nlohmann::json(*q.facility_ids).dump() : "";
  return ManyEvents(tx, kListEvents,
                    {q.organization_id, facilities, q.kind.value_or(""), q.from, q.to, int64_t{q.limit}});
}

Result<std::vector<CalendarEvent>> ClosuresBetween(db::Tx& tx, const std::string& organization_id,
                                                   const std::string& facility_id, int64_t from, int64_t to) {
  return ManyEvents(tx, kClosuresBetween, {organization_id, facility_id, from, to});
}

Result<std::optional<std::string>> FeedToken(db::Tx& tx, const std::string& organization_id,
                                             const std::string& family_id) {
  auto rs = TRY(tx.Exec(kFeedToken, {organization_id, family_id}));
  if (rs.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rs.rows[0].Text(0));
}

Status SetFeedToken(db::Tx& tx, const std::string& organization_id, const std::string& family_id,
                    const std::string& token, int64_t now) {
  TRY(tx.Exec(kSetFeedToken, {organization_id, family_id, token, now}));
  return {};
}

Status LockClosures(db::Tx& tx, const std::string& organization_id, bool exclusive) {
  if (tx.dialect() == db::Dialect::kSqlite) return {};
  TRY(tx.Exec(exclusive ? kLockClosuresExclusive : kLockClosuresShared, {organization_id}));
  return {};
}

Result<std::string> EnsureFeedToken(db::Tx& tx, const std::string& organization_id, const std::string& family_id,
                                    const std::string& token, int64_t now) {
  TRY(tx.Exec(kEnsureFeedToken, {organization_id, family_id, token, now}));
  auto stored = TRY(FeedToken(tx, organization_id, family_id));
  if (!stored) return Fail(Error::Internal("the calendar feed token was not stored"));
  return *stored;
}

Result<std::optional<std::pair<std::string, std::string>>> FeedFamily(db::Tx& tx, const std::string& token) {
  auto rs = TRY(tx.Exec(kFeedFamily, {token}));
  if (rs.empty()) return std::optional<std::pair<std::string, std::string>>();
  return std::optional(std::pair{rs.rows[0].Text(0), rs.rows[0].Text(1)});
}

}  // namespace tadaima::store
