// The calendar (行事予定): closures (休館日), events (行事) and courses (講座)
// with their applications. Plain structs, like model.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"

namespace tadaima {

enum class EventKind { kClosure, kEvent, kCourse };

struct CalendarEvent {
  std::string id;
  std::string organization_id;
  std::optional<std::string> facility_id;  // nullopt: every facility of the organization
  std::optional<std::string> facility_name;
  EventKind kind = EventKind::kEvent;
  std::string title, description;
  int64_t starts_at = 0, ends_at = 0;  // [starts_at, ends_at)
  // Courses only.
  std::optional<int> capacity;                  // seats, one per child; nullopt: no limit
  std::optional<int> age_min_months, age_max_months;  // inclusive, on the first day
  std::optional<int64_t> apply_until;           // nullopt: until it starts
  std::string status = "scheduled";             // scheduled | cancelled
  std::optional<int64_t> cancelled_at;
  std::optional<std::string> client_id;
  std::string created_by_id, created_by_name;
  int64_t created_at = 0, updated_at = 0;
  // Courses, counted when read: confirmed seats and waiting applications.
  int64_t seats_taken = 0, waitlisted = 0;

  bool cancelled() const { return status == "cancelled"; }
  int64_t ApplyUntil() const { return apply_until.value_or(starts_at); }
};

struct ApplicationChild {
  std::string id, name;
  std::optional<std::string> name_kana;
  CivilDate birth_date;
};

// A family's application for a course; each child takes one seat.
struct CourseApplication {
  std::string id;
  std::string organization_id;
  std::string event_id;
  std::string family_id, family_name;
  std::string status = "confirmed";  // confirmed | waitlisted | cancelled
  int seats = 0;
  int64_t seq = 0;  // the order of applying: the waitlist's order
  std::vector<ApplicationChild> children;
  std::optional<std::string> client_id;
  std::string created_by_id, created_by_name;
  int64_t created_at = 0, updated_at = 0;
};

}  // namespace tadaima
