// A course's attendance list (出席簿) as an A4 PDF: the course, its time and
// place, then one line per confirmed child (name, kana, age, family) with a
// box to tick at the door, and the waitlist after it.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"

namespace tadaima::report {

struct AttendanceLine {
  std::string name, kana, age, family;
};

struct AttendanceSheet {
  std::string title;
  std::string when;   // "2027年6月20日（日）10:00〜11:00"
  std::string where;  // the facility's name
  std::string seats;  // "定員 10名 / 確定 8名"
  std::vector<AttendanceLine> confirmed, waitlisted;
};

Result<std::string> AttendancePdf(const AttendanceSheet& sheet);

}  // namespace tadaima::report
