// Calendar store tests (entries, closures, feeds, course applications), on SQLite and PostgreSQL.
#include "store/event_store.h"

#include "base/time.h"
#include "store/application_store.h"
#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class EventStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    org_ = MakeOrg("A市");
    club_ = MakeFacility(org_, "ひまわり児童クラブ");
    room_ = MakeFacility(org_, "こどもルームさくら", FacilityKind::kDropIn);
    staff_ = MakeStaff(org_);
  }

  int64_t At(const char* date, int minutes = 0) { return InstantAt(*CivilDate::Parse(date), minutes, "Asia/Tokyo"); }

  CalendarEvent Insert(std::optional<std::string> facility_id, EventKind kind, int64_t starts, int64_t ends,
                       std::optional<std::string> client_id = std::nullopt) {
    CalendarEvent e;
    e.id = Id();
    e.organization_id = org_;
    e.facility_id = std::move(facility_id);
    e.kind = kind;
    e.title = "夏季休館";
    e.starts_at = starts;
    e.ends_at = ends;
    if (kind == EventKind::kCourse) e.capacity = 2;
    e.client_id = std::move(client_id);
    e.created_by_id = staff_.id;
    e.created_by_name = staff_.name;
    e.created_at = e.updated_at = now_;
    Write([&](db::Tx& tx) { return InsertEvent(tx, e); });
    return e;
  }

  CourseApplication Apply(const CalendarEvent& course, const Family& f, const std::vector<Child>& children,
                          const std::string& status) {
    CourseApplication a;
    a.id = Id();
    a.organization_id = org_;
    a.event_id = course.id;
    a.family_id = f.id;
    a.status = status;
    a.seats = static_cast<int>(children.size());
    for (const auto& c : children) a.children.push_back({c.id, c.name, c.name_kana, c.birth_date});
    a.created_by_id = staff_.id;
    a.created_by_name = staff_.name;
    a.created_at = a.updated_at = now_;
    Write([&](db::Tx& tx) -> Status {
      a.seq = TRY(NextApplicationSeq(tx, course.id));
      return InsertApplication(tx, a);
    });
    return a;
  }

  std::string org_;
  Facility club_, room_;
  User staff_;
};

TEST_P(EventStoreTest, ListsWhatOverlapsTheRangeForTheFacilitiesAsked) {
  const auto closure = Insert(club_.id, EventKind::kClosure, At("2027-06-14"), At("2027-06-16"));
  const auto everyone = Insert(std::nullopt, EventKind::kEvent, At("2027-06-20", 600), At("2027-06-20", 720));
  const auto room = Insert(room_.id, EventKind::kEvent, At("2027-06-15", 600), At("2027-06-15", 660));
  auto list = [&](std::optional<std::vector<std::string>> facilities, const char* from, const char* to) {
    std::vector<std::string> ids;
    for (const auto& e : Read([&](db::Tx& tx) {
           return ListEvents(tx, {.organization_id = org_, .facility_ids = facilities, .from = At(from), .to = At(to)});
         }))
      ids.push_back(e.id);
    return ids;
  };
  EXPECT_EQ(list(std::nullopt, "2027-06-01", "2027-07-01"), (std::vector<std::string>{closure.id, room.id, everyone.id}));
  EXPECT_EQ(list(std::vector<std::string>{club_.id}, "2027-06-01", "2027-07-01"),
            (std::vector<std::string>{closure.id, everyone.id}));
  EXPECT_EQ(list(std::nullopt, "2027-06-16", "2027-06-20"), std::vector<std::string>{});  // ends_at is exclusive
  auto found = Read([&](db::Tx& tx) { return FindEvent(tx, org_, closure.id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->facility_name, "ひまわり児童クラブ");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindEvent(tx, MakeOrg("B市"), closure.id); }));
}

TEST_P(EventStoreTest, ClosuresOfAFacilityIncludeTheOrganizationsAndNotCancelledOnes) {
  const auto own = Insert(club_.id, EventKind::kClosure, At("2027-06-14"), At("2027-06-15"));
  Insert(std::nullopt, EventKind::kClosure, At("2027-06-14", 600), At("2027-06-14", 720));
  Insert(room_.id, EventKind::kClosure, At("2027-06-14"), At("2027-06-15"));
  Insert(club_.id, EventKind::kEvent, At("2027-06-14"), At("2027-06-15"));
  auto count = [&] {
    return Read([&](db::Tx& tx) { return ClosuresBetween(tx, org_, club_.id, At("2027-06-14"), At("2027-06-15")); }).size();
  };
  EXPECT_EQ(count(), 2u);
  EXPECT_TRUE(Write([&](db::Tx& tx) { return CancelEvent(tx, org_, own.id, now_); }));
  EXPECT_FALSE(Write([&](db::Tx& tx) { return CancelEvent(tx, org_, own.id, now_); }));
  EXPECT_EQ(count(), 1u);
}

TEST_P(EventStoreTest, CountsSeatsAndKeepsOneLiveApplicationPerChild) {
  const auto course = Insert(room_.id, EventKind::kCourse, At("2027-06-20", 600), At("2027-06-20", 660));
  const Family sato = MakeFamily(org_, "佐藤"), suzuki = MakeFamily(org_, "鈴木");
  const Child ren = MakeChild(sato, "佐藤 蓮"), mio = MakeChild(sato, "佐藤 澪"), sora = MakeChild(suzuki, "鈴木 空");
  const auto first = Apply(course, sato, {ren, mio}, "confirmed");
  Apply(course, suzuki, {sora}, "waitlisted");
  auto read = [&] { return *Read([&](db::Tx& tx) { return FindEvent(tx, org_, course.id); }); };
  EXPECT_EQ(read().seats_taken, 2);
  EXPECT_EQ(read().waitlisted, 1);
  const auto lineup = Read([&](db::Tx& tx) { return ListApplications(tx, org_, course.id); });
  ASSERT_EQ(lineup.size(), 2u);
  EXPECT_EQ(lineup[0].children.size(), 2u);
  EXPECT_LT(lineup[0].seq, lineup[1].seq);

  // The same child again while its application lives: the unique index refuses it.
  CourseApplication again = first;
  again.id = Id();
  again.children = {lineup[0].children[0]};
  auto dup = Try([&](db::Tx& tx) { return InsertApplication(tx, again); });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  // Withdrawn, the child may apply again.
  Write([&](db::Tx& tx) { return SetApplicationStatus(tx, org_, first.id, "cancelled", now_); });
  EXPECT_EQ(read().seats_taken, 0);
  Write([&](db::Tx& tx) { return InsertApplication(tx, again); });
  EXPECT_EQ(Read([&](db::Tx& tx) { return FamilyApplications(tx, org_, sato.id, {course.id}); }).size(), 1u);
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ListApplications(tx, MakeOrg("B市"), course.id); }).empty());
}

TEST_P(EventStoreTest, AFeedTokenNamesOneFamilyUntilReplaced) {
  const Family sato = MakeFamily(org_, "佐藤");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FeedToken(tx, org_, sato.id); }));
  Write([&](db::Tx& tx) { return SetFeedToken(tx, org_, sato.id, "first-token", now_); });
  Write([&](db::Tx& tx) { return SetFeedToken(tx, org_, sato.id, "second-token", now_); });
  EXPECT_EQ(Read([&](db::Tx& tx) { return FeedToken(tx, org_, sato.id); }), "second-token");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FeedFamily(tx, "first-token"); }));
  const auto family = Read([&](db::Tx& tx) { return FeedFamily(tx, "second-token"); });
  ASSERT_TRUE(family);
  EXPECT_EQ(family->second, sato.id);
}

TADAIMA_STORE_TEST_SUITE(EventStoreTest);

}  // namespace
}  // namespace tadaima::store
