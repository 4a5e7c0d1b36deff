// Visit store tests (visits and stamp answers), on SQLite and PostgreSQL.
#include "store/visit_store.h"

#include <set>

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

constexpr int64_t kMinute = 60 * 1000;

class VisitStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    org_ = MakeOrg("A市");
    club_ = MakeFacility(org_);
    child_ = MakeEnrolledChild(club_, "山田 太郎");
  }

  Visit MakeVisit(const Facility& at, const Child& c, int64_t in_at, std::optional<int64_t> out_at = std::nullopt) {
    Visit v;
    v.id = Id();
    v.organization_id = at.organization_id;
    v.facility_id = at.id;
    v.child_id = c.id;
    v.in_at = in_at;
    v.out_at = out_at;
    Write([&](db::Tx& tx) { return InsertVisit(tx, v, now_); });
    return v;
  }
  std::vector<std::string> Listed(VisitQuery q) {
    if (q.organization_id.empty()) q.organization_id = org_;
    std::vector<std::string> ids;
    for (const auto& v : Read([&](db::Tx& tx) { return ListVisits(tx, q); })) ids.push_back(v.id);
    return ids;
  }

  std::string org_;
  Facility club_;
  Child child_;
  const int64_t t_ = 1795240800000;  // 2026-11-21 15:00 in Tokyo
};

TEST_P(VisitStoreTest, AVisitReadsBackWithItsChildsNameAndUpdatesInItsOrganizationOnly) {
  Visit v = MakeVisit(club_, child_, t_);
  auto read = Read([&](db::Tx& tx) { return FindVisit(tx, org_, v.id); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->child_name, "山田 太郎");
  EXPECT_EQ(read->in_at, t_);
  EXPECT_EQ(read->out_at, std::nullopt);
  EXPECT_EQ(read->method, VisitMethod::kQr);
  const std::string other = MakeOrg("B市");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindVisit(tx, other, v.id); }));

  Visit changed = v;
  changed.out_at = t_ + 120 * kMinute;
  changed.pickup_by = "母";
  changed.needs_review = true;
  Visit foreign = changed;
  foreign.organization_id = other;
  Write([&](db::Tx& tx) { return UpdateVisit(tx, foreign, now_); });  // no error, no change
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindVisit(tx, org_, v.id); })->out_at, std::nullopt);
  Write([&](db::Tx& tx) { return UpdateVisit(tx, changed, now_); });
  read = Read([&](db::Tx& tx) { return FindVisit(tx, org_, v.id); });
  EXPECT_EQ(read->out_at, t_ + 120 * kMinute);
  EXPECT_EQ(read->pickup_by, "母");
  EXPECT_TRUE(read->needs_review);
  EXPECT_FALSE(read->auto_closed);
  EXPECT_FALSE(read->left_alone);

  changed.pickup_by.reset();
  changed.left_alone = true;
  Write([&](db::Tx& tx) { return UpdateVisit(tx, changed, now_); });
  read = Read([&](db::Tx& tx) { return FindVisit(tx, org_, v.id); });
  EXPECT_TRUE(read->left_alone);
  EXPECT_EQ(read->pickup_by, std::nullopt);
}

TEST_P(VisitStoreTest, TheLastVisitIsTheLatestArrivalAtThatFacilityOpenOrNot) {
  Facility other = MakeFacility(org_, "さくら児童クラブ");
  auto last = [&] { return Read([&](db::Tx& tx) { return FindLastVisit(tx, child_.id, club_.id); }); };
  EXPECT_FALSE(last());
  Visit closed = MakeVisit(club_, child_, t_ - 60 * kMinute, t_ - 30 * kMinute);
  EXPECT_EQ(last()->id, closed.id);
  Visit open = MakeVisit(club_, child_, t_ + 10 * kMinute);  // in the clock's future: still the last
  MakeVisit(other, child_, t_ + 20 * kMinute);               // open, elsewhere
  ASSERT_TRUE(last());
  EXPECT_EQ(last()->id, open.id);
  EXPECT_FALSE(last()->out_at);
}

TEST_P(VisitStoreTest, AVisitNearAnInstantBeganOrEndedWithinTheWindow) {
  const int64_t window = 60 * 1000;
  Visit v = MakeVisit(club_, child_, t_, t_ + 30 * kMinute);
  auto near = [&](int64_t at) {
    return Read([&](db::Tx& tx) { return FindVisitNear(tx, child_.id, club_.id, at, window); });
  };
  EXPECT_TRUE(near(t_ + window - 1));  // began within the window
  EXPECT_TRUE(near(t_ - window + 1));
  EXPECT_FALSE(near(t_ + window));
  EXPECT_FALSE(near(t_ + 10 * kMinute));
  EXPECT_TRUE(near(t_ + 30 * kMinute + window - 1));  // ended within the window
  EXPECT_FALSE(near(t_ + 30 * kMinute + window));
  EXPECT_EQ(near(t_)->id, v.id);
}

TEST_P(VisitStoreTest, HasVisitBetweenIsHalfOpen) {
  MakeVisit(club_, child_, t_);
  auto has = [&](int64_t from, int64_t to) {
    return Read([&](db::Tx& tx) { return HasVisitBetween(tx, child_.id, club_.id, from, to); });
  };
  EXPECT_TRUE(has(t_, t_ + 1));
  EXPECT_FALSE(has(t_ + 1, t_ + 100));
  EXPECT_FALSE(has(t_ - 100, t_));
}

TEST_P(VisitStoreTest, VisitsListNewestFirstWithFiltersAndAKeysetCursor) {
  Facility room = MakeFacility(org_, "こどもルーム", FacilityKind::kDropIn);
  Child jiro = MakeEnrolledChild(room, "佐藤 次郎");
  Visit a = MakeVisit(club_, child_, t_ - 24 * 60 * kMinute, t_ - 23 * 60 * kMinute);
  Visit b = MakeVisit(club_, child_, t_);
  Visit c = MakeVisit(room, jiro, t_);  // the same in_at as b: by id after it
  Visit d = MakeVisit(room, jiro, t_ + kMinute);
  Write([&](db::Tx& tx) {
    Visit r = c;
    r.needs_review = true;
    return UpdateVisit(tx, r, now_);
  });
  MakeVisit(MakeFacility(MakeOrg("B市")), child_, t_);  // another organization's row for the same child id
  User staff = MakeStaff(org_, Role::kFacilityStaff, {room.id});

  EXPECT_EQ(Listed({}), (std::vector<std::string>{d.id, c.id, b.id, a.id}));
  EXPECT_EQ(Listed({.facility_id = club_.id}), (std::vector<std::string>{b.id, a.id}));
  EXPECT_EQ(Listed({.staff_user_id = staff.id}), (std::vector<std::string>{d.id, c.id}));
  EXPECT_EQ(Listed({.child_id = jiro.id}), (std::vector<std::string>{d.id, c.id}));
  EXPECT_EQ(Listed({.from_ms = t_, .to_ms = t_ + kMinute}), (std::vector<std::string>{c.id, b.id}));
  EXPECT_EQ(Listed({.needs_review_only = true}), std::vector<std::string>{c.id});
  // Pages of two: the cursor is the (in_at, id) of the last row seen.
  EXPECT_EQ(Listed({.limit = 2}), (std::vector<std::string>{d.id, c.id}));
  EXPECT_EQ(Listed({.before = std::pair{c.in_at, c.id}, .limit = 2}), (std::vector<std::string>{b.id, a.id}));
  EXPECT_EQ(Listed({.before = std::pair{a.in_at, a.id}}), std::vector<std::string>{});
}

TEST_P(VisitStoreTest, TheAutoCloseJobSeesEveryOpenVisitAndClosesEachOnce) {
  const std::string other_org = MakeOrg("B市");
  Facility other = MakeFacility(other_org);
  Child other_child = MakeEnrolledChild(other, "佐藤 葵");
  Visit open = MakeVisit(club_, child_, t_);
  MakeVisit(club_, child_, t_ - 60 * kMinute, t_ - 30 * kMinute);  // closed
  Visit elsewhere = MakeVisit(other, other_child, t_);
  auto all = Read([&](db::Tx& tx) { return ListOpenVisits(tx); });
  ASSERT_EQ(all.size(), 2u);
  std::set<std::string> ids;
  for (const auto& o : all) {
    ids.insert(o.visit.id);
    EXPECT_EQ(o.closes_at, 19 * 60);
    EXPECT_EQ(o.time_zone, "Asia/Tokyo");
  }
  EXPECT_EQ(ids, (std::set<std::string>{open.id, elsewhere.id}));

  const int64_t closing = t_ + 4 * 60 * kMinute;
  EXPECT_TRUE(Write([&](db::Tx& tx) { return AutoCloseVisit(tx, open.id, closing, now_); }));
  EXPECT_FALSE(Write([&](db::Tx& tx) { return AutoCloseVisit(tx, open.id, closing + 1, now_); }));
  auto closed = Read([&](db::Tx& tx) { return FindVisit(tx, org_, open.id); });
  EXPECT_EQ(closed->out_at, closing);
  EXPECT_TRUE(closed->auto_closed);
  EXPECT_TRUE(closed->needs_review);
  EXPECT_EQ(Read([&](db::Tx& tx) { return ListOpenVisits(tx); }).size(), 1u);
}

TEST_P(VisitStoreTest, AStampsAnswerIsKeptOncePerClientIdAndReadInItsOrganization) {
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindStampOutcome(tx, org_, "client-1"); }));
  Write([&](db::Tx& tx) { return InsertStampOutcome(tx, org_, "client-1", R"({"result":"arrived"})", now_); });
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindStampOutcome(tx, org_, "client-1"); }), R"({"result":"arrived"})");
  const std::string other = MakeOrg("B市");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindStampOutcome(tx, other, "client-1"); }));
  auto again = Try([&](db::Tx& tx) { return InsertStampOutcome(tx, other, "client-1", "{}", now_); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(VisitStoreTest, LockingAChildWorksOnBothDatabases) {
  Write([&](db::Tx& tx) -> Status {
    TRY_STATUS(LockChild(tx, child_.id));
    return LockChild(tx, "no-such-child");
  });
}

TADAIMA_STORE_TEST_SUITE(VisitStoreTest);

}  // namespace
}  // namespace tadaima::store
