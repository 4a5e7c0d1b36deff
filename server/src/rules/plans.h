// Rules of attendance plans: when a change is late, when an expected child
// counts as not arrived, and a child's status on a day's roster. Pure
// functions of their arguments (the caller passes the clock and the zone).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/model.h"

namespace tadaima {

// The instant of a facility's plan deadline for `day`: `deadline_days` days
// before it at `deadline_minutes` past midnight in `time_zone`.
// REQUIRES: IsKnownTimeZone(time_zone).
int64_t PlanDeadline(const CivilDate& day, int deadline_days, int deadline_minutes, const std::string& time_zone);

// Whether a change made at `now` to the plan of `day` is late: strictly after
// the deadline (a change at the deadline instant itself is on time).
bool IsLateChange(const CivilDate& day, const Facility& facility, int64_t now, const std::string& time_zone);

// Whether a plan waits for staff to look at it (連絡（未確認）): not
// acknowledged, and an absence or a late change. Staff's own changes are
// acknowledged as they are made, so only guardians' changes wait. The pending
// list's query (store::ListPendingPlans) is this rule in SQL.
bool WaitsForStaff(const Plan& plan);

// The instant from which an `attend` plan with an arrive_at counts as not
// arrived: arrive_at plus the facility's grace on the plan's day. nullopt for
// absences and plans without an arrival time.
std::optional<int64_t> NotArrivedFrom(const Plan& plan, int grace_minutes, const std::string& time_zone);

// The roster statuses, in the API's words.
enum class DayStatus { kExpected, kPresent, kLeft, kAbsent, kNotArrived, kUnplanned };
const char* DayStatusName(DayStatus status);

// A child's status on `day` at one facility, given its plan for that day and
// its latest visit that began that day:
//   a visit                 -> present (open) or left (closed), whatever the plan;
//   an absent plan          -> absent;
//   an attend plan          -> not_arrived when `day` is before today, or is
//                              today and now >= NotArrivedFrom; else expected;
//   no plan                 -> unplanned.
// "Today" is the date of `now` in `time_zone`.
DayStatus StatusOn(const CivilDate& day, const std::optional<Plan>& plan, const std::optional<Visit>& visit,
                   int grace_minutes, int64_t now, const std::string& time_zone);

}  // namespace tadaima
