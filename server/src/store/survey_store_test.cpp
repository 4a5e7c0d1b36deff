// Survey store tests, on SQLite and PostgreSQL.
#include "store/survey_store.h"

#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class SurveyStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    org_ = MakeOrg("A市");
    club_ = MakeFacility(org_, "ひまわり児童クラブ");
    room_ = MakeFacility(org_, "こどもルームさくら", FacilityKind::kDropIn);
    yamada_ = MakeFamily(org_, "山田");
    sato_ = MakeFamily(org_, "佐藤");
    staff_ = MakeStaff(org_);
  }

  Survey Insert(std::vector<std::string> facility_ids, const std::vector<std::string>& families,
                std::optional<std::string> client_id = std::nullopt) {
    Survey s;
    s.id = Id();
    s.organization_id = org_;
    s.title = "夏祭りの参加";
    s.questions = {{"q1", QuestionKind::kSingle, "参加しますか", {"参加", "不参加"}, true}};
    s.channels = {true, false, true};
    s.closes_at = now_ + 1000;
    s.families = static_cast<int64_t>(families.size());
    s.client_id = std::move(client_id);
    s.created_by_id = staff_.id;
    s.created_by_name = staff_.name;
    s.created_at = s.updated_at = now_;
    s.facility_ids = std::move(facility_ids);
    Write([&](db::Tx& tx) { return InsertSurvey(tx, s, families); });
    return s;
  }

  Actor As(const User& u) {
    Actor a;
    a.user_id = u.id;
    a.organization_id = org_;
    a.name = u.name;
    return a;
  }

  std::string org_;
  Facility club_, room_;
  Family yamada_, sato_;
  User staff_;
};

TEST_P(SurveyStoreTest, KeepsTheQuestionsFacilitiesAndOneResponsePerFamily) {
  const Survey s = Insert({club_.id}, {yamada_.id, sato_.id});
  auto found = Read([&](db::Tx& tx) { return FindSurvey(tx, org_, s.id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->questions.at(0).options, (std::vector<std::string>{"参加", "不参加"}));
  EXPECT_EQ(found->facility_ids, std::vector<std::string>{club_.id});
  EXPECT_TRUE(found->channels.push && found->channels.inapp && !found->channels.email);

  const User mother = MakeGuardian(yamada_, "山田 花子");
  const User father = MakeGuardian(yamada_, "山田 太郎");
  Write([&](db::Tx& tx) { return SaveResponse(tx, org_, s.id, yamada_.id, {{"q1", "参加"}}, As(mother), now_); });
  ++now_;
  Write([&](db::Tx& tx) { return SaveResponse(tx, org_, s.id, yamada_.id, {{"q1", "不参加"}}, As(father), now_); });

  auto mine = Read([&](db::Tx& tx) { return FindFamilySurvey(tx, org_, yamada_.id, s.id); });
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->response.answers, nlohmann::json({{"q1", "不参加"}}));
  EXPECT_EQ(mine->response.answered_by_name, "山田 太郎");
  EXPECT_EQ(Read([&](db::Tx& tx) { return CountRespondents(tx, org_, s.id); }), 1);

  const auto responses = Read([&](db::Tx& tx) { return ListResponses(tx, org_, s.id); });
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].family_name, "山田");  // answered first
  EXPECT_FALSE(responses[1].answers);

  EXPECT_EQ(Write([&](db::Tx& tx) { return RemindUnanswered(tx, org_, s.id); }), std::vector<std::string>{sato_.id});
}

TEST_P(SurveyStoreTest, ListsByReachAndOpenness) {
  const Survey club = Insert({club_.id}, {yamada_.id});
  const Survey both = Insert({club_.id, room_.id}, {yamada_.id, sato_.id});
  Write([&](db::Tx& tx) { return CloseSurvey(tx, org_, club.id, now_); });

  auto all = Read([&](db::Tx& tx) { return ListSurveys(tx, {.organization_id = org_}); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].survey.id, both.id);  // newest first
  auto club_staff = Read([&](db::Tx& tx) {
    return ListSurveys(tx, {.organization_id = org_, .within_facilities = std::vector<std::string>{club_.id}});
  });
  ASSERT_EQ(club_staff.size(), 1u);
  EXPECT_EQ(club_staff[0].survey.id, club.id);
  auto open = Read([&](db::Tx& tx) { return ListSurveys(tx, {.organization_id = org_, .open_at = now_}); });
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].survey.id, both.id);

  auto sato = Read([&](db::Tx& tx) { return ListFamilySurveys(tx, org_, sato_.id, std::nullopt, std::nullopt, 10); });
  ASSERT_EQ(sato.size(), 1u);
  EXPECT_EQ(sato[0].survey.id, both.id);
  auto yamada_open = Read([&](db::Tx& tx) { return ListFamilySurveys(tx, org_, yamada_.id, now_, std::nullopt, 10); });
  ASSERT_EQ(yamada_open.size(), 1u);
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindFamilySurvey(tx, org_, sato_.id, club.id); }));
}

TEST_P(SurveyStoreTest, AnotherOrganizationSeesNothing) {
  const Survey s = Insert({club_.id}, {yamada_.id}, "0b7c1b8e-4a0e-4c55-9a44-3f1f7d5e2a10");
  const std::string other = MakeOrg("B市");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindSurvey(tx, other, s.id); }));
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindSurveyByClientId(tx, other, *s.client_id); }));
  EXPECT_TRUE(Read([&](db::Tx& tx) { return FindSurveyByClientId(tx, org_, *s.client_id); }));
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ListSurveys(tx, {.organization_id = other}); }).empty());
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ListResponses(tx, other, s.id); }).empty());
  // The same client_id twice in one organization is a conflict.
  Survey again = s;
  again.id = Id();
  auto dup = Try([&](db::Tx& tx) { return InsertSurvey(tx, again, {}); });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
}

TADAIMA_STORE_TEST_SUITE(SurveyStoreTest);

}  // namespace
}  // namespace tadaima::store
