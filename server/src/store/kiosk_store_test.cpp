// Kiosk store tests, on SQLite and PostgreSQL.
#include "store/kiosk_store.h"

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class KioskStoreTest : public StoreTest {
 protected:
  Kiosk MakeKiosk(const Facility& f, const std::string& token_hash, const std::string& name = "受付") {
    Kiosk k{Id(), f.organization_id, f.id, name, now_, std::nullopt};
    Write([&](db::Tx& tx) { return InsertKiosk(tx, k, token_hash); });
    return k;
  }
  std::vector<std::string> Listed(const std::string& org, const Facility& f) {
    std::vector<std::string> ids;
    for (const auto& k : Read([&](db::Tx& tx) { return ListKiosks(tx, org, f.id); })) ids.push_back(k.id);
    return ids;
  }
};

TEST_P(KioskStoreTest, AKioskIsFoundByIdAndTokenInItsOrganizationOnly) {
  const std::string org = MakeOrg("A市"), other = MakeOrg("B市");
  Facility f = MakeFacility(org);
  Kiosk k = MakeKiosk(f, "hash-1", "玄関");
  auto read = Read([&](db::Tx& tx) { return FindKiosk(tx, org, k.id); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->name, "玄関");
  EXPECT_EQ(read->facility_id, f.id);
  EXPECT_EQ(read->created_at, k.created_at);
  EXPECT_EQ(read->last_seen_at, std::nullopt);
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindKiosk(tx, other, k.id); }));
  EXPECT_TRUE(Listed(other, f).empty());

  auto session = Read([&](db::Tx& tx) { return FindKioskByToken(tx, "hash-1"); });
  ASSERT_TRUE(session);
  EXPECT_EQ(session->kiosk.id, k.id);
  EXPECT_EQ(session->kiosk.organization_id, org);
  EXPECT_EQ(session->time_zone, "Asia/Tokyo");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindKioskByToken(tx, "hash-2"); }));
}

TEST_P(KioskStoreTest, ATakenTokenHashIsAConflict) {
  Facility f = MakeFacility(MakeOrg());
  MakeKiosk(f, "same-hash");
  Kiosk twin{Id(), f.organization_id, f.id, "二台目", now_, std::nullopt};
  auto s = Try([&](db::Tx& tx) { return InsertKiosk(tx, twin, "same-hash"); });
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
}

TEST_P(KioskStoreTest, TheFacilitysLiveKioskListOldestFirst) {
  const std::string org = MakeOrg();
  Facility f = MakeFacility(org), g = MakeFacility(org, "さくら児童クラブ");
  Kiosk first = MakeKiosk(f, "h1"), second = MakeKiosk(f, "h2"), revoked = MakeKiosk(f, "h3");
  MakeKiosk(g, "h4");
  Write([&](db::Tx& tx) { return RevokeKiosk(tx, revoked, now_); });
  EXPECT_EQ(Listed(org, f), (std::vector<std::string>{first.id, second.id}));
}

TEST_P(KioskStoreTest, ARevokedKioskIsGoneAtOnceAndAnotherOrganizationCannotRevokeIt) {
  const std::string org = MakeOrg("A市"), other = MakeOrg("B市");
  Kiosk k = MakeKiosk(MakeFacility(org), "hash-1");
  Kiosk foreign = k;
  foreign.organization_id = other;
  Write([&](db::Tx& tx) { return RevokeKiosk(tx, foreign, now_); });  // no error, no change
  EXPECT_TRUE(Read([&](db::Tx& tx) { return FindKioskByToken(tx, "hash-1"); }));

  Write([&](db::Tx& tx) { return RevokeKiosk(tx, k, now_); });
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindKioskByToken(tx, "hash-1"); }));
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindKiosk(tx, org, k.id); }));
}

TEST_P(KioskStoreTest, TouchingRecordsWhenTheKioskWasLastSeen) {
  const std::string org = MakeOrg();
  Kiosk k = MakeKiosk(MakeFacility(org), "hash-1");
  Write([&](db::Tx& tx) { return TouchKiosk(tx, k.id, now_ + 5000); });
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindKiosk(tx, org, k.id); })->last_seen_at, now_ + 5000);
  Write([&](db::Tx& tx) { return TouchKiosk(tx, "no-such-kiosk", now_); });  // a missing row: no error
}

TEST_P(KioskStoreTest, TheStaffMenuStateIsKeptOnTheKiosksRow) {
  const std::string org = MakeOrg(), other = MakeOrg("B市");
  Kiosk k = MakeKiosk(MakeFacility(org), "hash-1");
  k.unlocked_until = now_ + 300000;
  k.pin_failures = 3;
  k.pin_locked_until = now_ + 60000;
  Write([&](db::Tx& tx) { return UpdateKioskPin(tx, k); });
  auto read = Read([&](db::Tx& tx) { return FindKioskByToken(tx, "hash-1"); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->kiosk.unlocked_until, now_ + 300000);
  EXPECT_EQ(read->kiosk.pin_failures, 3);
  EXPECT_EQ(read->kiosk.pin_locked_until, now_ + 60000);
  EXPECT_EQ(read->time_zone, "Asia/Tokyo");
  // Another organization's id changes nothing.
  Kiosk foreign = k;
  foreign.organization_id = other;
  foreign.pin_failures = 0;
  Write([&](db::Tx& tx) { return UpdateKioskPin(tx, foreign); });
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindKiosk(tx, org, k.id); })->pin_failures, 3);
  k.unlocked_until.reset();
  k.pin_locked_until.reset();
  k.pin_failures = 0;
  Write([&](db::Tx& tx) { return UpdateKioskPin(tx, k); });
  read = Read([&](db::Tx& tx) { return FindKioskByToken(tx, "hash-1"); });
  EXPECT_EQ(read->kiosk.unlocked_until, std::nullopt);
  EXPECT_EQ(read->kiosk.pin_locked_until, std::nullopt);
}

TADAIMA_STORE_TEST_SUITE(KioskStoreTest);

}  // namespace
}  // namespace tadaima::store
