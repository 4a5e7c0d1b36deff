#include "store/audience_store.h"

#include <nlohmann/json.hpp>

#include "store/rows.h"

namespace tadaima::store {
namespace {

constexpr db::Query kAudienceFamilies{
    "audience_families",
    "SELECT DISTINCT e.family_id FROM enrollments e WHERE e.organization_id = $1 AND e.status = 'active'"
    " AND " TADAIMA_IN_JSON("e.facility_id", 2),
    "SELECT DISTINCT e.family_id FROM enrollments e WHERE e.organization_id = $1 AND e.status = 'active'"
    " AND " TADAIMA_IN_JSON_PG("e.facility_id", 2)};
constexpr db::Query kAudienceChildren{
    "audience_children",
    "SELECT DISTINCT c.family_id, c.id, c.birth_date FROM enrollments e"
    " JOIN children c ON (c.id = e.child_id OR (e.child_id IS NULL AND c.family_id = e.family_id))"
    " WHERE e.organization_id = $1 AND e.status = 'active' AND " TADAIMA_IN_JSON("e.facility_id", 2),
    "SELECT DISTINCT c.family_id, c.id, c.birth_date FROM enrollments e"
    " JOIN children c ON (c.id = e.child_id OR (e.child_id IS NULL AND c.family_id = e.family_id))"
    " WHERE e.organization_id = $1 AND e.status = 'active' AND " TADAIMA_IN_JSON_PG("e.facility_id", 2)};
constexpr db::Query kCountGuardians{
    "count_audience_guardians",
    "SELECT COUNT(*) FROM users u WHERE u.organization_id = $1 AND u.role = 'guardian'"
    " AND " TADAIMA_IN_JSON("u.family_id", 2),
    "SELECT COUNT(*) FROM users u WHERE u.organization_id = $1 AND u.role = 'guardian'"
    " AND " TADAIMA_IN_JSON_PG("u.family_id", 2)};
constexpr db::Query kExistingFamilies{
    "existing_families", "SELECT id FROM families WHERE organization_id = $1 AND " TADAIMA_IN_JSON("id", 2),
    "SELECT id FROM families WHERE organization_id = $1 AND " TADAIMA_IN_JSON_PG("id", 2)};
constexpr db::Query kExistingChildren{
    "existing_children", "SELECT id FROM children WHERE organization_id = $1 AND " TADAIMA_IN_JSON("id", 2),
    "SELECT id FROM children WHERE organization_id = $1 AND " TADAIMA_IN_JSON_PG("id", 2)};
constexpr db::Query kExistingFacilities{
    "existing_facilities", "SELECT id FROM facilities WHERE organization_id = $1 AND " TADAIMA_IN_JSON("id", 2),
    "SELECT id FROM facilities WHERE organization_id = $1 AND " TADAIMA_IN_JSON_PG("id", 2)};

}  // namespace

Result<AudienceCandidates> LoadAudienceCandidates(db::Tx& tx, const std::string& organization_id,
                                                  const std::vector<std::string>& facility_ids) {
  AudienceCandidates out;
  if (facility_ids.empty()) return out;
  const std::string ids = nlohmann::json(facility_ids).dump();
  auto families = TRY(tx.Exec(kAudienceFamilies, {organization_id, ids}));
  for (const auto& r : families.rows) out.family_ids.insert(r.Text(0));
  auto children = TRY(tx.Exec(kAudienceChildren, {organization_id, ids}));
  for (const auto& r : children.rows)
    out.children.push_back({r.Text(0), r.Text(1), CivilDate::Parse(r.Text(2)).value_or(CivilDate{})});
  return out;
}

Result<int64_t> CountGuardians(db::Tx& tx, const std::string& organization_id,
                               const std::vector<std::string>& family_ids) {
  if (family_ids.empty()) return int64_t{0};
  auto rs = TRY(tx.Exec(kCountGuardians, {organization_id, nlohmann::json(family_ids).dump()}));
  return rs.rows.at(0).Int(0);
}

Result<std::set<std::string>> ExistingIds(db::Tx& tx, const std::string& table, const std::string& organization_id,
                                          const std::vector<std::string>& ids) {
  const db::Query& q = table == "families" ? kExistingFamilies : table == "children" ? kExistingChildren
                                                                                       : kExistingFacilities;
  std::set<std::string> out;
  if (ids.empty()) return out;
  auto rs = TRY(tx.Exec(q, {organization_id, nlohmann::json(ids).dump()}));
  for (const auto& r : rs.rows) out.insert(r.Text(0));
  return out;
}

}  // namespace tadaima::store
