// Sign-in, sign-out, the current user, password change, the organization.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"

namespace tadaima::api {
namespace {

constexpr int kCookieSeconds = 30 * 24 * 3600;

void SetCookies(ApiContext& ctx, http::Response& res, const std::string& session, const std::string& csrf,
                int max_age) {
  std::string tail = "; Path=/; SameSite=Lax; Max-Age=" + std::to_string(max_age) + (ctx.secure_cookies ? "; Secure" : "");
  res.headers.emplace_back("Set-Cookie", "tadaima_session=" + session + tail + "; HttpOnly");
  res.headers.emplace_back("Set-Cookie", "tadaima_csrf=" + csrf + tail);
}

}  // namespace

Result<http::Response> Login(ApiContext& ctx, http::Request& req) {
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"login", "password"});
  std::string login = in.RequiredString("login"), password = in.RequiredString("password");
  TRY_STATUS(errs.ToStatus());
  auto out = TRY(ctx.services->auth.Login(login, password, req.remote_ip));
  auto res = http::Response::Json(200, {{"user", UserJson(out.actor)}});
  SetCookies(ctx, res, out.session_token, out.csrf_token, kCookieSeconds);
  return res;
}

Result<http::Response> Logout(ApiContext& ctx, http::Request& req) {
  TRY(Authenticate(ctx, req, {.allow_pending_password = true}));
  TRY_STATUS(ctx.services->auth.Logout(SessionToken(req)));
  auto res = http::Response::NoContent();
  SetCookies(ctx, res, "", "", 0);
  return res;
}

Result<http::Response> Me(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req, {.allow_pending_password = true}));
  return http::Response::Json(200, {{"user", UserJson(actor)}});
}

Result<http::Response> ChangePassword(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req, {.allow_pending_password = true}));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"current_password", "new_password"});
  std::string current = in.RequiredString("current_password"), next = in.RequiredString("new_password");
  TRY_STATUS(errs.ToStatus());
  TRY_STATUS(ctx.services->auth.ChangePassword(actor, SessionToken(req), current, next));
  return http::Response::NoContent();
}

Result<http::Response> GetOrganization(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto org = TRY(ctx.services->auth.GetOrganization(actor));
  return http::Response::Json(200, {{"organization", OrganizationJson(org)}});
}

}  // namespace tadaima::api
