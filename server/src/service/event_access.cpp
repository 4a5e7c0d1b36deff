#include "service/event_access.h"

#include <algorithm>

#include "base/reasons.h"
#include "rules/calendar.h"
#include "rules/permissions.h"
#include "store/enrollment_store.h"
#include "store/event_store.h"

namespace tadaima::service {

Result<std::vector<std::string>> FamilyFacilityIds(db::Tx& tx, const Actor& guardian) {
  std::vector<std::string> out;
  for (const auto& e : TRY(store::ListEnrollmentsOfFamilies(tx, guardian.organization_id, {*guardian.family_id})))
    if (e.status == EnrollmentStatus::kActive && std::find(out.begin(), out.end(), e.facility_id) == out.end())
      out.push_back(e.facility_id);
  return out;
}

bool SeesFacility(const Actor& actor, const std::vector<std::string>& family_facilities,
                  const std::optional<std::string>& facility_id) {
  if (!facility_id) return true;
  if (IsGuardian(actor))
    return std::find(family_facilities.begin(), family_facilities.end(), *facility_id) != family_facilities.end();
  return StaffCoversFacility(actor, *facility_id);
}

Result<CalendarEvent> VisibleEvent(db::Tx& tx, const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  auto e = TRY(store::FindEvent(tx, actor.organization_id, id));
  const auto families = IsGuardian(actor) ? TRY(FamilyFacilityIds(tx, actor)) : std::vector<std::string>{};
  if (!e || !SeesFacility(actor, families, e->facility_id)) return Fail(Error::NotFound("calendar entry not found"));
  return std::move(*e);
}

Result<CalendarEvent> ManagedEvent(db::Tx& tx, const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireStaff(actor));
  auto e = TRY(VisibleEvent(tx, actor, id));
  if (!e.facility_id) TRY_STATUS(RequireOrgAdmin(actor));
  return e;
}

notify::Announcement CalendarNotice(const CalendarEvent& e, const std::string& key, notify::CalendarNews news,
                                    const std::string& time_zone) {
  notify::Announcement a;
  a.organization_id = e.organization_id;
  a.kind = EventKindName(e.kind);
  a.event_key = key;
  a.link = "/app/calendar/" + e.id;
  const bool all_day = IsAllDay(e, time_zone);
  a.words = [e, news, all_day, time_zone](const std::string& language) {
    return notify::CalendarWording(language, news, e.title,
                                   notify::EventWhen(language, e.starts_at, e.ends_at, all_day, time_zone));
  };
  return a;
}

}  // namespace tadaima::service
