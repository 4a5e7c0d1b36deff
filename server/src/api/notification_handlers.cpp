// Notifications: the inbox, preferences, push subscriptions, staff's delivery
// history, and the live event stream (Server-Sent Events).
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/reasons.h"

namespace tadaima::api {
namespace {

// A live-event listener as the HTTP server's streamed body.
class ListenerStream : public http::BodyStream {
 public:
  explicit ListenerStream(std::shared_ptr<notify::Listener> listener) : listener_(std::move(listener)) {}
  void OnReady(std::function<void()> wake) override { listener_->OnReady(std::move(wake)); }
  std::string Take() override {
    if (!greeted_) {
      greeted_ = true;
      // Reconnect after 3 s; `hello` tells the page the stream is up (refetch what it shows).
      return "retry: 3000\nevent: hello\ndata: {\"type\":\"hello\"}\n\n" + listener_->Take();
    }
    return listener_->Take();
  }

 private:
  std::shared_ptr<notify::Listener> listener_;
  bool greeted_ = false;
};

ChannelChoice ChoiceFrom(JsonObject& parent, const char* key, FieldErrors& errs) {
  ChannelChoice c;
  auto obj = parent.Object(key);
  if (!obj) {
    if (!parent.Has(key) || parent.IsNull(key)) errs.Add(key, reason::kRequired);
    return c;
  }
  JsonObject in(*obj->first, obj->second, errs, {"push", "email", "inapp"});
  auto flag = [&](const char* name, bool& out) {
    if (auto v = in.Bool(name)) out = *v;
    else if (!in.Has(name)) errs.Add(obj->second + name, reason::kRequired);
  };
  flag("push", c.push);
  flag("email", c.email);
  flag("inapp", c.inapp);
  return c;
}

}  // namespace

Result<http::Response> PushPublicKey(ApiContext& ctx, http::Request&) {
  auto key = TRY(ctx.services->notifications.VapidKey());
  return http::Response::Json(200, {{"vapid_public_key", key.public_key}});
}

Result<http::Response> ListInbox(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  int limit = TRY(PageLimit(req));
  std::string cursor = TRY(IdCursor(req));
  auto unread = req.Query("unread").value_or("false");
  if (unread != "true" && unread != "false") return Fail(Error::InvalidField("unread", reason::kNotBoolean));
  auto page = TRY(ctx.services->notifications.Inbox(actor, unread == "true", cursor, limit));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& n : page.items) items.push_back(InboxItemJson(n, actor.time_zone));
  nlohmann::json out = ListJson(items, page.next_cursor);
  out["unread_count"] = page.unread;
  return http::Response::Json(200, out);
}

Result<http::Response> ReadNotification(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  TRY_STATUS(ctx.services->notifications.MarkNotificationRead(actor, req.path_params["id"]));
  return http::Response::NoContent();
}

Result<http::Response> ReadAllNotifications(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  TRY_STATUS(ctx.services->notifications.MarkAllNotificationsRead(actor));
  return http::Response::NoContent();
}

Result<http::Response> GetPreferences(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto p = TRY(ctx.services->notifications.GetNotificationPreferences(actor));
  return http::Response::Json(200, PreferencesJson(p));
}

Result<http::Response> PutPreferences(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"stamps", "messages", "quiet_hours", "language"});
  NotificationPreferences p;
  p.stamps = ChoiceFrom(in, "stamps", errs);
  p.messages = ChoiceFrom(in, "messages", errs);
  if (!in.Has("quiet_hours")) errs.Add("quiet_hours", reason::kRequiredOrNull);
  if (auto quiet = in.Object("quiet_hours")) {
    JsonObject q(*quiet->first, quiet->second, errs, {"from", "to"});
    auto clock = [&](const char* key, std::optional<int>& out) {
      std::string text = q.RequiredString(key);
      if (text.empty()) return;
      out = ParseClockTime(text);
      if (!out) errs.Add(std::string("quiet_hours.") + key, reason::kNotTime);
    };
    clock("from", p.quiet_from);
    clock("to", p.quiet_to);
  }
  p.language = in.RequiredString("language");
  TRY_STATUS(errs.ToStatus());
  auto saved = TRY(ctx.services->notifications.SetNotificationPreferences(actor, p));
  return http::Response::Json(200, PreferencesJson(saved));
}

Result<http::Response> CreatePushSubscription(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"endpoint", "expirationTime", "keys"});
  std::string endpoint = in.RequiredString("endpoint");
  if (in.Has("expirationTime") && !in.IsNull("expirationTime") && !body["expirationTime"].is_number())
    errs.Add("expirationTime", reason::kNotIntegerOrNull);
  std::string p256dh, auth;
  if (auto keys = in.Object("keys")) {
    JsonObject k(*keys->first, keys->second, errs, {"p256dh", "auth"});
    p256dh = k.RequiredString("p256dh");
    auth = k.RequiredString("auth");
  } else if (!in.Has("keys") || in.IsNull("keys")) {
    errs.Add("keys", reason::kRequired);
  }
  TRY_STATUS(errs.ToStatus());
  auto s = TRY(ctx.services->notifications.SubscribePush(actor, endpoint, p256dh, auth));
  return http::Response::Json(s.created ? 201 : 200, PushSubscriptionJson(s.subscription, actor.time_zone));
}

Result<http::Response> ListPushSubscriptions(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto list = TRY(ctx.services->notifications.ListPushSubscriptions(actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : list) items.push_back(PushSubscriptionJson(s, actor.time_zone));
  return PagedList(req, items);
}

Result<http::Response> DeletePushSubscription(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  TRY_STATUS(ctx.services->notifications.DeletePushSubscription(actor, req.path_params["id"]));
  return http::Response::NoContent();
}

Result<http::Response> ListNotifications(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  service::NotificationFilter f;
  f.limit = TRY(PageLimit(req));
  f.cursor = TRY(IdCursor(req));
  f.facility_id = req.Query("facility_id");
  f.child_id = req.Query("child_id");
  f.status = req.Query("status");
  f.channel = req.Query("channel");
  auto page = TRY(ctx.services->notifications.ListNotifications(actor, f));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& n : page.items) items.push_back(StaffNotificationJson(n, actor.time_zone));
  return http::Response::Json(200, ListJson(items, page.next_cursor));
}

Result<http::Response> GetNotification(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto n = TRY(ctx.services->notifications.GetNotification(actor, req.path_params["id"]));
  return http::Response::Json(200, NotificationDetailJson(n, actor.time_zone));
}

Result<http::Response> RetryNotification(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto n = TRY(ctx.services->notifications.RetryNotification(actor, req.path_params["id"]));
  return http::Response::Json(200, NotificationDetailJson(n, actor.time_zone));
}

Result<http::Response> LiveEvents(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto listener = TRY(ctx.services->notifications.ListenLive(actor));
  http::Response res;
  res.content_type = "text/event-stream; charset=utf-8";
  res.headers.emplace_back("Cache-Control", "no-cache");
  res.headers.emplace_back("X-Accel-Buffering", "no");  // tell proxies not to hold the stream back
  res.stream = std::make_shared<ListenerStream>(std::move(listener));
  return res;
}

}  // namespace tadaima::api
