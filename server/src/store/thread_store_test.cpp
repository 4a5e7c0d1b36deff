// Contact thread store tests, on SQLite and PostgreSQL.
#include "store/thread_store.h"

#include "store/enrollment_store.h"
#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class ThreadStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    org_ = MakeOrg("A市");
    club_ = MakeFacility(org_, "ひまわり児童クラブ");
    other_club_ = MakeFacility(org_, "さくら児童クラブ");
    yamada_ = MakeFamily(org_, "山田");
    taro_ = MakeChild(yamada_, "山田 太郎");
    enrollment_ = Enroll(club_, yamada_, taro_);
    sato_ = MakeFamily(org_, "佐藤");
    jiro_ = MakeChild(sato_, "佐藤 次郎");
    Enroll(other_club_, sato_, jiro_);
    hanako_ = MakeGuardian(yamada_);
    staff_ = MakeStaff(org_);
  }

  // A thread with its first post, written by the family.
  Thread Open(const Family& f, const Child& c, const Facility& at, const std::string& subject,
              std::optional<std::string> client_id = std::nullopt) {
    Thread t;
    t.id = Id();
    t.organization_id = org_;
    t.facility_id = at.id;
    t.family_id = f.id;
    t.child_id = c.id;
    t.subject = subject;
    t.client_id = std::move(client_id);
    t.created_by_id = hanako_.id;
    t.created_at = now_;
    Write([&](db::Tx& tx) -> Status {
      TRY_STATUS(InsertThread(tx, t));
      ThreadPost first = NewPost(t.id, ThreadSide::kFamily, subject);
      return AddPost(tx, org_, first);
    });
    return *Read([&](db::Tx& tx) { return FindThread(tx, org_, t.id); });
  }

  ThreadPost NewPost(const std::string& thread_id, ThreadSide side, const std::string& body) {
    ThreadPost p;
    p.id = Id();
    p.thread_id = thread_id;
    p.author_side = side;
    p.author_id = side == ThreadSide::kStaff ? staff_.id : hanako_.id;
    p.author_name = side == ThreadSide::kStaff ? staff_.name : hanako_.name;
    p.body = body;
    p.created_at = now_;
    return p;
  }

  ThreadPost Post(const std::string& thread_id, ThreadSide side, const std::string& body,
                  std::optional<std::string> client_id = std::nullopt) {
    ThreadPost p = NewPost(thread_id, side, body);
    p.client_id = std::move(client_id);
    Write([&](db::Tx& tx) { return AddPost(tx, org_, p); });
    return p;
  }

  std::vector<std::string> Ids(const ThreadQuery& q) {
    std::vector<std::string> out;
    for (const auto& t : Read([&](db::Tx& tx) { return ListThreads(tx, q); })) out.push_back(t.id);
    return out;
  }

  std::string org_;
  Facility club_, other_club_;
  Family yamada_, sato_;
  Child taro_, jiro_;
  Enrollment enrollment_;
  User hanako_, staff_;
};

TEST_P(ThreadStoreTest, PostsAreNumberedAndEachSideCountsWhatTheOtherWrote) {
  Thread t = Open(yamada_, taro_, club_, "お迎えが遅れます");
  EXPECT_EQ(t.posts, 1);
  EXPECT_EQ(t.UnreadFor(ThreadSide::kStaff), 1);
  EXPECT_EQ(t.UnreadFor(ThreadSide::kFamily), 0);
  EXPECT_EQ(t.facility_name, "ひまわり児童クラブ");
  EXPECT_EQ(t.family_name, "山田");
  EXPECT_EQ(t.child_name, "山田 太郎");
  EXPECT_TRUE(t.open);

  ++now_;
  ThreadPost reply = Post(t.id, ThreadSide::kStaff, "承知しました");
  EXPECT_EQ(reply.seq, 2);
  auto after = *Read([&](db::Tx& tx) { return FindThread(tx, org_, t.id); });
  EXPECT_EQ(after.UnreadFor(ThreadSide::kStaff), 0);  // replying reads what came before
  EXPECT_EQ(after.UnreadFor(ThreadSide::kFamily), 1);
  EXPECT_EQ(after.last_post_at, now_);

  EXPECT_TRUE(Write([&](db::Tx& tx) { return MarkThreadRead(tx, org_, t.id, ThreadSide::kFamily); }));
  EXPECT_FALSE(Write([&](db::Tx& tx) { return MarkThreadRead(tx, org_, t.id, ThreadSide::kFamily); }));
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindThread(tx, org_, t.id); })->UnreadFor(ThreadSide::kFamily), 0);

  auto posts = Read([&](db::Tx& tx) { return ListPosts(tx, t.id); });
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].body, "お迎えが遅れます");
  EXPECT_EQ(posts[0].author_side, ThreadSide::kFamily);
  EXPECT_EQ(posts[1].author_name, staff_.name);
  EXPECT_EQ(posts[1].author_side, ThreadSide::kStaff);
}

TEST_P(ThreadStoreTest, ClientIdsFindTheFirstThreadAndPostAndAreUnique) {
  const std::string id = "0f8fad5b-d9cb-469f-a165-70867728950e";
  Thread t = Open(yamada_, taro_, club_, "熱", id);
  auto again = Read([&](db::Tx& tx) { return FindThreadByClientId(tx, org_, yamada_.id, id); });
  ASSERT_TRUE(again);
  EXPECT_EQ(again->id, t.id);
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindThreadByClientId(tx, org_, sato_.id, id); }));

  ThreadPost p = Post(t.id, ThreadSide::kFamily, "続き", id);
  auto found = Read([&](db::Tx& tx) { return FindPostByClientId(tx, t.id, id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, p.id);
  ThreadPost twice = NewPost(t.id, ThreadSide::kFamily, "続き");
  twice.client_id = id;
  auto refused = Try([&](db::Tx& tx) { return AddPost(tx, org_, twice); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  // The refused post changed nothing.
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindThread(tx, org_, t.id); })->posts, 2);
}

TEST_P(ThreadStoreTest, ListsTheLatestFirstWithinTheReadersScope) {
  Thread first = Open(yamada_, taro_, club_, "一");
  ++now_;
  Thread second = Open(sato_, jiro_, other_club_, "二");
  ++now_;
  Thread third = Open(yamada_, taro_, club_, "三");
  ++now_;
  Post(first.id, ThreadSide::kStaff, "返信");  // the first moves to the top, read by staff

  ThreadQuery all{org_};
  EXPECT_EQ(Ids(all), (std::vector<std::string>{first.id, third.id, second.id}));
  ThreadQuery family{org_, ThreadSide::kFamily, yamada_.id};
  EXPECT_EQ(Ids(family), (std::vector<std::string>{first.id, third.id}));
  ThreadQuery club_staff{org_, ThreadSide::kStaff, std::nullopt, std::vector<std::string>{club_.id}};
  EXPECT_EQ(Ids(club_staff), (std::vector<std::string>{first.id, third.id}));
  ThreadQuery other_club{org_, ThreadSide::kStaff, std::nullopt, std::nullopt, other_club_.id};
  EXPECT_EQ(Ids(other_club), std::vector<std::string>{second.id});

  ThreadQuery unread_for_staff{org_, ThreadSide::kStaff};
  unread_for_staff.unread_only = true;
  EXPECT_EQ(Ids(unread_for_staff), (std::vector<std::string>{third.id, second.id}));
  EXPECT_EQ(Read([&](db::Tx& tx) { return CountUnreadThreads(tx, all); }), 2);
  EXPECT_EQ(Read([&](db::Tx& tx) { return CountUnreadThreads(tx, club_staff); }), 1);
  EXPECT_EQ(Read([&](db::Tx& tx) { return CountUnreadThreads(tx, family); }), 1);

  ThreadQuery page = all;
  page.limit = 2;
  auto head = Read([&](db::Tx& tx) { return ListThreads(tx, page); });
  ASSERT_EQ(head.size(), 2u);
  page.after = ThreadCursor{head[1].last_post_at, head[1].id};
  EXPECT_EQ(Ids(page), std::vector<std::string>{second.id});

  const std::string other = MakeOrg("B市");
  ThreadQuery foreign{other};
  EXPECT_TRUE(Ids(foreign).empty());
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindThread(tx, other, first.id); }));
  ThreadPost into_foreign = NewPost(first.id, ThreadSide::kStaff, "x");
  auto refused = Try([&](db::Tx& tx) { return AddPost(tx, other, into_foreign); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
}

TEST_P(ThreadStoreTest, AThreadClosesWhenTheFamilyLeavesTheFacility) {
  Thread t = Open(yamada_, taro_, club_, "相談");
  EXPECT_TRUE(t.open);
  Write([&](db::Tx& tx) { return DeleteEnrollment(tx, enrollment_); });
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindThread(tx, org_, t.id); })->open);
  // A family enrollment (a drop-in room's) opens it again.
  Enroll(club_, yamada_);
  EXPECT_TRUE(Read([&](db::Tx& tx) { return FindThread(tx, org_, t.id); })->open);
}

TADAIMA_STORE_TEST_SUITE(ThreadStoreTest);

}  // namespace
}  // namespace tadaima::store
