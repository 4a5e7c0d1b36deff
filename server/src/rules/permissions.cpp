#include "rules/permissions.h"

#include <algorithm>

namespace tadaima {

bool StaffCoversFacility(const Actor& a, const std::string& facility_id) {
  if (a.role == Role::kOrgAdmin) return true;
  if (a.role != Role::kFacilityStaff) return false;
  return std::find(a.facility_ids.begin(), a.facility_ids.end(), facility_id) != a.facility_ids.end();
}

bool CanEditFamily(const Actor& a, const std::vector<std::string>& family_facility_ids) {
  if (a.role == Role::kOrgAdmin) return true;
  if (a.role != Role::kFacilityStaff) return false;
  return std::any_of(family_facility_ids.begin(), family_facility_ids.end(),
                     [&](const std::string& f) { return StaffCoversFacility(a, f); });
}

bool CanReadFamily(const Actor& a, const std::string& family_id,
                   const std::vector<std::string>& family_facility_ids) {
  if (a.role == Role::kGuardian) return a.family_id == family_id;
  return CanEditFamily(a, family_facility_ids);
}

}  // namespace tadaima
