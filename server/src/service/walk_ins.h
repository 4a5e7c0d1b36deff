// Paper visitor forms (利用者票) at drop-in rooms, entered by staff: a visit
// (組) with its adults and its children as the form gave their ages, counted
// in every statistic like a stamp (rules/usage_stats.h). A form sent twice with
// the same client_id is recorded once (the admin's page always sends one). Staff see the rooms they cover; an id
// outside them answers not_found. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/walk_in.h"
#include "service/context.h"

namespace tadaima::service {

struct WalkInChildInput {
  std::optional<std::string> birth_date, grade;
  std::optional<int64_t> age_months;
};
struct WalkInInput {
  std::optional<std::string> client_id;  // makes a retry answer the first form instead of a second
  std::optional<int64_t> visited_at, adults;
  std::vector<WalkInChildInput> children;
  std::optional<std::string> area, family_id;
};
struct WalkInAnswer {
  WalkIn walk_in;
  bool replayed = false;  // the client_id was seen before: the form recorded then
};

class WalkIns : AreaService {
 public:
  explicit WalkIns(Context& ctx) : AreaService(ctx) {}

  static constexpr int kMaxAdults = 20, kMaxChildren = 20, kMaxAgeMonths = 215;
  Result<WalkInAnswer> Create(const Actor& actor, const std::string& facility_id, const WalkInInput& in);
  // The facility's forms of [from, to] (dates; default the organization's today), newest first.
  Result<std::vector<WalkIn>> List(const Actor& actor, const std::string& facility_id,
                                   const std::optional<std::string>& from, const std::optional<std::string>& to);
  // Links the form to a family (nullopt: unlinks it).
  Result<WalkIn> SetFamily(const Actor& actor, const std::string& id, const std::optional<std::string>& family_id);
  Status Delete(const Actor& actor, const std::string& id);
};

}  // namespace tadaima::service
