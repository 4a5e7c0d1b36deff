// The calendar (行事予定) — API.md "Calendar, closures and courses": staff add
// closures (休館日), events (行事) and courses (講座) for a facility or (org_admin)
// the whole organization; guardians see those of their family's facilities
// and subscribe to them with a secret iCalendar link.
//
// A closure closes each day of the organization's zone it overlaps: plans
// for those days are refused (service/plans.h), the roster shows it, the
// not-arrived job skips it, and the guardians of the children planned to
// attend then are told when it is added or cancelled — as an emergency when
// it includes today. An entry may also be announced to the facility's
// families (a course: those with a child of its ages). Course seats and
// applications are service/courses.h. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/event.h"
#include "service/audiences.h"
#include "service/context.h"
#include "service/courses.h"

namespace tadaima::service {

struct EventInput {
  CalendarEvent event;  // facility_id, kind, title … apply_until as given
  std::optional<std::vector<std::string>> announce;  // channels to announce it on
};

struct EventPatchInput {
  Patch<std::string> title, description;
  Patch<int64_t> starts_at, ends_at;
  Patch<std::optional<int>> capacity;
  Patch<std::optional<std::pair<std::optional<int>, std::optional<int>>>> age_months;  // min, max
  Patch<std::optional<int64_t>> apply_until;
};

// An entry as one reader sees it: a guardian with the family's application.
struct EventView {
  CalendarEvent event;
  std::optional<CourseApplication> application;
  std::optional<int> position;  // the application's place on the waitlist
};

struct CreatedEvent {
  CalendarEvent event;
  bool replayed = false;
};

class Calendar : AreaService {
 public:
  Calendar(Context& ctx, Audiences& audiences, Courses& courses)
      : AreaService(ctx), audiences_(audiences), courses_(courses) {}

  // POST /events.
  Result<CreatedEvent> Create(const Actor& actor, const EventInput& in);
  // GET /events: entries overlapping the days from..to (default today and 60 days on).
  Result<std::vector<EventView>> List(const Actor& actor, const std::optional<std::string>& from,
                                      const std::optional<std::string>& to,
                                      const std::optional<std::string>& facility_id,
                                      const std::optional<std::string>& kind);
  // GET /events/{id}.
  Result<EventView> Get(const Actor& actor, const std::string& id);
  // PATCH /events/{id}.
  Result<EventView> Update(const Actor& actor, const std::string& id, const EventPatchInput& in);
  // DELETE /events/{id}: cancelled; again is harmless.
  Status Cancel(const Actor& actor, const std::string& id);
  // GET /events/{id}/event.ics.
  Result<std::string> EventFile(const Actor& actor, const std::string& id);

  // GET /me/calendar (replace: POST): the family's feed token.
  Result<std::string> FeedToken(const Actor& actor, bool replace);
  // GET /calendar/{token}.ics: the family's feed; not_found for an unknown token.
  Result<std::string> Feed(const std::string& token);

 private:
  Audiences& audiences_;
  Courses& courses_;
};

}  // namespace tadaima::service
