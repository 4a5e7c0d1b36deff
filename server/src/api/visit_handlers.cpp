// The day's roster, the visit list (JSON or CSV) and corrections.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/reasons.h"

namespace tadaima::api {

Result<http::Response> GetRoster(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto roster = TRY(ctx.services->visits.GetRoster(actor, req.path_params["id"], req.Query("date")));
  return http::Response::Json(200, RosterJson(roster, actor.time_zone));
}

Result<http::Response> OnSite(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  const std::string facility_id = req.path_params["id"];
  auto children = TRY(ctx.services->visits.OnSite(actor, facility_id));
  return http::Response::Json(200, {{"facility_id", facility_id},
                                    {"items", OnSiteJson(children, ctx.services->context.Today(actor), actor.time_zone)}});
}

Result<http::Response> ListVisits(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  service::VisitFilter f{req.Query("facility_id"), req.Query("child_id"), req.Query("from"), req.Query("to"),
                         req.Query("cursor"),      false,                TRY(PageLimit(req))};
  auto review = req.Query("needs_review");
  if (review && *review != "true" && *review != "false")
    return Fail(Error::InvalidField("needs_review", reason::kNotBoolean));
  f.needs_review_only = review == "true";
  auto format = req.Query("format").value_or("json");
  if (format != "json" && format != "csv") return Fail(Error::InvalidField("format", reason::NotAChoice({"json", "csv"})));
  if (format == "csv")
    return FileResponse(TRY(ctx.services->visits.ExportVisitsCsv(actor, f)), "text/csv; charset=utf-8",
                                "attachment; filename=\"visits.csv\"");
  auto page = TRY(ctx.services->visits.ListVisits(actor, f));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : page.items) items.push_back(VisitJson(v, actor.time_zone));
  return http::Response::Json(200, ListJson(items, page.next_cursor));
}

Result<http::Response> CorrectVisit(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"in_at", "out_at", "reason"});
  auto in_at = in.PatchString("in_at");
  auto out_at = in.NullableString("out_at");
  std::string reason = in.RequiredString("reason");
  TRY_STATUS(errs.ToStatus());
  auto visit = TRY(ctx.services->visits.CorrectVisit(actor, req.path_params["id"], in_at, out_at, reason));
  return http::Response::Json(200, {{"visit", VisitJson(visit, actor.time_zone)}});
}

}  // namespace tadaima::api
