// Surveys (アンケート): sending, answering, results and their files.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/reasons.h"
#include "rules/audience.h"
#include "rules/messages.h"
#include "rules/surveys.h"

namespace tadaima::api {
namespace {

Result<service::SurveyInput> DecodeSurvey(const std::string& text) {
  auto body = TRY(ParseObject(text));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"title", "description", "questions", "audience", "closes_at", "channels", "client_id"});
  service::SurveyInput out;
  out.title = in.RequiredString("title");
  out.description = in.String("description").value_or("");
  if (!in.Has("questions")) errs.Add("questions", reason::kRequired);
  for (const auto& [j, prefix] : in.Objects("questions")) {
    JsonObject q(*j, prefix, errs, {"id", "kind", "text", "options", "required"});
    SurveyQuestion question;
    question.id = q.RequiredString("id");
    const std::string kind = q.RequiredString("kind");
    if (auto k = ParseQuestionKind(kind)) question.kind = *k;
    else if (!kind.empty()) errs.Add(prefix + "kind", reason::NotAChoice({"single", "multiple", "text", "date", "number"}));
    question.text = q.RequiredString("text");
    question.options = q.StringList("options").value_or(std::vector<std::string>{});
    if (auto required = q.Bool("required")) question.required = *required;
    else if (!errs.Has(prefix + "required")) errs.Add(prefix + "required", reason::kRequired);
    out.questions.push_back(std::move(question));
  }
  if (auto a = in.Object("audience")) out.audience = DecodeAudience(*a->first, a->second, errs);
  else errs.Add("audience", reason::kRequired);
  if (auto closes = in.Instant("closes_at")) out.closes_at = *closes;
  else if (!errs.Has("closes_at")) errs.Add("closes_at", reason::kRequired);
  out.channels = in.StringList("channels");
  out.client_id = in.String("client_id");
  TRY_STATUS(errs.ToStatus());
  return out;
}

nlohmann::json SenderJson(const Survey& s) { return {{"name", s.created_by_name}}; }

std::string StatusOf(const Survey& s, int64_t now) { return now < s.ClosesAt() ? "open" : "closed"; }

nlohmann::json StaffSurveyJson(const service::SurveyView& v, int64_t now, const std::string& tz) {
  const Survey& s = v.survey;
  return {{"id", s.id},
          {"title", s.title},
          {"description", s.description},
          {"questions", QuestionsJson(s.questions)},
          {"audience", AudienceJson(s.audience)},
          {"facility_ids", s.facility_ids},
          {"channels", ChannelNames(s.channels)},
          {"closes_at", FormatInstant(s.ClosesAt(), tz)},
          {"status", StatusOf(s, now)},
          {"families", s.families},
          {"respondents", v.respondents},
          {"sender", SenderJson(s)},
          {"created_at", FormatInstant(s.created_at, tz)}};
}

// `with_answers`: GET /surveys/{id} (the list leaves them out).
nlohmann::json FamilySurveyJson(const service::SurveyView& v, int64_t now, const std::string& tz, bool with_answers) {
  const Survey& s = v.survey;
  const bool answered = v.response && v.response->answers;
  nlohmann::json j{{"id", s.id},
                   {"title", s.title},
                   {"description", s.description},
                   {"questions", QuestionsJson(s.questions)},
                   {"closes_at", FormatInstant(s.ClosesAt(), tz)},
                   {"status", StatusOf(s, now)},
                   {"answered", answered},
                   {"answered_at", answered ? InstantOrNull(v.response->answered_at, tz) : nullptr},
                   {"answered_by", answered && v.response->answered_by_name
                                       ? nlohmann::json{{"name", *v.response->answered_by_name}}
                                       : nlohmann::json(nullptr)},
                   {"sender", SenderJson(s)},
                   {"created_at", FormatInstant(s.created_at, tz)}};
  if (with_answers) j["answers"] = answered ? *v.response->answers : nlohmann::json(nullptr);
  return j;
}

nlohmann::json SurveyViewJson(const Actor& actor, const service::SurveyView& v, int64_t now, bool with_answers) {
  return actor.role == Role::kGuardian ? FamilySurveyJson(v, now, actor.time_zone, with_answers)
                               : StaffSurveyJson(v, now, actor.time_zone);
}

nlohmann::json ResultsJson(const service::SurveyResults& r, const std::string& tz) {
  const auto tallies = TallySurvey(r.survey.questions, r.responses);
  nlohmann::json questions = nlohmann::json::array();
  for (size_t i = 0; i < tallies.size(); ++i) {
    const auto& q = r.survey.questions[i];
    nlohmann::json j{{"id", q.id}, {"kind", QuestionKindName(q.kind)}, {"text", q.text}, {"answered", tallies[i].answered}};
    if (q.kind == QuestionKind::kSingle || q.kind == QuestionKind::kMultiple) {
      j["counts"] = nlohmann::json::object();
      for (const auto& [option, n] : tallies[i].counts) j["counts"][option] = n;
    } else {
      j["values"] = tallies[i].values;
    }
    questions.push_back(std::move(j));
  }
  nlohmann::json families = nlohmann::json::array();
  for (const auto& f : r.responses)
    families.push_back({{"family", {{"id", f.family_id}, {"name", f.family_name}}},
                        {"answered_at", f.answers ? InstantOrNull(f.answered_at, tz) : nullptr},
                        {"answered_by", f.answers && f.answered_by_name ? nlohmann::json{{"name", *f.answered_by_name}}
                                                                        : nlohmann::json(nullptr)},
                        {"reminders", f.reminders}});
  return {{"respondents", r.respondents},
          {"audience_families", r.survey.families},
          {"questions", questions},
          {"families", families}};
}

}  // namespace

Result<http::Response> CreateSurvey(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto in = TRY(DecodeSurvey(req.body));
  auto sent = TRY(ctx.services->surveys.Send(actor, in));
  const int64_t now = ctx.services->context.clock.NowMs();
  nlohmann::json out{{"survey", StaffSurveyJson({sent.survey, 0, {}}, now, actor.time_zone)},
                     {"recipients", {{"families", sent.recipients.families}, {"guardians", sent.recipients.guardians}}}};
  return http::Response::Json(sent.replayed ? 200 : 201, out);
}

Result<http::Response> ListSurveys(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  const auto open = req.Query("open");
  if (open && *open != "true" && *open != "false")
    return Fail(Error::InvalidField("open", reason::NotAChoice({"true", "false"})));
  auto page = TRY(ctx.services->surveys.List(actor, open == "true", TRY(IdCursor(req)), TRY(PageLimit(req))));
  const int64_t now = ctx.services->context.clock.NowMs();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : page.items) items.push_back(SurveyViewJson(actor, v, now, false));
  return http::Response::Json(200, ListJson(items, page.next_cursor));
}

Result<http::Response> GetSurvey(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto view = TRY(ctx.services->surveys.Get(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"survey", SurveyViewJson(actor, view, ctx.services->context.clock.NowMs(), true)}});
}

Result<http::Response> CloseSurvey(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto view = TRY(ctx.services->surveys.Close(actor, req.path_params["id"]));
  return http::Response::Json(
      200, {{"survey", StaffSurveyJson(view, ctx.services->context.clock.NowMs(), actor.time_zone)}});
}

Result<http::Response> AnswerSurvey(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"answers"});
  if (!in.Has("answers")) errs.Add("answers", reason::kRequired);
  TRY_STATUS(errs.ToStatus());
  auto r = TRY(ctx.services->surveys.Answer(actor, req.path_params["id"], body["answers"]));
  return http::Response::Json(200, {{"response",
                                     {{"answers", *r.answers},
                                      {"answered_at", FormatInstant(*r.answered_at, actor.time_zone)},
                                      {"answered_by", {{"name", r.answered_by_name.value_or("")}}}}}});
}

Result<http::Response> SurveyResults(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  const std::string format = req.Query("format").value_or("json");
  const auto encoding = req.Query("encoding");
  if (format != "json" && format != "csv" && format != "xlsx")
    return Fail(Error::InvalidField("format", reason::NotAChoice({"json", "csv", "xlsx"})));
  if (encoding && (format != "csv" || (*encoding != "utf-8" && *encoding != "shift_jis")))
    return Fail(Error::InvalidField("encoding", reason::NotAChoice({"utf-8", "shift_jis"})));
  if (format == "json")
    return http::Response::Json(200, ResultsJson(TRY(ctx.services->surveys.Results(actor, req.path_params["id"])), actor.time_zone));
  const auto kind = format == "xlsx"                  ? service::SurveyFormat::kXlsx
                    : encoding == std::string("shift_jis") ? service::SurveyFormat::kCsvShiftJis
                                                       : service::SurveyFormat::kCsv;
  auto file = TRY(ctx.services->surveys.Export(actor, req.path_params["id"], kind));
  return FileResponse(std::move(file.bytes), file.content_type.c_str(),
                      "attachment; filename=\"" + file.filename + "\"");
}

Result<http::Response> RemindSurvey(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto families = TRY(ctx.services->surveys.Remind(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"families", families}});
}

}  // namespace tadaima::api
