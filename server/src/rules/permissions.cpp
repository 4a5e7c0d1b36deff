#include "rules/permissions.h"

#include <algorithm>

#include "base/reasons.h"

namespace tadaima {

bool StaffCoversFacility(const Actor& a, const std::string& facility_id) {
  if (a.role == Role::kOrgAdmin) return true;
  if (a.role != Role::kFacilityStaff) return false;
  return std::find(a.facility_ids.begin(), a.facility_ids.end(), facility_id) != a.facility_ids.end();
}

bool CanManageMessage(const Actor& a, const std::vector<std::string>& facility_ids) {
  if (a.role == Role::kOrgAdmin) return true;
  if (a.role != Role::kFacilityStaff || facility_ids.empty()) return false;
  for (const auto& id : facility_ids)
    if (!StaffCoversFacility(a, id)) return false;
  return true;
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

bool IsKioskOf(const Actor& a, const std::string& facility_id) {
  return IsKiosk(a) && !a.facility_ids.empty() && a.facility_ids.front() == facility_id;
}

std::optional<std::string> FacilityScope(const Actor& a) {
  return IsFacilityStaff(a) ? std::optional(a.user_id) : std::nullopt;
}

Status RequireStaff(const Actor& a) {
  if (!IsStaff(a)) return Fail(Error::PermissionDenied(reason::kStaffOnly));
  return {};
}

Status RequireOrgAdmin(const Actor& a) {
  if (!IsOrgAdmin(a)) return Fail(Error::PermissionDenied(reason::kOrgAdminOnly));
  return {};
}

Status RequireGuardian(const Actor& a) {
  if (!IsGuardian(a) || !a.family_id) return Fail(Error::PermissionDenied(reason::kGuardiansOnly));
  return {};
}

Status RequireGuardianOrStaff(const Actor& a) {
  if (!IsGuardian(a) && !IsStaff(a)) return Fail(Error::PermissionDenied(reason::kGuardiansAndStaffOnly));
  return {};
}

Status RequireKiosk(const Actor& a) {
  if (!IsKiosk(a)) return Fail(Error::PermissionDenied(reason::kKiosksOnly));
  return {};
}

Status MayStamp(const Actor& a, const std::string& facility_id) {
  if (IsGuardian(a)) return Fail(Error::PermissionDenied(reason::kGuardiansCannotStamp));
  if (IsKiosk(a)) {
    if (!IsKioskOf(a, facility_id)) return Fail(Error::PermissionDenied(reason::kKioskOtherFacility));
    return {};
  }
  if (!StaffCoversFacility(a, facility_id)) return Fail(Error::NotFound("facility not found"));
  return {};
}

Status MayListenLive(const Actor& a) {
  if (IsKiosk(a)) return Fail(Error::PermissionDenied(reason::kKioskNoLiveEvents));
  return {};
}

}  // namespace tadaima
