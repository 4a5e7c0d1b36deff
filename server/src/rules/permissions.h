// Who may see and change what. Pure functions over the Actor; the services
// call them before touching data, and answer not_found (never revealing that
// a row exists) when they say no.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace tadaima {

inline bool IsStaff(const Actor& a) { return a.role == Role::kOrgAdmin || a.role == Role::kFacilityStaff; }
inline bool IsOrgAdmin(const Actor& a) { return a.role == Role::kOrgAdmin; }

// Staff who work at `facility_id`: every org_admin, facility_staff of it.
// REQUIRES: the facility belongs to the actor's organization.
bool StaffCoversFacility(const Actor& a, const std::string& facility_id);

// Whether `a` may read a family of its organization enrolled (in any status)
// at `family_facility_ids`: org_admin always, facility_staff when one of
// them is theirs, a guardian only their own family.
bool CanReadFamily(const Actor& a, const std::string& family_id,
                   const std::vector<std::string>& family_facility_ids);

// Whether `a` may change a family's records: staff who can read it.
bool CanEditFamily(const Actor& a, const std::vector<std::string>& family_facility_ids);

}  // namespace tadaima
