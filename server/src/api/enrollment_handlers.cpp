// Enrollments.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"

namespace tadaima::api {

Result<http::Response> CreateEnrollment(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"facility_id", "child_id", "family_id"});
  std::string facility_id = in.RequiredString("facility_id");
  auto child_id = in.String("child_id"), family_id = in.String("family_id");
  TRY_STATUS(errs.ToStatus());
  auto e = TRY(ctx.services->enrollments.CreateEnrollment(actor, facility_id, child_id, family_id));
  return http::Response::Json(201, {{"enrollment", EnrollmentJson(e)}});
}

Result<http::Response> ListEnrollments(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto list = TRY(ctx.services->enrollments.ListEnrollments(actor, req.Query("facility_id"), req.Query("status")));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : list) items.push_back(EnrollmentJson(e));
  return PagedList(req, items);
}

Result<http::Response> ApproveEnrollment(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto e = TRY(ctx.services->enrollments.ApproveEnrollment(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"enrollment", EnrollmentJson(e)}});
}

Result<http::Response> DeleteEnrollment(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  TRY_STATUS(ctx.services->enrollments.DeleteEnrollment(actor, req.path_params["id"]));
  return http::Response::NoContent();
}

}  // namespace tadaima::api
