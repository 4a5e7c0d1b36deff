// Visits and the day's roster: who is expected, here, gone or absent at a
// facility; the visit list with filters; corrections by staff (with a
// reason, kept in the audit log); the pick-up person; and the auto-close job
// for visits left open at closing time. Staff see the facilities they cover;
// an id outside them answers not_found. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/event.h"
#include "service/context.h"
#include "store/care_store.h"

namespace tadaima::service {

struct RosterItem {
  Child child;
  std::string status;  // expected | present | left | absent | not_arrived | unplanned
  std::optional<Visit> visit;
  std::optional<Plan> plan;
  store::CareMarkers care;  // which care texts the child has (never the texts)
};
struct Roster {
  CivilDate date;
  std::vector<RosterItem> items;
  std::optional<CalendarEvent> closure;  // the facility is closed that day (service/calendar.h)
};

// A child on site now, with whom to call (an evacuation, an emergency
// notice): the family's phone and its guardians.
struct OnSiteChild {
  Child child;
  store::CareMarkers care;
  Visit visit;
  std::string family_name;
  std::optional<std::string> family_phone;
  std::vector<User> guardians;
};

struct VisitFilter {
  std::optional<std::string> facility_id, child_id, from, to, cursor;
  bool needs_review_only = false;
  int limit = 50;
};
struct VisitPage {
  std::vector<Visit> items;
  std::optional<std::string> next_cursor;
};

class Visits : AreaService {
 public:
  explicit Visits(Context& ctx) : AreaService(ctx) {}

  // Staff, or the kiosk just after the departure it recorded: who picked the
  // child up (pickup_by), or that it went home alone (with the guardians'
  // permission). The departure's notifications not yet delivered, and the
  // in-app one, are reworded with it.
  struct Pickup {
    std::optional<std::string> pickup_by;
    bool alone = false;
  };
  Result<Visit> SetPickup(const Actor& actor, const std::string& visit_id, const Pickup& pickup);
  // The facility's roster of `date` (default the organization's today).
  Result<Roster> GetRoster(const Actor& actor, const std::string& facility_id, const std::optional<std::string>& date);
  // Staff covering the facility: the children in now (today's visits not
  // closed), by arrival, with their families' phones and guardians' names.
  Result<std::vector<OnSiteChild>> OnSite(const Actor& actor, const std::string& facility_id);
  Result<VisitPage> ListVisits(const Actor& actor, const VisitFilter& filter);
  // Staff: the whole filtered list (cursor and limit ignored; at most
  // kMaxExportRows visits) as a CSV file (report/visits_csv.h).
  static constexpr int kMaxExportRows = 100000;
  Result<std::string> ExportVisitsCsv(const Actor& actor, VisitFilter filter);
  Result<Visit> CorrectVisit(const Actor& actor, const std::string& id, const std::optional<std::string>& in_at,
                             const std::optional<std::optional<std::string>>& out_at, const std::string& reason);
  // Closes open visits whose facility has closed (the auto-close job); returns how many.
  Result<int> CloseDueVisits();
};

}  // namespace tadaima::service
