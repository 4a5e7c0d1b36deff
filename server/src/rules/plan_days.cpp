#include "rules/plan_days.h"

#include <set>

#include "base/field_errors.h"
#include "base/reasons.h"
#include "base/time.h"
#include "rules/permissions.h"
#include "rules/plans.h"
#include "rules/validation.h"

namespace tadaima {

Result<std::vector<PlanDay>> CheckPlanDays(const std::vector<PlanDayInput>& days, bool guardian,
                                           const CivilDate& today) {
  FieldErrors errs;
  if (days.empty() || days.size() > kMaxPlanDays) errs.Add("days", reason::kDayCount);
  std::vector<PlanDay> out;
  std::set<CivilDate> seen;
  const CivilDate earliest = AddDays(today, -kPlanHorizonDays), latest = AddDays(today, kPlanHorizonDays);
  for (size_t i = 0; i < days.size() && i < kMaxPlanDays; ++i) {
    const PlanDayInput& d = days[i];
    const std::string p = "days[" + std::to_string(i) + "].";
    PlanDay c;
    if (auto date = CivilDate::Parse(d.date); !date) errs.Add(p + "date", reason::kNotRealDate);
    else if (guardian && *date < today) errs.Add(p + "date", reason::kPastDate);
    else if (*date < earliest || *date > latest) errs.Add(p + "date", reason::kBeyondAYear);
    else if (!seen.insert(*date).second) errs.Add(p + "date", reason::kDuplicateDate);
    else c.date = *date;

    const bool none = d.status == "none";
    if (!none) {
      c.status = ParsePlanStatus(d.status);
      if (!c.status) errs.Add(p + "status", reason::NotAChoice({"attend", "absent", "none"}));
    }
    const bool attend = c.status == PlanStatus::kAttend;
    auto time = [&](const char* field, const std::optional<std::string>& text, std::optional<int>& into) {
      if (!text) return;
      into = ParseClockTime(*text);
      if (!into) errs.Add(p + field, reason::kNotTime);
      else if (!attend) errs.Add(p + field, reason::kAttendOnly);
    };
    time("arrive_at", d.arrive_at, c.arrive_at);
    time("leave_at", d.leave_at, c.leave_at);
    if (attend && c.arrive_at && c.leave_at && *c.arrive_at >= *c.leave_at)
      errs.Add(p + "leave_at", reason::kAfterArriveAt);
    if ((c.pickup_by = NonBlank(d.pickup_by))) {
      if (!attend) errs.Add(p + "pickup_by", reason::kAttendOnly);
      else errs.Check(p + "pickup_by", CheckName(*c.pickup_by, 50));
    }
    if ((c.reason = NonBlank(d.reason))) {
      if (none) errs.Add(p + "reason", reason::kNotWithNone);
      else errs.Check(p + "reason", CheckText(*c.reason, 200));
    }
    out.push_back(std::move(c));
  }
  TRY_STATUS(errs.ToStatus());
  return out;
}

bool SameValues(const Plan& p, const PlanDay& d) {
  return p.status == *d.status && p.arrive_at == d.arrive_at && p.leave_at == d.leave_at &&
         p.pickup_by == d.pickup_by && p.reason == d.reason;
}

Plan ApplyPlanDay(std::optional<Plan> before, const PlanDay& d, const Actor& actor, const Facility& facility,
                  int64_t now, const std::string& tz) {
  const bool had = before.has_value();
  Plan p = had ? std::move(*before) : Plan{};
  // An alert is for one expected arrival: a new time (or status) arms it again.
  const bool rearm = !had || p.status != *d.status || p.arrive_at != d.arrive_at;
  p.status = *d.status;
  p.arrive_at = d.arrive_at;
  p.leave_at = d.leave_at;
  p.pickup_by = d.pickup_by;
  p.reason = d.reason;
  p.day_starts_at = InstantAt(d.date, 0, tz);
  p.day_ends_at = InstantAt(NextDay(d.date), 0, tz);
  p.expected_at = d.arrive_at ? std::optional(InstantAt(d.date, *d.arrive_at, tz)) : std::nullopt;
  p.late = IsLateChange(d.date, facility, now, tz);
  p.updated_at = now;
  p.updated_by_id = actor.user_id;
  p.updated_by_role = actor.role;
  p.updated_by_name = actor.name;
  // Staff entering a plan (a phone call at the window) know of it already; a guardian's change waits for staff.
  if (IsStaff(actor)) {
    p.acknowledged_at = now;
    p.acknowledged_by_id = actor.user_id;
    p.acknowledged_by_name = actor.name;
  } else {
    p.acknowledged_at.reset();
    p.acknowledged_by_id.reset();
    p.acknowledged_by_name.reset();
  }
  if (rearm) {
    p.alerted_at.reset();
    p.settled_at.reset();
  }
  return p;
}

}  // namespace tadaima
