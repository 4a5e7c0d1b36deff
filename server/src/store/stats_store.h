// What the statistics and the monthly report read: a facility's visits of a
// period (paper forms included) with what counting needs of each child, and the first visit ever of
// families at a facility. Both ride the visits' (facility_id, in_at) index, so
// a month costs the month's rows whatever the history holds.
//
// Contracts: every query takes the organization id and reads nothing of
// another organization.
#pragma once

#include <string>
#include <vector>

#include "db/database.h"
#include "rules/usage_stats.h"

namespace tadaima::store {

// The facility's visits whose arrival is in [from, to): the children's visits
// (with their group's adults) and the paper forms, whose children's ages are
// read on the visit's day in `time_zone`.
Result<std::vector<VisitFact>> VisitFactsOf(db::Tx& tx, const std::string& organization_id,
                                            const std::string& facility_id, int64_t from, int64_t to,
                                            const std::string& time_zone);
// For each of `family_ids`, its first visit ever at the facility (families that never came are absent).
Result<FirstVisits> FirstVisitsAt(db::Tx& tx, const std::string& organization_id, const std::string& facility_id,
                                  const std::vector<std::string>& family_ids);

}  // namespace tadaima::store
