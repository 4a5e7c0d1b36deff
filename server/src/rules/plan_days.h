// Plan days as guardians and staff enter them: checking the days of one
// request, and what a change does to a stored plan (the late flag, the
// acknowledgement, re-arming the not-arrived alert). Pure functions: the
// caller passes today, the clock and the zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "model/model.h"

namespace tadaima {

constexpr size_t kMaxPlanDays = 100;   // days in one request
constexpr int kPlanHorizonDays = 366;  // plans lie within a year of today

// One day of a request, as received.
struct PlanDayInput {
  std::string date;
  std::string status;  // attend | absent | none (delete the day's plan)
  std::optional<std::string> arrive_at, leave_at, pickup_by, reason;
};

// One day of a request, checked. status nullopt: delete the day's plan.
struct PlanDay {
  CivilDate date;
  std::optional<PlanStatus> status;
  std::optional<int> arrive_at, leave_at;  // minutes past midnight
  std::optional<std::string> pickup_by, reason;  // trimmed; blank ones absent
};

// Checks every day, naming each bad field as days[i].field (invalid_argument
// with every problem at once):
//   1 to kMaxPlanDays days; a real date, once, within kPlanHorizonDays of
//   `today` and, for a guardian, not before it; status attend, absent or none;
//   times HH:MM and only when attending, leave_at after arrive_at; pickup_by
//   a name of at most 50 characters, only when attending; reason at most 200
//   characters, not with none.
Result<std::vector<PlanDay>> CheckPlanDays(const std::vector<PlanDayInput>& days, bool guardian,
                                           const CivilDate& today);

// Whether the stored plan already says what the day says (a repeat changes nothing).
bool SameValues(const Plan& plan, const PlanDay& day);

// The plan after `actor` sets `day` at `now`: from `before` (nullopt: a new
// plan, whose id, organization, facility, child and date the caller sets).
//   - late: the change is after the facility's deadline for the day;
//   - staff know of their own changes: acknowledged by them; a guardian's
//     change waits for staff (the acknowledgement is cleared);
//   - a new plan, or a new status or arrival time, re-arms the not-arrived
//     alert (alerted_at and settled_at cleared); other changes keep it.
// REQUIRES: day.status (a deletion is no change of values), IsKnownTimeZone(time_zone).
Plan ApplyPlanDay(std::optional<Plan> before, const PlanDay& day, const Actor& actor, const Facility& facility,
                  int64_t now, const std::string& time_zone);

}  // namespace tadaima
