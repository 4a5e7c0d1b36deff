#include "rules/plan_days.h"

#include <gtest/gtest.h>

namespace tadaima {
namespace {

constexpr const char* kTokyo = "Asia/Tokyo";

CivilDate D(const char* s) { return *CivilDate::Parse(s); }
int64_t At(const char* rfc3339) { return *ParseInstant(rfc3339); }

PlanDayInput Day(std::string date, std::string status) { return {std::move(date), std::move(status), {}, {}, {}, {}}; }

// The reason of `field` in a failed check, "" when the field has none.
std::string ReasonOf(const Result<std::vector<PlanDay>>& r, const std::string& field) {
  if (r) return "";
  auto it = r.error().fields.find(field);
  return it == r.error().fields.end() ? "" : it->second.reason;
}

TEST(CheckPlanDaysTest, AcceptsAttendAbsentAndNone) {
  PlanDayInput attend = Day("2027-06-10", "attend");
  attend.arrive_at = "15:00";
  attend.leave_at = "17:30";
  attend.pickup_by = "  祖母  ";
  PlanDayInput absent = Day("2027-06-11", "absent");
  absent.reason = "発熱";
  auto days = CheckPlanDays({attend, absent, Day("2027-06-12", "none")}, true, D("2027-06-10"));
  ASSERT_TRUE(days) << days.error().message;
  ASSERT_EQ(days->size(), 3u);
  EXPECT_EQ((*days)[0].status, PlanStatus::kAttend);
  EXPECT_EQ((*days)[0].arrive_at, 15 * 60);
  EXPECT_EQ((*days)[0].leave_at, 17 * 60 + 30);
  EXPECT_EQ((*days)[0].pickup_by, "祖母");
  EXPECT_EQ((*days)[1].reason, "発熱");
  EXPECT_FALSE((*days)[2].status.has_value());  // none: delete
}

TEST(CheckPlanDaysTest, CountsDays) {
  EXPECT_EQ(ReasonOf(CheckPlanDays({}, true, D("2027-06-10")), "days"), "day_count");
  std::vector<PlanDayInput> many(kMaxPlanDays + 1, Day("2027-06-10", "absent"));
  EXPECT_EQ(ReasonOf(CheckPlanDays(many, true, D("2027-06-10")), "days"), "day_count");
}

TEST(CheckPlanDaysTest, DatesAreRealOnceWithinAYearAndNotPastForGuardians) {
  const CivilDate today = D("2027-06-10");
  EXPECT_EQ(ReasonOf(CheckPlanDays({Day("2027-02-30", "absent")}, true, today), "days[0].date"), "not_real_date");
  EXPECT_EQ(ReasonOf(CheckPlanDays({Day("2027-06-09", "absent")}, true, today), "days[0].date"), "past_date");
  // Staff may enter yesterday's absence (a call the morning after).
  EXPECT_TRUE(CheckPlanDays({Day("2027-06-09", "absent")}, false, today));
  EXPECT_EQ(ReasonOf(CheckPlanDays({Day("2028-06-11", "absent")}, true, today), "days[0].date"), "beyond_a_year");
  EXPECT_TRUE(CheckPlanDays({Day("2028-06-10", "absent")}, true, today));
  EXPECT_EQ(ReasonOf(CheckPlanDays({Day("2026-06-08", "absent")}, false, today), "days[0].date"), "beyond_a_year");
  auto twice = CheckPlanDays({Day("2027-06-10", "absent"), Day("2027-06-10", "attend")}, true, today);
  EXPECT_EQ(ReasonOf(twice, "days[1].date"), "duplicate_date");
}

TEST(CheckPlanDaysTest, StatusTimesAndTheirCompanions) {
  const CivilDate today = D("2027-06-10");
  auto bad_status = CheckPlanDays({Day("2027-06-10", "maybe")}, true, today);
  EXPECT_EQ(ReasonOf(bad_status, "days[0].status"), "not_a_choice");
  EXPECT_EQ(bad_status.error().fields.at("days[0].status").params.at("choices"), "attend,absent,none");

  PlanDayInput t = Day("2027-06-10", "attend");
  t.arrive_at = "25:00";
  EXPECT_EQ(ReasonOf(CheckPlanDays({t}, true, today), "days[0].arrive_at"), "not_time");
  t.arrive_at = "16:00";
  t.leave_at = "16:00";
  EXPECT_EQ(ReasonOf(CheckPlanDays({t}, true, today), "days[0].leave_at"), "not_after_arrive_at");

  PlanDayInput absent = Day("2027-06-10", "absent");
  absent.arrive_at = "15:00";
  absent.pickup_by = "母";
  auto r = CheckPlanDays({absent}, true, today);
  EXPECT_EQ(ReasonOf(r, "days[0].arrive_at"), "attend_only");
  EXPECT_EQ(ReasonOf(r, "days[0].pickup_by"), "attend_only");

  PlanDayInput none = Day("2027-06-10", "none");
  none.reason = "やっぱり";
  EXPECT_EQ(ReasonOf(CheckPlanDays({none}, true, today), "days[0].reason"), "not_with_none");
  // A blank reason is no reason.
  none.reason = "　 ";
  EXPECT_TRUE(CheckPlanDays({none}, true, today));
}

TEST(CheckPlanDaysTest, NamesEveryBadFieldAtOnce) {
  PlanDayInput a = Day("2027-13-01", "attend");
  a.arrive_at = "x";
  auto r = CheckPlanDays({a, Day("2027-06-10", "??")}, true, D("2027-06-10"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason, "invalid_fields");
  EXPECT_EQ(r.error().fields.size(), 3u);
}

Actor Guardian() {
  Actor a;
  a.user_id = "g1";
  a.role = Role::kGuardian;
  a.name = "保護者";
  a.family_id = "f1";
  return a;
}
Actor Staff() {
  Actor a;
  a.user_id = "s1";
  a.role = Role::kFacilityStaff;
  a.name = "職員";
  a.facility_ids = {"fa"};
  return a;
}
PlanDay Attend(const char* date, std::optional<int> arrive) {
  PlanDay d;
  d.date = D(date);
  d.status = PlanStatus::kAttend;
  d.arrive_at = arrive;
  return d;
}

TEST(ApplyPlanDayTest, LateAfterTheFacilitysDeadline) {
  Facility f;  // one day before, 17:00
  auto on_time = ApplyPlanDay(std::nullopt, Attend("2027-06-10", 900), Guardian(), f,
                              At("2027-06-09T17:00:00+09:00"), kTokyo);
  EXPECT_FALSE(on_time.late);
  auto late = ApplyPlanDay(std::nullopt, Attend("2027-06-10", 900), Guardian(), f,
                           At("2027-06-09T17:00:01+09:00"), kTokyo);
  EXPECT_TRUE(late.late);
  EXPECT_EQ(late.expected_at, At("2027-06-10T15:00:00+09:00"));
  EXPECT_EQ(late.day_starts_at, At("2027-06-10T00:00:00+09:00"));
  EXPECT_EQ(late.day_ends_at, At("2027-06-11T00:00:00+09:00"));
}

TEST(ApplyPlanDayTest, StaffAcknowledgeTheirOwnChangesAndGuardiansChangesWait) {
  Facility f;
  const int64_t now = At("2027-06-09T12:00:00+09:00");
  Plan by_staff = ApplyPlanDay(std::nullopt, Attend("2027-06-10", 900), Staff(), f, now, kTokyo);
  EXPECT_EQ(by_staff.acknowledged_at, now);
  EXPECT_EQ(by_staff.acknowledged_by_id, "s1");
  EXPECT_EQ(by_staff.updated_by_role, Role::kFacilityStaff);
  Plan by_guardian = ApplyPlanDay(by_staff, Attend("2027-06-10", 960), Guardian(), f, now + 1000, kTokyo);
  EXPECT_FALSE(by_guardian.acknowledged_at.has_value());
  EXPECT_FALSE(by_guardian.acknowledged_by_id.has_value());
  EXPECT_EQ(by_guardian.updated_by_id, "g1");
  EXPECT_EQ(by_guardian.updated_at, now + 1000);
}

TEST(ApplyPlanDayTest, ANewArrivalTimeOrStatusRearmsTheAlertOtherChangesKeepIt) {
  Facility f;
  const int64_t now = At("2027-06-09T12:00:00+09:00");
  Plan raised = ApplyPlanDay(std::nullopt, Attend("2027-06-10", 900), Guardian(), f, now, kTokyo);
  raised.alerted_at = now + 1;
  raised.settled_at = now + 2;

  PlanDay pickup = Attend("2027-06-10", 900);
  pickup.pickup_by = "祖父";
  Plan kept = ApplyPlanDay(raised, pickup, Guardian(), f, now + 3, kTokyo);
  EXPECT_EQ(kept.alerted_at, now + 1);
  EXPECT_EQ(kept.settled_at, now + 2);
  EXPECT_EQ(kept.pickup_by, "祖父");

  Plan new_time = ApplyPlanDay(raised, Attend("2027-06-10", 960), Guardian(), f, now + 3, kTokyo);
  EXPECT_FALSE(new_time.alerted_at.has_value());
  EXPECT_FALSE(new_time.settled_at.has_value());

  PlanDay absent;
  absent.date = D("2027-06-10");
  absent.status = PlanStatus::kAbsent;
  Plan now_absent = ApplyPlanDay(raised, absent, Guardian(), f, now + 3, kTokyo);
  EXPECT_FALSE(now_absent.alerted_at.has_value());
  EXPECT_FALSE(now_absent.expected_at.has_value());
}

TEST(ApplyPlanDayTest, SameValuesComparesWhatTheDaySays) {
  Facility f;
  Plan p = ApplyPlanDay(std::nullopt, Attend("2027-06-10", 900), Guardian(), f, At("2027-06-09T12:00:00+09:00"),
                        kTokyo);
  EXPECT_TRUE(SameValues(p, Attend("2027-06-10", 900)));
  EXPECT_FALSE(SameValues(p, Attend("2027-06-10", 901)));
  PlanDay with_reason = Attend("2027-06-10", 900);
  with_reason.reason = "遅れます";
  EXPECT_FALSE(SameValues(p, with_reason));
}

}  // namespace
}  // namespace tadaima
