// Surveys (アンケート) — API.md "Surveys": staff send questions to an audience
// (service/audiences.h) with a closing time; each family it reached answers
// once, any of its guardians replacing the answer until it closes; staff
// remind the families that have not answered and read the results, as JSON
// or as files (report/survey_export.h).
//
// Sending writes the survey, one row per family it reached and the outbox
// rows (every guardian, the chosen channels within their own) in one
// transaction. Staff see a survey when they may manage it (CanManageMessage,
// as for messages); guardians only the surveys that reached their family.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/survey.h"
#include "service/audiences.h"
#include "service/context.h"

namespace tadaima::service {

struct SurveyInput {
  std::string title, description;
  std::vector<SurveyQuestion> questions;
  Audience audience;
  int64_t closes_at = 0;
  std::optional<std::vector<std::string>> channels;  // absent: push and in-app
  std::optional<std::string> client_id;
};

struct SentSurvey {
  Survey survey;
  AudienceCount recipients;
  bool replayed = false;  // the client_id was seen before: the first survey again
};

// A survey as one reader sees it: staff with the respondents, a guardian
// with the family's response.
struct SurveyView {
  Survey survey;
  int64_t respondents = 0;
  std::optional<SurveyResponse> response;  // guardians
};

struct SurveyPage {
  std::vector<SurveyView> items;
  std::optional<std::string> next_cursor;
};

struct SurveyResults {
  Survey survey;
  std::vector<SurveyResponse> responses;  // every family reached; the answered ones first
  int64_t respondents = 0;
};

// A file of the results: its bytes, Content-Type and download name.
struct SurveyFile {
  std::string bytes, content_type, filename;
};
enum class SurveyFormat { kCsv, kCsvShiftJis, kXlsx };

class Surveys : AreaService {
 public:
  Surveys(Context& ctx, Audiences& audiences) : AreaService(ctx), audiences_(audiences) {}

  // POST /surveys. Staff; a client_id seen before answers the first survey.
  Result<SentSurvey> Send(const Actor& actor, const SurveyInput& in);
  // GET /surveys: staff the surveys they manage, a guardian the family's; newest first.
  Result<SurveyPage> List(const Actor& actor, bool open_only, const std::string& cursor, int limit);
  // GET /surveys/{id}.
  Result<SurveyView> Get(const Actor& actor, const std::string& id);
  // POST /surveys/{id}/close: answers are refused from now on; again is harmless.
  Result<SurveyView> Close(const Actor& actor, const std::string& id);
  // PUT /surveys/{id}/response: the family's answers replace its earlier ones
  // (conflict survey_closed once it closed).
  Result<SurveyResponse> Answer(const Actor& actor, const std::string& id, const nlohmann::json& answers);
  // GET /surveys/{id}/results.
  Result<SurveyResults> Results(const Actor& actor, const std::string& id);
  // GET /surveys/{id}/results?format=csv|xlsx (report/survey_export.h).
  Result<SurveyFile> Export(const Actor& actor, const std::string& id, SurveyFormat format);
  // POST /surveys/{id}/remind: the families that have not answered are told
  // again; returns how many (conflict survey_closed once it closed).
  Result<int64_t> Remind(const Actor& actor, const std::string& id);

 private:
  Audiences& audiences_;
};

}  // namespace tadaima::service
