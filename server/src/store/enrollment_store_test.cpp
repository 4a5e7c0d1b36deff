// Enrollment store tests, on SQLite and PostgreSQL.
#include "store/enrollment_store.h"

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class EnrollmentStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    org_ = MakeOrg("A市");
    club_ = MakeFacility(org_, "ひまわり児童クラブ");
    room_ = MakeFacility(org_, "こどもルームさくら", FacilityKind::kDropIn);
  }

  std::vector<std::string> Ids(const std::vector<Enrollment>& list) {
    std::vector<std::string> ids;
    for (const auto& e : list) ids.push_back(e.id);
    return ids;
  }
  std::vector<std::string> EnrolledAt(const Facility& f) {
    std::vector<std::string> ids;
    for (const auto& c : Read([&](db::Tx& tx) { return EnrolledChildren(tx, org_, f.id); })) ids.push_back(c.id);
    return ids;
  }
  bool IsAt(const Facility& f, const Child& c) {
    return Read([&](db::Tx& tx) { return IsEnrolled(tx, f.id, c.id); });
  }

  std::string org_;
  Facility club_, room_;
};

TEST_P(EnrollmentStoreTest, AnEnrollmentReadsBackOnlyInItsOrganization) {
  Family f = MakeFamily(org_);
  Child c = MakeChild(f, "山田 太郎");
  Enrollment e = Enroll(club_, f, c, EnrollmentStatus::kPending);
  auto read = Read([&](db::Tx& tx) { return FindEnrollment(tx, org_, e.id); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->facility_id, club_.id);
  EXPECT_EQ(read->child_id, c.id);
  EXPECT_EQ(read->family_id, f.id);
  EXPECT_EQ(read->status, EnrollmentStatus::kPending);
  const std::string other = MakeOrg("B市");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindEnrollment(tx, other, e.id); }));
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ListEnrollments(tx, {.organization_id = other}); }).empty());
}

TEST_P(EnrollmentStoreTest, OneEnrollmentPerChildAndPerFamilyAtAFacility) {
  Family f = MakeFamily(org_);
  Child c = MakeChild(f, "山田 太郎");
  Enroll(club_, f, c);
  auto conflict = [&](const Facility& at, const std::optional<Child>& child) {
    Enrollment e{Id(), org_, at.id, child ? std::optional(child->id) : std::nullopt, f.id, EnrollmentStatus::kActive};
    auto s = Try([&](db::Tx& tx) { return InsertEnrollment(tx, e, now_); });
    return !s && s.error().code == ErrorCode::kConflict;
  };
  EXPECT_TRUE(conflict(club_, c));  // the child again
  Enroll(club_, f);                 // the whole family beside the child's own: allowed
  EXPECT_TRUE(conflict(club_, std::nullopt));
  Enroll(room_, f, c);  // another facility: allowed
  EXPECT_EQ(Read([&](db::Tx& tx) { return ListEnrollments(tx, {.organization_id = org_}); }).size(), 3u);
}

TEST_P(EnrollmentStoreTest, StatusChangesAndDeletesTouchOnlyTheOrganizationsRow) {
  Family f = MakeFamily(org_);
  Enrollment e = Enroll(room_, f, std::nullopt, EnrollmentStatus::kPending);
  Enrollment foreign = e;
  foreign.organization_id = MakeOrg("B市");
  foreign.status = EnrollmentStatus::kActive;
  Write([&](db::Tx& tx) { return SetEnrollmentStatus(tx, foreign, now_); });  // no error, no change
  Write([&](db::Tx& tx) { return DeleteEnrollment(tx, foreign); });
  auto read = Read([&](db::Tx& tx) { return FindEnrollment(tx, org_, e.id); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, EnrollmentStatus::kPending);

  e.status = EnrollmentStatus::kActive;
  Write([&](db::Tx& tx) { return SetEnrollmentStatus(tx, e, now_); });
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindEnrollment(tx, org_, e.id); })->status, EnrollmentStatus::kActive);
  Write([&](db::Tx& tx) { return DeleteEnrollment(tx, e); });
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindEnrollment(tx, org_, e.id); }));
  Write([&](db::Tx& tx) { return DeleteEnrollment(tx, e); });  // a missing row: no error
  Write([&](db::Tx& tx) { return SetEnrollmentStatus(tx, e, now_); });
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindEnrollment(tx, org_, e.id); }));
}

TEST_P(EnrollmentStoreTest, ListsFilterByFacilityStatusAndStaffInCreationOrder) {
  Family a = MakeFamily(org_, "青木", "あおき"), b = MakeFamily(org_, "佐藤", "さとう");
  Enrollment a_club = Enroll(club_, a, MakeChild(a, "青木 一"));
  Enrollment b_room = Enroll(room_, b, std::nullopt, EnrollmentStatus::kPending);
  Enrollment a_room = Enroll(room_, a);
  User staff = MakeStaff(org_, Role::kFacilityStaff, {room_.id});
  auto list = [&](EnrollmentQuery q) {
    q.organization_id = org_;
    return Ids(Read([&](db::Tx& tx) { return ListEnrollments(tx, q); }));
  };
  EXPECT_EQ(list({}), (std::vector<std::string>{a_club.id, b_room.id, a_room.id}));
  EXPECT_EQ(list({.facility_id = room_.id}), (std::vector<std::string>{b_room.id, a_room.id}));
  EXPECT_EQ(list({.status = EnrollmentStatus::kPending}), std::vector<std::string>{b_room.id});
  EXPECT_EQ(list({.facility_id = room_.id, .status = EnrollmentStatus::kActive}), std::vector<std::string>{a_room.id});
  EXPECT_EQ(list({.staff_user_id = staff.id}), (std::vector<std::string>{b_room.id, a_room.id}));
  EXPECT_EQ(list({.staff_user_id = staff.id, .facility_id = club_.id}), std::vector<std::string>{});

  // The family loaders' query: only the families asked for, only this organization's.
  auto of = [&](const std::string& org, const std::vector<std::string>& families) {
    return Ids(Read([&](db::Tx& tx) { return ListEnrollmentsOfFamilies(tx, org, families); }));
  };
  EXPECT_EQ(of(org_, {a.id}), (std::vector<std::string>{a_club.id, a_room.id}));
  EXPECT_EQ(of(org_, {b.id, a.id}), (std::vector<std::string>{a_club.id, b_room.id, a_room.id}));
  EXPECT_TRUE(of(org_, {}).empty());
  EXPECT_TRUE(of(MakeOrg("B市"), {a.id, b.id}).empty());
}

TEST_P(EnrollmentStoreTest, AChildIsEnrolledByItsOwnActiveEnrollmentOrItsFamilys) {
  // After-school: children enrolled one by one.
  Family yamada = MakeFamily(org_);
  Child taro = MakeChild(yamada, "山田 太郎", "やまだ たろう");
  Child jiro = MakeChild(yamada, "山田 次郎", "やまだ じろう");
  Enroll(club_, yamada, taro);
  Enroll(club_, yamada, jiro, EnrollmentStatus::kPending);  // pending does not count
  // Drop-in: a whole family, every child of it.
  Family sato = MakeFamily(org_, "佐藤", "さとう");
  Child haruto = MakeChild(sato, "佐藤 陽翔");  // no kana: sorted by name
  Child aoi = MakeChild(sato, "佐藤 葵", "さとう あおい");
  Enroll(room_, sato);

  EXPECT_TRUE(IsAt(club_, taro));
  EXPECT_FALSE(IsAt(club_, jiro));
  EXPECT_FALSE(IsAt(club_, haruto));
  EXPECT_TRUE(IsAt(room_, haruto));
  EXPECT_TRUE(IsAt(room_, aoi));
  EXPECT_FALSE(IsAt(room_, taro));
  EXPECT_EQ(EnrolledAt(club_), std::vector<std::string>{taro.id});
  // By kana, or the name without one: さとう あおい, 佐藤 陽翔 (hiragana sort before kanji).
  EXPECT_EQ(EnrolledAt(room_), (std::vector<std::string>{aoi.id, haruto.id}));
  // Another organization's query for the same facility finds nobody.
  const std::string other = MakeOrg("B市");
  EXPECT_TRUE(Read([&](db::Tx& tx) { return EnrolledChildren(tx, other, room_.id); }).empty());
}

TADAIMA_STORE_TEST_SUITE(EnrollmentStoreTest);

}  // namespace
}  // namespace tadaima::store
