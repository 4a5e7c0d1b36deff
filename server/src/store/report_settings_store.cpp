#include "store/report_settings_store.h"

#include <nlohmann/json.hpp>

namespace tadaima::store {
namespace {

constexpr db::Query kSelect{"select_report_columns", "SELECT columns FROM report_settings WHERE organization_id = $1"};
constexpr db::Query kPut{
    "put_report_columns",
    "INSERT INTO report_settings (organization_id, columns, updated_at) VALUES ($1, $2, $3)"
    " ON CONFLICT (organization_id) DO UPDATE SET columns = excluded.columns, updated_at = excluded.updated_at"};

}  // namespace

Result<std::optional<ReportColumns>> FindReportColumns(db::Tx& tx, const std::string& organization_id) {
  auto rs = TRY(tx.Exec(kSelect, {organization_id}));
  if (rs.empty()) return std::nullopt;
  auto j = nlohmann::json::parse(rs.rows[0].Text(0), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.contains("drop_in") || !j.contains("after_school"))
    return Fail(Error::Internal("stored report columns do not read back"));
  try {
    return ReportColumns{j.at("drop_in").get<std::vector<std::string>>(), j.at("after_school").get<std::vector<std::string>>()};
  } catch (const nlohmann::json::exception& e) {
    return Fail(Error::Internal(std::string("stored report columns do not read back: ") + e.what()));
  }
}

Status PutReportColumns(db::Tx& tx, const std::string& organization_id, const ReportColumns& columns, int64_t now) {
  const std::string text = nlohmann::json{{"drop_in", columns.drop_in}, {"after_school", columns.after_school}}.dump();
  TRY(tx.Exec(kPut, {organization_id, text, now}));
  return {};
}

}  // namespace tadaima::store
