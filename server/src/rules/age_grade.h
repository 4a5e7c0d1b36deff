// Age in years and months, and the Japanese school grade, of a child on a day.
// Pure functions.
#pragma once

#include <string>

#include "base/time.h"

namespace tadaima {

struct Age {
  int years = 0;
  int months = 0;
};

// Completed years and months from `birth` to `today`. A month is complete on
// the day of the month of birth, or on the month's last day when it is
// shorter (born on the 31st: complete on 30 April). REQUIRES: birth <= today.
Age AgeOn(const CivilDate& birth, const CivilDate& today);

// The school grade on `today`: "未就学", "小1".."小6", "中1".."中3", "高1".."高3",
// "その他" after that. The school year starts on April 1; children born
// from April 2 of one year to April 1 of the next share a grade.
std::string GradeOn(const CivilDate& birth, const CivilDate& today);

// The grade number (1 = 小1 … 9 = 中3, 12 = 高3) on `today`; 0 or less
// before school.
int GradeNumberOn(const CivilDate& birth, const CivilDate& today);

}  // namespace tadaima
