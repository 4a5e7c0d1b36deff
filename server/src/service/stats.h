// Statistics and the monthly usage report (利用者実績表), counted from the
// visits as rules/usage_stats.h says: by day, month, age band, hour or grade
// for a facility or every facility the staff member covers; planned against
// arrived per day; and the report of a month per facility (org_admin: every
// facility, with the total). A month reads the month's visits through their
// (facility, in_at) index, never the whole history. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/usage_stats.h"
#include "service/context.h"

namespace tadaima::service {

struct StatsFilter {
  std::optional<std::string> facility_id, from, to, group_by;
};
struct VisitStatsResult {
  CivilDate from, to;
  std::optional<std::string> facility_id;
  std::string group_by;
  std::vector<StatsRow> items;
  StatsTotal total;
};

struct PlanDay {
  CivilDate date;
  int64_t planned = 0, arrived = 0, absent = 0, not_arrived_alerts = 0, unplanned_arrivals = 0;
};
struct PlanStatsResult {
  CivilDate from, to;
  std::optional<std::string> facility_id;
  std::vector<PlanDay> items;
};

class Stats : AreaService {
 public:
  explicit Stats(Context& ctx) : AreaService(ctx) {}

  static constexpr int kMaxDays = 366;
  Result<VisitStatsResult> VisitStats(const Actor& actor, const StatsFilter& filter);
  Result<PlanStatsResult> PlanStats(const Actor& actor, const StatsFilter& filter);
  // `month` is YYYY-MM; without a facility only an org_admin asks (every facility).
  Result<MonthlyReportData> MonthlyReport(const Actor& actor, const std::optional<std::string>& facility_id,
                                          const std::optional<std::string>& month);
  // The columns the organization's report files show (staff read them; the org_admin
  // sets them, audited; nullopt lists go back to the defaults).
  Result<ReportColumns> GetReportColumns(const Actor& actor);
  Result<ReportColumns> SetReportColumns(const Actor& actor, const std::optional<std::vector<std::string>>& drop_in,
                                         const std::optional<std::vector<std::string>>& after_school);
};

}  // namespace tadaima::service
