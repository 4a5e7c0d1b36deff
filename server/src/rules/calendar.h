// The pure half of the calendar and courses (API.md "Calendar, closures and
// courses"): what an entry may hold, which days a closure closes, whether a
// child fits a course, and how seats go to applications — strictly in the
// order of applying, so that nobody is passed over. The services are
// service/calendar.h and service/courses.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/field_errors.h"
#include "model/event.h"

namespace tadaima {

inline constexpr long kEventTitleMax = 100;          // code points
inline constexpr long kEventDescriptionMax = 5'000;  // code points
inline constexpr int64_t kEventMaxLengthMs = 31LL * 24 * 3600 * 1000;
inline constexpr int kCourseMaxCapacity = 10'000;
inline constexpr size_t kApplicationMaxChildren = 20;

const char* EventKindName(EventKind kind);
std::optional<EventKind> ParseEventKind(std::string_view name);

// Trims the title and description of `e` and records what is wrong with it:
// the text, ends_at not after starts_at or more than 31 days on, the course
// fields on another kind (course_only), capacity out of 1..10000, the age
// range (as audiences), apply_until after starts_at.
void CheckEvent(CalendarEvent& e, FieldErrors& errs);

// Whether the entry runs from a midnight to a midnight in `time_zone`.
bool IsAllDay(const CalendarEvent& e, const std::string& time_zone);

// Whether [starts_at, ends_at) overlaps [from, to).
inline bool Overlaps(const CalendarEvent& e, int64_t from, int64_t to) { return e.starts_at < to && e.ends_at > from; }

// Whether a child born on `birth` is within the course's ages on its first
// day (`first_day`, the organization's date of starts_at).
bool FitsAge(const CalendarEvent& course, const CivilDate& birth, const CivilDate& first_day);

// A waiting application as the seat rule sees it.
struct Waiting {
  std::string id;
  int seats = 0;
};

// Whether a new application of `seats` is confirmed at once: the seats are
// free and nobody waits.
bool ConfirmsAtOnce(std::optional<int> capacity, int64_t seats_taken, size_t waiting, int seats);

// The waiting applications (in order) that the free seats confirm: from the
// first, while each fits; the first that does not fit stops the rest.
std::vector<std::string> Promotions(std::optional<int> capacity, int64_t seats_taken,
                                    const std::vector<Waiting>& waitlist);

// For each waiting application (in order): how many more free seats it needs
// before it is confirmed (its seats and those of everyone before it).
std::vector<int64_t> SeatsWaitedFor(std::optional<int> capacity, int64_t seats_taken,
                                    const std::vector<Waiting>& waitlist);

}  // namespace tadaima
