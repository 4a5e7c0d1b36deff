#include "notify/webpush.h"

#include <gtest/gtest.h>

namespace tadaima::notify {
namespace {

std::string B(const char* text) { return FromBase64Url(text).value(); }

// RFC 8291 section 5: the worked example, byte for byte.
TEST(WebPush, EncryptsTheRfc8291Example) {
  FixedSecrets fixed{B("DGv6ra1nlYgDCS1FRnbzlw"),
                     B("BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8"),
                     B("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw")};
  auto body = EncryptPayload("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
                             "BTBZMqHH6r4Tts7J_aSIgg", "When I grow up, I want to be a watermelon", &fixed);
  ASSERT_TRUE(body) << body.error().message;
  EXPECT_EQ(Base64Url(*body),
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqK"
            "K6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
}

TEST(WebPush, RefusesBadSubscriptionKeys) {
  const std::string good_point = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
  EXPECT_TRUE(CheckSubscriptionKeys(good_point, "BTBZMqHH6r4Tts7J_aSIgg"));
  // A point off the curve (last byte changed), a short auth secret, not base64url.
  std::string off_curve = good_point;
  off_curve.back() = off_curve.back() == 'A' ? 'B' : 'A';
  auto bad = CheckSubscriptionKeys(off_curve, "BTBZMqHH6r4Tts7J_aSIgg");
  ASSERT_FALSE(bad);
  EXPECT_TRUE(bad.error().fields.count("keys.p256dh"));
  auto short_auth = CheckSubscriptionKeys(good_point, "BTBZMqHH6r4T");
  ASSERT_FALSE(short_auth);
  EXPECT_TRUE(short_auth.error().fields.count("keys.auth"));
  EXPECT_FALSE(CheckSubscriptionKeys("not base64!", "BTBZMqHH6r4Tts7J_aSIgg"));
}

TEST(WebPush, AllowsOnlyListedPushServices) {
  EndpointRules rules{{"fcm.googleapis.com", "*.push.apple.com", "127.0.0.1"}};
  EXPECT_TRUE(CheckEndpoint(rules, "https://fcm.googleapis.com/fcm/send/abc"));
  EXPECT_TRUE(CheckEndpoint(rules, "https://api.push.apple.com/3/device/abc"));
  EXPECT_TRUE(CheckEndpoint(rules, "http://127.0.0.1:4567/push/1"));
  EXPECT_FALSE(CheckEndpoint(rules, "http://fcm.googleapis.com/fcm/send/abc"));      // not https
  EXPECT_FALSE(CheckEndpoint(rules, "https://push.apple.com.evil.example/x"));       // suffix trick
  EXPECT_FALSE(CheckEndpoint(rules, "https://evil.example/?fcm.googleapis.com"));    // host elsewhere
  EXPECT_FALSE(CheckEndpoint(rules, "https://user@fcm.googleapis.com/x"));           // credentials
  EXPECT_FALSE(CheckEndpoint(rules, "https://169.254.169.254/latest"));
  EXPECT_FALSE(CheckEndpoint(rules, "file:///etc/passwd"));
  EXPECT_EQ(EndpointOrigin("http://127.0.0.1:4567/push/1").value(), "http://127.0.0.1:4567");
}

TEST(WebPush, VapidTokenNamesTheAudienceAndKey) {
  auto key = NewVapidKey();
  ASSERT_TRUE(key);
  auto again = LoadVapidKey(key->private_pem);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->public_key, key->public_key);
  EXPECT_EQ(FromBase64Url(key->public_key)->size(), 65u);
  auto header = VapidAuthorization(*key, "https://fcm.googleapis.com/fcm/send/x", "mailto:a@example.com", 1800000000);
  ASSERT_TRUE(header);
  ASSERT_EQ(header->rfind("vapid t=", 0), 0u);
  EXPECT_NE(header->find(", k=" + key->public_key), std::string::npos);
  const std::string jwt = header->substr(8, header->find(',') - 8);
  const std::string claims = FromBase64Url(jwt.substr(jwt.find('.') + 1, jwt.rfind('.') - jwt.find('.') - 1)).value();
  EXPECT_NE(claims.find("\"aud\":\"https://fcm.googleapis.com\""), std::string::npos);
  EXPECT_NE(claims.find("\"exp\":1800000000"), std::string::npos);
  EXPECT_EQ(FromBase64Url(jwt.substr(jwt.rfind('.') + 1))->size(), 64u);  // raw r||s
}

}  // namespace
}  // namespace tadaima::notify
