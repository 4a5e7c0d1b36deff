// Visits: the day's roster, the visit list, corrections, pick-up, auto-close.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>

#include "base/field_errors.h"
#include "base/ids.h"
#include "rules/permissions.h"
#include "rules/plans.h"
#include "rules/validation.h"
#include "report/visits_csv.h"
#include "service/visits.h"
#include "service/visit_json.h"
#include "service/filters.h"
#include "notify/outbox.h"
#include "store/audit_store.h"
#include "store/enrollment_store.h"
#include "store/family_store.h"
#include "store/organization_store.h"
#include "store/event_store.h"
#include "store/plan_store.h"
#include "store/visit_store.h"
#include "base/reasons.h"

namespace tadaima::service {
namespace {

constexpr int64_t kKioskPickupWindowMs = 10 * 60 * 1000;
constexpr int kMaxVisitPage = 10000;

nlohmann::json AuditVisit(const Visit& v) {
  return {{"in_at", v.in_at}, {"out_at", v.out_at ? nlohmann::json(*v.out_at) : nlohmann::json(nullptr)}};
}

}  // namespace

Result<Visit> Visits::SetPickup(const Actor& actor, const std::string& visit_id, const Pickup& pickup) {
  FieldErrors errs;
  if (pickup.pickup_by.has_value() == pickup.alone) errs.Add("pickup_by", reason::kPickupOrAlone);
  else if (pickup.pickup_by) errs.Check("pickup_by", CheckName(*pickup.pickup_by, 50));
  TRY_STATUS(errs.ToStatus());
  const int64_t now = clock_.NowMs();
  std::string family_id;
  Visit visit = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Visit> {
    auto v = TRY(store::FindVisit(tx, actor.organization_id, visit_id));
    bool kiosk = v && IsKioskOf(actor, v->facility_id);
    if (!v || (!kiosk && !StaffCoversFacility(actor, v->facility_id))) return Fail(Error::NotFound("visit not found"));
    if (!v->out_at) return Fail(Error::Conflict(reason::kNotLeftYet));
    if (kiosk && now - *v->out_at > kKioskPickupWindowMs)
      return Fail(Error::PermissionDenied(reason::kPickupTooLate));
    auto child = TRY(store::FindChild(tx, actor.organization_id, v->child_id));
    if (!child) return Fail(Error::NotFound("visit not found"));
    if (pickup.alone && !child->may_leave_alone) return Fail(Error::Conflict(reason::kAloneNotPermitted));
    family_id = child->family_id;
    v->left_alone = pickup.alone;
    v->pickup_by = pickup.alone ? std::nullopt : std::optional(TrimSpaces(*pickup.pickup_by));
    TRY_STATUS(store::UpdateVisit(tx, *v, now));
    TRY_STATUS(notify::RewordDeparture(tx, *v, actor.time_zone));
    return *v;
  }));
  // The family's pages show who picked the child up: the departure again, now with the name.
  ctx_.Publish({visit.organization_id, "stamp", visit.facility_id, family_id, std::nullopt,
           {{"result", "departed"}, {"visit", VisitJson(visit, actor.time_zone)}}});
  ctx_.AnnounceVisitChange(visit.organization_id, visit.facility_id, actor.time_zone, visit.in_at);
  return visit;
}

Result<Roster> Visits::GetRoster(const Actor& actor, const std::string& facility_id,
                                   const std::optional<std::string>& date) {
  TRY_STATUS(RequireStaff(actor));
  Roster roster;
  const int64_t now = clock_.NowMs();
  roster.date = TRY(DateParam("date", date, DateAt(now, actor.time_zone)));
  const int64_t from = InstantAt(roster.date, 0, actor.time_zone);
  const int64_t to = InstantAt(NextDay(roster.date), 0, actor.time_zone);
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<Roster> {
    auto facility = TRY(store::FindFacility(tx, actor.organization_id, facility_id));
    if (!facility || !StaffCoversFacility(actor, facility_id)) return Fail(Error::NotFound("facility not found"));
    auto children = TRY(store::EnrolledChildren(tx, actor.organization_id, facility_id));
    const auto closures = TRY(store::ClosuresBetween(tx, actor.organization_id, facility_id, from, to));
    if (!closures.empty()) roster.closure = closures.front();
    store::VisitQuery q;
    q.organization_id = actor.organization_id;
    q.facility_id = facility_id;
    q.from_ms = from;
    q.to_ms = to;
    q.limit = kMaxVisitPage;
    auto visits = TRY(store::ListVisits(tx, q));
    std::map<std::string, Visit> latest;  // newest first: the first one seen per child wins
    for (const auto& v : visits) latest.emplace(v.child_id, v);
    store::PlanQuery pq;
    pq.organization_id = actor.organization_id;
    pq.facility_id = facility_id;
    pq.from = pq.to = roster.date;
    std::map<std::string, Plan> plans;
    auto day_plans = TRY(store::ListPlans(tx, pq));
    for (auto& p : day_plans) plans.emplace(p.child_id, std::move(p));
    std::vector<std::string> ids;
    for (const auto& c : children) ids.push_back(c.id);
    const auto markers = TRY(store::CareMarkersOf(tx, actor.organization_id, ids));
    for (const auto& c : children) {
      RosterItem item{c, "", std::nullopt, std::nullopt, {}};
      if (auto m = markers.find(c.id); m != markers.end()) item.care = m->second;
      if (auto it = latest.find(c.id); it != latest.end()) item.visit = it->second;
      if (auto it = plans.find(c.id); it != plans.end()) item.plan = it->second;
      item.status = DayStatusName(
          StatusOn(roster.date, item.plan, item.visit, facility->not_arrived_grace_minutes, now, actor.time_zone));
      roster.items.push_back(std::move(item));
    }
    return roster;
  });
}

Result<std::vector<OnSiteChild>> Visits::OnSite(const Actor& actor, const std::string& facility_id) {
  TRY_STATUS(RequireStaff(actor));
  const CivilDate today = ctx_.Today(actor);
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<OnSiteChild>> {
    auto facility = TRY(store::FindFacility(tx, actor.organization_id, facility_id));
    if (!facility || !StaffCoversFacility(actor, facility_id)) return Fail(Error::NotFound("facility not found"));
    store::VisitQuery q;
    q.organization_id = actor.organization_id;
    q.facility_id = facility_id;
    q.from_ms = InstantAt(today, 0, actor.time_zone);
    q.to_ms = InstantAt(NextDay(today), 0, actor.time_zone);
    q.limit = kMaxVisitPage;
    std::map<std::string, Visit> latest;  // newest first: the first one seen per child wins
    for (const auto& v : TRY(store::ListVisits(tx, q))) latest.emplace(v.child_id, v);
    std::vector<OnSiteChild> out;
    std::map<std::string, Family> families;
    for (const auto& [child_id, visit] : latest) {
      if (visit.out_at) continue;
      auto child = TRY(store::FindChild(tx, actor.organization_id, child_id));
      if (!child) continue;
      auto it = families.find(child->family_id);
      if (it == families.end()) {
        auto family = TRY(store::FindFamily(tx, actor.organization_id, child->family_id));
        if (!family) continue;
        it = families.emplace(child->family_id, std::move(*family)).first;
      }
      out.push_back({*child, {}, visit, it->second.name, it->second.phone, it->second.guardians});
    }
    std::vector<std::string> ids;
    for (const auto& c : out) ids.push_back(c.child.id);
    const auto markers = TRY(store::CareMarkersOf(tx, actor.organization_id, ids));
    for (auto& c : out)
      if (auto m = markers.find(c.child.id); m != markers.end()) c.care = m->second;
    std::sort(out.begin(), out.end(), [](const OnSiteChild& a, const OnSiteChild& b) {
      return a.visit.in_at != b.visit.in_at ? a.visit.in_at < b.visit.in_at : a.child.id < b.child.id;
    });
    return out;
  });
}

Result<VisitPage> Visits::ListVisits(const Actor& actor, const VisitFilter& f) {
  const bool guardian = IsGuardian(actor);
  TRY_STATUS(RequireGuardianOrStaff(actor));
  // Guardians list the visits of one child of their own family.
  if (guardian && !f.child_id) return Fail(Error::InvalidField("child_id", reason::kRequired));
  if (guardian) {
    auto child = TRY(db_.Transact(TxMode::kRead,
                                  [&](db::Tx& tx) { return store::FindChild(tx, actor.organization_id, *f.child_id); }));
    if (!child || child->family_id != actor.family_id) return Fail(Error::NotFound("child not found"));
  }
  store::VisitQuery q;
  q.organization_id = actor.organization_id;
  q.staff_user_id = FacilityScope(actor);
  q.facility_id = f.facility_id;
  q.child_id = f.child_id;
  q.needs_review_only = f.needs_review_only;
  q.limit = f.limit + 1;
  if (f.from) q.from_ms = InstantAt(TRY(DateParam("from", f.from, {})), 0, actor.time_zone);
  if (f.to) q.to_ms = InstantAt(NextDay(TRY(DateParam("to", f.to, {}))), 0, actor.time_zone);
  if (f.cursor && !f.cursor->empty()) {
    // "<in_at ms>.<visit id>", as next_cursor wrote it.
    const auto dot = f.cursor->find('.');
    int64_t in_at = 0;
    const char* end = f.cursor->data() + (dot == std::string::npos ? 0 : dot);
    const auto [p, ec] = std::from_chars(f.cursor->data(), end, in_at);
    if (dot == std::string::npos || dot == 0 || ec != std::errc() || p != end || !LooksLikeId(f.cursor->substr(dot + 1)))
      return Fail(Error::InvalidField("cursor", reason::kBadCursor));
    q.before = std::pair{in_at, f.cursor->substr(dot + 1)};
  }
  VisitPage page;
  page.items = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Visit>> {
    if (f.facility_id) TRY_STATUS(CheckFacilityFilter(tx, actor, *f.facility_id));
    if (f.child_id && !guardian) TRY_STATUS(CheckChildFilter(tx, actor, *f.child_id));
    return store::ListVisits(tx, q);
  }));
  if (static_cast<int>(page.items.size()) > f.limit) {
    page.items.pop_back();
    page.next_cursor = std::to_string(page.items.back().in_at) + "." + page.items.back().id;
  }
  return page;
}

Result<std::string> Visits::ExportVisitsCsv(const Actor& actor, VisitFilter filter) {
  TRY_STATUS(RequireStaff(actor));  // a spreadsheet of visits is the office's
  filter.limit = kMaxExportRows;
  filter.cursor.reset();
  auto page = TRY(ListVisits(actor, filter));
  auto facilities = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) {
    return store::ListFacilities(tx, actor.organization_id, std::nullopt);
  }));
  std::map<std::string, std::string> names;
  for (const auto& f : facilities) names.emplace(f.id, f.name);
  return report::VisitsCsv(page.items, names, actor.time_zone);
}

Result<Visit> Visits::CorrectVisit(const Actor& actor, const std::string& id, const std::optional<std::string>& in_at,
                                     const std::optional<std::optional<std::string>>& out_at, const std::string& reason) {
  TRY_STATUS(RequireStaff(actor));
  FieldErrors errs;
  errs.Check("reason", CheckName(reason, 200));
  std::optional<int64_t> new_in, new_out;
  if (in_at) errs.Check("in_at", CheckInstant(*in_at, new_in));
  if (out_at && *out_at) errs.Check("out_at", CheckInstant(**out_at, new_out));
  if (!in_at && !out_at) errs.Add("in_at", reason::kNothingToCorrect);
  const int64_t now = clock_.NowMs();
  if (new_in && *new_in > now) errs.Add("in_at", reason::kFutureDate);
  if (new_out && *new_out > now) errs.Add("out_at", reason::kFutureDate);
  TRY_STATUS(errs.ToStatus());
  int64_t old_in = 0;
  Visit visit = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Visit> {
    auto v = TRY(store::FindVisit(tx, actor.organization_id, id));
    if (!v || !StaffCoversFacility(actor, v->facility_id)) return Fail(Error::NotFound("visit not found"));
    Visit before = *v;
    old_in = before.in_at;
    if (new_in) v->in_at = *new_in;
    if (out_at) v->out_at = new_out;
    if (v->out_at && *v->out_at < v->in_at) return Fail(Error::InvalidField("out_at", reason::kBeforeInAt));
    v->needs_review = false;
    v->review_reason.reset();
    TRY_STATUS(store::UpdateVisit(tx, *v, now));
    nlohmann::json detail = {{"reason", TrimSpaces(reason)}, {"before", AuditVisit(before)}, {"after", AuditVisit(*v)}};
    TRY_STATUS(store::InsertAudit(tx, {actor.organization_id, actor.user_id, "visit.correct", "visit", v->id, detail.dump()},
                                  NewId(now), now));
    return *v;
  }));
  ctx_.AnnounceVisitChange(visit.organization_id, visit.facility_id, actor.time_zone, old_in);
  if (DateAt(old_in, actor.time_zone) != DateAt(visit.in_at, actor.time_zone))
    ctx_.AnnounceVisitChange(visit.organization_id, visit.facility_id, actor.time_zone, visit.in_at);
  return visit;
}

Result<int> Visits::CloseDueVisits() {
  const int64_t now = clock_.NowMs();
  auto open = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::ListOpenVisits(tx); }));
  int closed = 0;
  for (const auto& o : open) {
    // At the facility's closing time of the visit's day; a visit that began
    // after closing (a late stay) closes at the end of that day.
    const CivilDate day = DateAt(o.visit.in_at, o.time_zone);
    int64_t closing = InstantAt(day, o.closes_at, o.time_zone);
    if (o.visit.in_at >= closing) closing = InstantAt(NextDay(day), 0, o.time_zone);
    if (now < closing) continue;
    bool done = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<bool> {
      bool changed = TRY(store::AutoCloseVisit(tx, o.visit.id, closing, now));
      if (changed)
        TRY_STATUS(store::InsertAudit(tx, {o.visit.organization_id, "", "visit.auto_close", "visit", o.visit.id},
                                      NewId(now), now));
      return changed;
    }));
    closed += done;
    if (done) ctx_.AnnounceVisitChange(o.visit.organization_id, o.visit.facility_id, o.time_zone, o.visit.in_at);
  }
  return closed;
}

}  // namespace tadaima::service
