#include "base/time.h"

#include <gtest/gtest.h>

namespace tadaima {
namespace {

TEST(CivilDateTest, ParsesOnlyRealDates) {
  EXPECT_EQ(CivilDate::Parse("2024-02-29")->day, 29);
  EXPECT_FALSE(CivilDate::Parse("2023-02-29"));
  EXPECT_FALSE(CivilDate::Parse("2026-13-01"));
  EXPECT_FALSE(CivilDate::Parse("2026-1-01"));
  EXPECT_FALSE(CivilDate::Parse("2026-01-0a"));
  EXPECT_FALSE(CivilDate::Parse(""));
  EXPECT_EQ(CivilDate::Parse("2026-11-21")->ToString(), "2026-11-21");
}

TEST(ClockTimeTest, ParsesHoursAndMinutes) {
  EXPECT_EQ(ParseClockTime("14:05"), 14 * 60 + 5);
  EXPECT_EQ(ParseClockTime("00:00"), 0);
  EXPECT_FALSE(ParseClockTime("24:00"));
  EXPECT_FALSE(ParseClockTime("9:00"));
  EXPECT_FALSE(ParseClockTime("12:60"));
  EXPECT_EQ(FormatClockTime(19 * 60), "19:00");
}

TEST(InstantTest, RoundTripsInTokyo) {
  auto ms = ParseInstant("2026-11-21T15:04:05+09:00");
  ASSERT_TRUE(ms);
  EXPECT_EQ(*ms, 1795241045000);
  EXPECT_EQ(FormatInstant(*ms, "Asia/Tokyo"), "2026-11-21T15:04:05+09:00");
  EXPECT_EQ(FormatInstant(*ms, "UTC"), "2026-11-21T06:04:05+00:00");
  EXPECT_EQ(ParseInstant("2026-11-21T06:04:05.250Z"), 1795241045250);
  EXPECT_FALSE(ParseInstant("2026-11-21T06:04:05"));
  EXPECT_FALSE(ParseInstant("2026-11-21 junk"));
}

TEST(DateAtTest, UsesTheZonesCalendarDay) {
  // 2026-11-21T20:00:00Z is already the 22nd in Tokyo.
  int64_t ms = *ParseInstant("2026-11-21T20:00:00Z");
  EXPECT_EQ(DateAt(ms, "Asia/Tokyo").ToString(), "2026-11-22");
  EXPECT_EQ(DateAt(ms, "UTC").ToString(), "2026-11-21");
  EXPECT_TRUE(IsKnownTimeZone("Asia/Tokyo"));
  EXPECT_FALSE(IsKnownTimeZone("Mars/Olympus"));
}

TEST(InstantAtTest, LocalClockTimesOfADay) {
  CivilDate day = *CivilDate::Parse("2026-11-21");
  EXPECT_EQ(FormatInstant(InstantAt(day, 19 * 60, "Asia/Tokyo"), "Asia/Tokyo"), "2026-11-21T19:00:00+09:00");
  EXPECT_EQ(FormatInstant(InstantAt(day, 0, "Asia/Tokyo"), "UTC"), "2026-11-20T15:00:00+00:00");
  EXPECT_EQ(NextDay(*CivilDate::Parse("2024-02-29")).ToString(), "2024-03-01");
  EXPECT_EQ(NextDay(*CivilDate::Parse("2026-12-31")).ToString(), "2027-01-01");
}

TEST(AddDaysTest, ForwardAndBackAcrossMonthsAndYears) {
  EXPECT_EQ(AddDays(*CivilDate::Parse("2027-02-27"), 2).ToString(), "2027-03-01");
  EXPECT_EQ(AddDays(*CivilDate::Parse("2028-02-27"), 2).ToString(), "2028-02-29");
  EXPECT_EQ(AddDays(*CivilDate::Parse("2027-01-01"), -1).ToString(), "2026-12-31");
  EXPECT_EQ(AddDays(*CivilDate::Parse("2027-06-10"), 366).ToString(), "2028-06-10");
  EXPECT_EQ(AddDays(*CivilDate::Parse("2027-06-10"), 0).ToString(), "2027-06-10");
}

TEST(WeekdayTest, SundayIsZero) {
  EXPECT_EQ(Weekday(*CivilDate::Parse("2027-06-10")), 4);  // a Thursday
  EXPECT_EQ(Weekday(*CivilDate::Parse("2027-06-13")), 0);
  EXPECT_EQ(Weekday(*CivilDate::Parse("2027-06-12")), 6);
  EXPECT_EQ(Weekday(*CivilDate::Parse("2024-02-29")), 4);
}

}  // namespace
}  // namespace tadaima
