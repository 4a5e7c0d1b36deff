#include "model/model.h"

namespace tadaima {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kOrgAdmin: return "org_admin";
    case Role::kFacilityStaff: return "facility_staff";
    case Role::kGuardian: return "guardian";
    case Role::kKiosk: return "kiosk";
  }
  return "guardian";
}

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "org_admin") return Role::kOrgAdmin;
  if (name == "facility_staff") return Role::kFacilityStaff;
  if (name == "guardian") return Role::kGuardian;
  return std::nullopt;
}

const char* FacilityKindName(FacilityKind kind) {
  switch (kind) {
    case FacilityKind::kAfterSchool: return "after_school";
    case FacilityKind::kDropIn: return "drop_in";
    case FacilityKind::kNursery: return "nursery";
  }
  return "after_school";
}

std::optional<FacilityKind> ParseFacilityKind(std::string_view name) {
  if (name == "after_school") return FacilityKind::kAfterSchool;
  if (name == "drop_in") return FacilityKind::kDropIn;
  if (name == "nursery") return FacilityKind::kNursery;
  return std::nullopt;
}

const char* PlanStatusName(PlanStatus status) { return status == PlanStatus::kAbsent ? "absent" : "attend"; }

std::optional<PlanStatus> ParsePlanStatus(std::string_view name) {
  if (name == "attend") return PlanStatus::kAttend;
  if (name == "absent") return PlanStatus::kAbsent;
  return std::nullopt;
}

}  // namespace tadaima
