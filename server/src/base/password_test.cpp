#include "base/password.h"

#include <gtest/gtest.h>

namespace tadaima {
namespace {

TEST(PasswordTest, EachCostHashesWithItsParametersAndEveryHashVerifiesUnderEither) {
  const std::string interactive = HashPassword("correct horse");
  SetPasswordCost(PasswordCost::kMinimum);
  const std::string minimum = HashPassword("correct horse");
  EXPECT_TRUE(VerifyPassword(interactive, "correct horse"));
  SetPasswordCost(PasswordCost::kInteractive);
  EXPECT_TRUE(VerifyPassword(minimum, "correct horse"));

  EXPECT_EQ(interactive.rfind("$argon2id$", 0), 0u) << interactive;
  EXPECT_NE(interactive.find("m=65536,t=2"), std::string::npos) << interactive;  // 64 MiB, two passes
  EXPECT_NE(minimum.find("m=8,t=1"), std::string::npos) << minimum;              // 8 KiB, one pass
  EXPECT_FALSE(VerifyPassword(minimum, "correct horse!"));
  EXPECT_FALSE(VerifyPassword("", "correct horse"));
  EXPECT_FALSE(VerifyPassword("$argon2id$v=19$m=8,t=1,p=1$broken", "correct horse"));
}

}  // namespace
}  // namespace tadaima
