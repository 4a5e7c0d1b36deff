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

}  // namespace
}  // namespace tadaima
