#include "rules/age_grade.h"

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

}  // namespace tadaima
