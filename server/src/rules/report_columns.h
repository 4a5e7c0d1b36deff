// The columns of the monthly usage report (利用者実績表). No national form fixes
// them, so each organization chooses which figures its report shows and in
// which order, from the catalogue here; the defaults are the usual ones. The
// JSON report always carries every figure. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/field_errors.h"

namespace tadaima {

struct ReportCounts;

struct ReportColumns {
  std::vector<std::string> drop_in;       // drop-in rooms, nurseries and the organization's total
  std::vector<std::string> after_school;  // after-school clubs
  bool operator==(const ReportColumns&) const = default;
};

struct ReportColumn {
  std::string key, label;  // "band_0", "0歳"
};
// Every column a table of the kind may show, in the default order.
const std::vector<ReportColumn>& DropInColumnChoices();
const std::vector<ReportColumn>& AfterSchoolColumnChoices();
const ReportColumns& DefaultReportColumns();

// The header label of `key` in a table of the kind (the key itself when unknown).
std::string ReportColumnLabel(const std::string& key, bool after_school);
// The figure of `key` in `c`.
int64_t ReportColumnValue(const ReportCounts& c, const std::string& key);

// Records under `field` ("drop_in[2]") a key the kind does not have, a key given
// twice, or an empty list.
void CheckReportColumns(const std::vector<std::string>& keys, bool after_school, const std::string& field,
                        FieldErrors& errs);

}  // namespace tadaima
