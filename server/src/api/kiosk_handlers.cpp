// Kiosks: pairing, listing, revoking, what a kiosk learns about itself, and its
// staff menu (the PIN, the name search).
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "rules/age_grade.h"

namespace tadaima::api {

Result<http::Response> CreateKiosk(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"name"});
  std::string name = in.RequiredString("name");
  TRY_STATUS(errs.ToStatus());
  auto paired = TRY(ctx.services->kiosks.CreateKiosk(actor, req.path_params["id"], name));
  return http::Response::Json(201, {{"kiosk", KioskJson(paired.kiosk, actor.time_zone)}, {"token", paired.token}});
}

Result<http::Response> ListKiosks(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto list = TRY(ctx.services->kiosks.ListKiosks(actor, req.path_params["id"]));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& k : list) items.push_back(KioskJson(k, actor.time_zone));
  return PagedList(req, items);
}

Result<http::Response> RevokeKiosk(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  TRY_STATUS(ctx.services->kiosks.RevokeKiosk(actor, req.path_params["id"]));
  return http::Response::NoContent();
}

Result<http::Response> KioskMe(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req, {.allow_kiosk = true}));
  auto [kiosk, facility] = TRY(ctx.services->kiosks.KioskMe(actor));
  // server_time lets a tablet whose clock is off stamp its queued scans in the server's time.
  return http::Response::Json(200, {{"kiosk", KioskJson(kiosk, actor.time_zone)},
                                    {"facility", FacilityJson(facility)},
                                    {"unlocked_until", service::KioskUnlocked(kiosk, ctx.services->context.clock.NowMs())
                                                           ? InstantOrNull(kiosk.unlocked_until, actor.time_zone)
                                                           : nlohmann::json(nullptr)},
                                    {"server_time", FormatInstant(ctx.services->context.clock.NowMs(), actor.time_zone)}});
}

Result<http::Response> UnlockKiosk(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req, {.allow_kiosk = true}));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"pin"});
  std::string pin = in.RequiredString("pin");
  TRY_STATUS(errs.ToStatus());
  const int64_t until = TRY(ctx.services->kiosks.Unlock(actor, pin));
  return http::Response::Json(200, {{"unlocked_until", FormatInstant(until, actor.time_zone)}});
}

Result<http::Response> LockKiosk(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req, {.allow_kiosk = true}));
  TRY_STATUS(ctx.services->kiosks.Lock(actor));
  return http::Response::NoContent();
}

Result<http::Response> KioskChildren(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req, {.allow_kiosk = true}));
  auto found = TRY(ctx.services->kiosks.FindChildren(actor, req.Query("q").value_or("")));
  const CivilDate today = ctx.services->context.Today(actor);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : found)
    items.push_back({{"id", c.child.id},
                     {"name", c.child.name},
                     {"name_kana", OrNull(c.child.name_kana)},
                     {"grade", GradeOn(c.child.birth_date, today)},
                     {"present", c.present}});
  return http::Response::Json(200, {{"items", items}});
}

}  // namespace tadaima::api
