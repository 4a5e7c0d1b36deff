#include "rules/calendar.h"

#include <gtest/gtest.h>

#include <map>

#include "base/time.h"

namespace tadaima {
namespace {

const std::string kTokyo = "Asia/Tokyo";

int64_t At(const char* date, int minutes) { return InstantAt(*CivilDate::Parse(date), minutes, kTokyo); }

std::map<std::string, std::string> Reasons(const FieldErrors& errs) {
  std::map<std::string, std::string> out;
  if (auto status = errs.ToStatus(); !status)
    for (const auto& [field, problem] : status.error().fields) out[field] = problem.reason;
  return out;
}

CalendarEvent Course() {
  CalendarEvent e;
  e.kind = EventKind::kCourse;
  e.title = " 親子リトミック ";
  e.starts_at = At("2027-06-20", 10 * 60);
  e.ends_at = At("2027-06-20", 11 * 60);
  e.capacity = 10;
  e.age_min_months = 12;
  e.age_max_months = 35;
  e.apply_until = At("2027-06-18", 17 * 60);
  return e;
}

TEST(CalendarTest, AcceptsACourseAndTrimsIt) {
  auto e = Course();
  FieldErrors errs;
  CheckEvent(e, errs);
  EXPECT_TRUE(errs.empty());
  EXPECT_EQ(e.title, "親子リトミック");
}

TEST(CalendarTest, NamesEachBadField) {
  auto e = Course();
  e.ends_at = e.starts_at;
  e.capacity = 0;
  e.age_min_months = 40;
  e.apply_until = e.starts_at + 1;
  FieldErrors errs;
  CheckEvent(e, errs);
  EXPECT_EQ(Reasons(errs), (std::map<std::string, std::string>{{"ends_at", "not_after_starts_at"},
                                                               {"capacity", "out_of_range"},
                                                               {"age_months.min", "min_above_max"},
                                                               {"apply_until", "apply_until_after_start"}}));

  CalendarEvent closure = Course();
  closure.kind = EventKind::kClosure;
  closure.ends_at = closure.starts_at + kEventMaxLengthMs + 1;
  FieldErrors course_only;
  CheckEvent(closure, course_only);
  EXPECT_EQ(Reasons(course_only), (std::map<std::string, std::string>{{"ends_at", "event_too_long"},
                                                                      {"capacity", "course_only"},
                                                                      {"age_months", "course_only"},
                                                                      {"apply_until", "course_only"}}));
}

TEST(CalendarTest, KnowsAllDayEntriesInTheZone) {
  CalendarEvent e;
  e.starts_at = At("2027-06-11", 0);
  e.ends_at = At("2027-06-12", 0);
  EXPECT_TRUE(IsAllDay(e, kTokyo));
  EXPECT_FALSE(IsAllDay(e, "UTC"));
  e.ends_at = At("2027-06-11", 18 * 60);
  EXPECT_FALSE(IsAllDay(e, kTokyo));
  EXPECT_TRUE(Overlaps(e, At("2027-06-11", 12 * 60), At("2027-06-12", 0)));
  EXPECT_FALSE(Overlaps(e, At("2027-06-11", 18 * 60), At("2027-06-12", 0)));
}

TEST(CalendarTest, ChecksAgesOnTheFirstDay) {
  const auto course = Course();
  const CivilDate first = *CivilDate::Parse("2027-06-20");
  EXPECT_TRUE(FitsAge(course, *CivilDate::Parse("2026-06-20"), first));   // 12 months that day
  EXPECT_FALSE(FitsAge(course, *CivilDate::Parse("2026-06-21"), first));  // 11 months
  EXPECT_TRUE(FitsAge(course, *CivilDate::Parse("2024-06-21"), first));   // 35 months
  EXPECT_FALSE(FitsAge(course, *CivilDate::Parse("2024-06-20"), first));  // 36 months
  EXPECT_FALSE(FitsAge(course, *CivilDate::Parse("2027-07-01"), first));  // not born yet
  CalendarEvent anyone;
  EXPECT_TRUE(FitsAge(anyone, *CivilDate::Parse("2010-01-01"), first));
}

TEST(CalendarTest, SeatsGoStrictlyInTheOrderOfApplying) {
  EXPECT_TRUE(ConfirmsAtOnce(10, 9, 0, 1));
  EXPECT_FALSE(ConfirmsAtOnce(10, 9, 0, 2));
  EXPECT_FALSE(ConfirmsAtOnce(10, 5, 1, 1));  // someone waits: behind them
  EXPECT_TRUE(ConfirmsAtOnce(std::nullopt, 1000, 3, 5));

  const std::vector<Waiting> waitlist{{"two", 2}, {"one", 1}, {"three", 3}};
  // One seat free: the family needing two is first, so nobody moves up.
  EXPECT_TRUE(Promotions(10, 9, waitlist).empty());
  EXPECT_EQ(Promotions(10, 7, waitlist), (std::vector<std::string>{"two", "one"}));
  EXPECT_EQ(Promotions(std::nullopt, 7, waitlist), (std::vector<std::string>{"two", "one", "three"}));
  EXPECT_EQ(SeatsWaitedFor(10, 9, waitlist), (std::vector<int64_t>{1, 2, 5}));
  EXPECT_EQ(SeatsWaitedFor(10, 10, waitlist), (std::vector<int64_t>{2, 3, 6}));
}

}  // namespace
}  // namespace tadaima
