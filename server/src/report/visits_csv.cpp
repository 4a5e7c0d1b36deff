#include "report/visits_csv.h"

#include "base/time.h"
#include "report/csv.h"

namespace tadaima::report {
namespace {

std::string LocalTime(int64_t ms, const std::string& tz) { return FormatInstant(ms, tz).substr(11, 5); }

}  // namespace

std::string VisitsCsv(const std::vector<Visit>& visits, const std::map<std::string, std::string>& facility_names,
                      const std::string& tz) {
  std::string body = kCsvBom;
  body += CsvRow({"日付", "施設", "児童", "入館", "退館", "お迎え", "方法", "要確認"});
  for (const auto& v : visits) {
    auto name = facility_names.find(v.facility_id);
    body += CsvRow({DateAt(v.in_at, tz).ToString(), name == facility_names.end() ? v.facility_id : name->second,
                    v.child_name, LocalTime(v.in_at, tz), v.out_at ? LocalTime(*v.out_at, tz) : "",
                    v.pickup_by.value_or(""), v.method == VisitMethod::kManual ? "手入力" : "QR",
                    v.needs_review ? "要確認" : ""});
  }
  return body;
}

}  // namespace tadaima::report
