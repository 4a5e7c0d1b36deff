// The day's roster, the visit list (JSON or CSV) and corrections.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "report/csv.h"

namespace tadaima::api {
namespace {

constexpr int kCsvMaxRows = 100000;

std::string LocalTime(int64_t ms, const std::string& tz) { return FormatInstant(ms, tz).substr(11, 5); }

http::Response VisitsCsv(const std::vector<Visit>& visits, const std::vector<Facility>& facilities,
                         const std::string& tz) {
  std::string body = report::kCsvBom;
  body += report::CsvRow({"日付", "施設", "児童", "入館", "退館", "お迎え", "方法", "要確認"});
  for (const auto& v : visits) {
    std::string facility = v.facility_id;
    for (const auto& f : facilities)
      if (f.id == v.facility_id) facility = f.name;
    body += report::CsvRow({DateAt(v.in_at, tz).ToString(), facility, v.child_name, LocalTime(v.in_at, tz),
                            v.out_at ? LocalTime(*v.out_at, tz) : "", v.pickup_by.value_or(""),
                            v.method == VisitMethod::kManual ? "手入力" : "QR", v.needs_review ? "要確認" : ""});
  }
  http::Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"visits.csv\"");
  return r;
}

}  // namespace

Result<http::Response> GetRoster(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto roster = TRY(ctx.services->GetRoster(actor, req.path_params["id"], req.Query("date")));
  return http::Response::Json(200, RosterJson(roster, actor.time_zone));
}

Result<http::Response> ListVisits(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  service::VisitFilter f{req.Query("facility_id"), req.Query("child_id"), req.Query("from"), req.Query("to"),
                         req.Query("cursor"),      false,                TRY(PageLimit(req))};
  auto review = req.Query("needs_review");
  if (review && *review != "true" && *review != "false")
    return Fail(Error::InvalidField("needs_review", "must be true or false"));
  f.needs_review_only = review == "true";
  auto format = req.Query("format").value_or("json");
  if (format != "json" && format != "csv") return Fail(Error::InvalidField("format", "must be json or csv"));
  if (format == "csv") {
    f.limit = kCsvMaxRows;
    f.cursor.reset();
    auto page = TRY(ctx.services->ListVisits(actor, f));
    return VisitsCsv(page.items, TRY(ctx.services->ListFacilities(actor)), actor.time_zone);
  }
  auto page = TRY(ctx.services->ListVisits(actor, f));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : page.items) items.push_back(VisitJson(v, actor.time_zone));
  return http::Response::Json(200, ListJson(items, page.next_cursor));
}

Result<http::Response> CorrectVisit(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"in_at", "out_at", "reason"});
  auto in_at = in.PatchString("in_at");
  auto out_at = in.NullableString("out_at");
  std::string reason = in.RequiredString("reason");
  TRY_STATUS(errs.ToStatus());
  auto visit = TRY(ctx.services->CorrectVisit(actor, req.path_params["id"], in_at, out_at, reason));
  return http::Response::Json(200, {{"visit", VisitJson(visit, actor.time_zone)}});
}

}  // namespace tadaima::api
