// Importing families from a CSV file: the dry run, the import and its progress.
#include "api/api.h"
#include "api/dto.h"
#include "base/reasons.h"

namespace tadaima::api {
namespace {

nlohmann::json ProblemJson(int row, const std::string& column, const Problem& p) {
  return {{"row", row}, {"column", column.empty() ? nlohmann::json(nullptr) : nlohmann::json(column)},
          {"reason", p.reason}, {"message", p.text}, {"params", p.params}};
}

nlohmann::json ReportJson(const service::ImportReport& r) {
  nlohmann::json items = nlohmann::json::array(), file = nlohmann::json::array();
  for (const auto& p : r.file_problems) file.push_back(ProblemJson(p.row, p.column, p.problem));
  for (const auto& i : r.items) {
    nlohmann::json problems = nlohmann::json::array(), duplicates = nlohmann::json::array();
    for (const auto& [column, p] : i.problems) problems.push_back(ProblemJson(i.row, column, p));
    for (const auto& d : i.duplicates)
      duplicates.push_back({{"family_id", OrNull(d.family_id)},
                            {"row", d.registration_id ? nlohmann::json(std::stoi(d.registration_id->substr(4))) : nullptr},
                            {"family_name", d.family_name},
                            {"why", d.why}});
    items.push_back({{"row", i.row}, {"family_name", i.family_name}, {"child_name", i.child_name}, {"action", i.action},
                     {"problems", problems}, {"duplicates", duplicates}});
  }
  return {{"encoding", r.encoding}, {"rows", r.rows}, {"families", r.families}, {"children", r.children},
          {"duplicate_families", r.duplicate_families}, {"errors", r.errors}, {"ok", r.ok()},
          {"file_problems", file}, {"items", items}};
}

nlohmann::json JobJson(const service::ImportJob& j, const std::string& time_zone) {
  return {{"id", j.id},
          {"status", j.status},
          {"total", j.total},
          {"done", j.done},
          {"started_at", FormatInstant(j.started_at, time_zone)},
          {"finished_at", InstantOrNull(j.finished_at, time_zone)},
          {"error", j.error ? nlohmann::json{{"reason", j.error->reason}, {"message", j.error->message}} : nlohmann::json(nullptr)},
          {"report", ReportJson(j.report)}};
}

}  // namespace

Result<http::Response> ImportFamilies(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  const auto dry_run = req.Query("dry_run");
  if (dry_run && *dry_run != "true" && *dry_run != "false")
    return Fail(Error::InvalidField("dry_run", reason::NotAChoice({"true", "false"})));
  if (dry_run == "true") {
    auto report = TRY(ctx.services->family_imports.DryRun(actor, req.body));
    return http::Response::Json(200, {{"report", ReportJson(report)}});
  }
  auto job = TRY(ctx.services->family_imports.Start(actor, req.body));
  return http::Response::Json(202, {{"import", JobJson(job, actor.time_zone)}});
}

Result<http::Response> GetImport(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto job = TRY(ctx.services->family_imports.Get(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"import", JobJson(job, actor.time_zone)}});
}

}  // namespace tadaima::api
