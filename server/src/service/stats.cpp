// Statistics and the monthly usage report, read in one transaction each.
#include "service/stats.h"

#include <map>
#include <set>

#include "base/field_errors.h"
#include "base/ids.h"
#include "base/reasons.h"
#include "rules/permissions.h"
#include "service/filters.h"
#include "store/application_store.h"
#include "store/audit_store.h"
#include "store/consultation_store.h"
#include "store/event_store.h"
#include "store/organization_store.h"
#include "store/plan_store.h"
#include "store/report_settings_store.h"
#include "store/stats_store.h"

namespace tadaima::service {
namespace {

struct Range {
  CivilDate from, to;  // inclusive
};

Result<Range> RangeParams(const StatsFilter& f) {
  FieldErrors errs;
  if (!f.from) errs.Add("from", reason::kRequired);
  if (!f.to) errs.Add("to", reason::kRequired);
  TRY_STATUS(errs.ToStatus());
  Range r;
  r.from = TRY(DateParam("from", f.from, {}));
  r.to = TRY(DateParam("to", f.to, {}));
  if (r.to < r.from) return Fail(Error::InvalidField("to", reason::kBeforeFrom));
  if (AddDays(r.from, Stats::kMaxDays) < r.to) return Fail(Error::InvalidField("to", reason::RangeTooLong(Stats::kMaxDays)));
  return r;
}

// The facility asked for, or every facility the staff member covers.
Result<std::vector<Facility>> FacilitiesInScope(db::Tx& tx, const Actor& actor, const std::optional<std::string>& id) {
  if (id) {
    TRY_STATUS(CheckFacilityFilter(tx, actor, *id));
    return std::vector<Facility>{*TRY(store::FindFacility(tx, actor.organization_id, *id))};
  }
  return store::ListFacilities(tx, actor.organization_id, IsOrgAdmin(actor) ? std::nullopt : std::optional(actor.user_id));
}

// The facility's visits of [from, to) and the first visits of the families among them.
Status ReadVisits(db::Tx& tx, const Actor& actor, const Facility& f, int64_t from, int64_t to,
                  std::vector<VisitFact>& facts, FirstVisits& first) {
  auto visits = TRY(store::VisitFactsOf(tx, actor.organization_id, f.id, from, to, actor.time_zone));
  std::set<std::string> families;  // known families (not the anonymous paper forms)
  for (const auto& v : visits)
    if (!v.child_id.empty()) families.insert(v.family_key);
  for (auto& [key, at] : TRY(store::FirstVisitsAt(tx, actor.organization_id, f.id, {families.begin(), families.end()})))
    first[key] = at;
  facts.insert(facts.end(), std::make_move_iterator(visits.begin()), std::make_move_iterator(visits.end()));
  return {};
}

// The children confirmed for the facility's own courses starting in [from, to).
Result<std::vector<std::pair<int64_t, int64_t>>> CourseChildren(db::Tx& tx, const Actor& actor, const Facility& f,
                                                                int64_t from, int64_t to) {
  store::EventQuery q;
  q.organization_id = actor.organization_id;
  q.facility_ids = std::vector<std::string>{f.id};
  q.kind = "course";
  q.from = from;
  q.to = to;
  std::vector<std::pair<int64_t, int64_t>> out;
  for (const auto& e : TRY(store::ListEvents(tx, q))) {
    if (e.cancelled() || e.facility_id != f.id || e.starts_at < from || e.starts_at >= to) continue;
    int64_t seated = 0;
    for (const auto& a : TRY(store::ListApplications(tx, actor.organization_id, e.id)))
      if (a.status == "confirmed") seated += static_cast<int64_t>(a.children.size());
    out.emplace_back(e.starts_at, seated);
  }
  return out;
}

}  // namespace

Result<VisitStatsResult> Stats::VisitStats(const Actor& actor, const StatsFilter& filter) {
  TRY_STATUS(RequireStaff(actor));
  const Range range = TRY(RangeParams(filter));
  if (!filter.group_by) return Fail(Error::InvalidField("group_by", reason::kRequired));
  const auto group = ParseStatsGroup(*filter.group_by);
  if (!group) return Fail(Error::InvalidField("group_by", reason::NotAChoice({"day", "month", "age_band", "hour", "grade", "day_hour"})));
  const std::string& tz = actor.time_zone;
  const int64_t from = InstantAt(range.from, 0, tz), to = InstantAt(NextDay(range.to), 0, tz);
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<VisitStatsResult> {
    std::vector<VisitFact> facts;
    FirstVisits first;
    for (const auto& f : TRY(FacilitiesInScope(tx, actor, filter.facility_id)))
      TRY_STATUS(ReadVisits(tx, actor, f, from, to, facts, first));
    return VisitStatsResult{range.from, range.to, filter.facility_id, *filter.group_by,
                            GroupVisits(facts, *group, range.from, range.to, tz, first), TotalOf(facts)};
  });
}

Result<PlanStatsResult> Stats::PlanStats(const Actor& actor, const StatsFilter& filter) {
  TRY_STATUS(RequireStaff(actor));
  const Range range = TRY(RangeParams(filter));
  const std::string& tz = actor.time_zone;
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<PlanStatsResult> {
    std::map<CivilDate, PlanDay> days;
    for (CivilDate d = range.from; !(range.to < d); d = NextDay(d)) days[d].date = d;
    for (const auto& f : TRY(FacilitiesInScope(tx, actor, filter.facility_id))) {
      // Who came each day (child ids), then the plans of those days.
      std::map<CivilDate, std::set<std::string>> came;
      for (const auto& v : TRY(store::VisitFactsOf(tx, actor.organization_id, f.id, InstantAt(range.from, 0, tz),
                                                   InstantAt(NextDay(range.to), 0, tz), tz)))
        if (!v.child_id.empty()) came[DateAt(v.in_at, tz)].insert(v.child_id);
      std::map<CivilDate, std::set<std::string>> planned;
      store::PlanQuery q;
      q.organization_id = actor.organization_id;
      q.facility_id = f.id;
      q.from = range.from;
      q.to = range.to;
      for (const auto& p : TRY(store::ListPlans(tx, q))) {
        PlanDay& day = days[p.date];
        if (p.status == PlanStatus::kAbsent) {
          day.absent += 1;
          continue;
        }
        day.planned += 1;
        planned[p.date].insert(p.child_id);
        if (came[p.date].count(p.child_id)) day.arrived += 1;
        if (p.alerted_at) day.not_arrived_alerts += 1;
      }
      for (const auto& [date, children] : came)
        for (const auto& id : children)
          if (!planned[date].count(id)) days[date].unplanned_arrivals += 1;
    }
    PlanStatsResult out{range.from, range.to, filter.facility_id, {}};
    for (auto& [date, day] : days) out.items.push_back(day);
    return out;
  });
}

Result<MonthlyReportData> Stats::MonthlyReport(const Actor& actor, const std::optional<std::string>& facility_id,
                                               const std::optional<std::string>& month) {
  TRY_STATUS(RequireStaff(actor));
  if (!facility_id) TRY_STATUS(RequireOrgAdmin(actor));
  if (!month) return Fail(Error::InvalidField("month", reason::kRequired));
  auto first = month->size() == 7 ? CivilDate::Parse(*month + "-01") : std::nullopt;
  if (!first) return Fail(Error::InvalidField("month", reason::kNotMonth));
  const std::string& tz = actor.time_zone;
  const CivilDate next = first->month == 12 ? CivilDate{first->year + 1, 1, 1} : CivilDate{first->year, first->month + 1, 1};
  const int64_t from = InstantAt(*first, 0, tz), to = InstantAt(next, 0, tz);
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<MonthlyReportData> {
    MonthlyReportData out;
    out.year = first->year;
    out.month = first->month;
    out.columns = TRY(store::FindReportColumns(tx, actor.organization_id)).value_or(DefaultReportColumns());
    for (const auto& f : TRY(FacilitiesInScope(tx, actor, facility_id))) {
      ReportInputs in;
      TRY_STATUS(ReadVisits(tx, actor, f, from, to, in.visits, in.first));
      for (const auto& c : TRY(store::ClosuresBetween(tx, actor.organization_id, f.id, from, to)))
        in.closures.emplace_back(c.starts_at, c.ends_at);
      in.course_children = TRY(CourseChildren(tx, actor, f, from, to));
      in.consultations = TRY(store::ConsultationTimesAt(tx, actor.organization_id, f.id, from, to));
      out.facilities.push_back(BuildFacilityReport(f, first->year, first->month, in, tz));
      out.total.Add(out.facilities.back().totals);
      out.open_days += out.facilities.back().open_days;
    }
    return out;
  });
}

Result<ReportColumns> Stats::GetReportColumns(const Actor& actor) {
  TRY_STATUS(RequireStaff(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<ReportColumns> {
    return TRY(store::FindReportColumns(tx, actor.organization_id)).value_or(DefaultReportColumns());
  });
}

Result<ReportColumns> Stats::SetReportColumns(const Actor& actor, const std::optional<std::vector<std::string>>& drop_in,
                                              const std::optional<std::vector<std::string>>& after_school) {
  TRY_STATUS(RequireOrgAdmin(actor));
  FieldErrors errs;
  if (drop_in) CheckReportColumns(*drop_in, false, "drop_in", errs);
  if (after_school) CheckReportColumns(*after_school, true, "after_school", errs);
  TRY_STATUS(errs.ToStatus());
  const ReportColumns columns{drop_in.value_or(DefaultReportColumns().drop_in),
                              after_school.value_or(DefaultReportColumns().after_school)};
  const int64_t now = clock_.NowMs();
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    TRY_STATUS(store::PutReportColumns(tx, actor.organization_id, columns, now));
    return store::InsertAudit(tx,
                              {actor.organization_id, actor.user_id, "report.columns", "organization",
                               actor.organization_id},
                              NewId(now), now);
  }));
  return columns;
}

}  // namespace tadaima::service
