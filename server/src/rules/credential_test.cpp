#include "rules/credential.h"

#include <gtest/gtest.h>

#include "base/ids.h"

namespace tadaima {
namespace {

const std::string kKey(32, 'k');

CredentialClaims Claims() {
  return {NewId(1795241045000), CredentialKind::kChild, NewId(1795241045001), 3};
}

TEST(CredentialTest, RoundTripsAndFitsAnAlphanumericQr) {
  CredentialClaims c = Claims();
  std::string text = EncodeCredential(kKey, c);
  EXPECT_EQ(text.rfind("TDM1:", 0), 0u);
  EXPECT_LE(text.size(), 90u);  // QR version 4, level M, alphanumeric mode
  EXPECT_EQ(text.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"), std::string::npos);
  auto back = DecodeCredential(kKey, text + "\r\n");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->organization_id, c.organization_id);
  EXPECT_EQ(back->subject_id, c.subject_id);
  EXPECT_EQ(back->kind, CredentialKind::kChild);
  EXPECT_EQ(back->version, 3);
}

TEST(CredentialTest, RefusesTamperingOtherKeysAndJunk) {
  std::string text = EncodeCredential(kKey, Claims());
  EXPECT_FALSE(DecodeCredential(std::string(32, 'x'), text));
  for (size_t i = 5; i < text.size(); i += 7) {
    std::string t = text;
    t[i] = t[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(DecodeCredential(kKey, t)) << i;
  }
  EXPECT_FALSE(DecodeCredential(kKey, ""));
  EXPECT_FALSE(DecodeCredential(kKey, "TDM1:"));
  EXPECT_FALSE(DecodeCredential(kKey, text.substr(0, text.size() - 1)));
  EXPECT_FALSE(DecodeCredential(kKey, text + "A"));
  EXPECT_FALSE(DecodeCredential(kKey, "https://example.jp/"));
}

}  // namespace
}  // namespace tadaima
