#include "rules/usage_stats.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace tadaima {
namespace {

const std::string kTz = "Asia/Tokyo";

CivilDate D(const char* s) { return *CivilDate::Parse(s); }
int64_t At(const char* day, int hour, int minute = 0) { return InstantAt(D(day), hour * 60 + minute, kTz); }

VisitFact Visit(const std::string& child, const std::string& family, const char* birth, int64_t in_at,
                std::optional<int64_t> out_at = std::nullopt) {
  VisitFact v;
  v.facility_id = "f1";
  v.child_id = child;
  v.family_key = family;
  v.visit_key = child + "@" + std::to_string(in_at);
  v.child_name = "子 " + child;
  v.birth_date = D(birth);
  v.in_at = in_at;
  v.out_at = out_at;
  return v;
}

TEST(AgeBandTest, BandsFollowTheAgeAndTheSchoolYearOnTheDay) {
  EXPECT_EQ(AgeBand(D("2027-01-10"), D("2027-06-10")), "0歳");
  EXPECT_EQ(AgeBand(D("2026-06-10"), D("2027-06-10")), "1歳");  // the birthday itself
  EXPECT_EQ(AgeBand(D("2026-06-11"), D("2027-06-10")), "0歳");
  EXPECT_EQ(AgeBand(D("2025-01-01"), D("2027-06-10")), "2歳");
  EXPECT_EQ(AgeBand(D("2022-01-01"), D("2027-06-10")), "3歳以上未就学");
  EXPECT_EQ(AgeBand(D("2020-04-01"), D("2027-06-10")), "小学生");   // 小2: born on April 1
  EXPECT_EQ(AgeBand(D("2021-04-02"), D("2027-06-10")), "3歳以上未就学");  // not yet at school
  EXPECT_EQ(AgeBand(D("2014-01-01"), D("2027-06-10")), "中学生");
  EXPECT_EQ(AgeBand(D("2010-01-01"), D("2027-06-10")), "その他");
  EXPECT_EQ(ReportGrade(D("2020-04-01"), D("2027-06-10")), "小2");
  EXPECT_EQ(ReportGrade(D("2021-04-02"), D("2027-06-10")), "その他");
  EXPECT_EQ(ReportGrade(D("2014-01-01"), D("2027-06-10")), "その他");
}

TEST(GroupVisitsTest, DaysAndMonthsListEveryKeyAndAVisitBelongsToItsLocalDay) {
  const std::vector<VisitFact> facts{
      Visit("c1", "fa", "2019-05-01", At("2027-06-30", 23, 50)),  // 14:50 UTC: still June in Tokyo
      Visit("c2", "fa", "2020-05-01", At("2027-07-01", 0, 10)),
      Visit("c3", "fb", "2026-01-01", At("2027-07-01", 15)),
  };
  FirstVisits first{{{"f1", "fa"}, At("2027-06-30", 23, 50)}, {{"f1", "fb"}, At("2027-05-01", 10)}};
  auto days = GroupVisits(facts, StatsGroup::kDay, D("2027-06-29"), D("2027-07-02"), kTz, first);
  ASSERT_EQ(days.size(), 4u);
  EXPECT_EQ(days[1].key, "2027-06-30");
  EXPECT_EQ(days[1].visits, 1);
  EXPECT_EQ(days[1].first_time_families, 1);
  EXPECT_EQ(days[2].key, "2027-07-01");
  EXPECT_EQ(days[2].visits, 2);
  EXPECT_EQ(days[2].families, 2);
  EXPECT_EQ(days[2].first_time_families, 0);  // fa came first on the 30th, fb in May
  EXPECT_EQ(days[3].visits, 0);
  auto months = GroupVisits(facts, StatsGroup::kMonth, D("2027-05-15"), D("2027-07-02"), kTz, first);
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].key, "2027-05");
  EXPECT_EQ(months[0].first_time_families, 0);  // before the range: not counted
  EXPECT_EQ(months[1].visits, 1);
  EXPECT_EQ(months[2].visits, 2);
  auto hours = GroupVisits(facts, StatsGroup::kHour, D("2027-06-29"), D("2027-07-02"), kTz, first);
  ASSERT_EQ(hours.size(), 24u);
  EXPECT_EQ(hours[23].visits, 1);
  EXPECT_EQ(hours[0].visits, 1);
  EXPECT_EQ(hours[15].visits, 1);
  auto cells = GroupVisits(facts, StatsGroup::kDayHour, D("2027-06-29"), D("2027-07-02"), kTz, first);
  ASSERT_EQ(cells.size(), 3u);  // only the hours with a visit
  EXPECT_EQ(cells[0].key, "2027-06-30 23");
  EXPECT_EQ(cells[1].key, "2027-07-01 00");
  EXPECT_EQ(cells[2].key, "2027-07-01 15");
  auto bands = GroupVisits(facts, StatsGroup::kAgeBand, D("2027-06-29"), D("2027-07-02"), kTz, first);
  ASSERT_EQ(bands.size(), 6u);  // no その他
  EXPECT_EQ(bands[1].key, "1歳");
  EXPECT_EQ(bands[1].visits, 1);
  EXPECT_EQ(bands[4].key, "小学生");
  EXPECT_EQ(bands[4].visits, 2);  // 小2 and 小1
  EXPECT_EQ(TotalOf(facts).families, 2);
}

TEST(FacilityReportTest, DaysClosuresFirstTimeCoursesAndMinutesAfterClosing) {
  Facility club;
  club.id = "f1";
  club.kind = FacilityKind::kAfterSchool;
  club.closes_at = 18 * 60;
  ReportInputs in;
  in.visits = {
      Visit("c1", "fa", "2019-05-01", At("2027-06-01", 14), At("2027-06-01", 18, 45)),
      Visit("c1", "fa", "2019-05-01", At("2027-06-02", 14), At("2027-06-02", 17)),
      Visit("c1", "fa", "2019-05-01", At("2027-06-02", 17, 30)),  // back the same day, not left
      Visit("c2", "fb", "2016-05-01", At("2027-06-03", 14), At("2027-06-03", 18)),
  };
  in.first = {{{"f1", "fa"}, At("2027-06-01", 14)}, {{"f1", "fb"}, At("2026-04-01", 14)}};
  in.closures = {{At("2027-06-10", 0), At("2027-06-12", 0)}};
  in.course_children = {{At("2027-06-05", 10), 3}};
  const auto r = BuildFacilityReport(club, 2027, 6, in, kTz);
  ASSERT_EQ(r.days.size(), 30u);
  EXPECT_EQ(r.open_days, 28);
  EXPECT_FALSE(r.days[9].open);
  EXPECT_FALSE(r.days[10].open);
  EXPECT_EQ(r.days[0].counts.extension_minutes, 45);
  EXPECT_EQ(r.days[0].counts.first_time_families, 1);
  EXPECT_EQ(r.days[1].counts.visits, 2);
  EXPECT_EQ(r.days[1].counts.grades.at("小2"), 2);
  EXPECT_EQ(r.days[2].counts.grades.at("小5"), 1);
  EXPECT_EQ(r.days[4].counts.course_participants, 3);
  EXPECT_EQ(r.totals.visits, 4);
  EXPECT_EQ(r.totals.first_time_families, 1);
  EXPECT_EQ(r.totals.extension_minutes, 45);
  ASSERT_EQ(r.children.size(), 2u);
  const auto& c1 = r.children[0].id == "c1" ? r.children[0] : r.children[1];
  EXPECT_EQ(c1.days, 2);  // two visits on the 2nd count one day
  EXPECT_EQ(c1.extension_minutes, 45);
  EXPECT_EQ(c1.grade, "小2");
}

TEST(GroupVisitsTest, AFamilyVisitCountsOnceWithItsAdultsAndEveryChild) {
  // A family of two children and two adults, a paper form of one adult alone, and a child on its own.
  VisitFact a = Visit("c1", "fam", "2026-01-10", At("2027-06-10", 10)), b = Visit("c2", "fam", "2025-03-01", At("2027-06-10", 10));
  a.visit_key = b.visit_key = "g1";
  a.adults = b.adults = 2;
  VisitFact adult_only;
  adult_only.facility_id = "f1";
  adult_only.visit_key = "g2";
  adult_only.family_key = "walk-in:g2";
  adult_only.in_at = At("2027-06-10", 11);
  adult_only.adults = 1;
  adult_only.has_child = false;
  VisitFact alone = Visit("c3", "other", "2024-05-05", At("2027-06-11", 9));
  alone.adults = 1;
  const std::vector<VisitFact> facts{a, b, adult_only, alone};

  const auto days = GroupVisits(facts, StatsGroup::kDay, D("2027-06-10"), D("2027-06-11"), kTz, {});
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].visits, 2);
  EXPECT_EQ(days[0].children, 2);
  EXPECT_EQ(days[0].adults, 3);
  EXPECT_EQ(days[0].families, 2);
  EXPECT_EQ(days[1].visits, 1);
  EXPECT_EQ(days[1].adults, 1);
  const StatsTotal t = TotalOf(facts);
  EXPECT_EQ(t.visits, 3);
  EXPECT_EQ(t.children, 3);
  EXPECT_EQ(t.adults, 4);

  // By band, the family's visit is in each of its children's bands, its adults with it.
  const auto bands = GroupVisits(facts, StatsGroup::kAgeBand, D("2027-06-10"), D("2027-06-11"), kTz, {});
  auto band = [&](const std::string& key) {
    return *std::find_if(bands.begin(), bands.end(), [&](const StatsRow& r) { return r.key == key; });
  };
  EXPECT_EQ(band("1歳").visits, 1);
  EXPECT_EQ(band("1歳").children, 1);
  EXPECT_EQ(band("2歳").children, 1);
  EXPECT_EQ(band("2歳").adults, 2);

  Facility f;
  f.id = "f1";
  f.kind = FacilityKind::kDropIn;
  ReportInputs in;
  in.visits = facts;
  const FacilityReport r = BuildFacilityReport(f, 2027, 6, in, kTz);
  EXPECT_EQ(r.days[9].counts.visits, 2);
  EXPECT_EQ(r.days[9].counts.children, 2);
  EXPECT_EQ(r.days[9].counts.adults, 3);
  EXPECT_EQ(r.totals.visits, 3);
  EXPECT_EQ(r.totals.adults, 4);
  EXPECT_EQ(r.totals.children, 3);
}

}  // namespace
}  // namespace tadaima
