#include "store/enrollment_store.h"

#include <nlohmann/json.hpp>

#include "store/rows.h"

namespace tadaima::store {
namespace {

#define TADAIMA_ENROLLMENT_COLUMNS "e.id, e.organization_id, e.facility_id, e.child_id, e.family_id, e.status"

constexpr db::Query kInsertEnrollment{
    "insert_enrollment",
    "INSERT INTO enrollments (id, organization_id, facility_id, child_id, family_id, status, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $7)"};
constexpr db::Query kSetEnrollmentStatus{
    "set_enrollment_status",
    "UPDATE enrollments SET status = $3, updated_at = $4 WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kDeleteEnrollment{"delete_enrollment",
                                      "DELETE FROM enrollments WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kSelectEnrollment{
    "select_enrollment",
    "SELECT " TADAIMA_ENROLLMENT_COLUMNS " FROM enrollments e WHERE e.organization_id = $1 AND e.id = $2"};
constexpr db::Query kListEnrollments{
    "list_enrollments",
    "SELECT " TADAIMA_ENROLLMENT_COLUMNS " FROM enrollments e WHERE e.organization_id = $1"
    " AND ($2 = '' OR e.facility_id = $2) AND ($3 = '' OR e.status = $3)"
    " AND ($4 = '' OR e.facility_id IN (SELECT facility_id FROM staff_facilities WHERE user_id = $4))"
    " ORDER BY e.created_at, e.id LIMIT 2000"};
// Rows of several families at once: $2 is a JSON array of family ids.
constexpr db::Query kEnrollmentsOf{
    "enrollments_of_families",
    "SELECT " TADAIMA_ENROLLMENT_COLUMNS " FROM enrollments e WHERE +e.organization_id = $1"
    " AND e.family_id IN (SELECT value FROM json_each($2)) ORDER BY e.created_at, e.id",
    "SELECT " TADAIMA_ENROLLMENT_COLUMNS " FROM enrollments e WHERE e.organization_id = $1"
    " AND e.family_id = ANY (ARRAY(SELECT json_array_elements_text($2::json))) ORDER BY e.created_at, e.id"};
constexpr db::Query kEnrolledChildren{
    "enrolled_children",
    "SELECT c.id, c.organization_id, c.family_id, c.name, c.name_kana, c.birth_date, c.credential_version, c.may_leave_alone"
    " FROM children c WHERE c.organization_id = $1 AND ("
    "   c.id IN (SELECT child_id FROM enrollments WHERE facility_id = $2 AND status = 'active' AND child_id IS NOT NULL)"
    "   OR c.family_id IN (SELECT family_id FROM enrollments WHERE facility_id = $2 AND status = 'active'"
    "     AND child_id IS NULL))"
    " ORDER BY COALESCE(c.name_kana, c.name), c.id"};
constexpr db::Query kIsEnrolled{
    "is_enrolled",
    "SELECT 1 FROM enrollments e JOIN children c ON c.id = $2 WHERE e.facility_id = $1 AND e.status = 'active'"
    " AND (e.child_id = c.id OR (e.child_id IS NULL AND e.family_id = c.family_id)) LIMIT 1"};

const char* StatusName(EnrollmentStatus s) { return s == EnrollmentStatus::kActive ? "active" : "pending"; }

Enrollment EnrollmentFrom(const db::Row& r) {
  Enrollment e;
  e.id = r.Text(0);
  e.organization_id = r.Text(1);
  e.facility_id = r.Text(2);
  e.child_id = r.OptText(3);
  e.family_id = r.Text(4);
  e.status = r.Text(5) == "active" ? EnrollmentStatus::kActive : EnrollmentStatus::kPending;
  return e;
}

std::vector<Enrollment> EnrollmentsFrom(const db::ResultSet& rs) {
  std::vector<Enrollment> out;
  for (const auto& r : rs.rows) out.push_back(EnrollmentFrom(r));
  return out;
}

}  // namespace

Status InsertEnrollment(db::Tx& tx, const Enrollment& e, int64_t now) {
  TRY(tx.Exec(kInsertEnrollment, {e.id, e.organization_id, e.facility_id, db::Opt(e.child_id), e.family_id,
                                  StatusName(e.status), now}));
  return {};
}

Status SetEnrollmentStatus(db::Tx& tx, const Enrollment& e, int64_t now) {
  TRY(tx.Exec(kSetEnrollmentStatus, {e.organization_id, e.id, StatusName(e.status), now}));
  return {};
}

Status DeleteEnrollment(db::Tx& tx, const Enrollment& e) {
  TRY(tx.Exec(kDeleteEnrollment, {e.organization_id, e.id}));
  return {};
}

Result<std::optional<Enrollment>> FindEnrollment(db::Tx& tx, const std::string& organization_id,
                                                 const std::string& id) {
  auto rs = TRY(tx.Exec(kSelectEnrollment, {organization_id, id}));
  if (rs.empty()) return std::nullopt;
  return EnrollmentFrom(rs.rows[0]);
}

Result<std::vector<Enrollment>> ListEnrollments(db::Tx& tx, const EnrollmentQuery& q) {
  auto rs = TRY(tx.Exec(kListEnrollments, {q.organization_id, q.facility_id.value_or(""),
                                           q.status ? StatusName(*q.status) : "", q.staff_user_id.value_or("")}));
  return EnrollmentsFrom(rs);
}

Result<std::vector<Enrollment>> ListEnrollmentsOfFamilies(db::Tx& tx, const std::string& organization_id,
                                                          const std::vector<std::string>& family_ids) {
  if (family_ids.empty()) return std::vector<Enrollment>{};
  auto rs = TRY(tx.Exec(kEnrollmentsOf, {organization_id, nlohmann::json(family_ids).dump()}));
  return EnrollmentsFrom(rs);
}

Result<std::vector<Child>> EnrolledChildren(db::Tx& tx, const std::string& organization_id,
                                            const std::string& facility_id) {
  auto rs = TRY(tx.Exec(kEnrolledChildren, {organization_id, facility_id}));
  std::vector<Child> out;
  for (const auto& r : rs.rows) out.push_back(ChildFrom(r));
  return out;
}

Result<bool> IsEnrolled(db::Tx& tx, const std::string& facility_id, const std::string& child_id) {
  auto rs = TRY(tx.Exec(kIsEnrolled, {facility_id, child_id}));
  return !rs.empty();
}

}  // namespace tadaima::store
