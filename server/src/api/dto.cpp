#include "api/dto.h"

#include <algorithm>

#include "notify/outbox.h"
#include "rules/age_grade.h"

namespace tadaima::api {

nlohmann::json UserJson(const Actor& a) {
  nlohmann::json j = {{"id", a.user_id},
                      {"role", RoleName(a.role)},
                      {"name", a.name},
                      {"login", a.login},
                      {"organization_id", a.organization_id},
                      {"must_change_password", a.must_change_password}};
  if (a.family_id) j["family_id"] = *a.family_id;
  if (a.role == Role::kFacilityStaff) j["facility_ids"] = a.facility_ids;
  return j;
}

nlohmann::json OrganizationJson(const Organization& o) {
  return {{"id", o.id}, {"name", o.name}, {"time_zone", o.time_zone}};
}

nlohmann::json FacilityJson(const Facility& f) {
  return {{"id", f.id},
          {"name", f.name},
          {"kind", FacilityKindName(f.kind)},
          {"opens_at", FormatClockTime(f.opens_at)},
          {"closes_at", FormatClockTime(f.closes_at)},
          {"duplicate_window_seconds", f.duplicate_window_seconds},
          {"offline_retention_hours", f.offline_retention_hours},
          {"plan_deadline_days", f.plan_deadline_days},
          {"plan_deadline_time", FormatClockTime(f.plan_deadline_time)},
          {"not_arrived_grace_minutes", f.not_arrived_grace_minutes},
          {"not_arrived_notify", f.not_arrived_notify},
          {"kiosk_pin_set", f.kiosk_pin_hash.has_value()}};
}

nlohmann::json FamilyFacilityJson(const Facility& f) {
  return {{"id", f.id},
          {"name", f.name},
          {"kind", FacilityKindName(f.kind)},
          {"opens_at", FormatClockTime(f.opens_at)},
          {"closes_at", FormatClockTime(f.closes_at)},
          {"plan_deadline_days", f.plan_deadline_days},
          {"plan_deadline_time", FormatClockTime(f.plan_deadline_time)}};
}

nlohmann::json StaffJson(const User& u) {
  return {{"id", u.id},       {"login", u.login}, {"name", u.name}, {"role", RoleName(u.role)},
          {"facility_ids", u.facility_ids}, {"must_change_password", u.must_change_password}};
}

nlohmann::json GuardianJson(const User& u) {
  return {{"id", u.id},
          {"name", u.name},
          {"name_kana", OrNull(u.name_kana)},
          {"email", OrNull(u.email)},
          {"phone", OrNull(u.phone)},
          {"relation", OrNull(u.relation)},
          {"login", u.login}};
}

nlohmann::json ChildJson(const Child& c, const CivilDate& today) {
  Age age = AgeOn(c.birth_date, std::max(today, c.birth_date));
  return {{"id", c.id},
          {"family_id", c.family_id},
          {"name", c.name},
          {"name_kana", OrNull(c.name_kana)},
          {"birth_date", c.birth_date.ToString()},
          {"age", {{"years", age.years}, {"months", age.months}}},
          {"grade", GradeOn(c.birth_date, today)},
          {"may_leave_alone", c.may_leave_alone}};
}

nlohmann::json ChildCareJson(const ChildCare& c, const std::string& time_zone) {
  return {{"allergy", OrNull(c.allergy)},
          {"medical", OrNull(c.medical)},
          {"notes", OrNull(c.notes)},
          {"updated_at", InstantOrNull(c.updated_at, time_zone)},
          {"updated_by", c.updated_by_name ? nlohmann::json{{"name", *c.updated_by_name}} : nlohmann::json(nullptr)}};
}

nlohmann::json EnrollmentJson(const Enrollment& e) {
  return {{"id", e.id},
          {"facility_id", e.facility_id},
          {"child_id", OrNull(e.child_id)},
          {"family_id", e.family_id},
          {"status", e.status == EnrollmentStatus::kActive ? "active" : "pending"}};
}

nlohmann::json FamilyJson(const Family& f, const CivilDate& today) {
  nlohmann::json guardians = nlohmann::json::array(), children = nlohmann::json::array(),
                 enrollments = nlohmann::json::array();
  for (const auto& g : f.guardians) guardians.push_back(GuardianJson(g));
  for (const auto& c : f.children) children.push_back(ChildJson(c, today));
  for (const auto& e : f.enrollments) enrollments.push_back(EnrollmentJson(e));
  return {{"id", f.id},           {"name", f.name},         {"address", OrNull(f.address)},
          {"phone", OrNull(f.phone)}, {"guardians", guardians}, {"children", children},
          {"enrollments", enrollments}};
}

nlohmann::json KioskJson(const Kiosk& k, const std::string& time_zone) {
  return {{"id", k.id},
          {"name", k.name},
          {"facility_id", k.facility_id},
          {"created_at", FormatInstant(k.created_at, time_zone)},
          {"last_seen_at", InstantOrNull(k.last_seen_at, time_zone)}};
}

nlohmann::json CredentialJson(const service::CredentialInfo& c) {
  return {{"text", c.text}, {"version", c.version}, {"kind", c.family ? "family" : "child"}, {"subject_id", c.subject_id}};
}

nlohmann::json AuditJson(const std::vector<store::AuditRecord>& records, const std::string& time_zone) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : records)
    items.push_back({{"action", r.action},
                     {"actor", r.actor_id.empty() ? nlohmann::json(nullptr)
                                                  : nlohmann::json{{"id", r.actor_id}, {"name", r.actor_name}}},
                     {"at", FormatInstant(r.at, time_zone)}});
  return {{"items", items}};
}

nlohmann::json StampOutcomeJson(const service::StampOutcome& o, const std::string& time_zone) {
  nlohmann::json out;
  if (o.family) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& r : o.results) results.push_back({{"result", r.result}, {"visit", VisitJson(r.visit, time_zone)}});
    out = {{"results", results}, {"pickup_choices", o.pickup_choices}, {"pickup_alone", o.pickup_alone}};
  } else {
    const auto& r = o.results.at(0);
    out = {{"result", r.result},
           {"visit", VisitJson(r.visit, time_zone)},
           {"pickup_choices", o.pickup_choices},
           {"pickup_alone", o.pickup_alone}};
  }
  if (o.group_id) {
    const auto arrived = std::count_if(o.results.begin(), o.results.end(),
                                       [](const service::StampResult& r) { return r.result == "arrived"; });
    out["group"] = {{"id", *o.group_id}, {"adults", o.adults}, {"children", arrived}};
  }
  return out;
}

nlohmann::json StampPreviewJson(const service::StampPreview& p) {
  nlohmann::json children = nlohmann::json::array();
  for (const auto& c : p.children) children.push_back({{"id", c.child_id}, {"name", c.name}, {"present", c.present}});
  return {{"kind", p.family ? "family" : "child"},
          {"family_name", p.family_name},
          {"children", children},
          {"pickup_choices", p.pickup_choices},
          {"pickup_alone", p.pickup_alone},
          {"asks_adults", p.asks_adults}};
}

nlohmann::json PlanJson(const Plan& p, const std::string& time_zone) {
  auto time = [](const std::optional<int>& t) { return t ? nlohmann::json(FormatClockTime(*t)) : nlohmann::json(); };
  return {{"id", p.id},
          {"child_id", p.child_id},
          {"facility_id", p.facility_id},
          {"date", p.date.ToString()},
          {"status", PlanStatusName(p.status)},
          {"arrive_at", time(p.arrive_at)},
          {"leave_at", time(p.leave_at)},
          {"pickup_by", OrNull(p.pickup_by)},
          {"reason", OrNull(p.reason)},
          {"late", p.late},
          {"updated_at", FormatInstant(p.updated_at, time_zone)},
          {"updated_by", {{"role", RoleName(p.updated_by_role)}, {"name", p.updated_by_name}}},
          {"acknowledged_at", InstantOrNull(p.acknowledged_at, time_zone)},
          {"acknowledged_by", p.acknowledged_by_name ? nlohmann::json{{"name", *p.acknowledged_by_name}}
                                                     : nlohmann::json(nullptr)}};
}

nlohmann::json PlansJson(const std::vector<Plan>& plans, const std::string& time_zone) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : plans) items.push_back(PlanJson(p, time_zone));
  return {{"items", items}};
}

nlohmann::json PendingPlansJson(const service::PendingPlanPage& page, const std::string& time_zone) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) {
    nlohmann::json j = PlanJson(item.plan, time_zone);
    j["child"] = {{"id", item.child.id},
                  {"name", item.child.name},
                  {"name_kana", OrNull(item.child.name_kana)},
                  {"grade", GradeOn(item.child.birth_date, item.plan.date)}};
    j["facility"] = {{"id", item.plan.facility_id}, {"name", item.facility_name}};
    items.push_back(std::move(j));
  }
  return {{"from", page.from.ToString()},
          {"to", page.to.ToString()},
          {"items", std::move(items)},
          {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)},
          {"total", page.total}};
}

nlohmann::json MyChildJson(const service::MyChild& c, const std::string& time_zone) {
  nlohmann::json facilities = nlohmann::json::array();
  for (const auto& f : c.facilities)
    facilities.push_back({{"id", f.id}, {"name", f.name}, {"kind", FacilityKindName(f.kind)}});
  const auto& v = c.visit;
  return {{"child", ChildJson(c.child, c.date)},
          {"facilities", facilities},
          {"today",
           {{"date", c.date.ToString()},
            {"status", c.status},
            {"facility_id", OrNull(c.facility_id)},
            {"in_at", v ? nlohmann::json(FormatInstant(v->in_at, time_zone)) : nlohmann::json(nullptr)},
            {"out_at", v ? InstantOrNull(v->out_at, time_zone) : nlohmann::json(nullptr)},
            {"pickup_by", v ? OrNull(v->pickup_by) : nlohmann::json(nullptr)},
            {"left_alone", v && v->left_alone},
            {"plan", c.plan ? PlanJson(*c.plan, time_zone) : nlohmann::json(nullptr)}}}};
}

nlohmann::json CareMarkersJson(const store::CareMarkers& m) {
  return {{"allergy", m.allergy}, {"medical", m.medical}, {"notes", m.notes}};
}

nlohmann::json OnSiteJson(const std::vector<service::OnSiteChild>& children, const CivilDate& today,
                          const std::string& time_zone) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : children) {
    nlohmann::json guardians = nlohmann::json::array();
    for (const auto& g : c.guardians)
      guardians.push_back({{"id", g.id}, {"name", g.name}, {"relation", OrNull(g.relation)}, {"email", OrNull(g.email)}});
    items.push_back({{"child", ChildJson(c.child, today)},
                     {"care", CareMarkersJson(c.care)},
                     {"visit_id", c.visit.id},
                     {"in_at", FormatInstant(c.visit.in_at, time_zone)},
                     {"pickup_by", OrNull(c.visit.pickup_by)},
                     {"family", {{"id", c.child.family_id}, {"name", c.family_name}, {"phone", OrNull(c.family_phone)}}},
                     {"guardians", guardians}});
  }
  return items;
}

nlohmann::json RosterJson(const service::Roster& r, const std::string& time_zone) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : r.items) {
    const auto& v = item.visit;
    const auto& p = item.plan;
    items.push_back({{"child",
                      {{"id", item.child.id},
                       {"name", item.child.name},
                       {"name_kana", OrNull(item.child.name_kana)},
                       {"grade", GradeOn(item.child.birth_date, r.date)},
                       {"may_leave_alone", item.child.may_leave_alone},
                       {"care", CareMarkersJson(item.care)}}},
                     {"status", item.status},
                     {"plan", p ? PlanJson(*p, time_zone) : nlohmann::json(nullptr)},
                     {"late", p && p->late},
                     {"alerted_at", p ? InstantOrNull(p->alerted_at, time_zone) : nlohmann::json(nullptr)},
                     {"in_at", v ? nlohmann::json(FormatInstant(v->in_at, time_zone)) : nlohmann::json(nullptr)},
                     {"out_at", v ? InstantOrNull(v->out_at, time_zone) : nlohmann::json(nullptr)},
                     {"visit_id", v ? nlohmann::json(v->id) : nlohmann::json(nullptr)},
                     {"pickup_by", v ? OrNull(v->pickup_by) : nlohmann::json(nullptr)},
                     {"left_alone", v && v->left_alone},
                     {"needs_review", v && v->needs_review},
                     {"review_reason", v ? OrNull(v->review_reason) : nlohmann::json(nullptr)}});
  }
  nlohmann::json closure = nullptr;
  if (r.closure) closure = {{"id", r.closure->id}, {"title", r.closure->title}};
  return {{"date", r.date.ToString()}, {"items", items}, {"closure", closure}};
}

nlohmann::json InboxItemJson(const Notification& n, const std::string& time_zone) {
  return notify::InboxItemJson(n, time_zone);
}

nlohmann::json StaffNotificationJson(const service::StaffNotification& s, const std::string& time_zone) {
  const Notification& n = s.notification;
  const auto payload = nlohmann::json::parse(n.payload, nullptr, false);
  nlohmann::json j{{"id", n.id},
                   {"kind", n.kind},
                   {"channel", n.channel},
                   {"status", n.status},
                   {"guardian", {{"id", n.user_id}, {"name", s.guardian_name}}},
                   {"child_id", n.child_id ? nlohmann::json(*n.child_id) : nlohmann::json(nullptr)},
                   {"child_name", payload.is_object() ? payload.value("child_name", "") : ""},
                   {"facility_id", n.facility_id ? nlohmann::json(*n.facility_id) : nlohmann::json(nullptr)},
                   {"title", payload.is_object() ? payload.value("title", "") : ""},
                   {"attempts", n.attempts},
                   {"last_error", n.last_error ? nlohmann::json(*n.last_error) : nlohmann::json(nullptr)},
                   {"created_at", FormatInstant(n.created_at, time_zone)},
                   {"delivered_at", InstantOrNull(n.delivered_at, time_zone)},
                   {"next_attempt_at",
                    n.status == "pending" ? nlohmann::json(FormatInstant(n.next_attempt_at, time_zone)) : nlohmann::json(nullptr)}};
  if (n.channel == "email") j["to"] = n.target;
  return j;
}

nlohmann::json NotificationDetailJson(const service::StaffNotification& s, const std::string& time_zone) {
  nlohmann::json j = StaffNotificationJson(s, time_zone);
  nlohmann::json history = nlohmann::json::array();
  for (const auto& a : s.history)
    history.push_back({{"at", FormatInstant(a.at, time_zone)}, {"result", a.result}, {"detail", a.detail}});
  j["history"] = history;
  return j;
}

nlohmann::json PreferencesJson(const NotificationPreferences& p) {
  auto choice = [](const ChannelChoice& c) { return nlohmann::json{{"push", c.push}, {"email", c.email}, {"inapp", c.inapp}}; };
  nlohmann::json quiet = nullptr;
  if (p.quiet_from && p.quiet_to) quiet = {{"from", FormatClockTime(*p.quiet_from)}, {"to", FormatClockTime(*p.quiet_to)}};
  return {{"stamps", choice(p.stamps)}, {"messages", choice(p.messages)}, {"quiet_hours", quiet}, {"language", p.language}};
}

nlohmann::json PushSubscriptionJson(const PushSubscription& s, const std::string& time_zone) {
  return {{"id", s.id}, {"endpoint", s.endpoint}, {"created_at", FormatInstant(s.created_at, time_zone)}};
}

}  // namespace tadaima::api
