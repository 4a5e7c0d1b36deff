#include "report/ical.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include "base/time.h"

namespace tadaima::report {
namespace {

int64_t At(const char* date, int minutes) { return InstantAt(*CivilDate::Parse(date), minutes, "Asia/Tokyo"); }

TEST(IcalTest, WritesDatesForAllDayEntriesAndUtcTimesOtherwise) {
  CalendarEvent closure;
  closure.id = "e1";
  closure.kind = EventKind::kClosure;
  closure.title = "台風のため休館";
  closure.starts_at = At("2027-06-14", 0);
  closure.ends_at = At("2027-06-15", 0);
  CalendarEvent course;
  course.id = "e2";
  course.kind = EventKind::kCourse;
  course.title = "親子講座, 1歳児";
  course.description = "持ち物: 水筒;タオル";
  course.facility_name = "こどもルームさくら";
  course.starts_at = At("2027-06-20", 10 * 60);
  course.ends_at = At("2027-06-20", 11 * 60);
  course.status = "cancelled";
  const std::string ics = CalendarIcs({"A市 行事予定", "Asia/Tokyo", "tadaima", At("2027-06-10", 15 * 60)},
                                      {{closure, std::nullopt}, {course, std::string("申込済み")}});

  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  ASSERT_NE(cal, nullptr) << ics;
  std::vector<icalcomponent*> events;
  for (auto* v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); v;
       v = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
    events.push_back(v);
  ASSERT_EQ(events.size(), 2u);
  const icaltimetype start = icalcomponent_get_dtstart(events[0]);
  EXPECT_TRUE(start.is_date);
  EXPECT_EQ(start.day, 14);
  EXPECT_EQ(icalcomponent_get_dtend(events[0]).day, 15);
  EXPECT_STREQ(icalcomponent_get_summary(events[0]), "【休館日】台風のため休館");
  EXPECT_STREQ(icalcomponent_get_uid(events[0]), "e1@tadaima");

  const icaltimetype course_start = icalcomponent_get_dtstart(events[1]);
  EXPECT_FALSE(course_start.is_date);
  EXPECT_TRUE(icaltime_is_utc(course_start));
  EXPECT_EQ(course_start.hour, 1);  // 10:00 in Tokyo
  EXPECT_STREQ(icalcomponent_get_summary(events[1]), "【中止】【申込済み】親子講座, 1歳児");
  EXPECT_STREQ(icalcomponent_get_description(events[1]), "持ち物: 水筒;タオル");
  EXPECT_STREQ(icalcomponent_get_location(events[1]), "こどもルームさくら");
  EXPECT_EQ(icalcomponent_get_status(events[1]), ICAL_STATUS_CANCELLED);
  icalcomponent_free(cal);
}

}  // namespace
}  // namespace tadaima::report
