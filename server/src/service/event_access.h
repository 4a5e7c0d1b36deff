// Who may see and manage a calendar entry, and the notice of its news to
// families, shared by service/calendar.h and service/courses.h. Staff see their facilities' entries and the
// organization's; they manage their facilities' and (org_admin) the
// organization's. A guardian sees the entries of the facilities where the
// family has an active enrollment, and the organization's. Others: not_found.
#pragma once

#include <string>
#include <vector>

#include "db/database.h"
#include "model/event.h"
#include "notify/outbox.h"
#include "notify/templates.h"

namespace tadaima::service {

// The facilities where the guardian's family has an active enrollment.
Result<std::vector<std::string>> FamilyFacilityIds(db::Tx& tx, const Actor& guardian);
// The entry when `actor` (staff or guardian) may see it.
Result<CalendarEvent> VisibleEvent(db::Tx& tx, const Actor& actor, const std::string& id);
// The entry when `actor` (staff) may change it; permission_denied for an
// entry the staff member sees but may not change (org_admin_only).
Result<CalendarEvent> ManagedEvent(db::Tx& tx, const Actor& actor, const std::string& id);
// Whether the guardian's family or the staff member sees entries of `facility_id` (nullopt: the organization's).
bool SeesFacility(const Actor& actor, const std::vector<std::string>& family_facilities,
                  const std::optional<std::string>& facility_id);

// The notice of `news` about `e` (kind closure, event or course; the link to
// the entry in the app), keyed `key`, its time written in `time_zone`.
notify::Announcement CalendarNotice(const CalendarEvent& e, const std::string& key, notify::CalendarNews news,
                                    const std::string& time_zone);

}  // namespace tadaima::service
