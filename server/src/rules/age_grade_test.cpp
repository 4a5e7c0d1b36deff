#include "rules/age_grade.h"

#include <gtest/gtest.h>

namespace tadaima {
namespace {

CivilDate D(const char* s) { return *CivilDate::Parse(s); }

TEST(AgeOnTest, CountsCompletedYearsAndMonths) {
  EXPECT_EQ(AgeOn(D("2019-05-10"), D("2026-11-21")).years, 7);
  EXPECT_EQ(AgeOn(D("2019-05-10"), D("2026-11-21")).months, 6);
  EXPECT_EQ(AgeOn(D("2019-05-22"), D("2026-11-21")).months, 5);  // the day not yet reached
  EXPECT_EQ(AgeOn(D("2026-11-21"), D("2026-11-21")).years, 0);
  EXPECT_EQ(AgeOn(D("2026-11-21"), D("2026-11-21")).months, 0);
  EXPECT_EQ(AgeOn(D("2025-11-21"), D("2026-11-21")).years, 1);
  EXPECT_EQ(AgeOn(D("2025-11-21"), D("2026-11-21")).months, 0);
}

TEST(AgeOnTest, BornOnADayTheMonthLacks) {
  // Born on 31 January: a month is complete on 28/29 February.
  EXPECT_EQ(AgeOn(D("2026-01-31"), D("2026-02-27")).months, 0);
  EXPECT_EQ(AgeOn(D("2026-01-31"), D("2026-02-28")).months, 1);
  EXPECT_EQ(AgeOn(D("2024-02-29"), D("2025-02-28")).years, 1);
}

TEST(GradeOnTest, AprilSecondIsTheCutOff) {
  // School year 2026 (April 2026 .. March 2027): 小1 are born 2019-04-02 .. 2020-04-01.
  EXPECT_EQ(GradeOn(D("2019-04-02"), D("2026-11-21")), "小1");
  EXPECT_EQ(GradeOn(D("2020-04-01"), D("2026-11-21")), "小1");
  EXPECT_EQ(GradeOn(D("2020-04-02"), D("2026-11-21")), "未就学");
  EXPECT_EQ(GradeOn(D("2019-04-01"), D("2026-11-21")), "小2");
}

TEST(GradeOnTest, TheSchoolYearTurnsOnAprilFirst) {
  CivilDate child = D("2020-01-15");
  EXPECT_EQ(GradeOn(child, D("2026-03-31")), "未就学");
  EXPECT_EQ(GradeOn(child, D("2026-04-01")), "小1");
  EXPECT_EQ(GradeOn(child, D("2027-03-31")), "小1");
  EXPECT_EQ(GradeOn(child, D("2027-04-01")), "小2");
}

TEST(GradeOnTest, NamesEveryStage) {
  CivilDate today = D("2026-11-21");
  EXPECT_EQ(GradeOn(D("2014-06-01"), today), "小6");
  EXPECT_EQ(GradeOn(D("2013-06-01"), today), "中1");
  EXPECT_EQ(GradeOn(D("2011-06-01"), today), "中3");
  EXPECT_EQ(GradeOn(D("2010-06-01"), today), "高1");
  EXPECT_EQ(GradeOn(D("2008-06-01"), today), "高3");
  EXPECT_EQ(GradeOn(D("2000-06-01"), today), "その他");
  EXPECT_EQ(GradeOn(D("2024-06-01"), today), "未就学");
}

TEST(AgeGradeTest, FormAgesBecomeBirthDatesGivingTheSameAge) {
  const CivilDate days[] = {{2027, 6, 10}, {2027, 6, 30}, {2027, 3, 1}, {2028, 2, 29}, {2027, 4, 1}};
  for (const CivilDate& day : days) {
    for (int months = 0; months < 216; ++months) {
      const Age age = AgeOn(BirthForAgeMonths(months, day), day);
      EXPECT_EQ(age.years * 12 + age.months, months) << day.ToString() << " " << months;
    }
    for (int grade = 1; grade <= 9; ++grade)
      EXPECT_EQ(GradeNumberOn(BirthForGrade(grade, day), day), grade) << day.ToString() << " " << grade;
  }
  EXPECT_EQ(ParseSchoolGrade("小1"), 1);
  EXPECT_EQ(ParseSchoolGrade("中3"), 9);
  EXPECT_EQ(ParseSchoolGrade("高1"), std::nullopt);
  EXPECT_EQ(ParseSchoolGrade("未就学"), std::nullopt);
  EXPECT_EQ(SchoolGradeName(7), "中1");
}

}  // namespace
}  // namespace tadaima
