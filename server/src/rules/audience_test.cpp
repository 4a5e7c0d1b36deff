#include "rules/audience.h"

#include <gtest/gtest.h>

namespace tadaima {
namespace {

CivilDate D(const char* s) { return *CivilDate::Parse(s); }

// The reason recorded for `field`, "" when none.
std::string ReasonOf(const Audience& a, const std::string& field) {
  FieldErrors errs;
  CheckAudienceValues(a, "audience.", errs);
  auto status = errs.ToStatus();
  if (status) return "";
  auto it = status.error().fields.find(field);
  return it == status.error().fields.end() ? "" : it->second.reason;
}

TEST(AudienceTest, AcceptsEveryKeyAndTheEmptyAudience) {
  FieldErrors errs;
  CheckAudienceValues({}, "audience.", errs);
  EXPECT_TRUE(errs.empty());
  Audience a;
  a.facility_ids = {"f1"};
  a.family_ids = {"fa1", "fa2"};
  a.child_ids = {"c1"};
  a.grades = {"未就学", "小1", "中3", "その他"};
  a.age_months_min = 0;
  a.age_months_max = 360;
  CheckAudienceValues(a, "audience.", errs);
  EXPECT_TRUE(errs.empty());
}

TEST(AudienceTest, NamesEachBadValue) {
  Audience a;
  a.facility_ids = std::vector<std::string>{};
  a.child_ids = {"c1", ""};
  a.grades = {"小1", "小7"};
  a.age_months_min = 30;
  a.age_months_max = 12;
  EXPECT_EQ(ReasonOf(a, "audience.facility_ids"), "empty");
  EXPECT_EQ(ReasonOf(a, "audience.child_ids[1]"), "empty");
  EXPECT_EQ(ReasonOf(a, "audience.grades[1]"), "not_grade");
  EXPECT_EQ(ReasonOf(a, "audience.grades[0]"), "");
  EXPECT_EQ(ReasonOf(a, "audience.age_months.min"), "min_above_max");
  a.age_months_min = -1;
  a.age_months_max = 361;
  EXPECT_EQ(ReasonOf(a, "audience.age_months.min"), "out_of_range");
  EXPECT_EQ(ReasonOf(a, "audience.age_months.max"), "out_of_range");
}

TEST(AudienceTest, ChildFiltersAllApplyOnTheDayOfSending) {
  // Born 2019-04-02: 小1 from April 2026; 6 years 0 months on 2025-04-02.
  const CivilDate birth = D("2019-04-02");
  Audience grade;
  grade.grades = {"小1"};
  EXPECT_FALSE(ChildMatches(grade, "c1", birth, D("2026-03-31")));
  EXPECT_TRUE(ChildMatches(grade, "c1", birth, D("2026-04-01")));

  Audience age;
  age.age_months_min = 72;
  age.age_months_max = 72;
  EXPECT_FALSE(ChildMatches(age, "c1", birth, D("2025-04-01")));  // 71 months
  EXPECT_TRUE(ChildMatches(age, "c1", birth, D("2025-04-02")));   // 72
  EXPECT_FALSE(ChildMatches(age, "c1", birth, D("2025-05-02")));  // 73
  EXPECT_FALSE(ChildMatches(age, "c1", birth, D("2019-01-01")));  // not born yet

  Audience both = grade;
  both.child_ids = {"c2"};
  EXPECT_FALSE(ChildMatches(both, "c1", birth, D("2026-04-01")));
  EXPECT_TRUE(ChildMatches(both, "c2", birth, D("2026-04-01")));
  EXPECT_FALSE(HasChildFilter({}));
  EXPECT_TRUE(HasChildFilter(both));
}

TEST(AudienceTest, JsonRoundTripsEveryKey) {
  Audience a;
  a.facility_ids = {"f1"};
  a.family_ids = std::vector<std::string>{};
  a.grades = {"小1"};
  a.age_months_max = 36;
  const auto j = AudienceJson(a);
  EXPECT_EQ(j.dump(), R"({"age_months":{"max":36},"facility_ids":["f1"],"family_ids":[],"grades":["小1"]})");
  const Audience back = AudienceFromJson(j);
  EXPECT_EQ(back.facility_ids, a.facility_ids);
  EXPECT_EQ(back.family_ids, a.family_ids);
  EXPECT_EQ(back.child_ids, std::nullopt);
  EXPECT_EQ(back.grades, a.grades);
  EXPECT_EQ(back.age_months_min, std::nullopt);
  EXPECT_EQ(back.age_months_max, 36);
  EXPECT_EQ(AudienceJson(AudienceFromJson(nlohmann::json::object())).dump(), "{}");
}

}  // namespace
}  // namespace tadaima
