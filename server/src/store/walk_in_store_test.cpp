// Paper visitor forms and consultation records as stored, on SQLite and PostgreSQL.
#include "store/consultation_store.h"
#include "store/walk_in_store.h"

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class WalkInStoreTest : public StoreTest {};

TEST_P(WalkInStoreTest, AFormKeepsItsChildrenInOrderAndOneClientIdOnce) {
  const std::string org = MakeOrg();
  const Facility room = MakeFacility(org, "こどもルーム", FacilityKind::kDropIn);
  const User staff = MakeStaff(org);
  WalkIn w;
  w.id = Id();
  w.organization_id = org;
  w.facility_id = room.id;
  w.visited_at = now_;
  w.adults = 2;
  w.area = "北町";
  w.children = {{CivilDate{2025, 1, 20}, std::nullopt, std::nullopt}, {std::nullopt, 14, std::nullopt},
                {std::nullopt, std::nullopt, 2}};
  Write([&](db::Tx& tx) { return InsertWalkIn(tx, w, "c-1", staff.id, now_); });
  auto found = Read([&](db::Tx& tx) { return FindWalkIn(tx, org, w.id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->adults, 2);
  EXPECT_EQ(found->area, "北町");
  EXPECT_EQ(found->created_by_name, staff.name);
  ASSERT_EQ(found->children.size(), 3u);
  EXPECT_EQ(found->children[0].birth_date, (CivilDate{2025, 1, 20}));
  EXPECT_EQ(found->children[1].age_months, 14);
  EXPECT_EQ(found->children[2].grade, 2);
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindWalkInByClientId(tx, org, "c-1"); }), w.id);

  WalkIn again = w;
  again.id = Id();
  auto twice = Try([&](db::Tx& tx) { return InsertWalkIn(tx, again, "c-1", staff.id, now_); });
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);

  // Another organization sees nothing of it; a delete takes its children too.
  const std::string other = MakeOrg("B市");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindWalkIn(tx, other, w.id); }));
  auto foreign = Try([&](db::Tx& tx) { return DeleteWalkIn(tx, other, w.id); });
  ASSERT_TRUE(foreign);
  EXPECT_FALSE(*foreign);
  EXPECT_EQ(Read([&](db::Tx& tx) { return ListWalkIns(tx, org, room.id, w.visited_at, w.visited_at + 1); }).size(), 1u);
  auto deleted = Try([&](db::Tx& tx) { return DeleteWalkIn(tx, org, w.id); });
  ASSERT_TRUE(deleted);
  EXPECT_TRUE(*deleted);
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ListWalkIns(tx, org, room.id, w.visited_at, w.visited_at + 1); }).empty());
}

TEST_P(WalkInStoreTest, AConsultationIsStoredAsSealedAndReadBackByOrganization) {
  const std::string org = MakeOrg();
  const Facility room = MakeFacility(org, "こどもルーム", FacilityKind::kDropIn);
  const Family family = MakeFamily(org);
  const User staff = MakeStaff(org);
  SealedConsultation s;
  const int64_t at = now_ - 1000;  // now_ moves on with every id made
  s.record = {Id(), org, family.id, room.id, "", "development", "", at, CivilDate{2027, 7, 1}};
  s.key_id = "k1";
  s.sealed_body = "c2VhbGVk";
  Write([&](db::Tx& tx) { return InsertConsultation(tx, s, staff.id, now_); });
  auto list = Read([&](db::Tx& tx) { return ListConsultations(tx, org, family.id); });
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].sealed_body, "c2VhbGVk");
  EXPECT_EQ(list[0].record.facility_name, "こどもルーム");
  EXPECT_EQ(list[0].record.follow_up_on, (CivilDate{2027, 7, 1}));
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ListConsultations(tx, MakeOrg("B市"), family.id); }).empty());
  EXPECT_EQ(Read([&](db::Tx& tx) { return ConsultationTimesAt(tx, org, room.id, at, at + 1); }),
            std::vector<int64_t>{at});
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ConsultationTimesAt(tx, org, room.id, at + 1, at + 10); }).empty());
  EXPECT_EQ(Read([&](db::Tx& tx) { return ConsultationsNotSealedWith(tx, "k1", 10); }).size(), 0u);
  EXPECT_EQ(Read([&](db::Tx& tx) { return ConsultationsNotSealedWith(tx, "k2", 10); }).size(), 1u);
}

TADAIMA_STORE_TEST_SUITE(WalkInStoreTest);

}  // namespace
}  // namespace tadaima::store
