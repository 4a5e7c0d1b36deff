#include "store/walk_in_store.h"

#include <map>

#include "store/rows.h"

namespace tadaima::store {
namespace {

#define TADAIMA_WALK_IN_SELECT                                                                                 \
  "SELECT g.id, g.organization_id, g.facility_id, g.arrived_at, g.adults, g.area, g.family_id, f.name, u.name," \
  " g.created_at FROM visit_groups g LEFT JOIN families f ON f.id = g.family_id"                               \
  " LEFT JOIN users u ON u.id = g.created_by"

constexpr db::Query kInsertGroup{
    "insert_walk_in",
    "INSERT INTO visit_groups (id, organization_id, facility_id, family_id, method, arrived_at, adults, area,"
    " client_id, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, 'paper', $5, $6, $7, $8, $9, $10, $10)"};
constexpr db::Query kInsertChild{
    "insert_walk_in_child",
    "INSERT INTO walk_in_children (group_id, position, birth_date, age_months, grade) VALUES ($1, $2, $3, $4, $5)"};
constexpr db::Query kSelectOne{"select_walk_in", TADAIMA_WALK_IN_SELECT
                               " WHERE g.organization_id = $1 AND g.id = $2 AND g.method = 'paper'"};
constexpr db::Query kSelectChildrenOfOne{
    "select_walk_in_children",
    "SELECT w.group_id, w.birth_date, w.age_months, w.grade FROM walk_in_children w"
    " JOIN visit_groups g ON g.id = w.group_id WHERE g.organization_id = $1 AND g.id = $2 ORDER BY w.position"};
constexpr db::Query kSelectByClientId{
    "select_walk_in_by_client_id",
    "SELECT id FROM visit_groups WHERE organization_id = $1 AND client_id = $2 AND method = 'paper'"};
constexpr db::Query kSelectList{
    "list_walk_ins", TADAIMA_WALK_IN_SELECT
    " WHERE g.organization_id = $1 AND g.facility_id = $2 AND g.method = 'paper' AND g.arrived_at >= $3"
    " AND g.arrived_at < $4 ORDER BY g.arrived_at DESC, g.id DESC"};
constexpr db::Query kSelectChildrenOfList{
    "list_walk_in_children",
    "SELECT w.group_id, w.birth_date, w.age_months, w.grade FROM walk_in_children w"
    " JOIN visit_groups g ON g.id = w.group_id WHERE g.organization_id = $1 AND g.facility_id = $2"
    " AND g.method = 'paper' AND g.arrived_at >= $3 AND g.arrived_at < $4 ORDER BY w.group_id, w.position"};
constexpr db::Query kSetFamily{
    "set_walk_in_family",
    "UPDATE visit_groups SET family_id = $3, updated_at = $4 WHERE organization_id = $1 AND id = $2 AND method = 'paper'"};
constexpr db::Query kDeleteChildren{
    "delete_walk_in_children",
    "DELETE FROM walk_in_children WHERE group_id IN"
    " (SELECT id FROM visit_groups WHERE organization_id = $1 AND id = $2 AND method = 'paper')"};
constexpr db::Query kDelete{"delete_walk_in",
                            "DELETE FROM visit_groups WHERE organization_id = $1 AND id = $2 AND method = 'paper'"};

WalkIn WalkInFrom(const db::Row& r) {
  WalkIn w;
  w.id = r.Text(0);
  w.organization_id = r.Text(1);
  w.facility_id = r.Text(2);
  w.visited_at = r.Int(3);
  w.adults = static_cast<int>(r.Int(4));
  w.area = r.OptText(5);
  w.family_id = r.OptText(6);
  w.family_name = r.OptText(7);
  w.created_by_name = r.OptText(8);
  w.created_at = r.Int(9);
  return w;
}

// Adds each child row (group_id, birth_date, age_months, grade) to its form.
void AddChildren(const db::ResultSet& rs, std::map<std::string, WalkIn*>& by_id) {
  for (const auto& r : rs.rows) {
    auto it = by_id.find(r.Text(0));
    if (it == by_id.end()) continue;
    WalkInChild c;
    if (!r.IsNull(1)) c.birth_date = CivilDate::Parse(r.Text(1));
    if (!r.IsNull(2)) c.age_months = static_cast<int>(r.Int(2));
    if (!r.IsNull(3)) c.grade = static_cast<int>(r.Int(3));
    it->second->children.push_back(c);
  }
}

}  // namespace

Status InsertWalkIn(db::Tx& tx, const WalkIn& w, const std::optional<std::string>& client_id,
                    const std::string& created_by, int64_t now) {
  TRY(tx.Exec(kInsertGroup, {w.id, w.organization_id, w.facility_id, db::Opt(w.family_id), w.visited_at,
                             int64_t{w.adults}, db::Opt(w.area), db::Opt(client_id), created_by, now}));
  for (size_t i = 0; i < w.children.size(); ++i) {
    const WalkInChild& c = w.children[i];
    TRY(tx.Exec(kInsertChild, {w.id, static_cast<int64_t>(i),
                               c.birth_date ? db::Value(c.birth_date->ToString()) : db::Value(nullptr),
                               OptInt(c.age_months), OptInt(c.grade)}));
  }
  return {};
}

Result<std::optional<WalkIn>> FindWalkIn(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  auto rs = TRY(tx.Exec(kSelectOne, {organization_id, id}));
  if (rs.empty()) return std::nullopt;
  WalkIn w = WalkInFrom(rs.rows[0]);
  std::map<std::string, WalkIn*> by_id{{w.id, &w}};
  AddChildren(TRY(tx.Exec(kSelectChildrenOfOne, {organization_id, id})), by_id);
  return w;
}

Result<std::optional<std::string>> FindWalkInByClientId(db::Tx& tx, const std::string& organization_id,
                                                        const std::string& client_id) {
  auto rs = TRY(tx.Exec(kSelectByClientId, {organization_id, client_id}));
  if (rs.empty()) return std::nullopt;
  return rs.rows[0].Text(0);
}

Result<std::vector<WalkIn>> ListWalkIns(db::Tx& tx, const std::string& organization_id,
                                        const std::string& facility_id, int64_t from, int64_t to) {
  auto rs = TRY(tx.Exec(kSelectList, {organization_id, facility_id, from, to}));
  std::vector<WalkIn> out;
  out.reserve(rs.rows.size());
  for (const auto& r : rs.rows) out.push_back(WalkInFrom(r));
  std::map<std::string, WalkIn*> by_id;
  for (auto& w : out) by_id[w.id] = &w;
  AddChildren(TRY(tx.Exec(kSelectChildrenOfList, {organization_id, facility_id, from, to})), by_id);
  return out;
}

Status SetWalkInFamily(db::Tx& tx, const std::string& organization_id, const std::string& id,
                       const std::optional<std::string>& family_id, int64_t now) {
  TRY(tx.Exec(kSetFamily, {organization_id, id, db::Opt(family_id), now}));
  return {};
}

Result<bool> DeleteWalkIn(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  TRY(tx.Exec(kDeleteChildren, {organization_id, id}));
  auto rs = TRY(tx.Exec(kDelete, {organization_id, id}));
  return rs.affected > 0;
}

}  // namespace tadaima::store
