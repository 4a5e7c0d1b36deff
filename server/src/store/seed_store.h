// Bulk data for benchmarks: a year of visit history generated inside the
// database (one statement), far faster than row-by-row inserts. Only the
// tadaima-bench tool calls it; the server never does.
//
// Contracts: the history's visit ids are derived from the child and the day
// ("<child>-h<n>"), so seeding the same days twice is a kConflict and writes
// nothing.
#pragma once

#include "db/database.h"

namespace tadaima::store {

// For every child enrollment of the organization, one closed visit on each
// of the `days` days before `now`: it begins n days before `now` (n = 1 to
// days) and lasts three hours.
// Returns the number of visits written. REQUIRES: days >= 1.
Result<int64_t> InsertVisitHistory(db::Tx& tx, const std::string& organization_id, int days, int64_t now);

}  // namespace tadaima::store
