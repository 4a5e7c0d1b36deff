#include "service/courses.h"

#include <algorithm>
#include <set>

#include "base/ids.h"
#include "base/reasons.h"
#include "notify/outbox.h"
#include "report/attendance_pdf.h"
#include "rules/age_grade.h"
#include "rules/calendar.h"
#include "rules/permissions.h"
#include "service/event_access.h"
#include "store/application_store.h"
#include "store/enrollment_store.h"
#include "store/event_store.h"
#include "store/family_store.h"

namespace tadaima::service {
namespace {

const Error kNoApplication = Error::NotFound("application not found");

Status CheckApplyInput(const ApplyInput& in, std::vector<std::string>& child_ids) {
  FieldErrors errs;
  for (const auto& id : in.child_ids)
    if (std::find(child_ids.begin(), child_ids.end(), id) == child_ids.end()) child_ids.push_back(id);
  if (child_ids.empty()) errs.Add("child_ids", reason::kChooseChild);
  if (child_ids.size() > kApplicationMaxChildren) errs.Add("child_ids", reason::kTooManyChildren);
  if (in.client_id && !IsUuid(*in.client_id)) errs.Add("client_id", reason::kNotUuid);
  return errs.ToStatus();
}

std::string Field(const std::vector<std::string>& given, const std::string& id) {
  return "child_ids[" + std::to_string(std::find(given.begin(), given.end(), id) - given.begin()) + "]";
}

// The children named, all of one family (a guardian's own), each enrolled
// where the course is and of its ages.
Result<std::vector<ApplicationChild>> ApplyingChildren(db::Tx& tx, const Actor& actor, const CalendarEvent& course,
                                                       const std::vector<std::string>& ids,
                                                       const std::vector<std::string>& given, std::string& family_id) {
  std::vector<ApplicationChild> out;
  const CivilDate first_day = DateAt(course.starts_at, actor.time_zone);
  const auto family_facilities = IsGuardian(actor) ? TRY(FamilyFacilityIds(tx, actor)) : std::vector<std::string>{};
  FieldErrors errs;
  for (const auto& id : ids) {
    const auto c = TRY(store::FindChild(tx, actor.organization_id, id));
    const bool same_family = family_id.empty() || (c && c->family_id == family_id);
    if (!c || (IsGuardian(actor) && c->family_id != *actor.family_id) || !same_family ||
        (IsFacilityStaff(actor) && course.facility_id && !TRY(store::IsEnrolled(tx, *course.facility_id, id))))
      return Fail(Error::NotFoundField(Field(given, id), reason::kNoSuchChild));
    family_id = c->family_id;
    const bool enrolled = course.facility_id ? TRY(store::IsEnrolled(tx, *course.facility_id, id)) : true;
    if (!enrolled) errs.Add(Field(given, id), reason::kNotEnrolled);
    else if (!FitsAge(course, c->birth_date, first_day)) errs.Add(Field(given, id), reason::kOutsideAgeRange);
    out.push_back({c->id, c->name, c->name_kana, c->birth_date});
  }
  TRY_STATUS(errs.ToStatus());
  return out;
}

Result<ApplicationView> ViewOf(db::Tx& tx, const CalendarEvent& course, const std::string& application_id) {
  for (auto& v : TRY(Courses::Lineup(tx, course)))
    if (v.application.id == application_id) return std::move(v);
  return Fail(kNoApplication);
}

std::string AgeText(const CivilDate& birth, const CivilDate& on) {
  if (on < birth) return "";
  const Age a = AgeOn(birth, on);
  return std::to_string(a.years) + "歳" + std::to_string(a.months) + "か月";
}

}  // namespace

Result<std::vector<ApplicationView>> Courses::Lineup(db::Tx& tx, const CalendarEvent& course) {
  auto apps = TRY(store::ListApplications(tx, course.organization_id, course.id));
  std::vector<ApplicationView> out;
  std::vector<Waiting> waiting;
  int64_t seats_taken = 0;
  for (auto& a : apps) {
    if (a.status == "waitlisted") waiting.push_back({a.id, a.seats});
    else seats_taken += a.seats;
    out.push_back({std::move(a), std::nullopt, std::nullopt});
  }
  const auto waited = SeatsWaitedFor(course.capacity, seats_taken, waiting);
  int position = 0;
  for (auto& v : out)
    if (v.application.status == "waitlisted") {
      v.position = position + 1;
      v.waiting_for_seats = waited[position++];
    }
  return out;
}

Result<AppliedCourse> Courses::Apply(const Actor& actor, const std::string& event_id, const ApplyInput& in) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  std::vector<std::string> ids;
  TRY_STATUS(CheckApplyInput(in, ids));
  const int64_t now = clock_.NowMs();
  return WriteOnce(in.client_id, [&](db::Tx& tx) -> Result<AppliedCourse> {
    TRY_STATUS(store::LockEvent(tx, event_id));  // one application of this course at a time
    const auto course = TRY(VisibleEvent(tx, actor, event_id));
    if (in.client_id)
      if (auto first = TRY(store::FindApplicationByClientId(tx, actor.organization_id, *in.client_id))) {
        if (first->event_id != event_id || (IsGuardian(actor) && first->family_id != *actor.family_id))
          return Fail(Error::Conflict(reason::kTaken));
        return AppliedCourse{TRY(ViewOf(tx, course, first->id)), true};
      }
    if (course.kind != EventKind::kCourse) return Fail(Error::Conflict(reason::kNotACourse));
    if (course.cancelled()) return Fail(Error::Conflict(reason::kEventCancelled));
    if (now >= course.starts_at || (IsGuardian(actor) && now > course.ApplyUntil()))
      return Fail(Error::Conflict(reason::kApplicationsClosed));
    std::string family_id = IsGuardian(actor) ? *actor.family_id : "";
    CourseApplication a;
    a.children = TRY(ApplyingChildren(tx, actor, course, ids, in.child_ids, family_id));
    for (const auto& mine : TRY(store::FamilyApplications(tx, actor.organization_id, family_id, {course.id})))
      for (const auto& c : mine.children)
        if (std::find(ids.begin(), ids.end(), c.id) != ids.end())
          return Fail(Error::Conflict(reason::kAlreadyApplied, {{Field(in.child_ids, c.id), reason::kAlreadyApplied}}));
    a.id = NewId(now);
    a.organization_id = actor.organization_id;
    a.event_id = course.id;
    a.family_id = family_id;
    a.seats = static_cast<int>(a.children.size());
    a.status = ConfirmsAtOnce(course.capacity, course.seats_taken, course.waitlisted, a.seats) ? "confirmed" : "waitlisted";
    a.seq = TRY(store::NextApplicationSeq(tx, course.id));
    a.client_id = in.client_id;
    a.created_by_id = actor.user_id;
    a.created_by_name = actor.name;
    a.created_at = a.updated_at = now;
    TRY_STATUS(store::InsertApplication(tx, a));
    return AppliedCourse{TRY(ViewOf(tx, course, a.id)), false};
  });
}

Status Courses::Withdraw(const Actor& actor, const std::string& application_id) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  const int64_t now = clock_.NowMs();
  std::vector<Notification> inbox;
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    inbox.clear();
    const auto a = TRY(store::FindApplication(tx, actor.organization_id, application_id));
    if (!a || (IsGuardian(actor) && a->family_id != *actor.family_id)) return Fail(kNoApplication);
    TRY_STATUS(store::LockEvent(tx, a->event_id));
    auto course = VisibleEvent(tx, actor, a->event_id);
    if (!course) return Fail(kNoApplication);
    if (a->status == "cancelled") return {};
    TRY_STATUS(store::SetApplicationStatus(tx, actor.organization_id, a->id, "cancelled", now));
    // Seats freed, or a place in line that held the others back: the line moves.
    const auto fresh = TRY(store::FindEvent(tx, actor.organization_id, a->event_id));
    inbox = TRY(FillSeats(tx, *fresh, actor.time_zone, now));
    return {};
  }));
  ctx_.AnnounceInbox(inbox);
  return {};
}

Result<CourseApplicants> Courses::Applicants(const Actor& actor, const std::string& event_id) {
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<CourseApplicants> {
    CourseApplicants out{TRY(ManagedEvent(tx, actor, event_id)), {}, {}};
    if (out.course.kind != EventKind::kCourse) return Fail(Error::Conflict(reason::kNotACourse));
    for (auto& v : TRY(Lineup(tx, out.course)))
      (v.application.status == "confirmed" ? out.confirmed : out.waitlisted).push_back(std::move(v));
    return out;
  });
}

Result<std::string> Courses::AttendancePdf(const Actor& actor, const std::string& event_id) {
  const auto list = TRY(Applicants(actor, event_id));
  const CalendarEvent& c = list.course;
  const CivilDate first_day = DateAt(c.starts_at, actor.time_zone);
  report::AttendanceSheet sheet;
  sheet.title = c.title;
  sheet.when = notify::EventWhen("ja", c.starts_at, c.ends_at, IsAllDay(c, actor.time_zone), actor.time_zone);
  sheet.where = c.facility_name.value_or("");
  sheet.seats = (c.capacity ? "定員 " + std::to_string(*c.capacity) + "名 / " : std::string()) + "確定 " +
                std::to_string(c.seats_taken) + "名";
  for (const auto* group : {&list.confirmed, &list.waitlisted})
    for (const auto& v : *group)
      for (const auto& child : v.application.children)
        (group == &list.confirmed ? sheet.confirmed : sheet.waitlisted)
            .push_back({child.name, child.name_kana.value_or(""), AgeText(child.birth_date, first_day),
                        v.application.family_name});
  return report::AttendancePdf(sheet);
}

Result<std::vector<Notification>> Courses::FillSeats(db::Tx& tx, const CalendarEvent& course,
                                                     const std::string& time_zone, int64_t now) {
  if (course.cancelled() || now >= course.starts_at) return std::vector<Notification>{};
  std::vector<Waiting> waiting;
  int64_t seats_taken = 0;
  std::map<std::string, std::string> family_of;
  for (const auto& v : TRY(Lineup(tx, course))) {
    if (v.application.status == "waitlisted") waiting.push_back({v.application.id, v.application.seats});
    else seats_taken += v.application.seats;
    family_of[v.application.id] = v.application.family_id;
  }
  std::vector<Notification> inbox;
  for (const auto& id : Promotions(course.capacity, seats_taken, waiting)) {
    TRY_STATUS(store::SetApplicationStatus(tx, course.organization_id, id, "confirmed", now));
    auto rows = TRY(notify::EnqueueAnnouncement(
        tx, CalendarNotice(course, "course:" + course.id + ":confirmed:" + id, notify::CalendarNews::kPromoted, time_zone),
        {family_of[id]}, time_zone, now));
    inbox.insert(inbox.end(), rows.begin(), rows.end());
  }
  return inbox;
}

Result<std::vector<Notification>> Courses::TellApplicants(db::Tx& tx, const CalendarEvent& course,
                                                          notify::CalendarNews news, const std::string& time_zone,
                                                          int64_t now) {
  std::set<std::string> families;
  for (const auto& a : TRY(store::ListApplications(tx, course.organization_id, course.id))) families.insert(a.family_id);
  if (families.empty()) return std::vector<Notification>{};
  const std::string key = "course:" + course.id + ":" + std::to_string(static_cast<int>(news)) + ":" + NewId(now);
  return notify::EnqueueAnnouncement(tx, CalendarNotice(course, key, news, time_zone),
                                     {families.begin(), families.end()}, time_zone, now);
}

}  // namespace tadaima::service
