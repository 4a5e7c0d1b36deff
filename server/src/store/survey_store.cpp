#include "store/survey_store.h"

#include <map>

#include <nlohmann/json.hpp>

#include "rules/audience.h"
#include "rules/messages.h"
#include "rules/surveys.h"
#include "store/rows.h"

namespace tadaima::store {
namespace {

#define TADAIMA_SURVEY_COLUMNS                                                                                       \
  "s.id, s.organization_id, s.title, s.description, s.questions, s.audience, s.channels, s.closes_at, s.closed_at," \
  " s.families, s.guardians, s.client_id, s.created_by_id, s.created_by_name, s.created_at, s.updated_at"
constexpr size_t kSurveyColumns = 16;
// A recipient row after the survey's columns: answers, answered_at, answered_by_name.
#define TADAIMA_RESPONSE_COLUMNS "r.answers, r.answered_at, r.answered_by_name"

constexpr db::Query kInsertSurvey{
    "insert_survey",
    "INSERT INTO surveys (id, organization_id, title, description, questions, audience, channels, closes_at,"
    " families, guardians, client_id, created_by_id, created_by_name, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)"};
constexpr db::Query kInsertSurveyFacility{
    "insert_survey_facility", "INSERT INTO survey_facilities (survey_id, facility_id) VALUES ($1, $2)"};
constexpr db::Query kInsertSurveyRecipients{
    "insert_survey_recipients",
    "INSERT INTO survey_recipients (survey_id, family_id, organization_id)"
    " SELECT $1, value, $3 FROM json_each($2)",
    "INSERT INTO survey_recipients (survey_id, family_id, organization_id)"
    " SELECT $1, value, $3 FROM json_array_elements_text($2::json)"};
constexpr db::Query kFindSurvey{
    "find_survey", "SELECT " TADAIMA_SURVEY_COLUMNS " FROM surveys s WHERE s.organization_id = $1 AND s.id = $2"};
constexpr db::Query kFindSurveyByClientId{
    "find_survey_by_client_id",
    "SELECT " TADAIMA_SURVEY_COLUMNS " FROM surveys s WHERE s.organization_id = $1 AND s.client_id = $2"};
constexpr db::Query kFacilitiesOfSurveys{
    "facilities_of_surveys",
    "SELECT survey_id, facility_id FROM survey_facilities WHERE " TADAIMA_IN_JSON("survey_id", 1)
    " ORDER BY survey_id, facility_id",
    "SELECT survey_id, facility_id FROM survey_facilities WHERE " TADAIMA_IN_JSON_PG("survey_id", 1)
    " ORDER BY survey_id, facility_id"};
// $2: facility_staff's facilities as a JSON array ('' for everyone); $3: open at
// this instant (-1 for any); $4: the page's last id ('' for the first).
#define TADAIMA_SURVEY_OPEN(n)                                                                       \
  " AND (CAST($" #n " AS BIGINT) < 0 OR (s.closes_at > CAST($" #n " AS BIGINT)"                          \
  " AND (s.closed_at IS NULL OR s.closed_at > CAST($" #n " AS BIGINT))))"
constexpr db::Query kListSurveys{
    "list_surveys",
    "SELECT " TADAIMA_SURVEY_COLUMNS ","
    " (SELECT COUNT(*) FROM survey_recipients r WHERE r.survey_id = s.id AND r.answers IS NOT NULL)"
    " FROM surveys s WHERE s.organization_id = $1"
    " AND ($2 = '' OR NOT EXISTS (SELECT 1 FROM survey_facilities sf WHERE sf.survey_id = s.id"
    "   AND sf.facility_id NOT IN (SELECT value FROM json_each(CASE WHEN $2 = '' THEN '[]' ELSE $2 END))))"
    TADAIMA_SURVEY_OPEN(3) " AND ($4 = '' OR s.id < $4) ORDER BY s.id DESC LIMIT $5",
    "SELECT " TADAIMA_SURVEY_COLUMNS ","
    " (SELECT COUNT(*) FROM survey_recipients r WHERE r.survey_id = s.id AND r.answers IS NOT NULL)"
    " FROM surveys s WHERE s.organization_id = $1"
    " AND ($2 = '' OR NOT EXISTS (SELECT 1 FROM survey_facilities sf WHERE sf.survey_id = s.id"
    "   AND sf.facility_id <> ALL (ARRAY(SELECT json_array_elements_text(CASE WHEN $2 = '' THEN '[]' ELSE $2"
    " END::json)))))" TADAIMA_SURVEY_OPEN(3) " AND ($4 = '' OR s.id < $4) ORDER BY s.id DESC LIMIT $5"};
constexpr db::Query kCountRespondents{
    "count_survey_respondents",
    "SELECT COUNT(*) FROM survey_recipients WHERE organization_id = $1 AND survey_id = $2 AND answers IS NOT NULL"};
constexpr db::Query kCloseSurvey{
    "close_survey",
    "UPDATE surveys SET closed_at = $3, updated_at = $3 WHERE organization_id = $1 AND id = $2"
    " AND closed_at IS NULL AND closes_at > $3"};
constexpr db::Query kFamilySurveys{
    "family_surveys",
    "SELECT " TADAIMA_SURVEY_COLUMNS ", " TADAIMA_RESPONSE_COLUMNS
    " FROM survey_recipients r JOIN surveys s ON s.id = r.survey_id"
    " WHERE r.family_id = $2 AND r.organization_id = $1" TADAIMA_SURVEY_OPEN(3)
    " AND ($4 = '' OR r.survey_id < $4) ORDER BY r.survey_id DESC LIMIT $5"};
constexpr db::Query kFamilySurvey{
    "family_survey",
    "SELECT " TADAIMA_SURVEY_COLUMNS ", " TADAIMA_RESPONSE_COLUMNS
    " FROM survey_recipients r JOIN surveys s ON s.id = r.survey_id"
    " WHERE r.family_id = $2 AND r.organization_id = $1 AND r.survey_id = $3"};
constexpr db::Query kSaveResponse{
    "save_survey_response",
    "UPDATE survey_recipients SET answers = $4, answered_at = $5, answered_by_id = $6, answered_by_name = $7,"
    " first_answered_at = COALESCE(first_answered_at, $5)"
    " WHERE organization_id = $1 AND survey_id = $2 AND family_id = $3"};
constexpr db::Query kListResponses{
    "list_survey_responses",
    "SELECT r.family_id, f.name, " TADAIMA_RESPONSE_COLUMNS ", r.reminders"
    " FROM survey_recipients r JOIN families f ON f.id = r.family_id"
    " WHERE r.organization_id = $1 AND r.survey_id = $2"
    " ORDER BY r.first_answered_at IS NULL, r.first_answered_at, f.name, r.family_id"};
constexpr db::Query kUnansweredFamilies{
    "unanswered_survey_families",
    "SELECT family_id FROM survey_recipients WHERE organization_id = $1 AND survey_id = $2 AND answers IS NULL"
    " ORDER BY family_id"};
constexpr db::Query kCountReminder{
    "count_survey_reminder",
    "UPDATE survey_recipients SET reminders = reminders + 1"
    " WHERE organization_id = $1 AND survey_id = $2 AND answers IS NULL"};

Survey SurveyFrom(const db::Row& r) {
  Survey s;
  s.id = r.Text(0);
  s.organization_id = r.Text(1);
  s.title = r.Text(2);
  s.description = r.Text(3);
  s.questions = QuestionsFromJson(nlohmann::json::parse(r.Text(4), nullptr, false));
  s.audience = AudienceFromJson(nlohmann::json::parse(r.Text(5), nullptr, false));
  s.channels = SplitChannels(r.Text(6));
  s.closes_at = r.Int(7);
  s.closed_at = IntOrNull(r, 8);
  s.families = r.Int(9);
  s.guardians = r.Int(10);
  s.client_id = r.OptText(11);
  s.created_by_id = r.Text(12);
  s.created_by_name = r.Text(13);
  s.created_at = r.Int(14);
  s.updated_at = r.Int(15);
  return s;
}

// TADAIMA_RESPONSE_COLUMNS from column i.
void ResponseFrom(const db::Row& r, size_t i, SurveyResponse& out) {
  if (!r.IsNull(i)) out.answers = nlohmann::json::parse(r.Text(i), nullptr, false);
  out.answered_at = IntOrNull(r, i + 1);
  out.answered_by_name = r.OptText(i + 2);
}

Status LoadFacilities(db::Tx& tx, std::vector<Survey*> surveys) {
  if (surveys.empty()) return {};
  std::map<std::string, Survey*> by_id;
  nlohmann::json ids = nlohmann::json::array();
  for (auto* s : surveys) {
    by_id[s->id] = s;
    ids.push_back(s->id);
  }
  for (const auto& r : TRY(tx.Exec(kFacilitiesOfSurveys, {ids.dump()})).rows)
    if (auto it = by_id.find(r.Text(0)); it != by_id.end()) it->second->facility_ids.push_back(r.Text(1));
  return {};
}

Result<std::optional<Survey>> OneSurvey(db::Tx& tx, const db::Query& q, const db::Params& params) {
  auto rs = TRY(tx.Exec(q, params));
  if (rs.empty()) return std::optional<Survey>();
  Survey s = SurveyFrom(rs.rows[0]);
  TRY_STATUS(LoadFacilities(tx, {&s}));
  return std::optional<Survey>(std::move(s));
}

}  // namespace

Status InsertSurvey(db::Tx& tx, const Survey& s, const std::vector<std::string>& family_ids) {
  TRY(tx.Exec(kInsertSurvey, {s.id, s.organization_id, s.title, s.description, QuestionsJson(s.questions).dump(),
                              AudienceJson(s.audience).dump(), JoinChannels(s.channels), s.closes_at, s.families,
                              s.guardians, db::Opt(s.client_id), s.created_by_id, s.created_by_name, s.created_at}));
  for (const auto& f : s.facility_ids) TRY(tx.Exec(kInsertSurveyFacility, {s.id, f}));
  if (!family_ids.empty())
    TRY(tx.Exec(kInsertSurveyRecipients, {s.id, nlohmann::json(family_ids).dump(), s.organization_id}));
  return {};
}

Result<std::optional<Survey>> FindSurvey(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  return OneSurvey(tx, kFindSurvey, {organization_id, id});
}

Result<std::optional<Survey>> FindSurveyByClientId(db::Tx& tx, const std::string& organization_id,
                                                   const std::string& client_id) {
  return OneSurvey(tx, kFindSurveyByClientId, {organization_id, client_id});
}

Result<std::vector<SurveyWithCount>> ListSurveys(db::Tx& tx, const SurveyQuery& q) {
  const std::string within = q.within_facilities ? nlohmann::json(*q.within_facilities).dump() : "";
  auto rs = TRY(tx.Exec(kListSurveys, {q.organization_id, within, q.open_at.value_or(-1), q.before_id.value_or(""),
                                       int64_t{q.limit}}));
  std::vector<SurveyWithCount> out;
  for (const auto& r : rs.rows) out.push_back({SurveyFrom(r), r.Int(kSurveyColumns)});
  std::vector<Survey*> parts;
  for (auto& s : out) parts.push_back(&s.survey);
  TRY_STATUS(LoadFacilities(tx, parts));
  return out;
}

Result<int64_t> CountRespondents(db::Tx& tx, const std::string& organization_id, const std::string& survey_id) {
  auto rs = TRY(tx.Exec(kCountRespondents, {organization_id, survey_id}));
  return rs.rows.at(0).Int(0);
}

Status CloseSurvey(db::Tx& tx, const std::string& organization_id, const std::string& id, int64_t now) {
  TRY(tx.Exec(kCloseSurvey, {organization_id, id, now}));
  return {};
}

Result<std::vector<FamilySurvey>> ListFamilySurveys(db::Tx& tx, const std::string& organization_id,
                                                    const std::string& family_id, std::optional<int64_t> open_at,
                                                    const std::optional<std::string>& before_id, int limit) {
  auto rs = TRY(tx.Exec(kFamilySurveys, {organization_id, family_id, open_at.value_or(-1), before_id.value_or(""),
                                         int64_t{limit}}));
  std::vector<FamilySurvey> out;
  for (const auto& r : rs.rows) {
    FamilySurvey f{SurveyFrom(r), {family_id, "", std::nullopt, std::nullopt, std::nullopt}};
    ResponseFrom(r, kSurveyColumns, f.response);
    out.push_back(std::move(f));
  }
  return out;
}

Result<std::optional<FamilySurvey>> FindFamilySurvey(db::Tx& tx, const std::string& organization_id,
                                                     const std::string& family_id, const std::string& id) {
  auto rs = TRY(tx.Exec(kFamilySurvey, {organization_id, family_id, id}));
  if (rs.empty()) return std::optional<FamilySurvey>();
  FamilySurvey f{SurveyFrom(rs.rows[0]), {family_id, "", std::nullopt, std::nullopt, std::nullopt}};
  ResponseFrom(rs.rows[0], kSurveyColumns, f.response);
  return std::optional<FamilySurvey>(std::move(f));
}

Status SaveResponse(db::Tx& tx, const std::string& organization_id, const std::string& survey_id,
                    const std::string& family_id, const nlohmann::json& answers, const Actor& by, int64_t now) {
  TRY(tx.Exec(kSaveResponse, {organization_id, survey_id, family_id, answers.dump(), now, by.user_id, by.name}));
  return {};
}

Result<std::vector<SurveyResponse>> ListResponses(db::Tx& tx, const std::string& organization_id,
                                                  const std::string& survey_id) {
  std::vector<SurveyResponse> out;
  for (const auto& r : TRY(tx.Exec(kListResponses, {organization_id, survey_id})).rows) {
    SurveyResponse resp{r.Text(0), r.Text(1), std::nullopt, std::nullopt, std::nullopt};
    ResponseFrom(r, 2, resp);
    resp.reminders = static_cast<int>(r.Int(5));
    out.push_back(std::move(resp));
  }
  return out;
}

Result<std::vector<std::string>> RemindUnanswered(db::Tx& tx, const std::string& organization_id,
                                                  const std::string& survey_id) {
  std::vector<std::string> out;
  for (const auto& r : TRY(tx.Exec(kUnansweredFamilies, {organization_id, survey_id})).rows) out.push_back(r.Text(0));
  if (!out.empty()) TRY(tx.Exec(kCountReminder, {organization_id, survey_id}));
  return out;
}

}  // namespace tadaima::store
