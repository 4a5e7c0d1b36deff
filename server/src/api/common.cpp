#include <spdlog/spdlog.h>

#include <cctype>
#include <charconv>

#include "api/api.h"
#include "base/ids.h"
#include "base/reasons.h"

namespace tadaima::api {

std::string SessionToken(const http::Request& req) { return req.Cookie("tadaima_session"); }

Result<Actor> Authenticate(ApiContext& ctx, const http::Request& req, AuthOptions options) {
  if (std::string bearer = req.Header("authorization"); bearer.rfind("Bearer ", 0) == 0) {
    auto kiosk = TRY(ctx.services->kiosks.AuthenticateKiosk(bearer.substr(7), options.kiosk_cached));
    if (!options.allow_kiosk) return Fail(Error::PermissionDenied(reason::kKioskOnlyStamps));
    return kiosk;
  }
  auto auth = TRY(ctx.services->auth.Authenticate(SessionToken(req)));
  if (req.IsStateChanging() && !SecureEquals(req.Header("x-csrf-token"), auth.csrf_token))
    return Fail(Error::PermissionDenied(reason::kCsrf));
  if (auth.actor.must_change_password && !options.allow_pending_password)
    return Fail(Error::PermissionDenied(reason::kPasswordChangeRequired));
  return auth.actor;
}

Result<int> PageLimit(const http::Request& req) {
  auto text = req.Query("limit");
  if (!text) return 50;
  int v = 0;
  auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || p != text->data() + text->size() || v < 1 || v > 200)
    return Fail(Error::InvalidField("limit", reason::OutOfRange(1, 200)));
  return v;
}

nlohmann::json ListJson(nlohmann::json items, const std::optional<std::string>& next_cursor) {
  return {{"items", std::move(items)}, {"next_cursor", next_cursor ? nlohmann::json(*next_cursor) : nullptr}};
}

Result<http::Response> PagedList(const http::Request& req, const nlohmann::json& items) {
  int limit = TRY(PageLimit(req));
  size_t start = 0;
  if (auto cursor = req.Query("cursor"); cursor && !cursor->empty()) {
    while (start < items.size() && items[start]["id"] != *cursor) ++start;
    if (start == items.size()) return Fail(Error::InvalidField("cursor", reason::kBadCursor));
    ++start;
  }
  nlohmann::json page = nlohmann::json::array();
  for (size_t i = start; i < items.size() && page.size() < static_cast<size_t>(limit); ++i) page.push_back(items[i]);
  std::optional<std::string> next;
  if (start + page.size() < items.size()) next = page.back()["id"].get<std::string>();
  return http::Response::Json(200, ListJson(std::move(page), next));
}

Result<std::string> IdCursor(const http::Request& req) {
  std::string cursor = req.Query("cursor").value_or("");
  if (!cursor.empty() && !LooksLikeId(cursor)) return Fail(Error::InvalidField("cursor", reason::kBadCursor));
  return cursor;
}

http::Response FileResponse(std::string body, const char* content_type, const std::string& disposition) {
  http::Response r;
  r.content_type = content_type;
  r.body = std::move(body);
  r.headers.emplace_back("Cache-Control", "private, no-store");
  if (!disposition.empty()) r.headers.emplace_back("Content-Disposition", disposition);
  return r;
}

namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// application/json, with no parameter or charset=utf-8 (any case, any spaces).
bool IsJsonType(const std::string& header) {
  std::string t;
  for (char c : Lower(header))
    if (c != ' ' && c != '\t') t += c;
  return t == "application/json" || t == "application/json;charset=utf-8" || t == "application/json;charset=\"utf-8\"";
}

// A browser says where a write comes from (Origin, Sec-Fetch-Site). A write
// from another site is refused, whether it signs in or carries the cookie; a
// kiosk's bearer token is not sent by a browser on its own, so kiosks are not
// asked. Clients that are not browsers send neither header.
Status CheckOrigin(const ApiContext& ctx, const http::Request& req) {
  if (req.Header("authorization").rfind("Bearer ", 0) == 0) return {};
  const std::string site = Lower(req.Header("sec-fetch-site"));
  if (!site.empty() && site != "same-origin" && site != "none") return Fail(Error::PermissionDenied(reason::kCrossOrigin));
  const std::string origin = Lower(req.Header("origin"));
  if (origin.empty()) return {};
  if (!ctx.public_origin.empty()) {
    if (origin != Lower(ctx.public_origin)) return Fail(Error::PermissionDenied(reason::kCrossOrigin));
    return {};
  }
  const std::string host = Lower(req.Header("host"));
  if (host.empty() || (origin != "http://" + host && origin != "https://" + host))
    return Fail(Error::PermissionDenied(reason::kCrossOrigin));
  return {};
}

Status CheckBody(const http::Request& req, BodyKind kind) {
  switch (kind) {
    case BodyKind::kFile: return {};
    case BodyKind::kNone:
      if (!req.body.empty()) return Fail(Error::InvalidField("body", reason::kBodyNotAllowed));
      return {};
    case BodyKind::kJson:
      if (!IsJsonType(req.Header("content-type"))) return Fail(Error::UnsupportedMediaType(reason::kNotJsonBody));
      return {};
  }
  return {};
}

Status CheckWrite(const ApiContext& ctx, const http::Request& req, BodyKind kind) {
  if (!req.IsStateChanging()) return {};
  TRY_STATUS(CheckOrigin(ctx, req));
  return CheckBody(req, kind);
}

}  // namespace

http::Handler Wrap(ApiContext& ctx, ApiHandler handler, BodyKind body) {
  return [&ctx, handler = std::move(handler), body](http::Request& req) {
    auto checked = CheckWrite(ctx, req, body);
    auto res = checked ? handler(ctx, req) : Result<http::Response>(std::unexpected(checked.error()));
    if (res) return *res;
    if (res.error().code == ErrorCode::kInternal) spdlog::error("{} {}: {}", req.method, req.path, res.error().message);
    return http::Response::FromError(res.error());
  };
}

http::AsyncHandler WrapAsync(ApiContext& ctx, AsyncApiHandler handler, BodyKind body) {
  return [&ctx, handler = std::move(handler), body](http::Request& req,
                                                    const http::Later& later) -> std::optional<http::Response> {
    auto checked = CheckWrite(ctx, req, body);
    auto res = checked ? handler(ctx, req, later)
                       : Result<std::optional<http::Response>>(std::unexpected(checked.error()));
    if (res) return std::move(*res);
    if (res.error().code == ErrorCode::kInternal) spdlog::error("{} {}: {}", req.method, req.path, res.error().message);
    return http::Response::FromError(res.error());
  };
}

}  // namespace tadaima::api
