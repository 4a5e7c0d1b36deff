// Messages (お知らせ), emergency notices and their attachments.
#include <cctype>

#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/reasons.h"

namespace tadaima::api {
namespace {

Result<service::SendMessageInput> DecodeMessage(const std::string& text) {
  auto body = TRY(ParseObject(text));
  FieldErrors errs;
  JsonObject in(body, "", errs,
                {"title", "body", "priority", "audience", "channels", "send_at", "attachment_ids", "client_id"});
  service::SendMessageInput out;
  out.title = in.RequiredString("title");
  out.body = in.RequiredString("body");
  out.priority = in.String("priority").value_or("normal");
  if (auto a = in.Object("audience")) out.audience = DecodeAudience(*a->first, a->second, errs);
  else errs.Add("audience", reason::kRequired);
  if (auto channels = in.StringList("channels")) out.channels = *channels;
  else if (!errs.Has("channels")) errs.Add("channels", reason::kRequired);
  out.send_at = in.Instant("send_at");
  if (auto ids = in.StringList("attachment_ids")) out.attachment_ids = *ids;
  out.client_id = in.String("client_id");
  TRY_STATUS(errs.ToStatus());
  return out;
}

// inline; filename="…" for every browser: an ASCII stand-in and the UTF-8 name (RFC 6266, 8187).
std::string Disposition(const Attachment& a) {
  static const char* kHex = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : a.name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  const char* fallback = a.content_type == "application/pdf" ? "attachment.pdf"
                         : a.content_type == "image/png"     ? "attachment.png"
                                                             : "attachment.jpg";
  return std::string("inline; filename=\"") + fallback + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

Result<http::Response> SendMessage(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto in = TRY(DecodeMessage(req.body));
  auto sent = TRY(ctx.services->messages.Send(actor, in));
  nlohmann::json out{{"message", MessageJson({sent.message, 0, std::nullopt}, actor.time_zone)},
                     {"recipients", {{"families", sent.recipients.families}, {"guardians", sent.recipients.guardians}}}};
  return http::Response::Json(sent.replayed ? 200 : 201, out);
}

Result<http::Response> ListMessages(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  service::MessageListFilter f{req.Query("facility_id"), req.Query("status"), TRY(IdCursor(req)), TRY(PageLimit(req))};
  if (f.status && *f.status != "scheduled" && *f.status != "sent" && *f.status != "cancelled")
    return Fail(Error::InvalidField("status", reason::NotAChoice({"scheduled", "sent", "cancelled"})));
  auto page = TRY(ctx.services->messages.List(actor, f));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : page.items) items.push_back(MessageJson(v, actor.time_zone));
  return http::Response::Json(200, ListJson(items, page.next_cursor));
}

Result<http::Response> GetMessage(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto view = TRY(ctx.services->messages.Get(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"message", actor.role == Role::kGuardian
                                                    ? FamilyMessageJson(view, actor.time_zone)
                                                    : MessageJson(view, actor.time_zone)}});
}

Result<http::Response> CancelMessage(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  TRY_STATUS(ctx.services->messages.Cancel(actor, req.path_params["id"]));
  return http::Response::NoContent();
}

Result<http::Response> EndMessage(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto m = TRY(ctx.services->messages.End(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"message", MessageJson({m, 0, std::nullopt}, actor.time_zone)}});
}

Result<http::Response> MessageReceipts(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto receipts = TRY(ctx.services->messages.Receipts(actor, req.path_params["id"]));
  return http::Response::Json(200, ReceiptsJson(receipts, actor.time_zone));
}

Result<http::Response> RemindMessage(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto families = TRY(ctx.services->messages.Remind(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"families", families}});
}

Result<http::Response> MyMessages(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto page = TRY(ctx.services->messages.Mine(actor, TRY(IdCursor(req)), TRY(PageLimit(req))));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : page.items) items.push_back(FamilyMessageJson(v, actor.time_zone));
  return http::Response::Json(200, ListJson(items, page.next_cursor));
}

Result<http::Response> ReadMessage(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  TRY_STATUS(ctx.services->messages.MarkRead(actor, req.path_params["id"]));
  return http::Response::NoContent();
}

Result<http::Response> ListEmergencies(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req, {.allow_kiosk = true}));
  auto messages = TRY(ctx.services->messages.Emergencies(actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : messages) {
    auto j = FamilyMessageJson({m, 0, std::nullopt}, actor.time_zone);
    j.erase("read_at");
    j["facility_ids"] = m.facility_ids;
    items.push_back(std::move(j));
  }
  return http::Response::Json(200, {{"items", items}});
}

Result<http::Response> UploadAttachment(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto a = TRY(ctx.services->messages.Upload(actor, req.Query("name").value_or(""), req.Header("content-type"),
                                             req.body));
  return http::Response::Json(201, {{"attachment", AttachmentJson(a)}});
}

Result<http::Response> DownloadAttachment(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto file = TRY(ctx.services->messages.Download(actor, req.path_params["id"]));
  auto res = FileResponse(std::move(file.bytes), file.attachment.content_type.c_str(), Disposition(file.attachment));
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return res;
}

}  // namespace tadaima::api
