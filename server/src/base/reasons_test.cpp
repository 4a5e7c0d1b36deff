#include "base/reasons.h"

#include <gtest/gtest.h>

#include <set>

namespace tadaima {
namespace {

TEST(ReasonsTest, IdsAreUniqueSnakeCase) {
  std::set<std::string_view> seen;
  for (auto id : reason::AllReasons()) {
    EXPECT_TRUE(seen.insert(id).second) << id << " appears twice";
    ASSERT_FALSE(id.empty());
    for (char c : id) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') << id;
  }
  EXPECT_TRUE(seen.count("not_found"));
  EXPECT_TRUE(seen.count("credential_replaced"));
  EXPECT_TRUE(seen.count("too_long"));
}

TEST(ReasonsTest, ParameterizedReasonsCarryTheirNumbers) {
  EXPECT_EQ(reason::TooLong(100), (Problem{"too_long", "must be at most 100 characters", {{"max", "100"}}}));
  EXPECT_EQ(reason::LengthRange(3, 64).text, "must be 3 to 64 characters");
  EXPECT_EQ(reason::OutOfRange(1, 200).params.at("min"), "1");
  EXPECT_EQ(reason::RangeTooLong(62).text, "must be at most 62 days after from");
  auto choice = reason::NotAChoice({"attend", "absent", "none"});
  EXPECT_EQ(choice.text, "must be attend, absent or none");
  EXPECT_EQ(choice.params.at("choices"), "attend,absent,none");
  EXPECT_EQ(reason::NotAChoice({"ja", "en"}).text, "must be ja or en");
}

TEST(ReasonsTest, AnErrorsReasonIsItsFieldsOrInvalidFields) {
  Error one = Error::InvalidField("birth_date", reason::kFutureDate);
  EXPECT_EQ(one.reason, "future_date");
  EXPECT_EQ(one.message, "birth_date: must not be in the future");
  Error several = Error::InvalidFields("invalid a, b", {{"a", reason::kRequired}, {"b", reason::kNotEmail}});
  EXPECT_EQ(several.reason, "invalid_fields");
  EXPECT_EQ(Error::NotFound("child not found").reason, "not_found");
  EXPECT_EQ(Error::Conflict(reason::kNotHere.WithText("桜 is not here")).reason, "not_here");
}

}  // namespace
}  // namespace tadaima
