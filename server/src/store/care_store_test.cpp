// Care store tests, on SQLite and PostgreSQL: a child's care texts are found in
// its organization only, replaced whole, and listed as markers without the text.
#include "store/care_store.h"

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class CareStoreTest : public StoreTest {};

TEST_P(CareStoreTest, TheTextsAreReplacedAndFoundInTheirOrganizationOnly) {
  const std::string org = MakeOrg("A市"), other = MakeOrg("B市");
  Family f = MakeFamily(org);
  Child c = MakeChild(f, "山田 太郎");
  User staff = MakeStaff(org);
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindCare(tx, org, c.id); }));

  ChildCare care;
  care.allergy = "卵";
  care.notes = "迎えは祖母";
  Write([&](db::Tx& tx) { return PutCare(tx, org, c.id, care, staff.id, now_); });
  auto read = Read([&](db::Tx& tx) { return FindCare(tx, org, c.id); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->allergy, "卵");
  EXPECT_EQ(read->medical, std::nullopt);
  EXPECT_EQ(read->notes, "迎えは祖母");
  EXPECT_EQ(read->updated_at, now_);
  EXPECT_EQ(read->updated_by_name, staff.name);
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindCare(tx, other, c.id); }));

  care.allergy.reset();
  care.medical = "喘息";
  Write([&](db::Tx& tx) { return PutCare(tx, org, c.id, care, staff.id, now_ + 1); });
  read = Read([&](db::Tx& tx) { return FindCare(tx, org, c.id); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->allergy, std::nullopt);
  EXPECT_EQ(read->medical, "喘息");
  EXPECT_EQ(read->updated_at, now_ + 1);
}

TEST_P(CareStoreTest, MarkersSayWhichTextsAChildHas) {
  const std::string org = MakeOrg(), other = MakeOrg("B市");
  Family f = MakeFamily(org);
  Child a = MakeChild(f, "山田 一郎"), b = MakeChild(f, "山田 次郎"), none = MakeChild(f, "山田 三郎");
  User staff = MakeStaff(org);
  ChildCare allergy_only, everything;
  allergy_only.allergy = "そば";
  everything.allergy = "乳";
  everything.medical = "てんかん";
  everything.notes = "メモ";
  Write([&](db::Tx& tx) { return PutCare(tx, org, a.id, allergy_only, staff.id, now_); });
  Write([&](db::Tx& tx) { return PutCare(tx, org, b.id, everything, staff.id, now_); });
  auto markers = Read([&](db::Tx& tx) { return CareMarkersOf(tx, org, {a.id, b.id, none.id}); });
  ASSERT_EQ(markers.size(), 2u);
  EXPECT_TRUE(markers.at(a.id).allergy);
  EXPECT_FALSE(markers.at(a.id).medical);
  EXPECT_FALSE(markers.at(a.id).notes);
  EXPECT_TRUE(markers.at(b.id).allergy && markers.at(b.id).medical && markers.at(b.id).notes);
  EXPECT_TRUE(Read([&](db::Tx& tx) { return CareMarkersOf(tx, other, {a.id, b.id}); }).empty());
  EXPECT_TRUE(Read([&](db::Tx& tx) { return CareMarkersOf(tx, org, {}); }).empty());
}

TADAIMA_STORE_TEST_SUITE(CareStoreTest);

}  // namespace
}  // namespace tadaima::store
