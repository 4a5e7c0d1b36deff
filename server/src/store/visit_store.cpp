#include "store/visit_store.h"

#include "store/rows.h"

namespace tadaima::store {
namespace {

#define TADAIMA_VISIT_COLUMNS                                                                        \
  "v.id, v.organization_id, v.facility_id, v.child_id, c.name, v.in_at, v.out_at, v.pickup_by, v.method," \
  " v.auto_closed, v.needs_review, v.review_reason, v.left_alone, v.group_id, g.adults"
#define TADAIMA_VISIT_FROM \
  " FROM visits v JOIN children c ON c.id = v.child_id LEFT JOIN visit_groups g ON g.id = v.group_id"
constexpr size_t kVisitColumns = 15;

constexpr db::Query kInsertVisit{
    "insert_visit",
    "INSERT INTO visits (id, organization_id, facility_id, child_id, in_at, out_at, pickup_by, method, auto_closed,"
    " needs_review, review_reason, left_alone, group_id, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, $13, $14, $11, $11)"};
constexpr db::Query kInsertGroup{
    "insert_visit_group",
    "INSERT INTO visit_groups (id, organization_id, facility_id, family_id, method, arrived_at, adults, created_by,"
    " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)"};
constexpr db::Query kUpdateVisit{
    "update_visit",
    "UPDATE visits SET in_at = $3, out_at = $4, pickup_by = $5, auto_closed = $6, needs_review = $7, updated_at = $8,"
    " review_reason = $9, left_alone = $10"
    " WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kLockChild{"lock_child", "SELECT 1", "SELECT 1 FROM children WHERE id = $1 FOR UPDATE"};
constexpr db::Query kSelectVisit{
    "select_visit", "SELECT " TADAIMA_VISIT_COLUMNS TADAIMA_VISIT_FROM " WHERE v.organization_id = $1 AND v.id = $2"};
constexpr db::Query kSelectLastVisit{
    "select_last_visit",
    "SELECT " TADAIMA_VISIT_COLUMNS TADAIMA_VISIT_FROM
    " WHERE v.child_id = $1 AND v.facility_id = $2 ORDER BY v.in_at DESC LIMIT 1"};
// Visits last at most a day or two (they close at closing time), which bounds the scan.
constexpr db::Query kSelectVisitNear{
    "select_visit_near",
    "SELECT " TADAIMA_VISIT_COLUMNS TADAIMA_VISIT_FROM
    " WHERE v.child_id = $1 AND v.facility_id = $2"
    " AND v.in_at > CAST($3 AS BIGINT) - 172800000 AND v.in_at < CAST($3 AS BIGINT) + CAST($4 AS BIGINT)"
    " AND (v.in_at > CAST($3 AS BIGINT) - CAST($4 AS BIGINT)"
    "   OR (v.out_at > CAST($3 AS BIGINT) - CAST($4 AS BIGINT) AND v.out_at < CAST($3 AS BIGINT) + CAST($4 AS BIGINT)))"
    " ORDER BY v.in_at DESC LIMIT 1"};
constexpr db::Query kHasVisitBetween{
    "has_visit_between",
    "SELECT 1 FROM visits WHERE child_id = $1 AND facility_id = $2 AND in_at >= $3 AND in_at < $4 LIMIT 1"};
constexpr db::Query kListVisits{
    "list_visits",
    "SELECT " TADAIMA_VISIT_COLUMNS TADAIMA_VISIT_FROM
    " WHERE v.organization_id = $1 AND ($2 = '' OR v.facility_id = $2) AND ($3 = '' OR v.child_id = $3)"
    " AND ($4 = '' OR v.facility_id IN (SELECT facility_id FROM staff_facilities WHERE user_id = $4))"
    " AND v.in_at >= CAST($5 AS BIGINT) AND v.in_at < CAST($6 AS BIGINT) AND (CAST($7 AS INTEGER) = 0 OR v.needs_review = 1)"
    " AND ($8 = '' OR v.in_at < CAST($9 AS BIGINT) OR (v.in_at = CAST($9 AS BIGINT) AND v.id < $8))"
    " ORDER BY v.in_at DESC, v.id DESC LIMIT $10"};
constexpr db::Query kListOpenVisits{
    "list_open_visits",
    "SELECT " TADAIMA_VISIT_COLUMNS ", f.closes_at, o.time_zone" TADAIMA_VISIT_FROM
    " JOIN facilities f ON f.id = v.facility_id JOIN organizations o ON o.id = v.organization_id"
    " WHERE v.out_at IS NULL"};
constexpr db::Query kAutoCloseVisit{
    "auto_close_visit",
    "UPDATE visits SET out_at = $2, auto_closed = 1, needs_review = 1, updated_at = $3 WHERE id = $1 AND out_at IS NULL"};
constexpr db::Query kSelectStampOutcome{
    "select_stamp_outcome", "SELECT outcome FROM stamp_requests WHERE organization_id = $1 AND client_id = $2"};
constexpr db::Query kInsertStampOutcome{
    "insert_stamp_outcome",
    "INSERT INTO stamp_requests (client_id, organization_id, outcome, created_at) VALUES ($1, $2, $3, $4)"};

Visit VisitFrom(const db::Row& r) {
  Visit v;
  v.id = r.Text(0);
  v.organization_id = r.Text(1);
  v.facility_id = r.Text(2);
  v.child_id = r.Text(3);
  v.child_name = r.Text(4);
  v.in_at = r.Int(5);
  if (!r.IsNull(6)) v.out_at = r.Int(6);
  v.pickup_by = r.OptText(7);
  v.method = r.Text(8) == "manual" ? VisitMethod::kManual : VisitMethod::kQr;
  v.auto_closed = r.Bool(9);
  v.needs_review = r.Bool(10);
  v.review_reason = r.OptText(11);
  v.left_alone = r.Bool(12);
  v.group_id = r.OptText(13);
  if (!r.IsNull(14)) v.adults = static_cast<int>(r.Int(14));
  return v;
}

Result<std::optional<Visit>> First(Result<db::ResultSet> rs) {
  if (!rs) return Fail(rs.error());
  if (rs->empty()) return std::nullopt;
  return VisitFrom(rs->rows[0]);
}

}  // namespace

Status InsertVisit(db::Tx& tx, const Visit& v, int64_t now) {
  TRY(tx.Exec(kInsertVisit, {v.id, v.organization_id, v.facility_id, v.child_id, v.in_at, OptInt(v.out_at),
                             db::Opt(v.pickup_by), v.method == VisitMethod::kManual ? "manual" : "qr",
                             int64_t{v.auto_closed}, int64_t{v.needs_review}, now, db::Opt(v.review_reason),
                             int64_t{v.left_alone}, db::Opt(v.group_id)}));
  return {};
}

Status InsertVisitGroup(db::Tx& tx, const VisitGroup& g, int64_t now) {
  TRY(tx.Exec(kInsertGroup, {g.id, g.organization_id, g.facility_id, db::Opt(g.family_id), g.method, g.arrived_at,
                             int64_t{g.adults}, db::Opt(g.created_by), now}));
  return {};
}

Status UpdateVisit(db::Tx& tx, const Visit& v, int64_t now) {
  TRY(tx.Exec(kUpdateVisit, {v.organization_id, v.id, v.in_at, OptInt(v.out_at), db::Opt(v.pickup_by),
                             int64_t{v.auto_closed}, int64_t{v.needs_review}, now, db::Opt(v.review_reason),
                             int64_t{v.left_alone}}));
  return {};
}

Status LockChild(db::Tx& tx, const std::string& child_id) {
  if (tx.dialect() == db::Dialect::kSqlite) return {};
  TRY(tx.Exec(kLockChild, {child_id}));
  return {};
}

Result<std::optional<Visit>> FindVisit(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  return First(tx.Exec(kSelectVisit, {organization_id, id}));
}

Result<std::optional<Visit>> FindLastVisit(db::Tx& tx, const std::string& child_id, const std::string& facility_id) {
  return First(tx.Exec(kSelectLastVisit, {child_id, facility_id}));
}

Result<std::optional<Visit>> FindVisitNear(db::Tx& tx, const std::string& child_id, const std::string& facility_id,
                                           int64_t at, int64_t window_ms) {
  return First(tx.Exec(kSelectVisitNear, {child_id, facility_id, at, window_ms}));
}

Result<bool> HasVisitBetween(db::Tx& tx, const std::string& child_id, const std::string& facility_id, int64_t from_ms,
                             int64_t to_ms) {
  auto rs = TRY(tx.Exec(kHasVisitBetween, {child_id, facility_id, from_ms, to_ms}));
  return !rs.empty();
}

Result<std::vector<Visit>> ListVisits(db::Tx& tx, const VisitQuery& q) {
  auto rs = TRY(tx.Exec(kListVisits, {q.organization_id, q.facility_id.value_or(""), q.child_id.value_or(""),
                                      q.staff_user_id.value_or(""), q.from_ms, q.to_ms, int64_t{q.needs_review_only},
                                      q.before ? q.before->second : "", q.before ? q.before->first : int64_t{0},
                                      int64_t{q.limit}}));
  std::vector<Visit> out;
  for (const auto& r : rs.rows) out.push_back(VisitFrom(r));
  return out;
}

Result<std::vector<OpenVisit>> ListOpenVisits(db::Tx& tx) {
  auto rs = TRY(tx.Exec(kListOpenVisits));
  std::vector<OpenVisit> out;
  for (const auto& r : rs.rows) out.push_back({VisitFrom(r), ParseClockTime(r.Text(kVisitColumns)).value_or(0), r.Text(kVisitColumns + 1)});
  return out;
}

Result<bool> AutoCloseVisit(db::Tx& tx, const std::string& id, int64_t out_at, int64_t now) {
  auto rs = TRY(tx.Exec(kAutoCloseVisit, {id, out_at, now}));
  return rs.affected > 0;
}

Result<std::optional<std::string>> FindStampOutcome(db::Tx& tx, const std::string& organization_id,
                                                    const std::string& client_id) {
  auto rs = TRY(tx.Exec(kSelectStampOutcome, {organization_id, client_id}));
  if (rs.empty()) return std::nullopt;
  return rs.rows[0].Text(0);
}

Status InsertStampOutcome(db::Tx& tx, const std::string& organization_id, const std::string& client_id,
                          const std::string& outcome, int64_t now) {
  TRY(tx.Exec(kInsertStampOutcome, {client_id, organization_id, outcome, now}));
  return {};
}

}  // namespace tadaima::store
