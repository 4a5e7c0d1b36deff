#include "store/stats_store.h"

#include <nlohmann/json.hpp>

#include "store/rows.h"

namespace tadaima::store {
namespace {

constexpr db::Query kVisitFacts{
    "visit_facts",
    "SELECT v.facility_id, v.child_id, c.family_id, c.name, c.name_kana, c.birth_date, v.in_at, v.out_at"
    " FROM visits v JOIN children c ON c.id = v.child_id"
    " WHERE v.facility_id = $2 AND v.in_at >= $3 AND v.in_at < $4 AND v.organization_id = $1 ORDER BY v.in_at, v.id"};
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
                                            const std::string& facility_id, int64_t from, int64_t to) {
  auto rs = TRY(tx.Exec(kVisitFacts, {organization_id, facility_id, from, to}));
  std::vector<VisitFact> out;
  out.reserve(rs.rows.size());
  for (const auto& r : rs.rows) {
    VisitFact v;
    v.facility_id = r.Text(0);
    v.child_id = r.Text(1);
    v.family_id = r.Text(2);
    v.child_name = r.Text(3);
    v.child_name_kana = r.OptText(4);
    v.birth_date = CivilDate::Parse(r.Text(5)).value_or(CivilDate{});
    v.in_at = r.Int(6);
    if (!r.IsNull(7)) v.out_at = r.Int(7);
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
