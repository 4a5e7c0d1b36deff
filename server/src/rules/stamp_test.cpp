#include "rules/stamp.h"

#include <gtest/gtest.h>

namespace tadaima {
namespace {

TEST(StampRuleTest, ParsesDirections) {
  EXPECT_EQ(ParseStampDirection("auto"), StampDirection::kAuto);
  EXPECT_EQ(ParseStampDirection("in"), StampDirection::kIn);
  EXPECT_EQ(ParseStampDirection("out"), StampDirection::kOut);
  EXPECT_FALSE(ParseStampDirection("IN").has_value());
  EXPECT_FALSE(ParseStampDirection("").has_value());
}

TEST(StampRuleTest, OnlyQrScansWithAWindowAreCheckedForDuplicates) {
  EXPECT_TRUE(ChecksDuplicates(VisitMethod::kQr, 60'000));
  EXPECT_FALSE(ChecksDuplicates(VisitMethod::kQr, 0));
  EXPECT_FALSE(ChecksDuplicates(VisitMethod::kManual, 60'000));
}

TEST(StampRuleTest, AutoArrivesOrDeparts) {
  EXPECT_EQ(*DecideStamp(StampDirection::kAuto, false), StampAction::kArrive);
  EXPECT_EQ(*DecideStamp(StampDirection::kAuto, true), StampAction::kDepart);
}

TEST(StampRuleTest, ExplicitDirectionsConflictWithThePresentState) {
  EXPECT_EQ(*DecideStamp(StampDirection::kIn, false), StampAction::kArrive);
  EXPECT_EQ(*DecideStamp(StampDirection::kOut, true), StampAction::kDepart);
  auto in_twice = DecideStamp(StampDirection::kIn, true);
  ASSERT_FALSE(in_twice);
  EXPECT_EQ(in_twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(in_twice.error().reason, "already_here");
  auto out_without = DecideStamp(StampDirection::kOut, false);
  ASSERT_FALSE(out_without);
  EXPECT_EQ(out_without.error().reason, "not_here");
}

TEST(StampRuleTest, AStampNeverGoesBeforeTheLastOne) {
  const int64_t t = 1'800'000'000'000, tolerance = 120'000;
  Visit open;
  open.in_at = t;
  Visit closed = open;
  closed.out_at = t + 600'000;
  EXPECT_EQ(*StampTime(t - 5'000, std::nullopt, tolerance), t - 5'000);  // no visit yet
  EXPECT_EQ(*StampTime(t + 1, open, tolerance), t + 1);
  EXPECT_EQ(*StampTime(t, open, tolerance), t);
  EXPECT_EQ(*StampTime(t - 1'000, open, tolerance), t);          // the clock stepped back a second
  EXPECT_EQ(*StampTime(t - tolerance, open, tolerance), t);
  auto too_early = StampTime(t - tolerance - 1, open, tolerance);  // a scan from before the arrival
  ASSERT_FALSE(too_early);
  EXPECT_EQ(too_early.error().code, ErrorCode::kConflict);
  EXPECT_EQ(too_early.error().reason, "before_last_stamp");
  // After a departure, the departure is the last stamp.
  EXPECT_FALSE(StampTime(t + 300'000, closed, tolerance));  // before the departure, after the arrival
  EXPECT_EQ(*StampTime(t + 600'000 - 30'000, closed, tolerance), t + 600'000);
  EXPECT_EQ(*StampTime(t + 700'000, closed, tolerance), t + 700'000);
}

TEST(StampRuleTest, AnArrivalNeedsReviewWhenReportedAbsentOrAfterClosing) {
  const int64_t closes = 1'000'000;
  Plan absent;
  absent.status = PlanStatus::kAbsent;
  Plan attend;
  attend.status = PlanStatus::kAttend;
  EXPECT_EQ(ArrivalReview(std::nullopt, closes - 1, closes), std::nullopt);
  EXPECT_EQ(ArrivalReview(attend, closes - 1, closes), std::nullopt);
  EXPECT_EQ(ArrivalReview(absent, closes - 1, closes), "absent_plan");
  EXPECT_EQ(ArrivalReview(std::nullopt, closes, closes), "after_closing");
  EXPECT_EQ(ArrivalReview(attend, closes + 9'000'000, closes), "after_closing");
  EXPECT_EQ(ArrivalReview(absent, closes + 1, closes), "absent_plan");  // the report says more
}

}  // namespace
}  // namespace tadaima
