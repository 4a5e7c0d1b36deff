// Who may see and change what. Pure functions over the Actor; every role
// check of the services goes through them. The Is/Can functions answer yes or
// no; the Require/May functions answer OK or the error to return
// (permission_denied with its reason). For rows, the services answer
// not_found (never revealing that a row exists) when these say no.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "model/model.h"

namespace tadaima {

inline bool IsStaff(const Actor& a) { return a.role == Role::kOrgAdmin || a.role == Role::kFacilityStaff; }
inline bool IsOrgAdmin(const Actor& a) { return a.role == Role::kOrgAdmin; }
inline bool IsFacilityStaff(const Actor& a) { return a.role == Role::kFacilityStaff; }
inline bool IsGuardian(const Actor& a) { return a.role == Role::kGuardian; }
inline bool IsKiosk(const Actor& a) { return a.role == Role::kKiosk; }
// The kiosk paired with `facility_id`.
bool IsKioskOf(const Actor& a, const std::string& facility_id);

// The staff member whose facilities limit a query: facility staff themselves;
// nullopt for everyone else (org_admin sees the whole organization).
std::optional<std::string> FacilityScope(const Actor& a);

Status RequireStaff(const Actor& a);            // staff_only
Status RequireOrgAdmin(const Actor& a);         // org_admin_only
Status RequireGuardian(const Actor& a);         // guardians_only: a guardian of a family
Status RequireGuardianOrStaff(const Actor& a);  // guardians_and_staff_only
Status RequireKiosk(const Actor& a);            // kiosks_only
// A stamp (or its preview) at `facility_id`: staff covering it or the kiosk
// paired with it. guardians_cannot_stamp, kiosk_other_facility; staff who do
// not cover it get not_found.
Status MayStamp(const Actor& a, const std::string& facility_id);
// Live events: staff and guardians (kiosk_no_live_events).
Status MayListenLive(const Actor& a);

// Staff who work at `facility_id`: every org_admin, facility_staff of it.
// REQUIRES: the facility belongs to the actor's organization.
bool StaffCoversFacility(const Actor& a, const std::string& facility_id);

// Staff who may see and manage a message addressing `facility_ids`: every
// org_admin, facility_staff when all of them are theirs.
bool CanManageMessage(const Actor& a, const std::vector<std::string>& facility_ids);

// Whether `a` may read a family of its organization enrolled (in any status)
// at `family_facility_ids`: org_admin always, facility_staff when one of
// them is theirs, a guardian only their own family.
bool CanReadFamily(const Actor& a, const std::string& family_id,
                   const std::vector<std::string>& family_facility_ids);

// Whether `a` may change a family's records: staff who can read it.
bool CanEditFamily(const Actor& a, const std::vector<std::string>& family_facility_ids);

}  // namespace tadaima
