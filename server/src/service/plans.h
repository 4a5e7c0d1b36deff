// Attendance plans and absence reports (出欠予定), the staff's list of plans
// that wait for them (連絡), a guardian's children with today's status, and
// the not-arrived job. The rules (deadlines, late changes, acknowledgement,
// re-arming) are rules/plans.h; this service loads, decides with them,
// writes, and tells. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/plan_days.h"
#include "service/context.h"

namespace tadaima::service {

struct PlansInput {
  std::optional<std::string> facility_id;  // may be left out when the child has one facility
  std::vector<PlanDayInput> days;
};
struct PlanRange {
  std::optional<std::string> from, to, facility_id;
};

// GET /plans: the plans that wait for staff (absences and late changes not
// acknowledged yet). Text fields as received; the service checks them.
struct PendingPlanFilter {
  std::optional<std::string> facility_id, from, to, pending, cursor;
  int limit = 50;
};
struct PendingPlan {
  Plan plan;
  Child child;
  std::string facility_name;
};
struct PendingPlanPage {
  CivilDate from, to;  // the days the list covers
  std::vector<PendingPlan> items;
  std::optional<std::string> next_cursor;
  int64_t total = 0;  // the lines of the whole list, every page
};

// A guardian's child as the parents' app shows it: where it is enrolled and
// how its day goes (the status of the roster, from its visit or plan).
struct MyChild {
  Child child;
  std::vector<Facility> facilities;
  CivilDate date;  // the organization's today
  std::string status;
  std::optional<std::string> facility_id;  // of the visit, else of the plan
  std::optional<Visit> visit;
  std::optional<Plan> plan;
};

class Plans : AreaService {
 public:
  explicit Plans(Context& ctx) : AreaService(ctx) {}

  // Writes the days in one transaction (any bad day: nothing is written) and
  // returns the plans of those days as stored, by date. Days whose values do
  // not change keep their late flag and acknowledgement; a change resets the
  // acknowledgement. Guardians of the child's family and staff covering the
  // facility; another family's child answers not_found.
  Result<std::vector<Plan>> SetPlans(const Actor& actor, const std::string& child_id, const PlansInput& in);
  // The child's plans within [from, to] (default today and 30 days on), by date.
  Result<std::vector<Plan>> ListPlans(const Actor& actor, const std::string& child_id, const PlanRange& range);
  // Staff covering the plan's facility mark it seen (確認済); again: no change.
  Result<Plan> AcknowledgePlan(const Actor& actor, const std::string& id);
  // Staff: the plans of their facilities within [from, to] that wait for them
  // (rules/plans.h, WaitsForStaff), by date, then updated_at. Defaults: from
  // the organization's today, to 62 days after from (also the longest range).
  // A facility_id outside the actor's facilities answers not_found.
  Result<PendingPlanPage> ListPendingPlans(const Actor& actor, const PendingPlanFilter& filter);
  // A guardian's children with their facilities and today's status.
  Result<std::vector<MyChild>> MyChildren(const Actor& actor);
  // Raises each expected child who has not arrived by arrive_at + grace (the
  // not-arrived job): sets alerted_at once across processes, writes the
  // audit entry and, when the facility notifies, the guardians' notices.
  // Returns how many it raised.
  Result<int> RaiseNotArrived();
};

}  // namespace tadaima::service
