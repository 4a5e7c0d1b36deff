// A consultation record (相談記録): staff's note of a family's consultation at
// a room, shared by every room of the organization, never shown to the family.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/time.h"

namespace tadaima {

struct Consultation {
  std::string id, organization_id, family_id, facility_id, facility_name;
  std::string category;  // parenting | development | health | living | schooling | other
  std::string body;      // plain text: sealed at rest (store/consultation_store.h)
  int64_t occurred_at = 0;
  std::optional<CivilDate> follow_up_on;
  std::optional<std::string> created_by_name;
  int64_t created_at = 0, updated_at = 0;
};

}  // namespace tadaima
