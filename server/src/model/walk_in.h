// A paper visitor form (利用者票) entered by staff: a visit (組) of a drop-in
// room with its adults and anonymous children, optionally linked to a family.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"

namespace tadaima {

// A child as the form gave its age: exactly one of the three.
struct WalkInChild {
  std::optional<CivilDate> birth_date;
  std::optional<int> age_months;  // completed months on the visit's day
  std::optional<int> grade;       // 1 = 小1 … 9 = 中3
};

struct WalkIn {
  std::string id, organization_id, facility_id;
  int64_t visited_at = 0;
  int adults = 0;
  std::vector<WalkInChild> children;
  std::optional<std::string> area, family_id, family_name, created_by_name;
  int64_t created_at = 0;
};

}  // namespace tadaima
