// Plan store tests, on SQLite and PostgreSQL.
#include "store/plan_store.h"

#include <algorithm>

#include "rules/plans.h"
#include "store/store_test_fixture.h"
#include "store/visit_store.h"

namespace tadaima::store {
namespace {

constexpr const char* kTokyo = "Asia/Tokyo";

CivilDate D(const char* s) { return *CivilDate::Parse(s); }
int64_t At(const char* s) { return *ParseInstant(s); }

class PlanStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    now_ = 1812700000000;
    org_ = MakeOrg("A市");
    facility_ = MakeFacility(org_);
  }

  // A child of a new family, enrolled at the facility.
  Child MakeChild(const std::string& name) { return MakeEnrolledChild(facility_, name); }

  // An attend plan for `day`, arriving at `arrive` minutes (or untimed).
  Plan MakePlan(const Child& c, const char* day, std::optional<int> arrive) {
    Plan p;
    p.id = Id();
    p.organization_id = org_;
    p.facility_id = facility_.id;
    p.child_id = c.id;
    p.date = D(day);
    p.arrive_at = arrive;
    p.day_starts_at = InstantAt(p.date, 0, kTokyo);
    p.day_ends_at = InstantAt(NextDay(p.date), 0, kTokyo);
    if (arrive) p.expected_at = InstantAt(p.date, *arrive, kTokyo);
    p.updated_at = now_;
    p.updated_by_id = "u1";
    p.updated_by_name = "山田 花子";
    Write([&](db::Tx& tx) { return InsertPlan(tx, p, now_); });
    return p;
  }

  void MakeVisit(const Child& c, int64_t in_at) {
    Visit v;
    v.id = Id();
    v.organization_id = org_;
    v.facility_id = facility_.id;
    v.child_id = c.id;
    v.in_at = in_at;
    Write([&](db::Tx& tx) { return InsertVisit(tx, v, now_); });
  }

  void Update(const Plan& p) {
    Write([&](db::Tx& tx) { return UpdatePlan(tx, p); });
  }
  std::optional<Plan> Find(const std::string& org, const std::string& id) {
    return Read([&](db::Tx& tx) { return FindPlan(tx, org, id); });
  }
  // The child's enrollment at the facility ends.
  void Unenroll(const Child& c) {
    for (const auto& e : Read([&](db::Tx& tx) { return ListEnrollments(tx, {.organization_id = org_}); }))
      if (e.child_id == c.id && e.facility_id == facility_.id)
        Write([&](db::Tx& tx) { return DeleteEnrollment(tx, e); });
  }

  std::vector<std::string> DueChildIds(int64_t now, int64_t oldest) {
    std::vector<std::string> ids;
    for (const auto& c : Read([&](db::Tx& tx) { return ListDueAlerts(tx, now, oldest); }))
      ids.push_back(c.plan.child_id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::string org_;
  Facility facility_;
};

TEST_P(PlanStoreTest, StoresReadsAndKeepsOnePlanPerChildFacilityAndDay) {
  Child c = MakeChild("佐藤 陽翔");
  Plan p = MakePlan(c, "2027-06-10", 15 * 60);
  p.status = PlanStatus::kAbsent;
  p.arrive_at.reset();
  p.expected_at.reset();
  p.reason = "発熱";
  p.acknowledged_at = now_;
  p.acknowledged_by_id = "s1";
  p.acknowledged_by_name = "青木 由紀";
  p.late = true;
  Update(p);
  auto read = Find(org_, p.id);
  ASSERT_TRUE(read);
  const Plan& r = *read;
  EXPECT_EQ(r.status, PlanStatus::kAbsent);
  EXPECT_EQ(r.reason, "発熱");
  EXPECT_EQ(r.arrive_at, std::nullopt);
  EXPECT_TRUE(r.late);
  EXPECT_EQ(r.acknowledged_by_name, "青木 由紀");
  EXPECT_EQ(r.date, D("2027-06-10"));
  EXPECT_EQ(r.day_starts_at, At("2027-06-10T00:00:00+09:00"));

  // Another organization does not find it.
  EXPECT_FALSE(Find("another-org", p.id));

  // The same child, facility and day again is a conflict.
  Plan twice = p;
  twice.id = Id();
  auto dup = Try([&](db::Tx& tx) { return InsertPlan(tx, twice, now_); });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);

  MakePlan(c, "2027-06-12", std::nullopt);
  MakePlan(c, "2027-06-11", 16 * 60);
  PlanQuery q;
  q.organization_id = org_;
  q.child_id = c.id;
  q.from = D("2027-06-11");
  q.to = D("2027-06-12");
  auto list = Read([&](db::Tx& tx) { return ListPlans(tx, q); });
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].date, D("2027-06-11"));
  EXPECT_EQ(list[0].arrive_at, 16 * 60);
  EXPECT_EQ(list[1].date, D("2027-06-12"));
  q.organization_id = "another-org";
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ListPlans(tx, q); }).empty());
}

TEST_P(PlanStoreTest, DueAlertsAreTimedAttendPlansPastTheGraceWithoutAVisitThatDay) {
  const int64_t now = At("2027-06-10T15:15:00+09:00");
  const int64_t oldest = now - 12 * 3600 * 1000;
  Child due = MakeChild("due"), boundary = MakeChild("boundary"), early = MakeChild("early"),
        not_yet = MakeChild("not yet"), untimed = MakeChild("untimed"), came = MakeChild("came"),
        came_yesterday = MakeChild("came yesterday"), stale = MakeChild("stale"), absent = MakeChild("absent");
  MakePlan(due, "2027-06-10", 14 * 60);
  MakePlan(boundary, "2027-06-10", 15 * 60);  // 15:00 + 15 = now
  MakePlan(not_yet, "2027-06-10", 15 * 60 + 1);
  MakePlan(untimed, "2027-06-10", std::nullopt);
  MakePlan(came, "2027-06-10", 14 * 60);
  MakeVisit(came, At("2027-06-10T14:20:00+09:00"));
  MakePlan(early, "2027-06-10", 14 * 60);
  MakeVisit(early, At("2027-06-10T00:10:00+09:00"));  // came long before, same day
  MakePlan(came_yesterday, "2027-06-10", 14 * 60);
  MakeVisit(came_yesterday, At("2027-06-09T23:50:00+09:00"));
  MakePlan(stale, "2027-06-09", 14 * 60);  // due a day ago: past the look-back
  Plan a = MakePlan(absent, "2027-06-10", 14 * 60);
  a.status = PlanStatus::kAbsent;
  a.arrive_at.reset();
  a.expected_at.reset();
  Update(a);

  // A child who left the facility is nobody's to miss there.
  Child gone = MakeChild("gone");
  MakePlan(gone, "2027-06-10", 14 * 60);
  Unenroll(gone);

  auto ids = DueChildIds(now, oldest);
  std::vector<std::string> want{due.id, boundary.id, came_yesterday.id};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(ids, want);
  // The children who came are settled once (those whose time has come), and stay out.
  Child soon = MakeChild("soon");
  MakePlan(soon, "2027-06-10", 16 * 60);  // came early, expected later: not settled yet
  MakeVisit(soon, At("2027-06-10T14:00:00+09:00"));
  EXPECT_EQ(Write([&](db::Tx& tx) { return SettleArrivedPlans(tx, now, oldest); }), 2);  // came, early
  EXPECT_EQ(Write([&](db::Tx& tx) { return SettleArrivedPlans(tx, now, oldest); }), 0);
  ids = DueChildIds(now, oldest);
  EXPECT_EQ(ids, want);

  // One millisecond earlier the boundary child is not due yet.
  auto before = DueChildIds(now - 1, oldest);
  EXPECT_EQ(std::count(before.begin(), before.end(), boundary.id), 0);

  // The facility's grace counts: with 60 minutes only the 14:00 plans are due at 15:15.
  facility_.not_arrived_grace_minutes = 60;
  Write([&](db::Tx& tx) { return UpdateFacility(tx, facility_, now_); });
  ids = DueChildIds(now, oldest);
  want = {due.id, came_yesterday.id};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(ids, want);
}

TEST_P(PlanStoreTest, AnAlertIsMarkedOnceAndOnlyForTheSameExpectedArrival) {
  const int64_t now = At("2027-06-10T15:15:00+09:00");
  Child c = MakeChild("once");
  Plan p = MakePlan(c, "2027-06-10", 15 * 60);
  auto due = Read([&](db::Tx& tx) { return ListDueAlerts(tx, now, now - 3600000); });
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].child_name, "once");
  EXPECT_EQ(due[0].family_id, c.family_id);
  EXPECT_EQ(due[0].facility_name, "ひまわり児童クラブ");
  EXPECT_EQ(due[0].time_zone, kTokyo);
  EXPECT_EQ(due[0].grace_minutes, 15);
  EXPECT_FALSE(due[0].notify);

  // Two processes holding the same candidate: only the first UPDATE wins.
  EXPECT_TRUE(Write([&](db::Tx& tx) { return MarkPlanAlerted(tx, p, now); }));
  EXPECT_FALSE(Write([&](db::Tx& tx) { return MarkPlanAlerted(tx, p, now + 5); }));
  EXPECT_EQ(Find(org_, p.id)->alerted_at, now);
  EXPECT_TRUE(DueChildIds(now, now - 3600000).empty());

  // A candidate read before the plan moved to another time does not raise the new one.
  Child d = MakeChild("moved");
  Plan stale = MakePlan(d, "2027-06-10", 15 * 60);
  Plan moved = stale;
  moved.arrive_at = 17 * 60;
  moved.expected_at = InstantAt(moved.date, 17 * 60, kTokyo);
  Update(moved);
  EXPECT_FALSE(Write([&](db::Tx& tx) { return MarkPlanAlerted(tx, stale, now); }));
}

TEST_P(PlanStoreTest, PendingPlansAreUnacknowledgedAbsencesAndLateChangesInScope) {
  // A second facility of the same organization, and another organization's.
  Facility other = MakeFacility(org_, "さくら児童クラブ");
  const std::string org2 = MakeOrg("B市");
  MakeFacility(org2);
  auto change = [&](Plan p, auto&& edit) {
    edit(p);
    Update(p);
    return p;
  };
  auto absent = [&](Plan& p) {
    p.status = PlanStatus::kAbsent;
    p.arrive_at.reset();
    p.expected_at.reset();
    p.updated_at = ++now_;
  };
  auto late = [&](Plan& p) {
    p.late = true;
    p.updated_at = ++now_;
  };
  Child a = MakeChild("a"), b = MakeChild("b"), c = MakeChild("c"), d = MakeChild("d"), e = MakeChild("e");
  // Every plan the rule says waits for staff, and some it does not.
  std::vector<Plan> all;
  all.push_back(change(MakePlan(a, "2027-06-12", std::nullopt), absent));
  all.push_back(change(MakePlan(b, "2027-06-11", 15 * 60), late));
  all.push_back(MakePlan(c, "2027-06-11", 15 * 60));  // on time: no
  all.push_back(change(MakePlan(d, "2027-06-11", std::nullopt), absent));
  all.push_back(change(MakePlan(e, "2027-06-11", std::nullopt), [&](Plan& p) {  // acknowledged: no
    absent(p);
    p.acknowledged_at = now_;
  }));
  all.push_back(change(MakePlan(a, "2027-06-09", std::nullopt), absent));  // before `from`
  all.push_back(change(MakePlan(a, "2027-08-11", std::nullopt), absent));  // after `to`
  // The same child and day at the other facility (enrolled there too).
  Plan at_other = all[2];
  at_other.id = Id();
  at_other.facility_id = other.id;
  absent(at_other);
  Write([&](db::Tx& tx) { return InsertPlan(tx, at_other, now_); });
  Write([&](db::Tx& tx) {
    return InsertEnrollment(tx, {Id(), org_, other.id, c.id, c.family_id, EnrollmentStatus::kActive}, now_);
  });
  all.push_back(at_other);

  PendingPlanQuery q;
  q.organization_id = org_;
  q.from = D("2027-06-10");
  q.to = D("2027-08-10");
  auto list = [&](const PendingPlanQuery& query) {
    std::vector<std::string> ids;
    for (const auto& r : Read([&](db::Tx& tx) { return ListPendingPlans(tx, query); })) ids.push_back(r.plan.id);
    return ids;
  };
  auto count = [&](const PendingPlanQuery& query) {
    return Read([&](db::Tx& tx) { return CountPendingPlans(tx, query); });
  };
  // The rule, in C++: by date, then updated_at, then id.
  std::vector<Plan> want;
  for (const auto& p : all)
    if (WaitsForStaff(p) && !(p.date < q.from) && !(q.to < p.date)) want.push_back(p);
  std::sort(want.begin(), want.end(), [](const Plan& x, const Plan& y) {
    return std::tie(x.date, x.updated_at, x.id) < std::tie(y.date, y.updated_at, y.id);
  });
  std::vector<std::string> want_ids;
  for (const auto& p : want) want_ids.push_back(p.id);
  ASSERT_EQ(want_ids.size(), 4u);  // b (late), d, c at the other facility (absent), a
  EXPECT_EQ(list(q), want_ids);
  EXPECT_EQ(count(q), 4);

  // What a line carries of its child and facility.
  auto rows = Read([&](db::Tx& tx) { return ListPendingPlans(tx, q); });
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].child.name, "b");
  EXPECT_EQ(rows[0].child.birth_date, D("2019-05-10"));
  EXPECT_EQ(rows[0].child.family_id, b.family_id);
  EXPECT_EQ(rows[0].facility_name, "ひまわり児童クラブ");
  EXPECT_EQ(rows[2].facility_name, "さくら児童クラブ");

  // Pages: after a line, the lines that follow it.
  q.limit = 2;
  EXPECT_EQ(list(q), std::vector<std::string>(want_ids.begin(), want_ids.begin() + 2));
  q.after = PendingPlanQuery::After{want[1].date, want[1].updated_at, want[1].id};
  EXPECT_EQ(list(q), std::vector<std::string>(want_ids.begin() + 2, want_ids.end()));
  EXPECT_EQ(count(q), 4);  // the whole list, whatever the page
  q.after.reset();
  q.limit = 50;

  // One facility; a facility_staff's facilities; another organization.
  q.facility_id = other.id;
  EXPECT_EQ(list(q), std::vector<std::string>{at_other.id});
  q.facility_id.reset();
  const std::string staff = MakeStaff(org_, Role::kFacilityStaff, {other.id}, "職員").id;
  q.staff_user_id = staff;
  EXPECT_EQ(list(q), std::vector<std::string>{at_other.id});
  EXPECT_EQ(count(q), 1);
  q.staff_user_id.reset();
  q.organization_id = org2;
  EXPECT_TRUE(list(q).empty());
  EXPECT_EQ(count(q), 0);
  q.organization_id = org_;

  // A child no longer enrolled at the facility leaves the list there.
  Unenroll(d);
  EXPECT_EQ(count(q), 3);
}

TADAIMA_STORE_TEST_SUITE(PlanStoreTest);

}  // namespace
}  // namespace tadaima::store
