#include "rules/plans.h"

#include <gtest/gtest.h>

namespace tadaima {
namespace {

constexpr const char* kTokyo = "Asia/Tokyo";

CivilDate D(const char* s) { return *CivilDate::Parse(s); }
int64_t At(const char* rfc3339) { return *ParseInstant(rfc3339); }

Plan Attend(const char* date, std::optional<int> arrive_at) {
  Plan p;
  p.date = D(date);
  p.status = PlanStatus::kAttend;
  p.arrive_at = arrive_at;
  return p;
}

TEST(PlanDeadlineTest, DaysBeforeAtTimeInTheOrganizationsZone) {
  EXPECT_EQ(PlanDeadline(D("2027-06-10"), 1, 17 * 60, kTokyo), At("2027-06-09T17:00:00+09:00"));
  EXPECT_EQ(PlanDeadline(D("2027-06-10"), 0, 9 * 60, kTokyo), At("2027-06-10T09:00:00+09:00"));
  EXPECT_EQ(PlanDeadline(D("2027-06-01"), 3, 12 * 60, kTokyo), At("2027-05-29T12:00:00+09:00"));
  // Not the server's UTC day: 17:00 in Tokyo is 08:00 UTC.
  EXPECT_EQ(PlanDeadline(D("2027-01-01"), 1, 17 * 60, kTokyo), At("2026-12-31T08:00:00Z"));
  // A zone with summer time (from 2027-03-14): the local hour holds across the change.
  EXPECT_EQ(PlanDeadline(D("2027-03-15"), 7, 17 * 60, "America/New_York"), At("2027-03-08T17:00:00-05:00"));
}

TEST(IsLateChangeTest, StrictlyAfterTheDeadline) {
  Facility f;  // defaults: one day before, 17:00
  EXPECT_FALSE(IsLateChange(D("2027-06-10"), f, At("2027-06-09T16:59:00+09:00"), kTokyo));
  EXPECT_FALSE(IsLateChange(D("2027-06-10"), f, At("2027-06-09T17:00:00+09:00"), kTokyo));
  EXPECT_TRUE(IsLateChange(D("2027-06-10"), f, At("2027-06-09T17:00:01+09:00"), kTokyo));
  EXPECT_TRUE(IsLateChange(D("2027-06-10"), f, At("2027-06-10T08:00:00+09:00"), kTokyo));
  EXPECT_FALSE(IsLateChange(D("2027-06-11"), f, At("2027-06-10T08:00:00+09:00"), kTokyo));
}

TEST(WaitsForStaffTest, UnacknowledgedAbsencesAndLateChanges) {
  Plan on_time = Attend("2027-06-11", 15 * 60);
  EXPECT_FALSE(WaitsForStaff(on_time));
  Plan late = on_time;
  late.late = true;
  EXPECT_TRUE(WaitsForStaff(late));
  Plan absent = on_time;
  absent.status = PlanStatus::kAbsent;
  absent.arrive_at.reset();
  EXPECT_TRUE(WaitsForStaff(absent));
  for (Plan* p : {&late, &absent}) {
    p->acknowledged_at = At("2027-06-10T15:00:00+09:00");
    EXPECT_FALSE(WaitsForStaff(*p));
  }
}

TEST(NotArrivedFromTest, ArrivalPlusGraceOnThePlansDay) {
  EXPECT_EQ(NotArrivedFrom(Attend("2027-06-10", 15 * 60), 15, kTokyo), At("2027-06-10T15:15:00+09:00"));
  EXPECT_EQ(NotArrivedFrom(Attend("2027-06-10", 23 * 60 + 50), 15, kTokyo), At("2027-06-11T00:05:00+09:00"));
  EXPECT_EQ(NotArrivedFrom(Attend("2027-06-10", std::nullopt), 15, kTokyo), std::nullopt);
  Plan absent = Attend("2027-06-10", 15 * 60);
  absent.status = PlanStatus::kAbsent;
  EXPECT_EQ(NotArrivedFrom(absent, 15, kTokyo), std::nullopt);
}

TEST(StatusOnTest, AVisitWinsOverThePlan) {
  Visit open, closed;
  closed.out_at = At("2027-06-10T17:00:00+09:00");
  Plan absent = Attend("2027-06-10", std::nullopt);
  absent.status = PlanStatus::kAbsent;
  const int64_t now = At("2027-06-10T18:00:00+09:00");
  EXPECT_EQ(StatusOn(D("2027-06-10"), absent, open, 15, now, kTokyo), DayStatus::kPresent);
  EXPECT_EQ(StatusOn(D("2027-06-10"), std::nullopt, closed, 15, now, kTokyo), DayStatus::kLeft);
  EXPECT_EQ(StatusOn(D("2027-06-10"), absent, std::nullopt, 15, now, kTokyo), DayStatus::kAbsent);
  EXPECT_EQ(StatusOn(D("2027-06-10"), std::nullopt, std::nullopt, 15, now, kTokyo), DayStatus::kUnplanned);
}

TEST(StatusOnTest, NotArrivedExactlyAtTheGraceBoundary) {
  const Plan p = Attend("2027-06-10", 15 * 60);
  const CivilDate day = D("2027-06-10");
  EXPECT_EQ(StatusOn(day, p, std::nullopt, 15, At("2027-06-10T15:14:00+09:00"), kTokyo), DayStatus::kExpected);
  EXPECT_EQ(StatusOn(day, p, std::nullopt, 15, At("2027-06-10T15:14:59.999+09:00"), kTokyo), DayStatus::kExpected);
  EXPECT_EQ(StatusOn(day, p, std::nullopt, 15, At("2027-06-10T15:15:00+09:00"), kTokyo), DayStatus::kNotArrived);
  EXPECT_EQ(StatusOn(day, p, std::nullopt, 0, At("2027-06-10T15:00:00+09:00"), kTokyo), DayStatus::kNotArrived);
}

TEST(StatusOnTest, PastDaysAreNotArrivedAndFutureDaysExpected) {
  const int64_t now = At("2027-06-10T10:00:00+09:00");
  EXPECT_EQ(StatusOn(D("2027-06-09"), Attend("2027-06-09", 15 * 60), std::nullopt, 15, now, kTokyo),
            DayStatus::kNotArrived);
  EXPECT_EQ(StatusOn(D("2027-06-09"), Attend("2027-06-09", std::nullopt), std::nullopt, 15, now, kTokyo),
            DayStatus::kNotArrived);
  EXPECT_EQ(StatusOn(D("2027-06-11"), Attend("2027-06-11", 0), std::nullopt, 15, now, kTokyo), DayStatus::kExpected);
  // Without an arrival time a child stays expected all day.
  EXPECT_EQ(StatusOn(D("2027-06-10"), Attend("2027-06-10", std::nullopt), std::nullopt, 15,
                     At("2027-06-10T23:59:00+09:00"), kTokyo),
            DayStatus::kExpected);
}

TEST(StatusOnTest, TodayIsTheOrganizationsDayNotTheServers) {
  // 2027-06-10T00:30 in Tokyo is still 2027-06-09 in UTC: the 10th is today.
  const int64_t now = At("2027-06-10T00:30:00+09:00");
  EXPECT_EQ(StatusOn(D("2027-06-10"), Attend("2027-06-10", 15 * 60), std::nullopt, 15, now, kTokyo),
            DayStatus::kExpected);
  EXPECT_EQ(StatusOn(D("2027-06-09"), Attend("2027-06-09", 15 * 60), std::nullopt, 15, now, kTokyo),
            DayStatus::kNotArrived);
}

}  // namespace
}  // namespace tadaima
