// Audiences: which families a message (later a survey or a course
// announcement) reaches — API.md "Audiences". One rule for every feature that
// addresses families: an active enrollment at one of the facilities, a child
// matching every child filter on the day of sending, and the family filter.
// The pure parts (checking the filters, matching a child) are rules/audience.h.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "service/context.h"

namespace tadaima::service {

struct AudienceCount {
  int64_t families = 0, guardians = 0, children = 0;
};

// An audience checked for its sender: the facilities it addresses (the
// audience's own, or every facility the sender may reach when it names none).
struct CheckedAudience {
  Audience audience;
  std::vector<std::string> facility_ids;
};

struct ResolvedAudience {
  std::vector<std::string> family_ids;  // sorted
  AudienceCount count;
};

class Audiences : AreaService {
 public:
  explicit Audiences(Context& ctx) : AreaService(ctx) {}

  // POST /audiences/preview: what the audience reaches today.
  Result<AudienceCount> Preview(const Actor& actor, const Audience& audience);

  // The audience's values checked (fields under "audience."), its facilities
  // and families in the actor's organization; facility staff may address only
  // their facilities (permission_denied, not_your_facility).
  Result<CheckedAudience> Check(db::Tx& tx, const Actor& actor, const Audience& audience);
  // The families `checked` reaches on `on` (the organization's day).
  Result<ResolvedAudience> Resolve(db::Tx& tx, const std::string& organization_id, const CheckedAudience& checked,
                                   const CivilDate& on);
};

}  // namespace tadaima::service
