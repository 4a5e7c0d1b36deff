// Statistics and the monthly usage report: JSON, or the report as a file.
#include <fmt/format.h>

#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/field_errors.h"
#include "base/reasons.h"
#include "report/encoding.h"
#include "report/monthly_report.h"

namespace tadaima::api {
namespace {

service::StatsFilter FilterOf(const http::Request& req) {
  return {req.Query("facility_id"), req.Query("from"), req.Query("to"), req.Query("group_by")};
}

nlohmann::json CountsJson(const ReportCounts& c) {
  return {{"visits", c.visits},
          {"children", c.children},
          {"adults", c.adults},
          {"first_time_families", c.first_time_families},
          {"course_participants", c.course_participants},
          {"consultations", c.consultations},
          {"bands", c.bands},
          {"grades", c.grades},
          {"extension_minutes", c.extension_minutes}};
}

nlohmann::json ReportJson(const MonthlyReportData& data) {
  nlohmann::json facilities = nlohmann::json::array();
  for (const auto& f : data.facilities) {
    nlohmann::json days = nlohmann::json::array(), children = nlohmann::json::array();
    for (const auto& d : f.days) {
      nlohmann::json j = CountsJson(d.counts);
      j["date"] = d.date.ToString();
      j["open"] = d.open;
      days.push_back(std::move(j));
    }
    for (const auto& c : f.children)
      children.push_back({{"id", c.id},
                          {"name", c.name},
                          {"name_kana", OrNull(c.name_kana)},
                          {"grade", c.grade},
                          {"days", c.days},
                          {"extension_minutes", c.extension_minutes}});
    facilities.push_back({{"facility", {{"id", f.facility.id}, {"name", f.facility.name}, {"kind", FacilityKindName(f.facility.kind)}}},
                          {"open_days", f.open_days},
                          {"days", days},
                          {"totals", CountsJson(f.totals)},
                          {"children", children}});
  }
  nlohmann::json total = CountsJson(data.total);
  total["open_days"] = data.open_days;
  return {{"month", fmt::format("{:04}-{:02}", data.year, data.month)}, {"facilities", facilities}, {"total", total}};
}

}  // namespace

Result<http::Response> VisitStats(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto r = TRY(ctx.services->stats.VisitStats(actor, FilterOf(req)));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row : r.items)
    items.push_back({{"key", row.key},
                     {"visits", row.visits},
                     {"children", row.children},
                     {"adults", row.adults},
                     {"families", row.families},
                     {"first_time_families", row.first_time_families}});
  return http::Response::Json(200, {{"from", r.from.ToString()},
                                    {"to", r.to.ToString()},
                                    {"facility_id", OrNull(r.facility_id)},
                                    {"group_by", r.group_by},
                                    {"items", items},
                                    {"total",
                                     {{"visits", r.total.visits},
                                      {"children", r.total.children},
                                      {"adults", r.total.adults},
                                      {"families", r.total.families}}}});
}

Result<http::Response> PlanStats(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto r = TRY(ctx.services->stats.PlanStats(actor, FilterOf(req)));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : r.items)
    items.push_back({{"date", d.date.ToString()},
                     {"planned", d.planned},
                     {"arrived", d.arrived},
                     {"absent", d.absent},
                     {"not_arrived_alerts", d.not_arrived_alerts},
                     {"unplanned_arrivals", d.unplanned_arrivals}});
  return http::Response::Json(200, {{"from", r.from.ToString()},
                                    {"to", r.to.ToString()},
                                    {"facility_id", OrNull(r.facility_id)},
                                    {"items", items}});
}

Result<http::Response> MonthlyReport(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  FieldErrors errs;
  const auto format = req.Query("format");
  const auto era = req.Query("era");
  const auto encoding = req.Query("encoding");
  if (!format) errs.Add("format", reason::kRequired);
  else if (*format != "json" && *format != "xlsx" && *format != "pdf" && *format != "csv")
    errs.Add("format", reason::NotAChoice({"json", "xlsx", "pdf", "csv"}));
  if (era && *era != "western" && *era != "japanese") errs.Add("era", reason::NotAChoice({"western", "japanese"}));
  if (encoding && ((format && *format != "csv") || (*encoding != "utf-8" && *encoding != "shift_jis")))
    errs.Add("encoding", reason::NotAChoice({"utf-8", "shift_jis"}));
  TRY_STATUS(errs.ToStatus());
  const auto data = TRY(ctx.services->stats.MonthlyReport(actor, req.Query("facility_id"), req.Query("month")));
  if (*format == "json") return http::Response::Json(200, ReportJson(data));
  const bool japanese = era == std::string("japanese");
  const std::string name = fmt::format("tadaima-report-{:04}-{:02}", data.year, data.month);
  if (*format == "xlsx")
    return FileResponse(TRY(report::MonthlyReportXlsx(data, japanese)),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "attachment; filename=\"" + name + ".xlsx\"");
  if (*format == "pdf")
    return FileResponse(TRY(report::MonthlyReportPdf(data, japanese)), "application/pdf",
                        "attachment; filename=\"" + name + ".pdf\"");
  const bool sjis = encoding == std::string("shift_jis");
  std::string csv = report::MonthlyReportCsv(data, japanese, !sjis);
  if (sjis) csv = report::ToWindows31J(csv);
  return FileResponse(std::move(csv), sjis ? "text/csv; charset=Shift_JIS" : "text/csv; charset=utf-8",
                      "attachment; filename=\"" + name + (sjis ? "-sjis" : "") + ".csv\"");
}

namespace {

nlohmann::json ColumnsJson(const ReportColumns& columns) {
  auto choices = [](const std::vector<ReportColumn>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : list) out.push_back({{"key", c.key}, {"label", c.label}});
    return out;
  };
  const ReportColumns& d = DefaultReportColumns();
  return {{"columns", {{"drop_in", columns.drop_in}, {"after_school", columns.after_school}}},
          {"defaults", {{"drop_in", d.drop_in}, {"after_school", d.after_school}}},
          {"choices", {{"drop_in", choices(DropInColumnChoices())}, {"after_school", choices(AfterSchoolColumnChoices())}}}};
}

}  // namespace

Result<http::Response> GetReportColumns(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  return http::Response::Json(200, ColumnsJson(TRY(ctx.services->stats.GetReportColumns(actor))));
}

Result<http::Response> PutReportColumns(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"drop_in", "after_school"});
  auto drop_in = in.StringList("drop_in");
  auto after_school = in.StringList("after_school");
  TRY_STATUS(errs.ToStatus());
  return http::Response::Json(200, ColumnsJson(TRY(ctx.services->stats.SetReportColumns(actor, drop_in, after_school))));
}

}  // namespace tadaima::api
