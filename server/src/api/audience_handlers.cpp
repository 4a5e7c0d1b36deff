// Audiences: the count of whom an audience reaches, before anything is sent.
#include "api/api.h"
#include "api/json_input.h"
#include "base/reasons.h"

namespace tadaima::api {

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
