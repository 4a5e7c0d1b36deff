// Bulk data for benchmarks: a year of visit history generated inside the
// database (one statement), far faster than row-by-row inserts.
#pragma once

#include "db/database.h"

namespace tadaima::store {

// For every child enrollment of the organization, one closed visit per day
// on each of the `days` days before `now` (15:00 to 18:00 of each day).
// Returns the number of visits written.
Result<int64_t> InsertVisitHistory(db::Tx& tx, const std::string& organization_id, int days, int64_t now);

}  // namespace tadaima::store
