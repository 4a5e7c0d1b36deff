// Contact threads (連絡) between a family and a facility.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/reasons.h"

namespace tadaima::api {
namespace {

// {thread, post}: the thread as the writer now sees it, and the post written.
http::Response WrittenJson(const service::Written& w, const Actor& actor) {
  return http::Response::Json(w.replayed ? 200 : 201,
                              {{"thread", ThreadJson(w.thread, service::SideOf(actor), actor.time_zone)},
                               {"post", ThreadPostJson(w.post, actor.time_zone)}});
}

}  // namespace

Result<http::Response> CreateThread(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"child_id", "facility_id", "subject", "body", "client_id"});
  service::NewThreadInput input;
  input.child_id = in.RequiredString("child_id");
  input.facility_id = in.RequiredString("facility_id");
  input.subject = in.String("subject");
  input.body = in.RequiredString("body");
  input.client_id = in.String("client_id");
  TRY_STATUS(errs.ToStatus());
  return WrittenJson(TRY(ctx.services->threads.Create(actor, input)), actor);
}

Result<http::Response> ListThreads(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  const auto unread = req.Query("unread").value_or("false");
  if (unread != "true" && unread != "false") return Fail(Error::InvalidField("unread", reason::kNotBoolean));
  service::ThreadListFilter f{req.Query("facility_id"), unread == "true", req.Query("cursor").value_or(""),
                              TRY(PageLimit(req))};
  auto page = TRY(ctx.services->threads.List(actor, f));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : page.items) items.push_back(ThreadJson(t, service::SideOf(actor), actor.time_zone));
  nlohmann::json out = ListJson(items, page.next_cursor);
  out["unread_threads"] = page.unread_threads;
  return http::Response::Json(200, out);
}

Result<http::Response> GetThread(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto detail = TRY(ctx.services->threads.Get(actor, req.path_params["id"]));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : detail.posts) items.push_back(ThreadPostJson(p, actor.time_zone));
  return http::Response::Json(
      200, {{"thread", ThreadJson(detail.thread, service::SideOf(actor), actor.time_zone)}, {"items", items}});
}

Result<http::Response> PostToThread(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"body", "client_id"});
  const std::string text = in.RequiredString("body");
  const auto client_id = in.String("client_id");
  TRY_STATUS(errs.ToStatus());
  return WrittenJson(TRY(ctx.services->threads.Post(actor, req.path_params["id"], text, client_id)), actor);
}

}  // namespace tadaima::api
