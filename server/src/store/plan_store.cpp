#include "store/plan_store.h"

#include "store/rows.h"

namespace tadaima::store {
namespace {

#define TADAIMA_PLAN_COLUMNS                                                                                 \
  "p.id, p.organization_id, p.facility_id, p.child_id, p.date, p.status, p.arrive_at, p.leave_at, p.pickup_by," \
  " p.reason, p.late, p.updated_at, p.updated_by_id, p.updated_by_role, p.updated_by_name, p.acknowledged_at,"  \
  " p.acknowledged_by_id, p.acknowledged_by_name, p.alerted_at, p.day_starts_at, p.day_ends_at, p.expected_at,"  \
  " p.settled_at"
constexpr size_t kPlanColumnCount = 23;

constexpr db::Query kInsertPlan{
    "insert_plan",
    "INSERT INTO plans (id, organization_id, facility_id, child_id, date, status, arrive_at, leave_at, pickup_by,"
    " reason, late, updated_by_id, updated_by_role, updated_by_name, acknowledged_at, acknowledged_by_id,"
    " acknowledged_by_name, alerted_at, created_at, updated_at, day_starts_at, day_ends_at, expected_at, settled_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,"
    " $23, $24)"};
constexpr db::Query kUpdatePlan{
    "update_plan",
    "UPDATE plans SET status = $3, arrive_at = $4, leave_at = $5, pickup_by = $6, reason = $7, late = $8,"
    " updated_by_id = $9, updated_by_role = $10, updated_by_name = $11, acknowledged_at = $12,"
    " acknowledged_by_id = $13, acknowledged_by_name = $14, alerted_at = $15, updated_at = $16, expected_at = $17,"
    " settled_at = $18"
    " WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kDeletePlan{"delete_plan", "DELETE FROM plans WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kSelectPlan{"select_plan",
                                "SELECT " TADAIMA_PLAN_COLUMNS " FROM plans p WHERE p.organization_id = $1 AND p.id = $2"};
// Two shapes, so that each has a plain index to use (a prepared statement's
// generic plan cannot pick one through "$n = '' OR …" on the leading column).
constexpr db::Query kListChildPlans{
    "list_child_plans",
    "SELECT " TADAIMA_PLAN_COLUMNS " FROM plans p WHERE p.child_id = $2 AND p.organization_id = $1"
    " AND p.date >= $5 AND p.date <= $6 AND ($3 = '' OR p.facility_id = $3)"
    " AND ($4 = '' OR p.facility_id IN (SELECT facility_id FROM staff_facilities WHERE user_id = $4))"
    " ORDER BY p.date, p.facility_id"};
constexpr db::Query kListFacilityPlans{
    "list_facility_plans",
    "SELECT " TADAIMA_PLAN_COLUMNS " FROM plans p WHERE p.facility_id = $2 AND p.organization_id = $1"
    " AND p.date >= $3 AND p.date <= $4 ORDER BY p.date, p.child_id"};
// The pending list: the facilities in scope ($1 organization, $2 one facility
// or '', $3 a facility_staff's user id or ''), then each facility's pending
// plans in [$4, $5] through the partial index plans_pending (its WHERE terms
// are repeated here word for word, so that SQLite sees it applies), of
// children enrolled there (two EXISTS, each one probe of a unique index: one
// EXISTS with an OR made PostgreSQL's generic plan 20 times slower).
#define TADAIMA_PENDING_PLANS_WHERE                                                                               \
  " WHERE p.facility_id IN (SELECT sf.id FROM facilities sf WHERE sf.organization_id = $1"                        \
  "   AND ($2 = '' OR sf.id = $2)"                                                                                 \
  "   AND ($3 = '' OR sf.id IN (SELECT facility_id FROM staff_facilities WHERE user_id = $3)))"                   \
  " AND p.organization_id = $1 AND p.acknowledged_at IS NULL AND (p.status = 'absent' OR p.late = 1)"             \
  " AND p.date >= $4 AND p.date <= $5"                                                                             \
  " AND (EXISTS (SELECT 1 FROM enrollments e WHERE e.facility_id = p.facility_id AND e.child_id = p.child_id"     \
  "     AND e.status = 'active')"                                                                                  \
  "   OR EXISTS (SELECT 1 FROM enrollments e WHERE e.facility_id = p.facility_id AND e.child_id IS NULL"           \
  "     AND e.family_id = c.family_id AND e.status = 'active'))"
constexpr db::Query kListPendingPlans{
    "list_pending_plans",
    "SELECT " TADAIMA_PLAN_COLUMNS ", c.name, c.name_kana, c.birth_date, c.family_id, f.name"
    " FROM plans p JOIN children c ON c.id = p.child_id JOIN facilities f ON f.id = p.facility_id"
    TADAIMA_PENDING_PLANS_WHERE
    " AND ($6 = '' OR p.date > $6 OR (p.date = $6 AND (p.updated_at > CAST($7 AS BIGINT)"
    "   OR (p.updated_at = CAST($7 AS BIGINT) AND p.id > $8))))"
    " ORDER BY p.date, p.updated_at, p.id LIMIT $9"};
constexpr db::Query kCountPendingPlans{
    "count_pending_plans",
    "SELECT COUNT(*) FROM plans p JOIN children c ON c.id = p.child_id" TADAIMA_PENDING_PLANS_WHERE};
// Due: expected_at + grace <= $1 (now) and > $2 (the oldest worth raising);
// the index range on expected_at is widened by the largest grace (240 minutes).
constexpr db::Query kListAlertCandidates{
    "list_alert_candidates",
    "SELECT " TADAIMA_PLAN_COLUMNS ", o.time_zone, f.name, f.not_arrived_grace_minutes, f.not_arrived_notify,"
    " c.name, c.family_id"
    " FROM plans p JOIN facilities f ON f.id = p.facility_id JOIN organizations o ON o.id = p.organization_id"
    " JOIN children c ON c.id = p.child_id"
    " WHERE p.alerted_at IS NULL AND p.settled_at IS NULL AND p.status = 'attend' AND p.expected_at IS NOT NULL"
    " AND p.expected_at <= CAST($1 AS BIGINT) AND p.expected_at > CAST($2 AS BIGINT) - 14400000"
    " AND p.expected_at + f.not_arrived_grace_minutes * 60000 <= CAST($1 AS BIGINT)"
    " AND p.expected_at + f.not_arrived_grace_minutes * 60000 > CAST($2 AS BIGINT)"
    " AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.child_id = p.child_id AND v.facility_id = p.facility_id"
    "   AND v.in_at >= p.day_starts_at AND v.in_at < p.day_ends_at)"
    " AND EXISTS (SELECT 1 FROM enrollments e WHERE e.facility_id = p.facility_id AND e.status = 'active'"
    "   AND (e.child_id = p.child_id OR (e.child_id IS NULL AND e.family_id = c.family_id)))"
    " AND NOT EXISTS (SELECT 1 FROM events x WHERE x.organization_id = p.organization_id AND x.kind = 'closure'"
    "   AND x.status = 'scheduled' AND (x.facility_id = p.facility_id OR x.facility_id IS NULL)"
    "   AND x.starts_at < p.day_ends_at AND x.ends_at > p.day_starts_at)"
    " ORDER BY p.expected_at, p.id"};
// The families of the children with an attend plan at the facility ('' for
// any of the organization) on a day overlapping [$3, $4).
constexpr db::Query kFamiliesPlannedBetween{
    "families_planned_between",
    "SELECT DISTINCT c.family_id FROM plans p JOIN children c ON c.id = p.child_id"
    " WHERE p.organization_id = $1 AND ($2 = '' OR p.facility_id = $2) AND p.status = 'attend'"
    " AND p.day_starts_at < CAST($4 AS BIGINT) AND p.day_ends_at > CAST($3 AS BIGINT) ORDER BY c.family_id"};
// Plans whose arrival time has come and whose child came that day: nothing to
// raise, now or later (within the same window as the due alerts).
constexpr db::Query kSettleArrivedPlans{
    "settle_arrived_plans",
    "UPDATE plans SET settled_at = CAST($1 AS BIGINT)"
    " WHERE alerted_at IS NULL AND settled_at IS NULL AND status = 'attend' AND expected_at IS NOT NULL"
    " AND expected_at <= CAST($1 AS BIGINT) AND expected_at > CAST($2 AS BIGINT) - 14400000"
    " AND EXISTS (SELECT 1 FROM visits v WHERE v.child_id = plans.child_id AND v.facility_id = plans.facility_id"
    "   AND v.in_at >= plans.day_starts_at AND v.in_at < plans.day_ends_at)"};
constexpr db::Query kMarkPlanAlerted{
    "mark_plan_alerted",
    "UPDATE plans SET alerted_at = $2 WHERE id = $1 AND alerted_at IS NULL AND status = 'attend' AND expected_at = $3"};

db::Value OptTime(const std::optional<int>& minutes) {
  return minutes ? db::Value(FormatClockTime(*minutes)) : db::Value(nullptr);
}
std::optional<int> TimeOf(const db::Row& r, size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return ParseClockTime(r.Text(i));
}

Plan PlanFrom(const db::Row& r) {
  Plan p;
  p.id = r.Text(0);
  p.organization_id = r.Text(1);
  p.facility_id = r.Text(2);
  p.child_id = r.Text(3);
  p.date = CivilDate::Parse(r.Text(4)).value_or(CivilDate{});
  p.status = ParsePlanStatus(r.Text(5)).value_or(PlanStatus::kAttend);
  p.arrive_at = TimeOf(r, 6);
  p.leave_at = TimeOf(r, 7);
  p.pickup_by = r.OptText(8);
  p.reason = r.OptText(9);
  p.late = r.Bool(10);
  p.updated_at = r.Int(11);
  p.updated_by_id = r.Text(12);
  p.updated_by_role = ParseRole(r.Text(13)).value_or(Role::kGuardian);
  p.updated_by_name = r.Text(14);
  if (!r.IsNull(15)) p.acknowledged_at = r.Int(15);
  p.acknowledged_by_id = r.OptText(16);
  p.acknowledged_by_name = r.OptText(17);
  if (!r.IsNull(18)) p.alerted_at = r.Int(18);
  p.day_starts_at = r.Int(19);
  p.day_ends_at = r.Int(20);
  if (!r.IsNull(21)) p.expected_at = r.Int(21);
  if (!r.IsNull(22)) p.settled_at = r.Int(22);
  return p;
}

}  // namespace

Status InsertPlan(db::Tx& tx, const Plan& p, int64_t now) {
  TRY(tx.Exec(kInsertPlan, {p.id, p.organization_id, p.facility_id, p.child_id, p.date.ToString(),
                            PlanStatusName(p.status), OptTime(p.arrive_at), OptTime(p.leave_at), db::Opt(p.pickup_by),
                            db::Opt(p.reason), int64_t{p.late}, p.updated_by_id, RoleName(p.updated_by_role),
                            p.updated_by_name, OptInt(p.acknowledged_at), db::Opt(p.acknowledged_by_id),
                            db::Opt(p.acknowledged_by_name), OptInt(p.alerted_at), now, p.updated_at,
                            p.day_starts_at, p.day_ends_at, OptInt(p.expected_at), OptInt(p.settled_at)}));
  return {};
}

Status UpdatePlan(db::Tx& tx, const Plan& p) {
  TRY(tx.Exec(kUpdatePlan, {p.organization_id, p.id, PlanStatusName(p.status), OptTime(p.arrive_at),
                            OptTime(p.leave_at), db::Opt(p.pickup_by), db::Opt(p.reason), int64_t{p.late},
                            p.updated_by_id, RoleName(p.updated_by_role), p.updated_by_name,
                            OptInt(p.acknowledged_at), db::Opt(p.acknowledged_by_id), db::Opt(p.acknowledged_by_name),
                            OptInt(p.alerted_at), p.updated_at, OptInt(p.expected_at), OptInt(p.settled_at)}));
  return {};
}

Status DeletePlan(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  TRY(tx.Exec(kDeletePlan, {organization_id, id}));
  return {};
}

Result<std::optional<Plan>> FindPlan(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  auto rs = TRY(tx.Exec(kSelectPlan, {organization_id, id}));
  if (rs.empty()) return std::nullopt;
  return PlanFrom(rs.rows[0]);
}

Result<std::vector<Plan>> ListPlans(db::Tx& tx, const PlanQuery& q) {
  auto rs = q.child_id ? TRY(tx.Exec(kListChildPlans, {q.organization_id, *q.child_id, q.facility_id.value_or(""),
                                                      q.staff_user_id.value_or(""), q.from.ToString(),
                                                      q.to.ToString()}))
                       : TRY(tx.Exec(kListFacilityPlans, {q.organization_id, q.facility_id.value_or(""),
                                                          q.from.ToString(), q.to.ToString()}));
  std::vector<Plan> out;
  for (const auto& r : rs.rows) out.push_back(PlanFrom(r));
  return out;
}

Result<std::vector<PendingPlanRow>> ListPendingPlans(db::Tx& tx, const PendingPlanQuery& q) {
  const auto& a = q.after;
  auto rs = TRY(tx.Exec(kListPendingPlans,
                        {q.organization_id, q.facility_id.value_or(""), q.staff_user_id.value_or(""),
                         q.from.ToString(), q.to.ToString(), a ? a->date.ToString() : "",
                         a ? a->updated_at : int64_t{0}, a ? a->id : "", int64_t{q.limit}}));
  std::vector<PendingPlanRow> out;
  constexpr size_t n = kPlanColumnCount;
  for (const auto& r : rs.rows) {
    PendingPlanRow row{PlanFrom(r), {}, r.Text(n + 4)};
    row.child.id = row.plan.child_id;
    row.child.organization_id = row.plan.organization_id;
    row.child.name = r.Text(n);
    row.child.name_kana = r.OptText(n + 1);
    row.child.birth_date = CivilDate::Parse(r.Text(n + 2)).value_or(CivilDate{});
    row.child.family_id = r.Text(n + 3);
    out.push_back(std::move(row));
  }
  return out;
}

Result<int64_t> CountPendingPlans(db::Tx& tx, const PendingPlanQuery& q) {
  auto rs = TRY(tx.Exec(kCountPendingPlans, {q.organization_id, q.facility_id.value_or(""),
                                             q.staff_user_id.value_or(""), q.from.ToString(), q.to.ToString()}));
  return rs.empty() ? 0 : rs.rows[0].Int(0);
}

Result<std::vector<AlertCandidate>> ListDueAlerts(db::Tx& tx, int64_t now, int64_t oldest) {
  auto rs = TRY(tx.Exec(kListAlertCandidates, {now, oldest}));
  std::vector<AlertCandidate> out;
  constexpr size_t n = kPlanColumnCount;
  for (const auto& r : rs.rows)
    out.push_back({PlanFrom(r), r.Text(n), r.Text(n + 1), static_cast<int>(r.Int(n + 2)), r.Bool(n + 3),
                   r.Text(n + 4), r.Text(n + 5)});
  return out;
}

Result<std::vector<std::string>> FamiliesPlannedBetween(db::Tx& tx, const std::string& organization_id,
                                                       const std::optional<std::string>& facility_id, int64_t from,
                                                       int64_t to) {
  std::vector<std::string> out;
  for (const auto& r : TRY(tx.Exec(kFamiliesPlannedBetween, {organization_id, facility_id.value_or(""), from, to})).rows)
    out.push_back(r.Text(0));
  return out;
}

Result<int64_t> SettleArrivedPlans(db::Tx& tx, int64_t now, int64_t oldest) {
  auto rs = TRY(tx.Exec(kSettleArrivedPlans, {now, oldest}));
  return rs.affected;
}

Result<bool> MarkPlanAlerted(db::Tx& tx, const Plan& p, int64_t now) {
  if (!p.expected_at) return false;
  auto rs = TRY(tx.Exec(kMarkPlanAlerted, {p.id, now, *p.expected_at}));
  return rs.affected > 0;
}

}  // namespace tadaima::store
