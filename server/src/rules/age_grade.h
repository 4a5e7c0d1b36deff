// Age in years and months, and the Japanese school grade, of a child on a day.
// Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

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

// "小1".."小6" → 1..6, "中1".."中3" → 7..9; nullopt for anything else.
std::optional<int> ParseSchoolGrade(std::string_view name);
std::string SchoolGradeName(int grade);  // 1..9 → "小1".."中3"

// For a paper form that gives an age instead of a birth date: a birth date
// in the middle of those that give the age on `day` — `months` completed
// months, or school grade `grade` (1..9) — so that age bands and grades
// computed from it are the form's.
CivilDate BirthForAgeMonths(int months, const CivilDate& day);
CivilDate BirthForGrade(int grade, const CivilDate& day);

}  // namespace tadaima
