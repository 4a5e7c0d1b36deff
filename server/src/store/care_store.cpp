#include "store/care_store.h"

#include <nlohmann/json.hpp>

#include "store/rows.h"

namespace tadaima::store {
namespace {

constexpr db::Query kSelectCare{
    "select_child_care",
    "SELECT k.allergy, k.medical, k.notes, k.updated_at, u.name FROM child_care k"
    " LEFT JOIN users u ON u.id = k.updated_by WHERE k.organization_id = $1 AND k.child_id = $2"};
constexpr db::Query kPutCare{
    "put_child_care",
    "INSERT INTO child_care (child_id, organization_id, allergy, medical, notes, updated_at, updated_by)"
    " VALUES ($2, $1, $3, $4, $5, $6, $7) ON CONFLICT (child_id) DO UPDATE SET allergy = excluded.allergy,"
    " medical = excluded.medical, notes = excluded.notes, updated_at = excluded.updated_at,"
    " updated_by = excluded.updated_by"};
#define TADAIMA_CARE_FLAGS                                                                    \
  "CASE WHEN allergy IS NULL THEN 0 ELSE 1 END, CASE WHEN medical IS NULL THEN 0 ELSE 1 END," \
  " CASE WHEN notes IS NULL THEN 0 ELSE 1 END"
constexpr db::Query kCareMarkers{
    "child_care_markers",
    "SELECT child_id, " TADAIMA_CARE_FLAGS " FROM child_care"
    " WHERE organization_id = $1 AND " TADAIMA_IN_JSON("child_id", 2),
    "SELECT child_id, " TADAIMA_CARE_FLAGS " FROM child_care"
    " WHERE organization_id = $1 AND " TADAIMA_IN_JSON_PG("child_id", 2)};

}  // namespace

Result<std::optional<ChildCare>> FindCare(db::Tx& tx, const std::string& organization_id, const std::string& child_id) {
  auto rs = TRY(tx.Exec(kSelectCare, {organization_id, child_id}));
  if (rs.empty()) return std::nullopt;
  const auto& r = rs.rows[0];
  ChildCare c;
  c.allergy = r.OptText(0);
  c.medical = r.OptText(1);
  c.notes = r.OptText(2);
  c.updated_at = r.Int(3);
  c.updated_by_name = r.OptText(4);
  return c;
}

Status PutCare(db::Tx& tx, const std::string& organization_id, const std::string& child_id, const ChildCare& care,
               const std::string& updated_by, int64_t now) {
  TRY(tx.Exec(kPutCare, {organization_id, child_id, db::Opt(care.allergy), db::Opt(care.medical), db::Opt(care.notes),
                         now, updated_by}));
  return {};
}

Result<std::map<std::string, CareMarkers>> CareMarkersOf(db::Tx& tx, const std::string& organization_id,
                                                         const std::vector<std::string>& child_ids) {
  std::map<std::string, CareMarkers> out;
  if (child_ids.empty()) return out;
  auto rs = TRY(tx.Exec(kCareMarkers, {organization_id, nlohmann::json(child_ids).dump()}));
  for (const auto& r : rs.rows) {
    CareMarkers m{r.Bool(1), r.Bool(2), r.Bool(3)};
    if (m.allergy || m.medical || m.notes) out[r.Text(0)] = m;
  }
  return out;
}

}  // namespace tadaima::store
