// Attendance plans and absence reports, and the guardian's children.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/reasons.h"

namespace tadaima::api {
namespace {

Result<service::PlansInput> DecodePlans(const std::string& text) {
  auto body = TRY(ParseObject(text));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"facility_id", "days"});
  service::PlansInput out;
  out.facility_id = in.String("facility_id");
  if (!in.Has("days")) errs.Add("days", reason::kRequired);
  for (auto& [j, prefix] : in.Objects("days")) {
    JsonObject d(*j, prefix, errs, {"date", "status", "arrive_at", "leave_at", "pickup_by", "reason"});
    out.days.push_back({d.RequiredString("date"), d.RequiredString("status"), d.String("arrive_at"),
                        d.String("leave_at"), d.String("pickup_by"), d.String("reason")});
  }
  TRY_STATUS(errs.ToStatus());
  return out;
}

}  // namespace

Result<http::Response> PutPlans(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto in = TRY(DecodePlans(req.body));
  auto plans = TRY(ctx.services->plans.SetPlans(actor, req.path_params["id"], in));
  return http::Response::Json(200, PlansJson(plans, actor.time_zone));
}

Result<http::Response> ListPlans(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  service::PlanRange range{req.Query("from"), req.Query("to"), req.Query("facility_id")};
  auto plans = TRY(ctx.services->plans.ListPlans(actor, req.path_params["id"], range));
  return http::Response::Json(200, PlansJson(plans, actor.time_zone));
}

Result<http::Response> AcknowledgePlan(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto plan = TRY(ctx.services->plans.AcknowledgePlan(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"plan", PlanJson(plan, actor.time_zone)}});
}

Result<http::Response> ListPendingPlans(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  service::PendingPlanFilter f{req.Query("facility_id"), req.Query("from"),   req.Query("to"),
                               req.Query("pending"),     req.Query("cursor"), TRY(PageLimit(req))};
  auto page = TRY(ctx.services->plans.ListPendingPlans(actor, f));
  return http::Response::Json(200, PendingPlansJson(page, actor.time_zone));
}

Result<http::Response> MyChildren(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto children = TRY(ctx.services->plans.MyChildren(actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : children) items.push_back(MyChildJson(c, actor.time_zone));
  return http::Response::Json(200, {{"items", items}});
}

}  // namespace tadaima::api
