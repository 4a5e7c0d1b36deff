// Notification preference store tests, on SQLite and PostgreSQL.
#include "store/notification_preference_store.h"

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class NotificationPreferenceStoreTest : public StoreTest {};

TEST_P(NotificationPreferenceStoreTest, AGuardianWithoutPreferencesHasTheDefaults) {
  User u = MakeGuardian(MakeFamily(MakeOrg()));
  NotificationPreferences p = Read([&](db::Tx& tx) { return FindPreferences(tx, u.id); });
  EXPECT_TRUE(p.stamps.push && p.stamps.email && p.stamps.inapp);
  EXPECT_TRUE(p.messages.push && p.messages.email && p.messages.inapp);
  EXPECT_EQ(p.quiet_from, std::nullopt);
  EXPECT_EQ(p.quiet_to, std::nullopt);
  EXPECT_EQ(p.language, "ja");
}

TEST_P(NotificationPreferenceStoreTest, SavingWritesTheWholeRowAndSavingAgainReplacesIt) {
  Family f = MakeFamily(MakeOrg());
  User u = MakeGuardian(f), other = MakeGuardian(f, "山田 一郎");
  NotificationPreferences p;
  p.stamps = {false, true, true};
  p.messages = {true, false, true};
  p.quiet_from = 21 * 60;
  p.quiet_to = 6 * 60 + 30;
  p.language = "en";
  Write([&](db::Tx& tx) { return SavePreferences(tx, u.id, p, now_); });
  NotificationPreferences read = Read([&](db::Tx& tx) { return FindPreferences(tx, u.id); });
  EXPECT_FALSE(read.stamps.push);
  EXPECT_TRUE(read.stamps.email);
  EXPECT_FALSE(read.messages.email);
  EXPECT_EQ(read.quiet_from, 21 * 60);
  EXPECT_EQ(read.quiet_to, 6 * 60 + 30);
  EXPECT_EQ(read.language, "en");
  EXPECT_TRUE(Read([&](db::Tx& tx) { return FindPreferences(tx, other.id); }).stamps.push);  // not theirs

  NotificationPreferences again;  // everything on, no quiet hours
  again.stamps.inapp = false;
  Write([&](db::Tx& tx) { return SavePreferences(tx, u.id, again, now_ + 1); });
  read = Read([&](db::Tx& tx) { return FindPreferences(tx, u.id); });
  EXPECT_TRUE(read.stamps.push);
  EXPECT_FALSE(read.stamps.inapp);
  EXPECT_TRUE(read.messages.email);
  EXPECT_EQ(read.quiet_from, std::nullopt);
  EXPECT_EQ(read.quiet_to, std::nullopt);
  EXPECT_EQ(read.language, "ja");
}

TEST_P(NotificationPreferenceStoreTest, ALanguageOtherThanJapaneseOrEnglishIsRefused) {
  User u = MakeGuardian(MakeFamily(MakeOrg()));
  NotificationPreferences p;
  p.language = "fr";
  EXPECT_FALSE(Try([&](db::Tx& tx) { return SavePreferences(tx, u.id, p, now_); }));
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindPreferences(tx, u.id); }).language, "ja");
}

TADAIMA_STORE_TEST_SUITE(NotificationPreferenceStoreTest);

}  // namespace
}  // namespace tadaima::store
