// What an audience is evaluated over: the families with an active enrollment
// at a set of facilities, their children, their guardians; and the ids a
// sender names, checked against the organization.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

struct AudienceChild {
  std::string family_id, child_id;
  CivilDate birth_date;
};
struct AudienceCandidates {
  std::set<std::string> family_ids;     // families with an active enrollment at one of the facilities
  std::vector<AudienceChild> children;  // the children who count for those enrollments
};
// The candidates at `facility_ids` (of `organization_id`): a child counts when
// it is enrolled there itself, or its family is (drop-in rooms).
Result<AudienceCandidates> LoadAudienceCandidates(db::Tx& tx, const std::string& organization_id,
                                                  const std::vector<std::string>& facility_ids);
// How many guardians the families have.
Result<int64_t> CountGuardians(db::Tx& tx, const std::string& organization_id,
                               const std::vector<std::string>& family_ids);
// Which of `ids` are rows of the organization: table is "families",
// "children" or "facilities".
Result<std::set<std::string>> ExistingIds(db::Tx& tx, const std::string& table, const std::string& organization_id,
                                          const std::vector<std::string>& ids);

}  // namespace tadaima::store
