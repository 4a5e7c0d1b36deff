#include "store/family_store.h"

#include <nlohmann/json.hpp>

#include <map>

#include "store/enrollment_store.h"
#include "store/rows.h"

namespace tadaima::store {
namespace {

constexpr db::Query kInsertFamily{
    "insert_family",
    "INSERT INTO families (id, organization_id, name, address, phone, search_text, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $7)"};
constexpr db::Query kUpdateFamily{
    "update_family",
    "UPDATE families SET name = $3, address = $4, phone = $5, search_text = $6, updated_at = $7"
    " WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kListFamilyIds{
    "list_family_ids",
    "SELECT f.id, f.name, f.address, f.phone, f.credential_version FROM families f"
    " WHERE f.organization_id = $1 AND f.id > $2"
    " AND ($3 = '' OR f.search_text LIKE $4 ESCAPE '!')"
    " AND ($5 = '' OR EXISTS (SELECT 1 FROM enrollments e JOIN staff_facilities sf"
    "   ON sf.facility_id = e.facility_id WHERE e.family_id = f.id AND sf.user_id = $5))"
    " ORDER BY f.id LIMIT $6"};
constexpr db::Query kSelectFamily{
    "select_family",
    "SELECT f.id, f.name, f.address, f.phone, f.credential_version FROM families f"
    " WHERE f.organization_id = $1 AND f.id = $2"};
constexpr db::Query kBumpChildCredential{
    "bump_child_credential",
    "UPDATE children SET credential_version = credential_version + 1, updated_at = $3"
    " WHERE organization_id = $1 AND id = $2 RETURNING credential_version"};
constexpr db::Query kBumpFamilyCredential{
    "bump_family_credential",
    "UPDATE families SET credential_version = credential_version + 1, updated_at = $3"
    " WHERE organization_id = $1 AND id = $2 RETURNING credential_version"};

// Rows of several families at once: $2 is a JSON array of family ids.
constexpr db::Query kGuardiansOf{
    "guardians_of_families",
    "SELECT id, organization_id, login, name, email, relation, family_id, must_change_password, name_kana, phone FROM users"
    " WHERE +organization_id = $1 AND +role = 'guardian' AND family_id IN (SELECT value FROM json_each($2))"
    " ORDER BY created_at, id",
    "SELECT id, organization_id, login, name, email, relation, family_id, must_change_password, name_kana, phone FROM users"
    " WHERE organization_id = $1 AND role = 'guardian'"
    " AND family_id = ANY (ARRAY(SELECT json_array_elements_text($2::json))) ORDER BY created_at, id"};
#define TADAIMA_CHILD_COLUMNS "id, organization_id, family_id, name, name_kana, birth_date, credential_version, may_leave_alone"
constexpr db::Query kChildrenOf{
    "children_of_families",
    "SELECT " TADAIMA_CHILD_COLUMNS " FROM children WHERE +organization_id = $1"
    " AND family_id IN (SELECT value FROM json_each($2)) ORDER BY birth_date, id",
    "SELECT " TADAIMA_CHILD_COLUMNS " FROM children WHERE organization_id = $1"
    " AND family_id = ANY (ARRAY(SELECT json_array_elements_text($2::json))) ORDER BY birth_date, id"};
constexpr db::Query kPickupPeople{
    "pickup_people",
    "SELECT name, relation FROM users WHERE family_id = $2 AND +organization_id = $1 AND +role = 'guardian'"
    " ORDER BY created_at, id",
    "SELECT name, relation FROM users WHERE family_id = $2 AND organization_id = $1 AND role = 'guardian'"
    " ORDER BY created_at, id"};

constexpr db::Query kInsertChild{
    "insert_child",
    "INSERT INTO children (id, organization_id, family_id, name, name_kana, birth_date, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $7)"};
constexpr db::Query kUpdateChild{
    "update_child",
    "UPDATE children SET name = $3, name_kana = $4, birth_date = $5, updated_at = $6, may_leave_alone = $7"
    " WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kSelectChild{
    "select_child", "SELECT " TADAIMA_CHILD_COLUMNS " FROM children WHERE organization_id = $1 AND id = $2"};

Family FamilyFrom(const db::Row& r, const std::string& organization_id) {
  Family f;
  f.id = r.Text(0);
  f.organization_id = organization_id;
  f.name = r.Text(1);
  f.address = r.OptText(2);
  f.phone = r.OptText(3);
  f.credential_version = static_cast<int>(r.Int(4));
  return f;
}

// Fills guardians, children and enrollments of `families` with three queries.
Status LoadMembers(db::Tx& tx, const std::string& organization_id, std::vector<Family>& families) {
  if (families.empty()) return {};
  std::vector<std::string> ids;
  std::map<std::string, Family*> by_id;
  for (auto& f : families) {
    ids.push_back(f.id);
    by_id[f.id] = &f;
  }
  db::Params params{organization_id, nlohmann::json(ids).dump()};
  auto guardians = TRY(tx.Exec(kGuardiansOf, params));
  for (const auto& r : guardians.rows) {
    User u;
    u.id = r.Text(0);
    u.organization_id = r.Text(1);
    u.role = Role::kGuardian;
    u.login = r.Text(2);
    u.name = r.Text(3);
    u.email = r.OptText(4);
    u.relation = r.OptText(5);
    u.family_id = r.Text(6);
    u.must_change_password = r.Bool(7);
    u.name_kana = r.OptText(8);
    u.phone = r.OptText(9);
    by_id[r.Text(6)]->guardians.push_back(std::move(u));
  }
  auto children = TRY(tx.Exec(kChildrenOf, params));
  for (const auto& r : children.rows) by_id[r.Text(2)]->children.push_back(ChildFrom(r));
  auto enrollments = TRY(ListEnrollmentsOfFamilies(tx, organization_id, ids));
  for (auto& e : enrollments) by_id[e.family_id]->enrollments.push_back(std::move(e));
  return {};
}

// A LIKE pattern matching `text` anywhere, with %, _ and ! escaped by '!'.
std::string ContainsPattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += c;
  }
  return out + "%";
}

}  // namespace

Status InsertFamily(db::Tx& tx, const Family& f, const std::string& search_text, int64_t now) {
  TRY(tx.Exec(kInsertFamily,
              {f.id, f.organization_id, f.name, db::Opt(f.address), db::Opt(f.phone), search_text, now}));
  return {};
}

Status UpdateFamily(db::Tx& tx, const Family& f, const std::string& search_text, int64_t now) {
  TRY(tx.Exec(kUpdateFamily,
              {f.organization_id, f.id, f.name, db::Opt(f.address), db::Opt(f.phone), search_text, now}));
  return {};
}

Result<std::optional<Family>> FindFamily(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  auto rs = TRY(tx.Exec(kSelectFamily, {organization_id, id}));
  if (rs.empty()) return std::nullopt;
  std::vector<Family> one{FamilyFrom(rs.rows[0], organization_id)};
  TRY_STATUS(LoadMembers(tx, organization_id, one));
  return std::move(one[0]);
}

Result<std::vector<Family>> ListFamilies(db::Tx& tx, const FamilyQuery& q) {
  auto rs = TRY(tx.Exec(kListFamilyIds, {q.organization_id, q.after_id, q.search, ContainsPattern(q.search),
                                         q.staff_user_id.value_or(""), int64_t{q.limit}}));
  std::vector<Family> out;
  for (const auto& r : rs.rows) out.push_back(FamilyFrom(r, q.organization_id));
  TRY_STATUS(LoadMembers(tx, q.organization_id, out));
  return out;
}

Result<int> BumpCredentialVersion(db::Tx& tx, const std::string& organization_id, bool family, const std::string& id,
                                  int64_t now) {
  auto rs = TRY(tx.Exec(family ? kBumpFamilyCredential : kBumpChildCredential, {organization_id, id, now}));
  if (rs.empty()) return Fail(Error::NotFound("not found"));
  return static_cast<int>(rs.rows[0].Int(0));
}

Result<std::vector<std::string>> PickupPeople(db::Tx& tx, const std::string& organization_id,
                                              const std::string& family_id) {
  auto rs = TRY(tx.Exec(kPickupPeople, {organization_id, family_id}));
  std::vector<std::string> out;
  for (const auto& r : rs.rows) out.push_back(r.IsNull(1) ? r.Text(0) : r.Text(1) + " " + r.Text(0));
  return out;
}

Status InsertChild(db::Tx& tx, const Child& c, int64_t now) {
  TRY(tx.Exec(kInsertChild, {c.id, c.organization_id, c.family_id, c.name, db::Opt(c.name_kana),
                             c.birth_date.ToString(), now}));
  return {};
}

Status UpdateChild(db::Tx& tx, const Child& c, int64_t now) {
  TRY(tx.Exec(kUpdateChild,
              {c.organization_id, c.id, c.name, db::Opt(c.name_kana), c.birth_date.ToString(), now,
               int64_t{c.may_leave_alone}}));
  return {};
}

Result<std::optional<Child>> FindChild(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  auto rs = TRY(tx.Exec(kSelectChild, {organization_id, id}));
  if (rs.empty()) return std::nullopt;
  return ChildFrom(rs.rows[0]);
}

}  // namespace tadaima::store
