// Family store tests (families, children, the Family aggregate, credential
// versions, pick-up people), on SQLite and PostgreSQL.
#include "store/family_store.h"

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class FamilyStoreTest : public StoreTest {};

TEST_P(FamilyStoreTest, FamiliesAndChildrenAreScopedByOrganization) {
  const std::string org_a = MakeOrg("A市"), org_b = MakeOrg("B市");
  Facility fac_a = MakeFacility(org_a);
  Family fam = MakeFamily(org_a);
  Child child = MakeChild(fam, "山田 太郎");
  Enroll(fac_a, fam, child);
  auto found = Read([&](db::Tx& tx) { return FindFamily(tx, org_a, fam.id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->organization_id, org_a);
  ASSERT_EQ(found->children.size(), 1u);
  EXPECT_EQ(found->enrollments.at(0).facility_id, fac_a.id);
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindFamily(tx, org_b, fam.id); }));
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindChild(tx, org_b, child.id); }));
  auto own = Read([&](db::Tx& tx) { return FindChild(tx, org_a, child.id); });
  ASSERT_TRUE(own);
  EXPECT_EQ(own->name, "山田 太郎");
  EXPECT_EQ(own->credential_version, 1);

  // Updates through another organization change nothing and are no error.
  Family foreign = fam;
  foreign.organization_id = org_b;
  foreign.name = "乗っ取り";
  Child foreign_child = child;
  foreign_child.organization_id = org_b;
  foreign_child.name = "乗っ取り";
  Write([&](db::Tx& tx) -> Status {
    TRY_STATUS(UpdateFamily(tx, foreign, "x", now_));
    return UpdateChild(tx, foreign_child, now_);
  });
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindFamily(tx, org_a, fam.id); })->name, "山田");
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindChild(tx, org_a, child.id); })->name, "山田 太郎");
}

TEST_P(FamilyStoreTest, TheAggregateCarriesItsMembersInOrder) {
  const std::string org = MakeOrg();
  Facility club = MakeFacility(org), room = MakeFacility(org, "こどもルーム", FacilityKind::kDropIn);
  Family yamada = MakeFamily(org), sato = MakeFamily(org, "佐藤", "さとう");
  User mother = MakeGuardian(yamada, "山田 花子", "母", "hanako@example.jp");
  User grandma = MakeGuardian(yamada, "山田 トメ", "祖母");
  Child younger = MakeChild(yamada, "山田 次郎", "やまだ じろう", "2021-04-02");
  Child elder = MakeChild(yamada, "山田 太郎", std::nullopt, "2017-08-15");
  Enrollment at_club = Enroll(club, yamada, younger);
  Enrollment at_room = Enroll(room, yamada, std::nullopt, EnrollmentStatus::kPending);
  User sato_father = MakeGuardian(sato, "佐藤 健", "父");
  Child sato_child = MakeChild(sato, "佐藤 陽翔");

  auto f = Read([&](db::Tx& tx) { return FindFamily(tx, org, yamada.id); });
  ASSERT_TRUE(f);
  ASSERT_EQ(f->guardians.size(), 2u);  // in creation order
  EXPECT_EQ(f->guardians[0].id, mother.id);
  EXPECT_EQ(f->guardians[0].email, "hanako@example.jp");
  EXPECT_EQ(f->guardians[0].relation, "母");
  EXPECT_EQ(f->guardians[0].family_id, yamada.id);
  EXPECT_EQ(f->guardians[1].id, grandma.id);
  ASSERT_EQ(f->children.size(), 2u);  // by birth date
  EXPECT_EQ(f->children[0].id, elder.id);
  EXPECT_EQ(f->children[1].id, younger.id);
  EXPECT_EQ(f->children[1].name_kana, "やまだ じろう");
  EXPECT_EQ(f->children[1].birth_date, *CivilDate::Parse("2021-04-02"));
  ASSERT_EQ(f->enrollments.size(), 2u);  // in creation order
  EXPECT_EQ(f->enrollments[0].id, at_club.id);
  EXPECT_EQ(f->enrollments[0].child_id, younger.id);
  EXPECT_EQ(f->enrollments[1].id, at_room.id);
  EXPECT_EQ(f->enrollments[1].child_id, std::nullopt);
  EXPECT_EQ(f->enrollments[1].status, EnrollmentStatus::kPending);

  // A list loads each family's own members.
  auto list = Read([&](db::Tx& tx) { return ListFamilies(tx, {.organization_id = org}); });
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].guardians.size(), 2u);
  EXPECT_EQ(list[0].enrollments.size(), 2u);
  ASSERT_EQ(list[1].guardians.size(), 1u);
  EXPECT_EQ(list[1].guardians[0].id, sato_father.id);
  ASSERT_EQ(list[1].children.size(), 1u);
  EXPECT_EQ(list[1].children[0].id, sato_child.id);
  EXPECT_TRUE(list[1].enrollments.empty());
}

TEST_P(FamilyStoreTest, ListFamiliesSearchesAndPagesAndScopesStaff) {
  const std::string org = MakeOrg(), other = MakeOrg("B市");
  Facility club = MakeFacility(org), room = MakeFacility(org, "こどもルーム", FacilityKind::kDropIn);
  Family yamada = MakeFamily(org, "山田", "やまだ");
  Enroll(club, yamada, MakeChild(yamada, "山田 太郎"));
  Family sato = MakeFamily(org, "佐藤", "さとう");
  Enroll(room, sato);
  Family none = MakeFamily(org, "鈴木", "すずき");  // enrolled nowhere
  MakeFamily(other, "山田", "やまだ");
  User staff = MakeStaff(org, Role::kFacilityStaff, {club.id});

  auto list = [&](FamilyQuery q) {
    q.organization_id = org;
    std::vector<std::string> ids;
    for (const auto& f : Read([&](db::Tx& tx) { return ListFamilies(tx, q); })) ids.push_back(f.id);
    return ids;
  };
  EXPECT_EQ(list({}), (std::vector<std::string>{yamada.id, sato.id, none.id}));
  EXPECT_EQ(list({.search = NormalizeForSearch("サトウ")}), std::vector<std::string>{sato.id});
  EXPECT_EQ(list({.search = NormalizeForSearch("山田")}), std::vector<std::string>{yamada.id});
  EXPECT_EQ(list({.search = "%"}), std::vector<std::string>{});  // LIKE wildcards are literal
  EXPECT_EQ(list({.search = "_"}), std::vector<std::string>{});
  EXPECT_EQ(list({.staff_user_id = staff.id}), std::vector<std::string>{yamada.id});
  EXPECT_EQ(list({.limit = 2}), (std::vector<std::string>{yamada.id, sato.id}));
  EXPECT_EQ(list({.after_id = sato.id}), std::vector<std::string>{none.id});
}

TEST_P(FamilyStoreTest, UpdatesWriteTheFamilyAndTheChild) {
  const std::string org = MakeOrg();
  Family f = MakeFamily(org);
  Child c = MakeChild(f, "山田 太郎");
  f.name = "山田（本家）";
  f.address = "ただいま市1-2-3";
  f.phone = "03-0000-0000";
  c.name = "山田 大郎";
  c.name_kana = "やまだ たろう";
  c.birth_date = *CivilDate::Parse("2019-06-01");
  c.may_leave_alone = true;
  Write([&](db::Tx& tx) -> Status {
    TRY_STATUS(UpdateFamily(tx, f, NormalizeForSearch("山田|ほんけ"), now_));
    return UpdateChild(tx, c, now_);
  });
  auto read = Read([&](db::Tx& tx) { return FindFamily(tx, org, f.id); });
  EXPECT_EQ(read->name, "山田（本家）");
  EXPECT_EQ(read->address, "ただいま市1-2-3");
  EXPECT_EQ(read->phone, "03-0000-0000");
  ASSERT_EQ(read->children.size(), 1u);
  EXPECT_EQ(read->children[0].name, "山田 大郎");
  EXPECT_EQ(read->children[0].name_kana, "やまだ たろう");
  EXPECT_EQ(read->children[0].birth_date, *CivilDate::Parse("2019-06-01"));
  EXPECT_TRUE(read->children[0].may_leave_alone);
  EXPECT_TRUE(Read([&](db::Tx& tx) { return FindChild(tx, org, c.id); })->may_leave_alone);
  // The search text is what UpdateFamily was given.
  auto found = Read(
      [&](db::Tx& tx) { return ListFamilies(tx, {.organization_id = org, .search = NormalizeForSearch("ほんけ")}); });
  EXPECT_EQ(found.size(), 1u);
}

TEST_P(FamilyStoreTest, CredentialVersionsCountUpAndAMissingRowIsNotFound) {
  const std::string org = MakeOrg(), other = MakeOrg("B市");
  Family f = MakeFamily(org);
  Child c = MakeChild(f, "山田 太郎");
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindFamily(tx, org, f.id); })->credential_version, 1);
  EXPECT_EQ(Write([&](db::Tx& tx) { return BumpCredentialVersion(tx, org, false, c.id, now_); }), 2);
  EXPECT_EQ(Write([&](db::Tx& tx) { return BumpCredentialVersion(tx, org, false, c.id, now_); }), 3);
  EXPECT_EQ(Write([&](db::Tx& tx) { return BumpCredentialVersion(tx, org, true, f.id, now_); }), 2);
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindChild(tx, org, c.id); })->credential_version, 3);
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindFamily(tx, org, f.id); })->credential_version, 2);

  auto foreign = Try([&](db::Tx& tx) { return BumpCredentialVersion(tx, other, false, c.id, now_); });
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
  auto kind = Try([&](db::Tx& tx) { return BumpCredentialVersion(tx, org, true, c.id, now_); });  // not a family
  ASSERT_FALSE(kind);
  EXPECT_EQ(kind.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindChild(tx, org, c.id); })->credential_version, 3);
}

TEST_P(FamilyStoreTest, PickupPeopleAreTheGuardiansWithTheirRelation) {
  const std::string org = MakeOrg(), other = MakeOrg("B市");
  Family f = MakeFamily(org);
  MakeGuardian(f, "山田 花子", "母");
  MakeGuardian(f, "山田 一郎");
  MakeGuardian(MakeFamily(org, "佐藤", "さとう"), "佐藤 健", "父");
  EXPECT_EQ(Read([&](db::Tx& tx) { return PickupPeople(tx, org, f.id); }),
            (std::vector<std::string>{"母 山田 花子", "山田 一郎"}));
  EXPECT_TRUE(Read([&](db::Tx& tx) { return PickupPeople(tx, other, f.id); }).empty());
}

TADAIMA_STORE_TEST_SUITE(FamilyStoreTest);

}  // namespace
}  // namespace tadaima::store
