// Families, children and guardians.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/reasons.h"

namespace tadaima::api {
namespace {

http::Response IssuedJson(int status, const service::IssuedLogin& issued) {
  return http::Response::Json(status, {{"guardian", GuardianJson(issued.guardian)},
                                       {"login", issued.guardian.login},
                                       {"initial_password", issued.initial_password}});
}

}  // namespace

Result<http::Response> CreateFamily(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"name", "address", "phone", "guardians", "children", "facility_ids"});
  service::FamilyInput family{in.RequiredString("name"), in.String("address"), in.String("phone"), {}, {}, {}};
  if (!in.Has("guardians")) errs.Add("guardians", reason::kRequired);
  if (!in.Has("children")) errs.Add("children", reason::kRequired);
  for (auto& [j, prefix] : in.Objects("guardians")) {
    JsonObject g(*j, prefix, errs, kGuardianKeys);
    family.guardians.push_back(DecodeGuardian(g));
  }
  for (auto& [j, prefix] : in.Objects("children")) {
    JsonObject c(*j, prefix, errs, kChildKeys);
    family.children.push_back(DecodeChild(c));
  }
  family.facility_ids = in.StringList("facility_ids").value_or(std::vector<std::string>{});
  TRY_STATUS(errs.ToStatus());
  auto created = TRY(ctx.services->families.CreateFamily(actor, family));
  auto json = FamilyJson(created.family, ctx.services->context.Today(actor));
  for (size_t i = 0; i < created.logins.size(); ++i)
    json["guardians"][i]["initial_password"] = created.logins[i].initial_password;
  return http::Response::Json(201, {{"family", json}});
}

Result<http::Response> ListFamilies(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  int limit = TRY(PageLimit(req));
  std::string cursor = TRY(IdCursor(req));
  auto page = TRY(ctx.services->families.ListFamilies(actor, req.Query("q").value_or(""), cursor, limit));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& f : page.items) items.push_back(FamilyJson(f, ctx.services->context.Today(actor)));
  return http::Response::Json(200, ListJson(items, page.next_cursor));
}

Result<http::Response> GetFamily(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto f = TRY(ctx.services->families.GetFamily(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"family", FamilyJson(f, ctx.services->context.Today(actor))}});
}

Result<http::Response> UpdateFamily(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"name", "address", "phone"});
  service::FamilyPatch patch{in.PatchString("name"), in.NullableString("address"), in.NullableString("phone")};
  TRY_STATUS(errs.ToStatus());
  auto f = TRY(ctx.services->families.UpdateFamily(actor, req.path_params["id"], patch));
  return http::Response::Json(200, {{"family", FamilyJson(f, ctx.services->context.Today(actor))}});
}

Result<http::Response> AddChild(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, kChildKeys);
  auto child = DecodeChild(in);
  TRY_STATUS(errs.ToStatus());
  auto c = TRY(ctx.services->families.AddChild(actor, req.path_params["id"], child));
  return http::Response::Json(201, {{"child", ChildJson(c, ctx.services->context.Today(actor))}});
}

Result<http::Response> GetChild(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto c = TRY(ctx.services->families.GetChild(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"child", ChildJson(c, ctx.services->context.Today(actor))}});
}

Result<http::Response> UpdateChild(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"name", "name_kana", "birth_date", "may_leave_alone"});
  service::ChildPatch patch{in.PatchString("name"), in.PatchString("birth_date"), in.NullableString("name_kana"),
                            in.Bool("may_leave_alone")};
  TRY_STATUS(errs.ToStatus());
  auto c = TRY(ctx.services->families.UpdateChild(actor, req.path_params["id"], patch));
  return http::Response::Json(200, {{"child", ChildJson(c, ctx.services->context.Today(actor))}});
}

Result<http::Response> GetChildCare(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto care = TRY(ctx.services->families.GetCare(actor, req.path_params["id"]));
  return http::Response::Json(200, ChildCareJson(care, actor.time_zone));
}

Result<http::Response> PutChildCare(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"allergy", "medical", "notes"});
  service::ChildCareInput care{in.NullableString("allergy"), in.NullableString("medical"), in.NullableString("notes")};
  TRY_STATUS(errs.ToStatus());
  auto stored = TRY(ctx.services->families.PutCare(actor, req.path_params["id"], care));
  return http::Response::Json(200, ChildCareJson(stored, actor.time_zone));
}

Result<http::Response> ChildAudit(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto records = TRY(ctx.services->families.ChildAudit(actor, req.path_params["id"]));
  return http::Response::Json(200, AuditJson(records, actor.time_zone));
}

Result<http::Response> InviteGuardian(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, kGuardianKeys);
  auto guardian = DecodeGuardian(in);
  TRY_STATUS(errs.ToStatus());
  auto issued = TRY(ctx.services->families.InviteGuardian(actor, req.path_params["id"], guardian));
  return IssuedJson(201, issued);
}

Result<http::Response> UpdateGuardian(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, kGuardianKeys);
  service::GuardianPatch patch{in.PatchString("name"), in.NullableString("email"), in.NullableString("relation"),
                               in.NullableString("name_kana"), in.NullableString("phone")};
  TRY_STATUS(errs.ToStatus());
  auto u = TRY(ctx.services->families.UpdateGuardian(actor, req.path_params["id"], patch));
  return http::Response::Json(200, {{"guardian", GuardianJson(u)}});
}

Result<http::Response> ResetGuardianPassword(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto issued = TRY(ctx.services->families.ResetGuardianPassword(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"login", issued.guardian.login}, {"initial_password", issued.initial_password}});
}

}  // namespace tadaima::api
