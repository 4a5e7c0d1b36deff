// Facilities and staff accounts.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"

namespace tadaima::api {
namespace {

Result<service::FacilityInput> DecodeFacility(const std::string& text) {
  auto body = TRY(ParseObject(text));
  FieldErrors errs;
  JsonObject in(body, "", errs,
                {"name", "kind", "opens_at", "closes_at", "duplicate_window_seconds", "offline_retention_hours",
                 "plan_deadline_days", "plan_deadline_time", "not_arrived_grace_minutes", "not_arrived_notify",
                 "kiosk_pin"});
  service::FacilityInput out{in.PatchString("name"),
                             in.PatchString("kind"),
                             in.PatchString("opens_at"),
                             in.PatchString("closes_at"),
                             in.Integer("duplicate_window_seconds"),
                             in.Integer("offline_retention_hours"),
                             in.Integer("plan_deadline_days"),
                             in.PatchString("plan_deadline_time"),
                             in.Integer("not_arrived_grace_minutes"),
                             in.Bool("not_arrived_notify"),
                             in.NullableString("kiosk_pin")};
  TRY_STATUS(errs.ToStatus());
  return out;
}

Result<service::StaffInput> DecodeStaff(const std::string& text) {
  auto body = TRY(ParseObject(text));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"login", "name", "password", "role", "facility_ids"});
  service::StaffInput out{in.PatchString("login"), in.PatchString("name"), in.PatchString("password"),
                          in.PatchString("role"),
                          in.StringList("facility_ids")};
  TRY_STATUS(errs.ToStatus());
  return out;
}

}  // namespace

Result<http::Response> CreateFacility(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto in = TRY(DecodeFacility(req.body));
  auto f = TRY(ctx.services->facilities.CreateFacility(actor, in));
  return http::Response::Json(201, {{"facility", FacilityJson(f)}});
}

Result<http::Response> ListFacilities(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto list = TRY(ctx.services->facilities.ListFacilities(actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& f : list) items.push_back(FacilityJson(f));
  return PagedList(req, items);
}

Result<http::Response> GetFacility(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto f = TRY(ctx.services->facilities.GetFacility(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"facility", actor.role == Role::kGuardian ? FamilyFacilityJson(f) : FacilityJson(f)}});
}

Result<http::Response> UpdateFacility(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto in = TRY(DecodeFacility(req.body));
  auto f = TRY(ctx.services->facilities.UpdateFacility(actor, req.path_params["id"], in));
  return http::Response::Json(200, {{"facility", FacilityJson(f)}});
}

Result<http::Response> CreateStaff(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto in = TRY(DecodeStaff(req.body));
  auto u = TRY(ctx.services->facilities.CreateStaff(actor, in));
  return http::Response::Json(201, {{"staff", StaffJson(u)}});
}

Result<http::Response> ListStaff(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto list = TRY(ctx.services->facilities.ListStaff(actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : list) items.push_back(StaffJson(u));
  return PagedList(req, items);
}

Result<http::Response> UpdateStaff(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto in = TRY(DecodeStaff(req.body));
  auto u = TRY(ctx.services->facilities.UpdateStaff(actor, req.path_params["id"], in));
  return http::Response::Json(200, {{"staff", StaffJson(u)}});
}

}  // namespace tadaima::api
