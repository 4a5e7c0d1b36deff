// An organization's choice of the monthly report's columns (migration 0015).
//
// Contracts: keyed by organization; no row reads as nullopt (the defaults).
#pragma once

#include <optional>

#include "db/database.h"
#include "rules/report_columns.h"

namespace tadaima::store {

Result<std::optional<ReportColumns>> FindReportColumns(db::Tx& tx, const std::string& organization_id);
Status PutReportColumns(db::Tx& tx, const std::string& organization_id, const ReportColumns& columns, int64_t now);

}  // namespace tadaima::store
