// Stamps (arrivals and departures) and the pick-up person.
#include <algorithm>

#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/reasons.h"

namespace tadaima::api {

Result<http::Response> PreviewStamp(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req, {.allow_kiosk = true}));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"facility_id", "credential"});
  std::string facility_id = in.RequiredString("facility_id"), credential = in.RequiredString("credential");
  TRY_STATUS(errs.ToStatus());
  auto preview = TRY(ctx.services->stamps.PreviewStamp(actor, facility_id, credential));
  return http::Response::Json(200, StampPreviewJson(preview));
}

// Answers later: the stamp is durable only once its group commit is done,
// and no thread waits for that meanwhile.
Result<std::optional<http::Response>> CreateStamp(ApiContext& ctx, http::Request& req, const http::Later& later) {
  auto actor = TRY(Authenticate(ctx, req, {.allow_kiosk = true, .kiosk_cached = true}));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs,
                {"facility_id", "client_id", "credential", "child_id", "family_id", "child_ids", "adults", "direction",
                 "scanned_at", "pickup_by"});
  service::StampInput stamp;
  stamp.facility_id = in.RequiredString("facility_id");
  stamp.client_id = in.RequiredString("client_id");
  stamp.credential = in.String("credential");
  stamp.child_id = in.String("child_id");
  stamp.family_id = in.String("family_id");
  stamp.child_ids = in.StringList("child_ids");
  if (auto adults = in.Integer("adults")) stamp.adults = static_cast<int>(std::clamp<int64_t>(*adults, -1, 1000));
  stamp.direction = in.String("direction").value_or("auto");
  stamp.scanned_at = in.Instant("scanned_at");
  stamp.pickup_by = in.String("pickup_by");
  TRY_STATUS(errs.ToStatus());
  TRY_STATUS(ctx.services->stamps.Stamp(actor, stamp, [later, tz = actor.time_zone](Result<service::StampOutcome> outcome) {
    later([outcome = std::move(outcome), tz] {
      if (!outcome) return http::Response::FromError(outcome.error());
      return http::Response::Json(outcome->replayed ? 200 : 201, StampOutcomeJson(*outcome, tz));
    });
  }));
  return std::nullopt;
}

Result<http::Response> SetPickup(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req, {.allow_kiosk = true}));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"pickup_by", "alone"});
  service::Visits::Pickup pickup{in.String("pickup_by"), in.Bool("alone").value_or(false)};
  TRY_STATUS(errs.ToStatus());
  auto visit = TRY(ctx.services->visits.SetPickup(actor, req.path_params["id"], pickup));
  return http::Response::Json(200, {{"visit", VisitJson(visit, actor.time_zone)}});
}

}  // namespace tadaima::api
