// Push subscription store tests, on SQLite and PostgreSQL.
#include "store/push_subscription_store.h"

#include <algorithm>

#include "store/outbox_store.h"
#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class PushSubscriptionStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    org_ = MakeOrg();
    family_ = MakeFamily(org_);
    mother_ = MakeGuardian(family_, "山田 花子", "母");
  }

  PushSubscription Subscribe(const User& u, const std::string& endpoint) {
    PushSubscription s{Id(), u.organization_id, u.id, endpoint, "p256dh-" + endpoint, "auth", now_};
    Write([&](db::Tx& tx) { return InsertSubscription(tx, s, now_); });
    return s;
  }

  std::string org_;
  Family family_;
  User mother_;
};

TEST_P(PushSubscriptionStoreTest, ASubscriptionIsFoundByIdAndEndpointAndATakenEndpointIsAConflict) {
  PushSubscription s = Subscribe(mother_, "https://push.example/a");
  auto by_id = Read([&](db::Tx& tx) { return FindSubscription(tx, s.id); });
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->user_id, mother_.id);
  EXPECT_EQ(by_id->endpoint, "https://push.example/a");
  EXPECT_EQ(by_id->p256dh, "p256dh-https://push.example/a");
  EXPECT_EQ(by_id->auth, "auth");
  EXPECT_EQ(by_id->created_at, s.created_at);
  auto by_endpoint = Read([&](db::Tx& tx) { return FindSubscriptionByEndpoint(tx, "https://push.example/a"); });
  ASSERT_TRUE(by_endpoint);
  EXPECT_EQ(by_endpoint->id, s.id);
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindSubscriptionByEndpoint(tx, "https://push.example/b"); }));
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindSubscription(tx, "no-such-id"); }));

  User father = MakeGuardian(family_, "山田 一郎");
  PushSubscription twin{Id(), org_, father.id, "https://push.example/a", "p", "a", now_};
  auto taken = Try([&](db::Tx& tx) { return InsertSubscription(tx, twin, now_); });
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
}

TEST_P(PushSubscriptionStoreTest, KeysAreReplacedAndTheUsersSubscriptionsListById) {
  PushSubscription a = Subscribe(mother_, "https://push.example/a");
  PushSubscription b = Subscribe(mother_, "https://push.example/b");
  Subscribe(MakeGuardian(family_, "山田 一郎"), "https://push.example/c");
  Write([&](db::Tx& tx) { return UpdateSubscriptionKeys(tx, a.id, "new-p256dh", "new-auth", now_); });
  auto list = Read([&](db::Tx& tx) { return ListSubscriptions(tx, mother_.id); });
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, a.id);
  EXPECT_EQ(list[0].p256dh, "new-p256dh");
  EXPECT_EQ(list[0].auth, "new-auth");
  EXPECT_EQ(list[1].id, b.id);
  EXPECT_EQ(list[1].p256dh, "p256dh-https://push.example/b");

  // Several at once: only those that still exist.
  auto some = Read([&](db::Tx& tx) { return FindSubscriptions(tx, {b.id, "gone", a.id}); });
  std::vector<std::string> ids;
  for (const auto& s : some) ids.push_back(s.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{a.id, b.id}));
  EXPECT_TRUE(Read([&](db::Tx& tx) { return FindSubscriptions(tx, {}); }).empty());
}

TEST_P(PushSubscriptionStoreTest, DeletingASubscriptionCancelsOnlyItsPendingPushRows) {
  PushSubscription gone = Subscribe(mother_, "https://push.example/a");
  PushSubscription kept = Subscribe(mother_, "https://push.example/b");
  Notification pending = NewNotification(mother_, "push", gone.id);
  Notification delivered = NewNotification(mother_, "push", gone.id);
  delivered.status = "delivered";
  Notification other_device = NewNotification(mother_, "push", kept.id);
  Notification mail = NewNotification(mother_, "email", gone.id);  // a target that only looks the same
  Write([&](db::Tx& tx) { return InsertNotifications(tx, {pending, delivered, other_device, mail}); });

  Write([&](db::Tx& tx) { return DeleteSubscription(tx, gone.id, "unsubscribed", now_); });
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindSubscription(tx, gone.id); }));
  auto status = [&](const Notification& n) {
    auto row = Read([&](db::Tx& tx) { return FindNotification(tx, org_, n.id); });
    return row ? row->notification.status + "/" + row->notification.last_error.value_or("") : "missing";
  };
  EXPECT_EQ(status(pending), "cancelled/unsubscribed");
  EXPECT_EQ(status(delivered), "delivered/");
  EXPECT_EQ(status(other_device), "pending/");
  EXPECT_EQ(status(mail), "pending/");
  Write([&](db::Tx& tx) { return DeleteSubscription(tx, gone.id, "again", now_); });  // a missing one: no error
  EXPECT_EQ(status(pending), "cancelled/unsubscribed");
}

TADAIMA_STORE_TEST_SUITE(PushSubscriptionStoreTest);

}  // namespace
}  // namespace tadaima::store
