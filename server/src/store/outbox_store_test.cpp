// Outbox store tests (notification rows, the workers' leases and attempts,
// the staff's delivery history), on SQLite and PostgreSQL.
#include "store/outbox_store.h"

#include "store/notification_preference_store.h"
#include "store/push_subscription_store.h"
#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

constexpr int64_t kLease = 30000;

class OutboxStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    org_ = MakeOrg();
    club_ = MakeFacility(org_);
    family_ = MakeFamily(org_);
    child_ = MakeChild(family_, "山田 太郎");
    mother_ = MakeGuardian(family_, "山田 花子", "母", "hanako@example.jp");
  }

  std::set<std::string> Insert(const std::vector<Notification>& rows) {
    return Write([&](db::Tx& tx) { return InsertNotifications(tx, rows); });
  }
  std::vector<std::string> Claim(int64_t now, int limit = 10) {
    std::vector<std::string> ids;
    for (const auto& n : Write([&](db::Tx& tx) { return ClaimDueNotifications(tx, now, now + kLease, limit); }))
      ids.push_back(n.id);
    return ids;
  }
  std::set<std::string> Finish(const std::vector<AttemptEnd>& ends, int64_t now) {
    return Write([&](db::Tx& tx) { return FinishAttempts(tx, ends, now); });
  }
  Notification Find(const std::string& id) {
    auto n = Read([&](db::Tx& tx) { return FindNotification(tx, org_, id); });
    if (!n) throw std::runtime_error("no notification " + id);
    return n->notification;
  }
  int64_t Pending() {
    return Read([](db::Tx& tx) { return CountPendingNotifications(tx); });
  }

  std::string org_;
  Facility club_;
  Family family_;
  Child child_;
  User mother_;
};

TEST_P(OutboxStoreTest, RecipientsAreTheFamilysGuardiansWithPreferencesAndOneRowPerDevice) {
  User father = MakeGuardian(family_, "山田 一郎", "父");
  MakeGuardian(MakeFamily(org_, "佐藤", "さとう"), "佐藤 健");  // another family
  PushSubscription phone{Id(), org_, mother_.id, "https://push.example/1", "p", "a", now_};
  PushSubscription tablet{Id(), org_, mother_.id, "https://push.example/2", "p", "a", now_};
  NotificationPreferences quiet;
  quiet.stamps.email = false;
  quiet.quiet_from = 22 * 60;
  quiet.quiet_to = 7 * 60;
  Write([&](db::Tx& tx) -> Status {
    TRY_STATUS(InsertSubscription(tx, phone, now_));
    TRY_STATUS(InsertSubscription(tx, tablet, now_));
    return SavePreferences(tx, father.id, quiet, now_);
  });
  auto rows = Read([&](db::Tx& tx) { return FamilyRecipients(tx, org_, family_.id); });
  ASSERT_EQ(rows.size(), 3u);  // by user, then subscription
  EXPECT_EQ(rows[0].user_id, mother_.id);
  EXPECT_EQ(rows[0].email, "hanako@example.jp");
  EXPECT_EQ(rows[0].subscription_id, phone.id);
  EXPECT_TRUE(rows[0].preferences.stamps.email);  // none saved: the defaults
  EXPECT_EQ(rows[1].subscription_id, tablet.id);
  EXPECT_EQ(rows[2].user_id, father.id);
  EXPECT_EQ(rows[2].email, std::nullopt);
  EXPECT_EQ(rows[2].subscription_id, "");
  EXPECT_FALSE(rows[2].preferences.stamps.email);
  EXPECT_EQ(rows[2].preferences.quiet_from, 22 * 60);
  EXPECT_TRUE(Read([&](db::Tx& tx) { return FamilyRecipients(tx, MakeOrg("B市"), family_.id); }).empty());
}

TEST_P(OutboxStoreTest, AnEventIsWrittenOncePerUserChannelAndTarget) {
  Notification inapp = NewNotification(mother_, "inapp", "", "visit:v1:arrival");
  inapp.status = "delivered";
  inapp.delivered_at = now_ - 10;
  Notification email = NewNotification(mother_, "email", "hanako@example.jp", "visit:v1:arrival");
  Notification push = NewNotification(mother_, "push", "sub-1", "visit:v1:arrival");
  EXPECT_EQ(Insert({inapp, email, push}), (std::set<std::string>{inapp.id, email.id, push.id}));

  // Told again (a retried transaction, another process): nothing new, the first rows stay.
  Notification email_again = NewNotification(mother_, "email", "hanako@example.jp", "visit:v1:arrival");
  Notification other_device = NewNotification(mother_, "push", "sub-2", "visit:v1:arrival");
  EXPECT_EQ(Insert({email_again, other_device}), std::set<std::string>{other_device.id});
  EXPECT_EQ(Insert({email_again}), std::set<std::string>{});
  EXPECT_EQ(Insert({}), std::set<std::string>{});
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindNotification(tx, org_, email_again.id); }));
  Notification read = Find(inapp.id);
  EXPECT_EQ(read.status, "delivered");
  EXPECT_EQ(read.delivered_at, inapp.delivered_at);
  EXPECT_EQ(read.payload, inapp.payload);
  EXPECT_EQ(Pending(), 3);  // e-mail and two pushes
}

TEST_P(OutboxStoreTest, AClaimLeasesDueRowsSoonestFirstAndNobodyElseGetsThemUntilTheLeaseEnds) {
  const int64_t now = now_ + 1000;
  Notification due = NewNotification(mother_, "email", "a@example.jp");
  due.next_attempt_at = now;
  Notification sooner = NewNotification(mother_, "email", "b@example.jp");
  sooner.next_attempt_at = now - 500;
  Notification later = NewNotification(mother_, "email", "c@example.jp");
  later.next_attempt_at = now + 1000;
  Notification done = NewNotification(mother_, "inapp");
  done.status = "delivered";
  Insert({due, sooner, later, done});

  EXPECT_EQ(Claim(now, 1), std::vector<std::string>{sooner.id});
  EXPECT_EQ(Claim(now), std::vector<std::string>{due.id});
  EXPECT_TRUE(Claim(now + 1).empty());  // both leased, `later` not due yet
  Notification leased = Find(due.id);
  EXPECT_EQ(leased.claimed_until, now + kLease);
  EXPECT_EQ(leased.attempts, 1);
  EXPECT_EQ(leased.status, "pending");

  // The lease ended without a result (a worker died): the rows come back, counted again
  // (in no particular order).
  auto again = Claim(now + kLease);
  EXPECT_EQ(std::set<std::string>(again.begin(), again.end()), (std::set<std::string>{sooner.id, due.id, later.id}));
  EXPECT_EQ(Find(due.id).attempts, 2);
  EXPECT_EQ(Find(later.id).attempts, 1);
  EXPECT_EQ(Find(done.id).attempts, 0);
}

TEST_P(OutboxStoreTest, AnAttemptIsRecordedOnlyWhileTheLeaseIsStillOurs) {
  const int64_t now = now_ + 1000;
  Notification a = NewNotification(mother_, "email", "a@example.jp");
  Notification b = NewNotification(mother_, "push", "sub-1");
  Insert({a, b});
  ASSERT_EQ(Claim(now).size(), 2u);
  const int64_t lease = now + kLease;

  EXPECT_EQ(Finish({{a.id, lease, "delivered", a.next_attempt_at, "delivered", "250 OK"},
                    {b.id, lease - 1, "delivered", b.next_attempt_at, "delivered", ""}},  // not our lease
                   now + 10),
            std::set<std::string>{a.id});
  Notification sent = Find(a.id);
  EXPECT_EQ(sent.status, "delivered");
  EXPECT_EQ(sent.delivered_at, now + 10);
  EXPECT_EQ(sent.claimed_until, std::nullopt);
  EXPECT_EQ(sent.last_error, std::nullopt);
  EXPECT_EQ(Find(b.id).status, "pending");
  EXPECT_EQ(Find(b.id).claimed_until, lease);
  // A second result for the finished row is not recorded either.
  EXPECT_TRUE(Finish({{a.id, lease, "dead", 0, "dead", "late"}}, now + 20).empty());
  auto attempts = Read([&](db::Tx& tx) { return ListAttempts(tx, a.id); });
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_EQ(attempts[0].at, now + 10);
  EXPECT_EQ(attempts[0].result, "delivered");
  EXPECT_EQ(attempts[0].detail, "250 OK");

  // A retry keeps the row pending, due later, with the error; the attempts add up, oldest first.
  EXPECT_EQ(Finish({{b.id, lease, "pending", now + 60000, "retry", "503 busy"}}, now + 30), std::set{b.id});
  Notification retried = Find(b.id);
  EXPECT_EQ(retried.status, "pending");
  EXPECT_EQ(retried.next_attempt_at, now + 60000);
  EXPECT_EQ(retried.last_error, "503 busy");
  EXPECT_EQ(retried.claimed_until, std::nullopt);
  EXPECT_EQ(Pending(), 1);
  ASSERT_EQ(Claim(now + 60000), std::vector<std::string>{b.id});
  EXPECT_EQ(Finish({{b.id, now + 60000 + kLease, "dead", now + 60000, "dead", "410 gone"}}, now + 60010),
            std::set{b.id});
  attempts = Read([&](db::Tx& tx) { return ListAttempts(tx, b.id); });
  ASSERT_EQ(attempts.size(), 2u);
  EXPECT_EQ(attempts[0].result, "retry");
  EXPECT_EQ(attempts[1].result, "dead");
  EXPECT_EQ(Pending(), 0);
}

TEST_P(OutboxStoreTest, OnlyADeadRowCanBeSentAgain) {
  Notification dead = NewNotification(mother_, "email", "a@example.jp");
  dead.status = "dead";
  Notification delivered = NewNotification(mother_, "email", "b@example.jp");
  delivered.status = "delivered";
  Insert({dead, delivered});
  const int64_t at = now_ + 5000;
  EXPECT_TRUE(Write([&](db::Tx& tx) { return RetryNotification(tx, dead.id, at); }));
  Notification again = Find(dead.id);
  EXPECT_EQ(again.status, "pending");
  EXPECT_EQ(again.next_attempt_at, at);
  EXPECT_EQ(again.retried_at, at);
  EXPECT_FALSE(Write([&](db::Tx& tx) { return RetryNotification(tx, dead.id, at); }));  // pending now
  EXPECT_FALSE(Write([&](db::Tx& tx) { return RetryNotification(tx, delivered.id, at); }));
  EXPECT_FALSE(Write([&](db::Tx& tx) { return RetryNotification(tx, "no-such-row", at); }));
  EXPECT_EQ(Claim(at), std::vector<std::string>{dead.id});
}

TEST_P(OutboxStoreTest, TheDeliveryHistoryIsScopedFilteredAndPagedNewestFirst) {
  Facility room = MakeFacility(org_, "こどもルーム", FacilityKind::kDropIn);
  auto at = [&](const Facility& f, const std::string& channel, const std::string& status) {
    Notification n = NewNotification(mother_, channel, channel == "email" ? "hanako@example.jp" : "");
    n.facility_id = f.id;
    n.child_id = child_.id;
    n.status = status;
    return n;
  };
  Notification a = at(club_, "email", "delivered"), b = at(club_, "inapp", "delivered"), c = at(room, "email", "dead"),
               d = at(room, "push", "pending");
  d.target = "sub-1";
  Insert({a, b, c, d});
  const std::string other = MakeOrg("B市");
  User stranger = MakeGuardian(MakeFamily(other), "B市の保護者");
  Insert({NewNotification(stranger, "inapp")});

  auto list = [&](NotificationQuery q) {
    q.organization_id = org_;
    std::vector<std::string> ids;
    for (const auto& r : Read([&](db::Tx& tx) { return ListNotifications(tx, q); })) {
      EXPECT_EQ(r.guardian_name, "山田 花子");
      ids.push_back(r.notification.id);
    }
    return ids;
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(list({}), (Ids{d.id, c.id, b.id, a.id}));
  EXPECT_EQ(list({.facility_ids = Ids{club_.id}}), (Ids{b.id, a.id}));
  EXPECT_EQ(list({.facility_ids = Ids{}}), Ids{});  // a staff member of no facility sees none
  EXPECT_EQ(list({.facility_id = room.id}), (Ids{d.id, c.id}));
  EXPECT_EQ(list({.child_id = child_.id, .channel = "email"}), (Ids{c.id, a.id}));
  EXPECT_EQ(list({.status = "dead"}), Ids{c.id});
  EXPECT_EQ(list({.limit = 3}), (Ids{d.id, c.id, b.id}));
  EXPECT_EQ(list({.before_id = b.id}), Ids{a.id});

  auto found = Read([&](db::Tx& tx) { return FindNotification(tx, org_, c.id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->guardian_name, "山田 花子");
  EXPECT_EQ(found->notification.facility_id, room.id);
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindNotification(tx, other, c.id); }));
  EXPECT_EQ(Read([&](db::Tx& tx) { return ListNotifications(tx, {.organization_id = other}); }).size(), 1u);
}

TADAIMA_STORE_TEST_SUITE(OutboxStoreTest);

}  // namespace
}  // namespace tadaima::store
