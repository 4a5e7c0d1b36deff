// Attendance plans: one row per child, facility and day (attend, with the
// expected times and pick-up person, or absent with a reason), with who
// changed them, the staff's acknowledgement and the not-arrived alert marks.
//
// Contracts: every query that a request makes takes the organization id and
// never returns another organization's plans; the not-arrived job's queries
// run across organizations and say so. Updates and deletes of a missing row
// change nothing and are no error.
#pragma once

#include <optional>
#include <vector>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

// A taken (child, facility, date) comes back as kConflict.
Status InsertPlan(db::Tx& tx, const Plan& p, int64_t now);
// Writes every field but the keys (id, organization, facility, child, date) and created_at.
Status UpdatePlan(db::Tx& tx, const Plan& p);
Status DeletePlan(db::Tx& tx, const std::string& organization_id, const std::string& id);
Result<std::optional<Plan>> FindPlan(db::Tx& tx, const std::string& organization_id, const std::string& id);

struct PlanQuery {
  std::string organization_id;
  std::optional<std::string> child_id;       // a child's plans (by date, then facility)
  std::optional<std::string> facility_id;    // REQUIRED without child_id: a facility's (by date, then child)
  std::optional<std::string> staff_user_id;  // with child_id: only the facility_staff's facilities
  CivilDate from, to;                        // inclusive
};
// Plans within [from, to] of a child, or of a facility.
Result<std::vector<Plan>> ListPlans(db::Tx& tx, const PlanQuery& q);

// The plans that wait for staff (連絡（未確認）): not acknowledged, and an
// absence or a late change, of a child still enrolled at the plan's facility.
struct PendingPlanQuery {
  std::string organization_id;
  std::optional<std::string> facility_id;    // one facility of the organization
  std::optional<std::string> staff_user_id;  // only the facilities this facility_staff covers
  CivilDate from, to;                        // inclusive
  // Keyset paging: only the plans after this (date, updated_at, id).
  struct After {
    CivilDate date;
    int64_t updated_at = 0;
    std::string id;
  };
  std::optional<After> after;
  int limit = 50;
};
// A pending plan with what the list shows of its child and facility.
struct PendingPlanRow {
  Plan plan;
  Child child;
  std::string facility_name;
};
// Up to q.limit pending plans, by date, then updated_at, then id.
Result<std::vector<PendingPlanRow>> ListPendingPlans(db::Tx& tx, const PendingPlanQuery& q);
// How many pending plans the whole list holds (q.after and q.limit ignored).
Result<int64_t> CountPendingPlans(db::Tx& tx, const PendingPlanQuery& q);

// The families with a child planned to attend at the facility (nullopt: any
// of the organization's) on a day overlapping [from, to): whom a closure tells.
Result<std::vector<std::string>> FamiliesPlannedBetween(db::Tx& tx, const std::string& organization_id,
                                                       const std::optional<std::string>& facility_id, int64_t from,
                                                       int64_t to);

// An attend plan whose child has not arrived by its arrival time plus the
// facility's grace and was not raised yet, with what the not-arrived job
// needs to announce it.
struct AlertCandidate {
  Plan plan;
  std::string time_zone;
  std::string facility_name;
  int grace_minutes = 15;
  bool notify = false;
  std::string child_name;
  std::string family_id;
};
// Every organization's plans that fell due within (oldest, now], not raised
// nor settled, and whose child, still enrolled at the facility, has no visit
// there that began on the plan's day — on a day the facility is open (no closure).
Result<std::vector<AlertCandidate>> ListDueAlerts(db::Tx& tx, int64_t now, int64_t oldest);
// Marks settled (settled_at = now) the timed attend plans whose arrival time
// lies within the window and whose child has a visit that began that day:
// nothing to raise, so the job's scans skip them from now on. Returns how many.
Result<int64_t> SettleArrivedPlans(db::Tx& tx, int64_t now, int64_t oldest);
// Sets alerted_at = now when the plan is still an attend plan of the same
// expected_at and was not raised yet; false when another process (or a
// change) came first. The condition makes the alert happen once across
// server processes.
Result<bool> MarkPlanAlerted(db::Tx& tx, const Plan& p, int64_t now);

}  // namespace tadaima::store
