#include "rules/plans.h"

namespace tadaima {

int64_t PlanDeadline(const CivilDate& day, int deadline_days, int deadline_minutes, const std::string& time_zone) {
  // Local minutes may run below zero: InstantAt counts them from the day's midnight.
  return InstantAt(day, deadline_minutes - deadline_days * 24 * 60, time_zone);
}

bool IsLateChange(const CivilDate& day, const Facility& facility, int64_t now, const std::string& time_zone) {
  return now > PlanDeadline(day, facility.plan_deadline_days, facility.plan_deadline_time, time_zone);
}

bool WaitsForStaff(const Plan& plan) {
  return !plan.acknowledged_at && (plan.status == PlanStatus::kAbsent || plan.late);
}

std::optional<int64_t> NotArrivedFrom(const Plan& plan, int grace_minutes, const std::string& time_zone) {
  if (plan.status != PlanStatus::kAttend || !plan.arrive_at) return std::nullopt;
  return InstantAt(plan.date, *plan.arrive_at + grace_minutes, time_zone);
}

const char* DayStatusName(DayStatus status) {
  switch (status) {
    case DayStatus::kExpected: return "expected";
    case DayStatus::kPresent: return "present";
    case DayStatus::kLeft: return "left";
    case DayStatus::kAbsent: return "absent";
    case DayStatus::kNotArrived: return "not_arrived";
    case DayStatus::kUnplanned: return "unplanned";
  }
  return "unplanned";
}

DayStatus StatusOn(const CivilDate& day, const std::optional<Plan>& plan, const std::optional<Visit>& visit,
                   int grace_minutes, int64_t now, const std::string& time_zone) {
  if (visit) return visit->out_at ? DayStatus::kLeft : DayStatus::kPresent;
  if (!plan) return DayStatus::kUnplanned;
  if (plan->status == PlanStatus::kAbsent) return DayStatus::kAbsent;
  const CivilDate today = DateAt(now, time_zone);
  if (day < today) return DayStatus::kNotArrived;
  if (day > today) return DayStatus::kExpected;
  auto from = NotArrivedFrom(*plan, grace_minutes, time_zone);
  return from && now >= *from ? DayStatus::kNotArrived : DayStatus::kExpected;
}

}  // namespace tadaima
