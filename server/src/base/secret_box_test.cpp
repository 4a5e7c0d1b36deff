#include "base/secret_box.h"

#include <gtest/gtest.h>
#include <sodium.h>

namespace tadaima {
namespace {

TEST(SecretBoxTest, SealsOpensAndRefusesTheWrongKeyOrAlteredText) {
  ASSERT_GE(sodium_init(), 0);
  auto keys = ParseSealKeys(NewSealKeyText("k2") + "," + NewSealKeyText("k1"));
  ASSERT_TRUE(keys.has_value());
  ASSERT_EQ(keys->size(), 2u);
  EXPECT_EQ((*keys)[0].id, "k2");
  const std::string text = "発達の相談。次回は来月。";
  const std::string sealed = Seal((*keys)[0], text);
  EXPECT_EQ(sealed.find("発達"), std::string::npos);
  EXPECT_NE(Seal((*keys)[0], text), sealed);  // a fresh nonce each time
  EXPECT_EQ(Unseal((*keys)[0], sealed), text);
  EXPECT_EQ(Unseal((*keys)[1], sealed), std::nullopt);
  std::string altered = sealed;
  altered[30] = altered[30] == 'A' ? 'B' : 'A';
  EXPECT_EQ(Unseal((*keys)[0], altered), std::nullopt);
  EXPECT_EQ(Unseal((*keys)[0], "not base64!"), std::nullopt);
}

TEST(SecretBoxTest, KeyTextMustNameAndSizeEachKey) {
  EXPECT_TRUE(ParseSealKeys("")->empty());
  EXPECT_FALSE(ParseSealKeys("nocolon").has_value());
  EXPECT_FALSE(ParseSealKeys("bad id:AAAA").has_value());
  EXPECT_FALSE(ParseSealKeys("k1:AAAA").has_value());  // 3 bytes
  const std::string k = NewSealKeyText("k1");
  EXPECT_FALSE(ParseSealKeys(k + "," + k).has_value());  // the same id twice
}

}  // namespace
}  // namespace tadaima
