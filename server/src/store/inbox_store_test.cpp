// Inbox store tests (a guardian's in-app rows), on SQLite and PostgreSQL.
#include "store/inbox_store.h"

#include "store/outbox_store.h"
#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class InboxStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    org_ = MakeOrg();
    family_ = MakeFamily(org_);
    mother_ = MakeGuardian(family_, "山田 花子", "母");
    father_ = MakeGuardian(family_, "山田 一郎", "父");
  }

  // An in-app row of the user, written delivered as the outbox writes them.
  Notification Tell(const User& u, const std::string& channel = "inapp") {
    Notification n = NewNotification(u, channel, channel == "push" ? "sub-1" : "");
    if (channel == "inapp") {
      n.status = "delivered";
      n.delivered_at = now_;
    }
    Write([&](db::Tx& tx) { return InsertNotifications(tx, {n}); });
    return n;
  }
  std::vector<std::string> Inbox(const User& u, bool unread_only = false,
                                 const std::optional<std::string>& before = std::nullopt, int limit = 50) {
    std::vector<std::string> ids;
    for (const auto& n : Read([&](db::Tx& tx) { return ListInbox(tx, u.id, unread_only, before, limit); }))
      ids.push_back(n.id);
    return ids;
  }
  int64_t Unread(const User& u) {
    return Read([&](db::Tx& tx) { return CountUnread(tx, u.id); });
  }

  std::string org_;
  Family family_;
  User mother_, father_;
};

using Ids = std::vector<std::string>;

TEST_P(InboxStoreTest, TheInboxIsTheUsersOwnInAppRowsNewestFirstInPages) {
  Notification a = Tell(mother_), b = Tell(mother_), c = Tell(mother_);
  Tell(mother_, "push");
  Tell(father_);
  EXPECT_EQ(Inbox(mother_), (Ids{c.id, b.id, a.id}));
  EXPECT_EQ(Inbox(mother_, false, std::nullopt, 2), (Ids{c.id, b.id}));
  EXPECT_EQ(Inbox(mother_, false, b.id, 2), Ids{a.id});
  EXPECT_EQ(Unread(mother_), 3);
  EXPECT_EQ(Unread(father_), 1);
  auto first = Read([&](db::Tx& tx) { return ListInbox(tx, mother_.id, false, std::nullopt, 1); });
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].payload, c.payload);
  EXPECT_EQ(first[0].read_at, std::nullopt);
}

TEST_P(InboxStoreTest, MarkingReadKeepsTheFirstTimeAndOnlyTouchesTheUsersInAppRows) {
  Notification a = Tell(mother_), b = Tell(mother_);
  Notification push = Tell(mother_, "push");
  Notification his = Tell(father_);
  const int64_t t = now_ + 1000;
  EXPECT_TRUE(Write([&](db::Tx& tx) { return MarkRead(tx, mother_.id, a.id, t); }));
  EXPECT_TRUE(Write([&](db::Tx& tx) { return MarkRead(tx, mother_.id, a.id, t + 5); }));  // already read: true
  EXPECT_FALSE(Write([&](db::Tx& tx) { return MarkRead(tx, mother_.id, his.id, t); }));
  EXPECT_FALSE(Write([&](db::Tx& tx) { return MarkRead(tx, mother_.id, push.id, t); }));
  EXPECT_FALSE(Write([&](db::Tx& tx) { return MarkRead(tx, mother_.id, "no-such-row", t); }));
  auto rows = Read([&](db::Tx& tx) { return ListInbox(tx, mother_.id, false, std::nullopt, 50); });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].id, a.id);
  EXPECT_EQ(rows[1].read_at, t);  // the first time
  EXPECT_EQ(Inbox(mother_, true), Ids{b.id});
  EXPECT_EQ(Unread(mother_), 1);
  EXPECT_EQ(Unread(father_), 1);

  Write([&](db::Tx& tx) { return MarkAllRead(tx, mother_.id, t + 100); });
  EXPECT_EQ(Unread(mother_), 0);
  EXPECT_TRUE(Inbox(mother_, true).empty());
  rows = Read([&](db::Tx& tx) { return ListInbox(tx, mother_.id, false, std::nullopt, 50); });
  EXPECT_EQ(rows[0].read_at, t + 100);
  EXPECT_EQ(rows[1].read_at, t);  // already read: kept
  EXPECT_EQ(Unread(father_), 1);
}

TADAIMA_STORE_TEST_SUITE(InboxStoreTest);

}  // namespace
}  // namespace tadaima::store
