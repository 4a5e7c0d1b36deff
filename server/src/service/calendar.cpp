#include "service/calendar.h"

#include <algorithm>
#include <map>

#include "base/ids.h"
#include "base/reasons.h"
#include "notify/outbox.h"
#include "report/ical.h"
#include "rules/calendar.h"
#include "rules/messages.h"
#include "rules/permissions.h"
#include "service/event_access.h"
#include "service/filters.h"
#include "store/application_store.h"
#include "store/event_store.h"
#include "store/organization_store.h"
#include "store/plan_store.h"

namespace tadaima::service {
namespace {

constexpr int kDefaultDays = 60, kMaxDays = 366, kFeedPastDays = 60;
constexpr int64_t kDayMs = 24LL * 3600 * 1000;

// The guardians of the children planned on the closure's days from today on
// are told `news`; as an emergency when the closure includes today.
Result<std::vector<Notification>> TellPlanned(db::Tx& tx, const CalendarEvent& e, notify::CalendarNews news,
                                              const std::string& key, const std::string& time_zone, int64_t now) {
  const int64_t today = InstantAt(DateAt(now, time_zone), 0, time_zone);
  const int64_t from = std::max(e.starts_at, today);
  if (from >= e.ends_at) return std::vector<Notification>{};
  const auto families = TRY(store::FamiliesPlannedBetween(tx, e.organization_id, e.facility_id, from, e.ends_at));
  if (families.empty()) return std::vector<Notification>{};
  auto a = CalendarNotice(e, key, news, time_zone);
  a.emergency = Overlaps(e, today, InstantAt(NextDay(DateAt(now, time_zone)), 0, time_zone));
  return notify::EnqueueAnnouncement(tx, a, families, time_zone, now);
}

void Append(std::vector<Notification>& to, std::vector<Notification> rows) {
  to.insert(to.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
}

}  // namespace

Result<CreatedEvent> Calendar::Create(const Actor& actor, const EventInput& in) {
  TRY_STATUS(RequireStaff(actor));
  if (!in.event.facility_id) TRY_STATUS(RequireOrgAdmin(actor));
  const int64_t now = clock_.NowMs();
  CalendarEvent e = in.event;
  FieldErrors errs;
  CheckEvent(e, errs);
  MessageChannels channels;
  if (in.announce) channels = ParseChannels(*in.announce, "announce.channels", errs);
  if (e.client_id && !IsUuid(*e.client_id)) errs.Add("client_id", reason::kNotUuid);
  TRY_STATUS(errs.ToStatus());

  std::vector<Notification> inbox;
  auto created = TRY(WriteOnce(e.client_id, [&](db::Tx& tx) -> Result<CreatedEvent> {
    inbox.clear();
    if (e.client_id)
      if (auto first = TRY(store::FindEventByClientId(tx, actor.organization_id, *e.client_id)))
        return CreatedEvent{TRY(ManagedEvent(tx, actor, first->id)), true};
    if (e.facility_id) {
      const auto f = TRY(store::FindFacility(tx, actor.organization_id, *e.facility_id));
      if (!f) return Fail(Error::NotFoundField("facility_id", reason::kNoSuchFacility));
      if (!StaffCoversFacility(actor, f->id)) return Fail(Error::PermissionDenied(reason::kNotYourFacility));
      e.facility_name = f->name;
    }
    e.id = NewId(now);
    e.organization_id = actor.organization_id;
    e.created_by_id = actor.user_id;
    e.created_by_name = actor.name;
    e.created_at = e.updated_at = now;
    if (e.kind == EventKind::kClosure) TRY_STATUS(store::LockClosures(tx, actor.organization_id, true));
    TRY_STATUS(store::InsertEvent(tx, e));
    if (e.kind == EventKind::kClosure)
      Append(inbox, TRY(TellPlanned(tx, e, notify::CalendarNews::kClosure, "closure:" + e.id, actor.time_zone, now)));
    if (in.announce) {
      Audience audience;
      if (e.facility_id) audience.facility_ids = std::vector<std::string>{*e.facility_id};
      audience.age_months_min = e.age_min_months;
      audience.age_months_max = e.age_max_months;
      const auto checked = TRY(audiences_.Check(tx, actor, audience));
      const auto resolved = TRY(audiences_.Resolve(tx, actor.organization_id, checked, ctx_.Today(actor)));
      auto a = CalendarNotice(e, "calendar:" + e.id + ":announce", notify::CalendarNews::kAnnounced, actor.time_zone);
      a.channels = channels;
      Append(inbox, TRY(notify::EnqueueAnnouncement(tx, a, resolved.family_ids, actor.time_zone, now)));
    }
    return CreatedEvent{e, false};
  }));
  ctx_.AnnounceInbox(inbox);
  return created;
}

Result<std::vector<EventView>> Calendar::List(const Actor& actor, const std::optional<std::string>& from,
                                              const std::optional<std::string>& to,
                                              const std::optional<std::string>& facility_id,
                                              const std::optional<std::string>& kind) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  const CivilDate first = TRY(DateParam("from", from, ctx_.Today(actor)));
  const CivilDate last = TRY(DateParam("to", to, AddDays(first, kDefaultDays)));
  FieldErrors errs;
  if (last < first) errs.Add("to", reason::kBeforeFrom);
  else if (AddDays(first, kMaxDays) < last) errs.Add("to", reason::RangeTooLong(kMaxDays));
  if (kind && !ParseEventKind(*kind)) errs.Add("kind", reason::NotAChoice({"closure", "event", "course"}));
  TRY_STATUS(errs.ToStatus());
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<EventView>> {
    const auto family_facilities = IsGuardian(actor) ? TRY(FamilyFacilityIds(tx, actor)) : std::vector<std::string>{};
    store::EventQuery q{actor.organization_id, std::nullopt, kind, InstantAt(first, 0, actor.time_zone),
                        InstantAt(NextDay(last), 0, actor.time_zone)};
    if (IsGuardian(actor)) q.facility_ids = family_facilities;
    else if (IsFacilityStaff(actor)) q.facility_ids = actor.facility_ids;
    if (facility_id) {
      const auto f = TRY(store::FindFacility(tx, actor.organization_id, *facility_id));
      if (!f || !SeesFacility(actor, family_facilities, f->id)) return Fail(Error::NotFound("facility not found"));
      q.facility_ids = std::vector<std::string>{f->id};
    }
    std::vector<EventView> out;
    std::vector<std::string> courses;
    for (auto& e : TRY(store::ListEvents(tx, q))) {
      if (e.kind == EventKind::kCourse) courses.push_back(e.id);
      out.push_back({std::move(e), std::nullopt, std::nullopt});
    }
    if (!IsGuardian(actor) || courses.empty()) return out;
    std::map<std::string, CourseApplication> mine;
    for (auto& a : TRY(store::FamilyApplications(tx, actor.organization_id, *actor.family_id, courses)))
      mine.emplace(a.event_id, std::move(a));
    for (auto& v : out)
      if (auto it = mine.find(v.event.id); it != mine.end()) {
        for (const auto& l : TRY(Courses::Lineup(tx, v.event)))
          if (l.application.id == it->second.id) v.position = l.position;
        v.application = it->second;
      }
    return out;
  });
}

Result<EventView> Calendar::Get(const Actor& actor, const std::string& id) {
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<EventView> {
    EventView v{TRY(VisibleEvent(tx, actor, id)), std::nullopt, std::nullopt};
    if (!IsGuardian(actor) || v.event.kind != EventKind::kCourse) return v;
    for (auto& l : TRY(Courses::Lineup(tx, v.event)))
      if (l.application.family_id == *actor.family_id) {
        v.position = l.position;
        v.application = std::move(l.application);
      }
    return v;
  });
}

Result<EventView> Calendar::Update(const Actor& actor, const std::string& id, const EventPatchInput& in) {
  const int64_t now = clock_.NowMs();
  std::vector<Notification> inbox;
  auto view = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<EventView> {
    inbox.clear();
    TRY_STATUS(store::LockEvent(tx, id));
    const CalendarEvent before = TRY(ManagedEvent(tx, actor, id));
    if (before.cancelled()) return Fail(Error::Conflict(reason::kEventCancelled));
    CalendarEvent e = before;
    if (in.title) e.title = *in.title;
    if (in.description) e.description = *in.description;
    if (in.starts_at) e.starts_at = *in.starts_at;
    if (in.ends_at) e.ends_at = *in.ends_at;
    if (in.capacity) e.capacity = *in.capacity;
    if (in.age_months) {
      e.age_min_months = *in.age_months ? (*in.age_months)->first : std::nullopt;
      e.age_max_months = *in.age_months ? (*in.age_months)->second : std::nullopt;
    }
    if (in.apply_until) e.apply_until = *in.apply_until;
    FieldErrors errs;
    CheckEvent(e, errs);
    TRY_STATUS(errs.ToStatus());
    if (e.capacity && *e.capacity < before.seats_taken)
      return Fail(Error::Conflict(reason::kBelowConfirmed, {{"capacity", reason::kBelowConfirmed}}));
    e.updated_at = now;
    if (e.kind == EventKind::kClosure) TRY_STATUS(store::LockClosures(tx, actor.organization_id, true));
    TRY_STATUS(store::UpdateEvent(tx, e));
    const bool moved = e.starts_at != before.starts_at || e.ends_at != before.ends_at;
    if (moved && e.kind == EventKind::kClosure)  // the families planned on its days now
      Append(inbox, TRY(TellPlanned(tx, e, notify::CalendarNews::kClosure, "closure:" + e.id + ":" + NewId(now),
                                    actor.time_zone, now)));
    if (moved && e.kind != EventKind::kClosure)
      Append(inbox, TRY(courses_.TellApplicants(tx, e, notify::CalendarNews::kChanged, actor.time_zone, now)));
    if (e.kind == EventKind::kCourse) Append(inbox, TRY(courses_.FillSeats(tx, e, actor.time_zone, now)));
    return EventView{TRY(store::FindEvent(tx, actor.organization_id, id)).value_or(e), std::nullopt, std::nullopt};
  }));
  ctx_.AnnounceInbox(inbox);
  return view;
}

Status Calendar::Cancel(const Actor& actor, const std::string& id) {
  const int64_t now = clock_.NowMs();
  std::vector<Notification> inbox;
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    inbox.clear();
    TRY_STATUS(store::LockEvent(tx, id));
    const CalendarEvent e = TRY(ManagedEvent(tx, actor, id));
    if (e.kind == EventKind::kClosure) TRY_STATUS(store::LockClosures(tx, actor.organization_id, true));
    if (!TRY(store::CancelEvent(tx, actor.organization_id, id, now))) return {};
    if (e.kind == EventKind::kClosure)
      Append(inbox, TRY(TellPlanned(tx, e, notify::CalendarNews::kClosureCancelled, "closure:" + e.id + ":cancelled",
                                    actor.time_zone, now)));
    if (e.kind == EventKind::kCourse && e.ends_at > now) {
      Append(inbox, TRY(courses_.TellApplicants(tx, e, notify::CalendarNews::kCancelled, actor.time_zone, now)));
      TRY_STATUS(store::CancelApplicationsOf(tx, actor.organization_id, id, now));
    }
    return {};
  }));
  ctx_.AnnounceInbox(inbox);
  return {};
}

Result<std::string> Calendar::EventFile(const Actor& actor, const std::string& id) {
  const auto v = TRY(Get(actor, id));
  auto org = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::FindOrganization(tx, actor.organization_id); }));
  std::optional<std::string> mark;
  if (v.application) mark = v.application->status == "confirmed" ? "申込済み" : "キャンセル待ち";
  return report::CalendarIcs({org ? org->name : "", actor.time_zone, "tadaima", clock_.NowMs()}, {{v.event, mark}});
}

Result<std::string> Calendar::FeedToken(const Actor& actor, bool replace) {
  TRY_STATUS(RequireGuardian(actor));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<std::string> {
    if (!replace) return store::EnsureFeedToken(tx, actor.organization_id, *actor.family_id, RandomToken(), now);
    const std::string token = RandomToken();
    TRY_STATUS(store::SetFeedToken(tx, actor.organization_id, *actor.family_id, token, now));
    return token;
  });
}

Result<std::string> Calendar::Feed(const std::string& token) {
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::string> {
    const auto family = TRY(store::FeedFamily(tx, token));
    const auto org = family ? TRY(store::FindOrganization(tx, family->first)) : std::nullopt;
    if (!family || !org) return Fail(Error::NotFound("no such calendar"));
    Actor reader;
    reader.organization_id = org->id;
    reader.time_zone = org->time_zone;
    reader.role = Role::kGuardian;
    reader.family_id = family->second;
    store::EventQuery q{org->id, TRY(FamilyFacilityIds(tx, reader)), std::nullopt, now - kFeedPastDays * kDayMs,
                        now + kMaxDays * kDayMs};
    const auto events = TRY(store::ListEvents(tx, q));
    std::vector<std::string> courses;
    for (const auto& e : events)
      if (e.kind == EventKind::kCourse) courses.push_back(e.id);
    std::map<std::string, std::string> marks;
    for (const auto& a : TRY(store::FamilyApplications(tx, org->id, family->second, courses)))
      marks[a.event_id] = a.status == "confirmed" ? "申込済み" : "キャンセル待ち";
    std::vector<report::IcsEntry> entries;
    for (const auto& e : events) {
      auto it = marks.find(e.id);
      entries.push_back({e, it == marks.end() ? std::nullopt : std::optional(it->second)});
    }
    return report::CalendarIcs({org->name + " 行事予定", org->time_zone, "tadaima", now}, entries);
  });
}

}  // namespace tadaima::service
