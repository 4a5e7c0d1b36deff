#include "rules/age_grade.h"

#include <algorithm>

#include <date/date.h>

namespace tadaima {
namespace {

int DaysInMonth(int year, int month) {
  using namespace date;
  return static_cast<int>(unsigned((year_month_day_last{date::year{year}, month_day_last{date::month(month)}}).day()));
}

}  // namespace

Age AgeOn(const CivilDate& birth, const CivilDate& today) {
  int months = (today.year - birth.year) * 12 + (today.month - birth.month);
  int anniversary_day = std::min(birth.day, DaysInMonth(today.year, today.month));
  if (today.day < anniversary_day) --months;
  if (months < 0) months = 0;
  return {months / 12, months % 12};
}

int GradeNumberOn(const CivilDate& birth, const CivilDate& today) {
  // The school year that `today` belongs to starts on April 1 of this year.
  int school_year = today.month >= 4 ? today.year : today.year - 1;
  // Born April 2 .. December 31: first grade at 7 years after the birth year's
  // April; born January 1 .. April 1: one year earlier.
  bool early = birth.month < 4 || (birth.month == 4 && birth.day == 1);
  int first_grade_year = birth.year + (early ? 6 : 7);
  return school_year - first_grade_year + 1;
}

std::string GradeOn(const CivilDate& birth, const CivilDate& today) {
  int g = GradeNumberOn(birth, today);
  if (g < 1) return "未就学";
  if (g <= 6) return "小" + std::to_string(g);
  if (g <= 9) return "中" + std::to_string(g - 6);
  if (g <= 12) return "高" + std::to_string(g - 9);
  return "その他";
}

std::optional<int> ParseSchoolGrade(std::string_view name) {
  for (int g = 1; g <= 9; ++g)
    if (name == SchoolGradeName(g)) return g;
  return std::nullopt;
}

std::string SchoolGradeName(int grade) {
  return grade <= 6 ? "小" + std::to_string(grade) : "中" + std::to_string(grade - 6);
}

CivilDate BirthForAgeMonths(int months, const CivilDate& day) {
  // `months` months back, then half a month more: the month is complete, the next is not.
  int total = day.year * 12 + (day.month - 1) - months;
  const int year = total / 12, month = total % 12 + 1;
  const CivilDate back{year, month, std::min(day.day, DaysInMonth(year, month))};
  return AddDays(back, -15);
}

CivilDate BirthForGrade(int grade, const CivilDate& day) {
  // Born April 2 .. April 1 of the next year share a grade: October 1 is inside.
  const int school_year = day.month >= 4 ? day.year : day.year - 1;
  return CivilDate{school_year - grade - 6, 10, 1};
}

}  // namespace tadaima
