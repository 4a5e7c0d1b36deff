// Courses (講座) — applications and the waitlist. Each child takes one seat;
// an application is confirmed when its seats are free and nobody waits
// before it, else it waits; freed seats go to the waitlist strictly in the
// order of applying (rules/calendar.h) while the course has not begun, and
// each family confirmed so is told. Applying locks the course's row, so two
// guardians applying for the last seat at once get one seat and one place in
// line. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/event.h"
#include "notify/templates.h"
#include "service/context.h"

namespace tadaima::service {

struct ApplyInput {
  std::vector<std::string> child_ids;
  std::optional<std::string> client_id;
};

struct ApplicationView {
  CourseApplication application;
  std::optional<int> position;                 // waitlisted: 1 = next
  std::optional<int64_t> waiting_for_seats;   // waitlisted: free seats it still needs
};

struct AppliedCourse {
  ApplicationView view;
  bool replayed = false;
};

struct CourseApplicants {
  CalendarEvent course;
  std::vector<ApplicationView> confirmed, waitlisted;
};

class Courses : AreaService {
 public:
  explicit Courses(Context& ctx) : AreaService(ctx) {}

  // POST /events/{id}/applications: a guardian for the family's children,
  // staff for children of one family by hand (also after the deadline, not
  // after the start).
  Result<AppliedCourse> Apply(const Actor& actor, const std::string& event_id, const ApplyInput& in);
  // DELETE /applications/{id}: the family's guardians, staff of the course.
  Status Withdraw(const Actor& actor, const std::string& application_id);
  // GET /events/{id}/applications: staff of the course.
  Result<CourseApplicants> Applicants(const Actor& actor, const std::string& event_id);
  // GET /events/{id}/attendance.pdf.
  Result<std::string> AttendancePdf(const Actor& actor, const std::string& event_id);

  // The course's live applications in the order of applying, with places in line.
  static Result<std::vector<ApplicationView>> Lineup(db::Tx& tx, const CalendarEvent& course);
  // Confirms the waitlist's head while its seats are free and the course has
  // not begun, telling those families; returns the in-app rows written.
  Result<std::vector<Notification>> FillSeats(db::Tx& tx, const CalendarEvent& course, const std::string& time_zone,
                                              int64_t now);
  // Tells the families of the course's live applications `news` (changed, cancelled).
  Result<std::vector<Notification>> TellApplicants(db::Tx& tx, const CalendarEvent& course,
                                                   notify::CalendarNews news,
                                                   const std::string& time_zone, int64_t now);
};

}  // namespace tadaima::service
