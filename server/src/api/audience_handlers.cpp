// Audiences: the count of whom an audience reaches, before anything is sent.
#include <algorithm>

#include "api/api.h"
#include "api/json_input.h"
#include "base/reasons.h"

namespace tadaima::api {
namespace {

// An audience object under `prefix` ("audience.").
Audience DecodeAudience(const nlohmann::json& j, const std::string& prefix, FieldErrors& errs) {
  JsonObject in(j, prefix, errs, {"facility_ids", "family_ids", "child_ids", "grades", "age_months"});
  Audience a;
  a.facility_ids = in.StringList("facility_ids");
  a.family_ids = in.StringList("family_ids");
  a.child_ids = in.StringList("child_ids");
  a.grades = in.StringList("grades");
  if (auto age = in.Object("age_months")) {
    JsonObject range(*age->first, age->second, errs, {"min", "max"});
    if (auto min = range.Integer("min")) a.age_months_min = static_cast<int>(std::clamp<int64_t>(*min, -1, 100'000));
    if (auto max = range.Integer("max")) a.age_months_max = static_cast<int>(std::clamp<int64_t>(*max, -1, 100'000));
  }
  return a;
}

}  // namespace

Result<http::Response> PreviewAudience(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"audience"});
  Audience audience;
  if (auto a = in.Object("audience")) audience = DecodeAudience(*a->first, a->second, errs);
  else if (!in.Has("audience") || in.IsNull("audience")) errs.Add("audience", reason::kRequired);
  TRY_STATUS(errs.ToStatus());
  auto count = TRY(ctx.services->audiences.Preview(actor, audience));
  return http::Response::Json(200, {{"families", count.families}, {"guardians", count.guardians},
                                    {"children", count.children}});
}

}  // namespace tadaima::api
