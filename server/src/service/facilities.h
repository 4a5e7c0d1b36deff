// Facilities and the staff who work at them. Organization administrators
// create and change both; facility staff read the facilities they cover.
// Every write runs in one transaction; bad input names each bad field.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "service/context.h"

namespace tadaima::service {

struct FacilityInput {
  Patch<std::string> name, kind, opens_at, closes_at;
  Patch<int64_t> duplicate_window_seconds, offline_retention_hours;
  Patch<int64_t> plan_deadline_days;
  Patch<std::string> plan_deadline_time;
  Patch<int64_t> not_arrived_grace_minutes;
  Patch<bool> not_arrived_notify;
  // The kiosks' staff PIN, 4 to 8 digits; null removes it. Facility staff may
  // change this one key of their facility; every other key is the org_admin's.
  Patch<std::optional<std::string>> kiosk_pin;
};
struct StaffInput {
  Patch<std::string> login, name, password, role;
  Patch<std::vector<std::string>> facility_ids;
};

class Facilities : AreaService {
 public:
  explicit Facilities(Context& ctx) : AreaService(ctx) {}

  Result<Facility> CreateFacility(const Actor& actor, const FacilityInput& in);
  // The organization's facilities; facility staff see the ones they cover.
  Result<std::vector<Facility>> ListFacilities(const Actor& actor);
  Result<Facility> GetFacility(const Actor& actor, const std::string& id);
  Result<Facility> UpdateFacility(const Actor& actor, const std::string& id, const FacilityInput& in);
  Result<User> CreateStaff(const Actor& actor, const StaffInput& in);
  Result<std::vector<User>> ListStaff(const Actor& actor);
  Result<User> UpdateStaff(const Actor& actor, const std::string& id, const StaffInput& in);
};

}  // namespace tadaima::service
