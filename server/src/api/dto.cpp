#include "api/dto.h"

#include "rules/age_grade.h"

namespace tadaima::api {
namespace {

nlohmann::json OrNull(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

}  // namespace

nlohmann::json UserJson(const Actor& a) {
  nlohmann::json j = {{"id", a.user_id},
                      {"role", RoleName(a.role)},
                      {"name", a.name},
                      {"login", a.login},
                      {"organization_id", a.organization_id},
                      {"must_change_password", a.must_change_password}};
  if (a.family_id) j["family_id"] = *a.family_id;
  if (a.role == Role::kFacilityStaff) j["facility_ids"] = a.facility_ids;
  return j;
}

nlohmann::json OrganizationJson(const Organization& o) {
  return {{"id", o.id}, {"name", o.name}, {"time_zone", o.time_zone}};
}

nlohmann::json FacilityJson(const Facility& f) {
  return {{"id", f.id},
          {"name", f.name},
          {"kind", FacilityKindName(f.kind)},
          {"opens_at", FormatClockTime(f.opens_at)},
          {"closes_at", FormatClockTime(f.closes_at)}};
}

nlohmann::json StaffJson(const User& u) {
  return {{"id", u.id},       {"login", u.login}, {"name", u.name}, {"role", RoleName(u.role)},
          {"facility_ids", u.facility_ids}, {"must_change_password", u.must_change_password}};
}

nlohmann::json GuardianJson(const User& u) {
  return {{"id", u.id}, {"name", u.name}, {"email", OrNull(u.email)}, {"relation", OrNull(u.relation)}, {"login", u.login}};
}

nlohmann::json ChildJson(const Child& c, const CivilDate& today) {
  Age age = AgeOn(c.birth_date, std::max(today, c.birth_date));
  return {{"id", c.id},
          {"family_id", c.family_id},
          {"name", c.name},
          {"name_kana", OrNull(c.name_kana)},
          {"birth_date", c.birth_date.ToString()},
          {"age", {{"years", age.years}, {"months", age.months}}},
          {"grade", GradeOn(c.birth_date, today)}};
}

nlohmann::json EnrollmentJson(const Enrollment& e) {
  return {{"id", e.id},
          {"facility_id", e.facility_id},
          {"child_id", OrNull(e.child_id)},
          {"family_id", e.family_id},
          {"status", e.status == EnrollmentStatus::kActive ? "active" : "pending"}};
}

nlohmann::json FamilyJson(const Family& f, const CivilDate& today) {
  nlohmann::json guardians = nlohmann::json::array(), children = nlohmann::json::array(),
                 enrollments = nlohmann::json::array();
  for (const auto& g : f.guardians) guardians.push_back(GuardianJson(g));
  for (const auto& c : f.children) children.push_back(ChildJson(c, today));
  for (const auto& e : f.enrollments) enrollments.push_back(EnrollmentJson(e));
  return {{"id", f.id},           {"name", f.name},         {"address", OrNull(f.address)},
          {"phone", OrNull(f.phone)}, {"guardians", guardians}, {"children", children},
          {"enrollments", enrollments}};
}

}  // namespace tadaima::api
