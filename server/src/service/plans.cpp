// Attendance plans and absence reports, the guardian's view of the children,
// and the not-arrived job.
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

#include "base/field_errors.h"
#include "base/ids.h"
#include "notify/outbox.h"
#include "rules/calendar.h"
#include "rules/permissions.h"
#include "rules/plan_days.h"
#include "rules/plans.h"
#include "rules/validation.h"
#include "service/plans.h"
#include "service/filters.h"
#include "store/audit_store.h"
#include "store/family_store.h"
#include "store/organization_store.h"
#include "store/event_store.h"
#include "store/plan_store.h"
#include "store/visit_store.h"
#include "base/reasons.h"

namespace tadaima::service {
namespace {

constexpr int kDefaultListDays = 30;      // GET without `to`: a month on
constexpr int64_t kAlertLookbackMs = 12LL * 3600 * 1000;  // older misses are not raised any more

// Facilities where the child is actively enrolled, itself or through its family.
std::vector<std::string> ChildFacilityIds(const Family& f, const std::string& child_id) {
  std::vector<std::string> out;
  for (const auto& e : f.enrollments)
    if (e.status == EnrollmentStatus::kActive && (!e.child_id || *e.child_id == child_id) &&
        std::find(out.begin(), out.end(), e.facility_id) == out.end())
      out.push_back(e.facility_id);
  return out;
}

std::vector<std::string> FamilyFacilityIds(const Family& f) {
  std::vector<std::string> out;
  for (const auto& e : f.enrollments) out.push_back(e.facility_id);
  return out;
}

struct ChildAndFamily {
  Child child;
  Family family;
};

// The child and its family when `actor` may read them (its guardians, staff
// of one of the family's facilities); not_found otherwise.
Result<ChildAndFamily> ReadableChild(db::Tx& tx, const Actor& actor, const std::string& child_id) {
  auto c = TRY(store::FindChild(tx, actor.organization_id, child_id));
  if (!c) return Fail(Error::NotFound("child not found"));
  auto f = TRY(store::FindFamily(tx, actor.organization_id, c->family_id));
  if (!f || !CanReadFamily(actor, f->id, FamilyFacilityIds(*f))) return Fail(Error::NotFound("child not found"));
  return ChildAndFamily{std::move(*c), std::move(*f)};
}

// The facility a plan request is for: the named one, or the child's only one.
Result<Facility> PlanFacility(db::Tx& tx, const Actor& actor, const ChildAndFamily& cf,
                              const std::optional<std::string>& facility_id) {
  const auto enrolled = ChildFacilityIds(cf.family, cf.child.id);
  std::string id;
  if (facility_id) {
    id = *facility_id;
  } else if (enrolled.size() == 1) {
    id = enrolled[0];
  } else if (enrolled.empty()) {
    return Fail(Error::InvalidField("facility_id", reason::kNotEnrolledAnywhere));
  } else {
    return Fail(Error::InvalidField("facility_id", reason::kFacilityAmbiguous));
  }
  auto f = TRY(store::FindFacility(tx, actor.organization_id, id));
  if (!f || (IsStaff(actor) && !StaffCoversFacility(actor, id)))
    return Fail(Error::NotFoundField("facility_id", reason::kNoSuchFacility));
  if (std::find(enrolled.begin(), enrolled.end(), id) == enrolled.end())
    return Fail(Error::InvalidField("facility_id", reason::kNotEnrolled.WithText("the child is not enrolled at this facility")));
  return *f;
}

// "YYYY-MM-DD.<updated_at ms>.<id>": the last line of a page of the pending list.
nlohmann::json AuditPlan(const Plan& p) {
  auto time = [](const std::optional<int>& t) { return t ? nlohmann::json(FormatClockTime(*t)) : nlohmann::json(); };
  return {{"date", p.date.ToString()}, {"status", PlanStatusName(p.status)}, {"arrive_at", time(p.arrive_at)},
          {"leave_at", time(p.leave_at)}, {"late", p.late}};
}

// A closure (service/calendar.h) refuses every plan of its days: conflict
// facility_closed naming the day ("days[i].date").
Status RefuseClosedDays(db::Tx& tx, const Facility& facility, const std::vector<PlanDay>& days,
                        const std::string& tz) {
  auto [lo, hi] = std::minmax_element(days.begin(), days.end(),
                                      [](const PlanDay& a, const PlanDay& b) { return a.date < b.date; });
  const auto closures = TRY(store::ClosuresBetween(tx, facility.organization_id, facility.id,
                                                   InstantAt(lo->date, 0, tz), InstantAt(NextDay(hi->date), 0, tz)));
  if (closures.empty()) return {};
  std::map<std::string, Problem> fields;
  for (size_t i = 0; i < days.size(); ++i) {
    if (!days[i].status) continue;
    const int64_t from = InstantAt(days[i].date, 0, tz), to = InstantAt(NextDay(days[i].date), 0, tz);
    for (const auto& c : closures)
      if (Overlaps(c, from, to))
        fields.emplace("days[" + std::to_string(i) + "].date",
                       reason::kFacilityClosed.WithText("the facility is closed that day (" + c.title + ")"));
  }
  if (fields.empty()) return {};
  return Fail(Error::Conflict(reason::kFacilityClosed, std::move(fields)));
}

}  // namespace



Result<std::vector<Plan>> Plans::SetPlans(const Actor& actor, const std::string& child_id, const PlansInput& in) {
  const bool guardian = IsGuardian(actor);
  TRY_STATUS(RequireGuardianOrStaff(actor));
  const int64_t now = clock_.NowMs();
  const std::string& tz = actor.time_zone;
  const auto days = TRY(CheckPlanDays(in.days, guardian, DateAt(now, tz)));
  struct Change {
    std::string facility_id, family_id;
    CivilDate date;
  };
  std::vector<Change> changes;
  auto stored = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<std::vector<Plan>> {
    changes.clear();
    // One writer per child at a time (PostgreSQL), so two requests for the
    // same day cannot both insert it.
    TRY_STATUS(store::LockChild(tx, child_id));
    const auto cf = TRY(ReadableChild(tx, actor, child_id));
    const Facility facility = TRY(PlanFacility(tx, actor, cf, in.facility_id));
    auto [lo, hi] = std::minmax_element(days.begin(), days.end(),
                                        [](const PlanDay& a, const PlanDay& b) { return a.date < b.date; });
    store::PlanQuery q;
    q.organization_id = actor.organization_id;
    q.child_id = child_id;
    q.facility_id = facility.id;
    q.from = lo->date;
    q.to = hi->date;
    TRY_STATUS(store::LockClosures(tx, actor.organization_id, false));
    TRY_STATUS(RefuseClosedDays(tx, facility, days, tz));
    std::map<CivilDate, Plan> existing;
    auto current = TRY(store::ListPlans(tx, q));
    for (auto& p : current) existing.emplace(p.date, std::move(p));

    std::vector<Plan> out;
    for (const PlanDay& d : days) {
      auto it = existing.find(d.date);
      const bool had = it != existing.end();
      if (!d.status) {  // none: delete
        if (!had) continue;
        TRY_STATUS(store::DeletePlan(tx, actor.organization_id, it->second.id));
        TRY_STATUS(store::InsertAudit(tx, {actor.organization_id, actor.user_id, "plan.delete", "plan", it->second.id,
                                           AuditPlan(it->second).dump()},
                                      NewId(now), now));
        changes.push_back({facility.id, cf.family.id, d.date});
        continue;
      }
      if (had && SameValues(it->second, d)) {
        out.push_back(it->second);
        continue;
      }
      Plan p = ApplyPlanDay(had ? std::optional(it->second) : std::nullopt, d, actor, facility, now, tz);
      if (!had) {
        p.id = NewId(now);
        p.organization_id = actor.organization_id;
        p.facility_id = facility.id;
        p.child_id = child_id;
        p.date = d.date;
      }
      if (had) TRY_STATUS(store::UpdatePlan(tx, p));
      else TRY_STATUS(store::InsertPlan(tx, p, now));
      nlohmann::json detail = {{"after", AuditPlan(p)}};
      if (had) detail["before"] = AuditPlan(it->second);
      TRY_STATUS(store::InsertAudit(tx, {actor.organization_id, actor.user_id, had ? "plan.update" : "plan.create",
                                         "plan", p.id, detail.dump()},
                                    NewId(now), now));
      changes.push_back({facility.id, cf.family.id, d.date});
      out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const Plan& a, const Plan& b) { return a.date < b.date; });
    return out;
  }));
  for (const auto& c : changes) ctx_.AnnouncePlanChange(actor.organization_id, c.facility_id, c.family_id, child_id, c.date);
  return stored;
}

Result<std::vector<Plan>> Plans::ListPlans(const Actor& actor, const std::string& child_id, const PlanRange& range) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  const CivilDate from = TRY(DateParam("from", range.from, ctx_.Today(actor)));
  const CivilDate to = TRY(DateParam("to", range.to, AddDays(from, kDefaultListDays)));
  if (to < from) return Fail(Error::InvalidField("to", reason::kBeforeFrom));
  if (to > AddDays(from, kPlanHorizonDays)) return Fail(Error::InvalidField("to", reason::RangeTooLong(kPlanHorizonDays)));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Plan>> {
    TRY(ReadableChild(tx, actor, child_id));
    if (range.facility_id) TRY_STATUS(CheckFacilityFilter(tx, actor, *range.facility_id));
    store::PlanQuery q;
    q.organization_id = actor.organization_id;
    q.child_id = child_id;
    q.facility_id = range.facility_id;
    q.staff_user_id = FacilityScope(actor);
    q.from = from;
    q.to = to;
    return store::ListPlans(tx, q);
  });
}

Result<Plan> Plans::AcknowledgePlan(const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireStaff(actor));
  const int64_t now = clock_.NowMs();
  bool changed = false;
  std::string family_id;
  auto plan = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Plan> {
    changed = false;
    auto p = TRY(store::FindPlan(tx, actor.organization_id, id));
    if (!p || !StaffCoversFacility(actor, p->facility_id)) return Fail(Error::NotFound("plan not found"));
    if (p->acknowledged_at) return *p;
    auto c = TRY(store::FindChild(tx, actor.organization_id, p->child_id));
    family_id = c ? c->family_id : "";
    p->acknowledged_at = now;
    p->acknowledged_by_id = actor.user_id;
    p->acknowledged_by_name = actor.name;
    TRY_STATUS(store::UpdatePlan(tx, *p));
    TRY_STATUS(store::InsertAudit(tx, {actor.organization_id, actor.user_id, "plan.acknowledge", "plan", p->id,
                                       AuditPlan(*p).dump()},
                                  NewId(now), now));
    changed = true;
    return *p;
  }));
  if (changed) ctx_.AnnouncePlanChange(actor.organization_id, plan.facility_id, family_id, plan.child_id, plan.date);
  return plan;
}

Result<std::vector<MyChild>> Plans::MyChildren(const Actor& actor) {
  TRY_STATUS(RequireGuardian(actor));
  const int64_t now = clock_.NowMs();
  const std::string& tz = actor.time_zone;
  const CivilDate today = DateAt(now, tz);
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<MyChild>> {
    auto family = TRY(store::FindFamily(tx, actor.organization_id, *actor.family_id));
    if (!family) return Fail(Error::NotFound("family not found"));
    std::map<std::string, Facility> facilities;
    std::vector<MyChild> out;
    for (const auto& c : family->children) {
      MyChild mc;
      mc.child = c;
      mc.date = today;
      for (const auto& fid : ChildFacilityIds(*family, c.id)) {
        if (!facilities.count(fid))
          if (auto f = TRY(store::FindFacility(tx, actor.organization_id, fid))) facilities.emplace(fid, *f);
        if (auto it = facilities.find(fid); it != facilities.end()) mc.facilities.push_back(it->second);
      }
      store::VisitQuery vq;
      vq.organization_id = actor.organization_id;
      vq.child_id = c.id;
      vq.from_ms = InstantAt(today, 0, tz);
      vq.to_ms = InstantAt(NextDay(today), 0, tz);
      vq.limit = 1;
      auto visits = TRY(store::ListVisits(tx, vq));  // newest first
      store::PlanQuery pq;
      pq.organization_id = actor.organization_id;
      pq.child_id = c.id;
      pq.from = pq.to = today;
      auto plans = TRY(store::ListPlans(tx, pq));
      if (!visits.empty()) {
        mc.visit = visits[0];
        mc.facility_id = visits[0].facility_id;
      }
      // The plan of the visit's facility; without a visit, the first plan of the day.
      for (const auto& p : plans)
        if (!mc.facility_id || p.facility_id == *mc.facility_id) {
          mc.plan = p;
          mc.facility_id = p.facility_id;
          break;
        }
      int grace = 15;
      if (mc.facility_id)
        if (auto it = facilities.find(*mc.facility_id); it != facilities.end())
          grace = it->second.not_arrived_grace_minutes;
      mc.status = DayStatusName(StatusOn(today, mc.plan, mc.visit, grace, now, tz));
      out.push_back(std::move(mc));
    }
    return out;
  });
}

Result<int> Plans::RaiseNotArrived() {
  const int64_t now = clock_.NowMs();
  const int64_t oldest = now - kAlertLookbackMs;
  // Children who came leave the job's index first, so that each run looks
  // only at the plans still open (a day's arrivals are settled once).
  TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) { return store::SettleArrivedPlans(tx, now, oldest); }));
  auto due = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::ListDueAlerts(tx, now, oldest); }));
  int raised = 0;
  for (const auto& c : due) {
    const Plan& p = c.plan;
    std::vector<Notification> inbox;
    bool won = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<bool> {
      inbox.clear();
      // Stamps of the child take the same lock: an arrival either came
      // before (and is seen here) or comes after the alert.
      TRY_STATUS(store::LockChild(tx, p.child_id));
      if (TRY(store::HasVisitBetween(tx, p.child_id, p.facility_id, p.day_starts_at, p.day_ends_at))) return false;
      if (!TRY(store::MarkPlanAlerted(tx, p, now))) return false;
      nlohmann::json detail = AuditPlan(p);
      detail["grace_minutes"] = c.grace_minutes;
      detail["notify"] = c.notify;
      TRY_STATUS(store::InsertAudit(tx, {p.organization_id, "", "plan.not_arrived", "plan", p.id, detail.dump()},
                                    NewId(now), now));
      if (c.notify) {
        // An emergency: it overrides the guardians' quiet hours. The key names
        // the expected arrival, so a re-armed plan (a new time) is a new event.
        notify::Notice n;
        n.organization_id = p.organization_id;
        n.family_id = c.family_id;
        n.kind = "not_arrived";
        n.event_key = "plan:" + p.id + ":not_arrived:" + std::to_string(*p.expected_at);
        n.facility_id = p.facility_id;
        n.child_id = p.child_id;
        n.child_name = c.child_name;
        n.facility_name = c.facility_name;
        n.at = p.expected_at;
        n.emergency = true;
        inbox = TRY(notify::Enqueue(tx, n, c.time_zone, now));
      }
      return true;
    }));
    if (!won) continue;
    ++raised;
    spdlog::info("not arrived: child {} at facility {} (expected {})", p.child_id, p.facility_id,
                 FormatInstant(*p.expected_at, c.time_zone));
    ctx_.AnnounceRoster(p.organization_id, p.facility_id, p.date);
    if (c.notify && ctx_.hooks.outbox_written) ctx_.hooks.outbox_written(inbox);
  }
  return raised;
}

}  // namespace tadaima::service
