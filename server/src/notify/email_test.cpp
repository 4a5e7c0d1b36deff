#include "notify/email.h"

#include <gtest/gtest.h>

#include "notify/dispatcher.h"
#include "notify/outbox.h"

namespace tadaima::notify {
namespace {

TEST(Email, EncodesJapaneseSubjectsInWholeCharacters) {
  EXPECT_EQ(EncodeHeaderText("Arrived"), "Arrived");
  const std::string subject = "さくら さんが到着しました（ひまわり学童クラブ）";
  std::string encoded = EncodeHeaderText(subject);
  EXPECT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0u);
  // Every encoded word fits in 75 characters and decodes alone to whole characters.
  size_t pos = 0;
  while (pos < encoded.size()) {
    size_t end = encoded.find("?=", pos + 10) + 2;
    EXPECT_LE(end - pos, 75u);
    pos = encoded.find("=?", end);
    if (pos == std::string::npos) break;
  }
  EXPECT_EQ(EncodeHeaderText("a\r\nBcc: x@example.com"), "a  Bcc: x@example.com");  // no header injection
}

TEST(Email, BuildsMimeWithTheRequiredHeaders) {
  std::string m = BuildMime({"tadaima@example.jp", "parent@example.jp", "到着", "本文\n二行目", "abc@example.jp",
                             1795000000000, "Asia/Tokyo"});
  EXPECT_NE(m.find("Message-ID: <abc@example.jp>\r\n"), std::string::npos);
  EXPECT_NE(m.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(m.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(m.find("Content-Transfer-Encoding: base64\r\n"), std::string::npos);
  EXPECT_NE(m.find("Date: Wed, 18 Nov 2026 20:06:40 +0900\r\n"), std::string::npos);
  EXPECT_NE(m.find("\r\n\r\n"), std::string::npos);
}

TEST(Outbox, BackoffDoublesUpToTheCap) {
  EXPECT_EQ(BackoffMs(1, 30000), 1000);
  EXPECT_EQ(BackoffMs(2, 30000), 2000);
  EXPECT_EQ(BackoffMs(5, 30000), 16000);
  EXPECT_EQ(BackoffMs(6, 30000), 30000);
  EXPECT_EQ(BackoffMs(40, 30000), 30000);
}

TEST(Outbox, QuietHoursAcrossMidnightEndInTheMorning) {
  NotificationPreferences p;
  p.quiet_from = 21 * 60;
  p.quiet_to = 7 * 60;
  const int64_t at_2300_jst = 1795010400000;  // 2026-11-18T23:00+09:00
  auto until = QuietUntil(p, "Asia/Tokyo", at_2300_jst);
  ASSERT_TRUE(until);
  EXPECT_EQ(*until, at_2300_jst + 8 * 3600 * 1000);  // 07:00 the next morning
  EXPECT_FALSE(QuietUntil(p, "Asia/Tokyo", at_2300_jst - 4 * 3600 * 1000));  // 19:00
  p.quiet_from.reset();
  EXPECT_FALSE(QuietUntil(p, "Asia/Tokyo", at_2300_jst));
}

}  // namespace
}  // namespace tadaima::notify
