#include "rules/calendar.h"

#include "base/reasons.h"
#include "base/time.h"
#include "rules/age_grade.h"
#include "rules/audience.h"
#include "rules/messages.h"
#include "rules/validation.h"

namespace tadaima {
namespace {

constexpr const char* kKindNames[] = {"closure", "event", "course"};

bool AtMidnight(int64_t ms, const std::string& time_zone) { return InstantAt(DateAt(ms, time_zone), 0, time_zone) == ms; }

}  // namespace

const char* EventKindName(EventKind kind) { return kKindNames[static_cast<int>(kind)]; }

std::optional<EventKind> ParseEventKind(std::string_view name) {
  for (int i = 0; i < 3; ++i)
    if (name == kKindNames[i]) return static_cast<EventKind>(i);
  return std::nullopt;
}

void CheckEvent(CalendarEvent& e, FieldErrors& errs) {
  e.title = TrimSpaces(e.title);
  errs.Check("title", CheckName(e.title, kEventTitleMax));
  e.description = NormalizeMessageText(TrimSpaces(e.description));
  errs.Check("description", CheckText(e.description, kEventDescriptionMax));
  if (e.ends_at <= e.starts_at) errs.Add("ends_at", reason::kNotAfterStartsAt);
  else if (e.ends_at - e.starts_at > kEventMaxLengthMs) errs.Add("ends_at", reason::kEventTooLong);
  if (e.kind != EventKind::kCourse) {
    if (e.capacity) errs.Add("capacity", reason::kCourseOnly);
    if (e.age_min_months || e.age_max_months) errs.Add("age_months", reason::kCourseOnly);
    if (e.apply_until) errs.Add("apply_until", reason::kCourseOnly);
    return;
  }
  if (e.capacity && (*e.capacity < 1 || *e.capacity > kCourseMaxCapacity))
    errs.Add("capacity", reason::OutOfRange(1, kCourseMaxCapacity));
  Audience ages;
  ages.age_months_min = e.age_min_months;
  ages.age_months_max = e.age_max_months;
  CheckAudienceValues(ages, "", errs);
  if (e.apply_until && *e.apply_until > e.starts_at) errs.Add("apply_until", reason::kApplyUntilAfterStart);
}

bool IsAllDay(const CalendarEvent& e, const std::string& time_zone) {
  return AtMidnight(e.starts_at, time_zone) && AtMidnight(e.ends_at, time_zone);
}

bool FitsAge(const CalendarEvent& course, const CivilDate& birth, const CivilDate& first_day) {
  if (!course.age_min_months && !course.age_max_months) return true;
  if (first_day < birth) return false;
  const Age age = AgeOn(birth, first_day);
  const int months = age.years * 12 + age.months;
  return months >= course.age_min_months.value_or(0) && months <= course.age_max_months.value_or(1'000'000);
}

bool ConfirmsAtOnce(std::optional<int> capacity, int64_t seats_taken, size_t waiting, int seats) {
  if (!capacity) return true;
  return waiting == 0 && seats_taken + seats <= *capacity;
}

std::vector<std::string> Promotions(std::optional<int> capacity, int64_t seats_taken,
                                    const std::vector<Waiting>& waitlist) {
  std::vector<std::string> out;
  for (const auto& w : waitlist) {
    if (capacity && seats_taken + w.seats > *capacity) break;
    seats_taken += w.seats;
    out.push_back(w.id);
  }
  return out;
}

std::vector<int64_t> SeatsWaitedFor(std::optional<int> capacity, int64_t seats_taken,
                                    const std::vector<Waiting>& waitlist) {
  std::vector<int64_t> out;
  const int64_t free = capacity ? std::max<int64_t>(0, *capacity - seats_taken) : 0;
  int64_t needed = 0;
  for (const auto& w : waitlist) {
    needed += w.seats;
    out.push_back(std::max<int64_t>(0, needed - free));
  }
  return out;
}

}  // namespace tadaima
