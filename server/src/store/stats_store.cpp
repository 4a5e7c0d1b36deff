#include "store/stats_store.h"

#include <nlohmann/json.hpp>

#include "rules/age_grade.h"
#include "store/rows.h"

namespace tadaima::store {
namespace {

constexpr db::Query kVisitFacts{
    "visit_facts",
    "SELECT v.facility_id, v.child_id, c.family_id, c.name, c.name_kana, c.birth_date, v.in_at, v.out_at,"
    " v.id, v.group_id, g.adults"
    " FROM visits v JOIN children c ON c.id = v.child_id LEFT JOIN visit_groups g ON g.id = v.group_id"
    " WHERE v.facility_id = $2 AND v.in_at >= $3 AND v.in_at < $4 AND v.organization_id = $1 ORDER BY v.in_at, v.id"};
constexpr db::Query kWalkInFacts{
    "walk_in_facts",
    "SELECT g.id, g.family_id, g.arrived_at, g.adults, w.birth_date, w.age_months, w.grade"
    " FROM visit_groups g LEFT JOIN walk_in_children w ON w.group_id = g.id"
    " WHERE g.facility_id = $2 AND g.method = 'paper' AND g.arrived_at >= $3 AND g.arrived_at < $4"
    " AND g.organization_id = $1 ORDER BY g.arrived_at, g.id, w.position"};
constexpr db::Query kFirstVisits{
    "first_visits_of_families",
    // Each child's first visit is the first entry of visits_by_child (child, facility, in_at): no history is read.
    "SELECT c.family_id, MIN((SELECT v.in_at FROM visits v WHERE v.child_id = c.id AND v.facility_id = $2"
    " ORDER BY v.in_at LIMIT 1)) FROM children c"
    " WHERE c.organization_id = $1 AND " TADAIMA_IN_JSON("c.family_id", 3) " GROUP BY c.family_id",
    "SELECT c.family_id, MIN((SELECT v.in_at FROM visits v WHERE v.child_id = c.id AND v.facility_id = $2"
    " ORDER BY v.in_at LIMIT 1)) FROM children c"
    " WHERE c.organization_id = $1 AND " TADAIMA_IN_JSON_PG("c.family_id", 3) " GROUP BY c.family_id"};

}  // namespace

Result<std::vector<VisitFact>> VisitFactsOf(db::Tx& tx, const std::string& organization_id,
                                            const std::string& facility_id, int64_t from, int64_t to,
                                            const std::string& time_zone) {
  auto rs = TRY(tx.Exec(kVisitFacts, {organization_id, facility_id, from, to}));
  std::vector<VisitFact> out;
  out.reserve(rs.rows.size());
  for (const auto& r : rs.rows) {
    VisitFact v;
    v.facility_id = r.Text(0);
    v.child_id = r.Text(1);
    v.family_key = r.Text(2);
    v.child_name = r.Text(3);
    v.child_name_kana = r.OptText(4);
    v.birth_date = CivilDate::Parse(r.Text(5)).value_or(CivilDate{});
    v.in_at = r.Int(6);
    if (!r.IsNull(7)) v.out_at = r.Int(7);
    v.visit_key = r.IsNull(9) ? r.Text(8) : r.Text(9);
    if (!r.IsNull(9)) v.adults = static_cast<int>(r.Int(10));
    out.push_back(std::move(v));
  }
  auto walk_ins = TRY(tx.Exec(kWalkInFacts, {organization_id, facility_id, from, to}));
  for (const auto& r : walk_ins.rows) {
    VisitFact v;
    v.facility_id = facility_id;
    v.visit_key = r.Text(0);
    v.family_key = r.IsNull(1) ? "walk-in:" + v.visit_key : r.Text(1);
    v.in_at = r.Int(2);
    v.adults = static_cast<int>(r.Int(3));
    const CivilDate day = DateAt(v.in_at, time_zone);
    if (!r.IsNull(4)) v.birth_date = CivilDate::Parse(r.Text(4)).value_or(CivilDate{});
    else if (!r.IsNull(5)) v.birth_date = BirthForAgeMonths(static_cast<int>(r.Int(5)), day);
    else if (!r.IsNull(6)) v.birth_date = BirthForGrade(static_cast<int>(r.Int(6)), day);
    else v.has_child = false;  // no child row: adults only
    out.push_back(std::move(v));
  }
  return out;
}

Result<FirstVisits> FirstVisitsAt(db::Tx& tx, const std::string& organization_id, const std::string& facility_id,
                                  const std::vector<std::string>& family_ids) {
  FirstVisits out;
  if (family_ids.empty()) return out;
  auto rs = TRY(tx.Exec(kFirstVisits, {organization_id, facility_id, nlohmann::json(family_ids).dump()}));
  for (const auto& r : rs.rows)
    if (!r.IsNull(1)) out[{facility_id, r.Text(0)}] = r.Int(1);
  return out;
}

}  // namespace tadaima::store
