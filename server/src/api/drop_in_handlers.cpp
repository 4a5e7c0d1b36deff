// Drop-in rooms' paper visitor forms (walk-ins) and consultation records.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/reasons.h"
#include "rules/age_grade.h"
#include "rules/validation.h"
#include "rules/usage_stats.h"

namespace tadaima::api {
namespace {

nlohmann::json WalkInJson(const WalkIn& w, const std::string& time_zone) {
  const CivilDate day = DateAt(w.visited_at, time_zone);
  nlohmann::json children = nlohmann::json::array();
  for (const auto& c : w.children) {
    const CivilDate birth = c.birth_date   ? *c.birth_date
                            : c.age_months ? BirthForAgeMonths(*c.age_months, day)
                                           : BirthForGrade(c.grade.value_or(1), day);
    children.push_back({{"birth_date", c.birth_date ? nlohmann::json(c.birth_date->ToString()) : nullptr},
                        {"age_months", c.age_months ? nlohmann::json(*c.age_months) : nullptr},
                        {"grade", c.grade ? nlohmann::json(SchoolGradeName(*c.grade)) : nullptr},
                        {"age_band", AgeBand(birth, day)}});
  }
  return {{"id", w.id},
          {"facility_id", w.facility_id},
          {"visited_at", FormatInstant(w.visited_at, time_zone)},
          {"adults", w.adults},
          {"children", children},
          {"area", OrNull(w.area)},
          {"family_id", OrNull(w.family_id)},
          {"family_name", OrNull(w.family_name)},
          {"created_at", FormatInstant(w.created_at, time_zone)},
          {"created_by_name", OrNull(w.created_by_name)}};
}

nlohmann::json ConsultationJson(const Consultation& c, const std::string& time_zone) {
  return {{"id", c.id},
          {"family_id", c.family_id},
          {"facility_id", c.facility_id},
          {"facility_name", c.facility_name},
          {"category", c.category},
          {"body", c.body},
          {"occurred_at", FormatInstant(c.occurred_at, time_zone)},
          {"follow_up_on", c.follow_up_on ? nlohmann::json(c.follow_up_on->ToString()) : nullptr},
          {"created_by_name", OrNull(c.created_by_name)},
          {"created_at", FormatInstant(c.created_at, time_zone)},
          {"updated_at", FormatInstant(c.updated_at, time_zone)}};
}

}  // namespace

Result<http::Response> CreateWalkIn(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"client_id", "visited_at", "adults", "children", "area", "family_id"});
  service::WalkInInput w;
  w.client_id = in.String("client_id");
  w.visited_at = in.Instant("visited_at");
  w.adults = in.Integer("adults");
  for (auto& [child, prefix] : in.Objects("children")) {
    JsonObject c(*child, prefix, errs, {"birth_date", "age_months", "grade"});
    w.children.push_back({c.String("birth_date"), c.String("grade"), c.Integer("age_months")});
  }
  w.area = NonBlank(in.String("area"));
  w.family_id = in.String("family_id");
  TRY_STATUS(errs.ToStatus());
  auto answer = TRY(ctx.services->walk_ins.Create(actor, req.path_params["id"], w));
  return http::Response::Json(answer.replayed ? 200 : 201, {{"walk_in", WalkInJson(answer.walk_in, actor.time_zone)}});
}

Result<http::Response> ListWalkIns(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto items = TRY(ctx.services->walk_ins.List(actor, req.path_params["id"], req.Query("from"), req.Query("to")));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& w : items) out.push_back(WalkInJson(w, actor.time_zone));
  return http::Response::Json(200, {{"items", out}});
}

Result<http::Response> UpdateWalkIn(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"family_id"});
  auto family_id = in.NullableString("family_id");
  if (!family_id) errs.Add("family_id", reason::kRequiredOrNull);
  TRY_STATUS(errs.ToStatus());
  auto w = TRY(ctx.services->walk_ins.SetFamily(actor, req.path_params["id"], *family_id));
  return http::Response::Json(200, {{"walk_in", WalkInJson(w, actor.time_zone)}});
}

Result<http::Response> DeleteWalkIn(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  TRY_STATUS(ctx.services->walk_ins.Delete(actor, req.path_params["id"]));
  return http::Response::NoContent();
}

Result<http::Response> CreateConsultation(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"facility_id", "category", "body", "occurred_at", "follow_up_on"});
  service::ConsultationInput c{in.String("facility_id"), in.String("category"), in.String("body"),
                               in.String("follow_up_on"), in.Instant("occurred_at")};
  TRY_STATUS(errs.ToStatus());
  auto record = TRY(ctx.services->consultations.Create(actor, req.path_params["id"], c));
  return http::Response::Json(201, {{"consultation", ConsultationJson(record, actor.time_zone)}});
}

Result<http::Response> ListConsultations(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto records = TRY(ctx.services->consultations.List(actor, req.path_params["id"]));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : records) items.push_back(ConsultationJson(c, actor.time_zone));
  return http::Response::Json(200, {{"items", items}});
}

Result<http::Response> UpdateConsultation(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"category", "body", "occurred_at", "follow_up_on"});
  service::ConsultationPatch p{in.PatchString("category"), in.PatchString("body"), in.Instant("occurred_at"),
                               in.NullableString("follow_up_on")};
  if (in.IsNull("occurred_at")) errs.Add("occurred_at", reason::kNotNull);
  TRY_STATUS(errs.ToStatus());
  auto record = TRY(ctx.services->consultations.Update(actor, req.path_params["id"], p));
  return http::Response::Json(200, {{"consultation", ConsultationJson(record, actor.time_zone)}});
}

Result<http::Response> ExportConsultations(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto csv = TRY(ctx.services->consultations.ExportCsv(actor, req.path_params["id"]));
  return FileResponse(std::move(csv), "text/csv; charset=utf-8", "attachment; filename=\"consultations.csv\"");
}

Result<http::Response> ListAudit(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto subject = req.Query("subject");
  if (!subject || subject->empty()) return Fail(Error::InvalidField("subject", reason::kRequired));
  auto records = TRY(ctx.services->consultations.FamilyAudit(actor, *subject));
  return http::Response::Json(200, AuditJson(records, actor.time_zone));
}

}  // namespace tadaima::api
