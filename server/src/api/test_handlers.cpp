// Test-only routes: they exist in the server's test mode (TADAIMA_TEST_CLOCK)
// only, which the server refuses to start outside loopback (app/server_app.h).
#include <cstdio>

#include "api/api.h"
#include "api/json_input.h"
#include "base/reasons.h"

namespace tadaima::api {
namespace {

constexpr int64_t kMaxAdvanceMs = 400LL * 24 * 3600 * 1000;  // a little over a year per move

// RFC 3339 in UTC with milliseconds: 2027-06-10T06:15:00.250Z.
std::string UtcWithMs(int64_t ms) {
  const int64_t whole = ms - ((ms % 1000) + 1000) % 1000;
  std::string text = FormatInstant(whole, "UTC");  // 2027-06-10T06:15:00+00:00
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03d", static_cast<int>(ms - whole));
  return text.substr(0, 19) + frac + "Z";
}

}  // namespace

// POST /api/v1/test/clock {"at": RFC 3339} | {"advance_ms": N}: moves the
// test clock (never backwards: 409), runs the jobs that depend on the time,
// then answers {"now": …}. No sign-in: the mode exists on loopback only.
Result<http::Response> MoveTestClock(ApiContext& ctx, http::Request& req) {
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"at", "advance_ms"});
  const bool has_at = in.Has("at") && !in.IsNull("at");
  auto at = in.Instant("at");
  auto advance = in.Integer("advance_ms");
  if (advance && (*advance < 0 || *advance > kMaxAdvanceMs))
    errs.Add("advance_ms", reason::OutOfRange(0, kMaxAdvanceMs));
  if (!errs.Has("at") && !errs.Has("advance_ms") && has_at == advance.has_value())
    errs.Add(has_at ? "advance_ms" : "at", reason::kAtOrAdvance);
  TRY_STATUS(errs.ToStatus());
  const int64_t now = at ? TRY(ctx.test_clock->clock.MoveTo(*at)) : TRY(ctx.test_clock->clock.Advance(*advance));
  if (ctx.test_clock->moved) ctx.test_clock->moved();
  return http::Response::Json(200, {{"now", UtcWithMs(now)}});
}

}  // namespace tadaima::api
