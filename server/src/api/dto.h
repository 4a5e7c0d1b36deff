// API representations of the domain: what the JSON answers contain. Never
// raw rows; never password hashes. Age and grade are for `today`.
#pragma once

#include <nlohmann/json.hpp>

#include "model/model.h"

namespace tadaima::api {

nlohmann::json UserJson(const Actor& a);
nlohmann::json OrganizationJson(const Organization& o);
nlohmann::json FacilityJson(const Facility& f);
nlohmann::json StaffJson(const User& u);
nlohmann::json GuardianJson(const User& u);
nlohmann::json ChildJson(const Child& c, const CivilDate& today);
nlohmann::json EnrollmentJson(const Enrollment& e);
nlohmann::json FamilyJson(const Family& f, const CivilDate& today);

}  // namespace tadaima::api
