#include "rules/surveys.h"

#include <gtest/gtest.h>

#include <map>

namespace tadaima {
namespace {

using nlohmann::json;

std::map<std::string, std::string> Reasons(const FieldErrors& errs) {
  std::map<std::string, std::string> out;
  if (auto status = errs.ToStatus(); !status)
    for (const auto& [field, problem] : status.error().fields) out[field] = problem.reason;
  return out;
}

std::map<std::string, std::string> Reasons(const Result<json>& r) {
  std::map<std::string, std::string> out;
  if (!r)
    for (const auto& [field, problem] : r.error().fields) out[field] = problem.reason;
  return out;
}

SurveyQuestion Q(std::string id, QuestionKind kind, std::vector<std::string> options = {}, bool required = false) {
  return {std::move(id), kind, "質問", std::move(options), required};
}

std::vector<SurveyQuestion> Sample() {
  return {Q("q1", QuestionKind::kSingle, {"参加", "不参加"}, true), Q("q2", QuestionKind::kMultiple, {"月", "水", "金"}),
          Q("q3", QuestionKind::kText), Q("q4", QuestionKind::kDate), Q("q5", QuestionKind::kNumber)};
}

TEST(SurveysTest, AcceptsAWellFormedSurveyAndTrimsIt) {
  Survey s;
  s.title = "  夏祭りの参加 ";
  s.questions = Sample();
  s.questions[0].options = {" 参加 ", "不参加"};
  FieldErrors errs;
  CheckSurveyContent(s, errs);
  EXPECT_TRUE(errs.empty()) << errs.ToStatus().error().message;
  EXPECT_EQ(s.title, "夏祭りの参加");
  EXPECT_EQ(s.questions[0].options[0], "参加");
}

TEST(SurveysTest, NamesEachBadQuestionField) {
  Survey s;
  s.title = "";
  s.questions = {Q("q1", QuestionKind::kSingle, {"はい"}), Q("q1", QuestionKind::kText, {"x", "y"}),
                 Q("a b", QuestionKind::kMultiple, {"同じ", "同じ"}), Q("", QuestionKind::kNumber)};
  s.questions[3].text = " ";
  FieldErrors errs;
  CheckSurveyContent(s, errs);
  const std::map<std::string, std::string> want{{"title", "empty"},
                                                {"questions[0].options", "options_needed"},
                                                {"questions[1].id", "duplicate_question"},
                                                {"questions[1].options", "options_not_allowed"},
                                                {"questions[2].id", "question_id_characters"},
                                                {"questions[2].options[1]", "duplicate_option"},
                                                {"questions[3].id", "empty"},
                                                {"questions[3].text", "empty"}};
  EXPECT_EQ(Reasons(errs), want);

  Survey none;
  none.title = "t";
  FieldErrors no_questions;
  CheckSurveyContent(none, no_questions);
  EXPECT_EQ(Reasons(no_questions), (std::map<std::string, std::string>{{"questions", "empty"}}));
}

TEST(SurveysTest, NormalizesAnswers) {
  auto r = CheckAnswers(Sample(), json{{"q1", "参加"}, {"q2", {"金", "月"}}, {"q3", "  楽しみです \r\n"},
                                       {"q4", "2027-07-20"}, {"q5", 2.5}});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ((*r)["q2"], json({"月", "金"}));  // in the options' order
  EXPECT_EQ((*r)["q3"], "楽しみです");
  EXPECT_EQ((*r)["q5"], 2.5);

  // Empty answers to optional questions are no answers.
  auto empty = CheckAnswers(Sample(), json{{"q1", "不参加"}, {"q2", json::array()}, {"q3", " "}, {"q4", ""}});
  EXPECT_EQ(Reasons(CheckAnswers(Sample(), json{{"q1", ""}})),
            (std::map<std::string, std::string>{{"answers.q1", "required"}}));
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, json({{"q1", "不参加"}}));
}

TEST(SurveysTest, RefusesWrongAnswersNamingTheQuestion) {
  EXPECT_EQ(Reasons(CheckAnswers(Sample(), json::object())), (std::map<std::string, std::string>{{"answers.q1", "required"}}));
  EXPECT_EQ(Reasons(CheckAnswers(Sample(), json{{"q1", "たぶん"}})),
            (std::map<std::string, std::string>{{"answers.q1", "not_an_option"}}));
  const std::map<std::string, std::string> want{{"answers.q1", "wrong_answer_kind"}, {"answers.q2", "duplicate_option"},
                                                {"answers.q3", "wrong_answer_kind"}, {"answers.q4", "not_real_date"},
                                                {"answers.q5", "wrong_answer_kind"}, {"answers.q9", "unknown_question"}};
  EXPECT_EQ(Reasons(CheckAnswers(Sample(), json{{"q1", 1}, {"q2", {"月", "月"}}, {"q3", 3}, {"q4", "2027-02-30"},
                                                {"q5", "3"}, {"q9", "x"}})),
            want);
  EXPECT_EQ(Reasons(CheckAnswers(Sample(), json{{"q1", "参加"}, {"q2", {"土"}}})),
            (std::map<std::string, std::string>{{"answers.q2", "not_an_option"}}));
  EXPECT_EQ(Reasons(CheckAnswers(Sample(), json{{"q1", "参加"}, {"q5", 1e16}})),
            (std::map<std::string, std::string>{{"answers.q5", "wrong_answer_kind"}}));
  EXPECT_EQ(Reasons(CheckAnswers(Sample(), json::array())), (std::map<std::string, std::string>{{"answers", "not_object"}}));
}

TEST(SurveysTest, QuestionsRoundTripThroughJson) {
  const auto qs = Sample();
  const auto back = QuestionsFromJson(QuestionsJson(qs));
  ASSERT_EQ(back.size(), qs.size());
  EXPECT_EQ(back[1].options, qs[1].options);
  EXPECT_EQ(back[4].kind, QuestionKind::kNumber);
  EXPECT_TRUE(back[0].required);
  EXPECT_FALSE(QuestionsJson(qs)[2].contains("options"));
}

TEST(SurveysTest, TalliesEveryOptionAndKeepsOtherValues) {
  std::vector<SurveyResponse> rs(3);
  rs[0].answers = json{{"q1", "参加"}, {"q2", {"月", "金"}}, {"q3", "よろしく"}};
  rs[1].answers = json{{"q1", "参加"}, {"q2", {"金"}}, {"q5", 3}};
  // rs[2]: no answer yet
  const auto t = TallySurvey(Sample(), rs);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].answered, 2);
  EXPECT_EQ(t[0].counts, (std::vector<std::pair<std::string, int64_t>>{{"参加", 2}, {"不参加", 0}}));
  EXPECT_EQ(t[1].counts, (std::vector<std::pair<std::string, int64_t>>{{"月", 1}, {"水", 0}, {"金", 2}}));
  EXPECT_EQ(t[2].values, std::vector<json>{"よろしく"});
  EXPECT_EQ(t[3].answered, 0);
  EXPECT_EQ(t[4].values, std::vector<json>{3});
  EXPECT_EQ(AnswerText(json({"月", "金"})), "月、金");
  EXPECT_EQ(AnswerText(json(2.5)), "2.5");
}

}  // namespace
}  // namespace tadaima
