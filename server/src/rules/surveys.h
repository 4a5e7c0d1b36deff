// The pure half of surveys (API.md "Surveys"): what staff may ask, what a
// family may answer, and the counting of the results. The service is
// service/surveys.h; the files of the results are report/survey_export.h.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/field_errors.h"
#include "model/survey.h"

namespace tadaima {

inline constexpr long kSurveyTitleMax = 100;          // code points
inline constexpr long kSurveyDescriptionMax = 5'000;  // code points
inline constexpr size_t kSurveyMaxQuestions = 50;
inline constexpr long kQuestionTextMax = 500;  // code points
inline constexpr size_t kQuestionIdMax = 40;
inline constexpr size_t kQuestionMinOptions = 2, kQuestionMaxOptions = 30;
inline constexpr long kOptionMax = 100;       // code points
inline constexpr long kTextAnswerMax = 2'000;  // code points
inline constexpr double kNumberAnswerMax = 1e15;  // in magnitude
// How far ahead a survey may close.
inline constexpr int64_t kSurveyMaxOpenMs = 366LL * 24 * 3600 * 1000;

const char* QuestionKindName(QuestionKind kind);
std::optional<QuestionKind> ParseQuestionKind(std::string_view name);

// Trims the title, description, question texts and options of `s` and
// records what is wrong with them under "title", "description" and
// "questions[i].…" (ids unique and of [A-Za-z0-9_-], options only for single
// and multiple, 2..30 of them, distinct).
void CheckSurveyContent(Survey& s, FieldErrors& errs);

// The family's answers checked against the questions, under
// "answers.<question id>": an unknown id, a required question unanswered, a
// value of the wrong kind or not among the options. Returns the answers
// normalized (texts trimmed; an empty text or list is no answer and left out;
// a multiple answer in the options' order).
Result<nlohmann::json> CheckAnswers(const std::vector<SurveyQuestion>& questions, const nlohmann::json& answers);

// The questions as stored and answered by the API ({id, kind, text, options?, required}), and back.
nlohmann::json QuestionsJson(const std::vector<SurveyQuestion>& questions);
std::vector<SurveyQuestion> QuestionsFromJson(const nlohmann::json& j);

// An answer as one cell of a table: options joined by "、", a number as written.
std::string AnswerText(const nlohmann::json& value);

// The results of one question over the responses.
struct QuestionTally {
  int64_t answered = 0;
  std::vector<std::pair<std::string, int64_t>> counts;  // single, multiple: every option in order
  std::vector<nlohmann::json> values;                   // the other kinds: the answers given
};
// The tallies of every question, in order, over the responses with answers.
std::vector<QuestionTally> TallySurvey(const std::vector<SurveyQuestion>& questions,
                                       const std::vector<SurveyResponse>& responses);

}  // namespace tadaima
