// Surveys, whom they reached and each family's response
// (sql/migrations/*/0009_surveys.sql).
//
// Contracts: every query takes the organization id, and rows of another
// organization are never returned or changed. Lists are newest first (id
// descending) and page on with `before_id`. A family has one response per
// survey, replaced by each later answer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/survey.h"

namespace tadaima::store {

// Inserts the survey with its facilities and one recipient row per family.
// A survey of the organization with the same client_id exists: conflict.
Status InsertSurvey(db::Tx& tx, const Survey& s, const std::vector<std::string>& family_ids);
Result<std::optional<Survey>> FindSurvey(db::Tx& tx, const std::string& organization_id, const std::string& id);
Result<std::optional<Survey>> FindSurveyByClientId(db::Tx& tx, const std::string& organization_id,
                                                   const std::string& client_id);

struct SurveyQuery {
  std::string organization_id;
  // facility_staff: only surveys whose facilities are all among these.
  std::optional<std::vector<std::string>> within_facilities;
  std::optional<int64_t> open_at;  // only the surveys still open at this instant
  std::optional<std::string> before_id;
  int limit = 50;
};
struct SurveyWithCount {
  Survey survey;
  int64_t respondents = 0;
};
Result<std::vector<SurveyWithCount>> ListSurveys(db::Tx& tx, const SurveyQuery& q);
// How many families answered.
Result<int64_t> CountRespondents(db::Tx& tx, const std::string& organization_id, const std::string& survey_id);
// Closes the survey at `now` unless it closed before.
Status CloseSurvey(db::Tx& tx, const std::string& organization_id, const std::string& id, int64_t now);

// --- what a family sees
struct FamilySurvey {
  Survey survey;
  SurveyResponse response;
};
// The surveys that reached the family, newest first; open_at as in SurveyQuery.
Result<std::vector<FamilySurvey>> ListFamilySurveys(db::Tx& tx, const std::string& organization_id,
                                                    const std::string& family_id, std::optional<int64_t> open_at,
                                                    const std::optional<std::string>& before_id, int limit);
// One of them; nullopt when the survey did not reach the family.
Result<std::optional<FamilySurvey>> FindFamilySurvey(db::Tx& tx, const std::string& organization_id,
                                                     const std::string& family_id, const std::string& id);
// The family's answers replace its earlier ones.
Status SaveResponse(db::Tx& tx, const std::string& organization_id, const std::string& survey_id,
                    const std::string& family_id, const nlohmann::json& answers, const Actor& by, int64_t now);

// --- results
// Every family the survey reached, with its response: the answered ones
// first, in the order they first answered, then the others by name.
Result<std::vector<SurveyResponse>> ListResponses(db::Tx& tx, const std::string& organization_id,
                                                  const std::string& survey_id);
// The families that have not answered; each one's reminder count goes up.
Result<std::vector<std::string>> RemindUnanswered(db::Tx& tx, const std::string& organization_id,
                                                  const std::string& survey_id);

}  // namespace tadaima::store
