#include "report/monthly_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/csv.h"

namespace tadaima::report {
namespace {

const char* const kWeekdays[] = {"日", "月", "火", "水", "木", "金", "土"};

std::string DayLabel(const CivilDate& d) { return fmt::format("{}/{}（{}）", d.month, d.day, kWeekdays[Weekday(d)]); }

XlsxCell Num(int64_t n) { return static_cast<double>(n); }

bool ByGrade(const Facility& f) { return f.kind == FacilityKind::kAfterSchool; }

// The figures a table shows: the organization's choice for the facility's kind; the
// organization's total also shows the minutes after closing (延長) of its clubs.
std::vector<std::string> ColumnsOf(const ReportColumns& columns, bool by_grade, bool total) {
  if (by_grade && !total) return columns.after_school;
  std::vector<std::string> keys = columns.drop_in;
  if (total && std::find(keys.begin(), keys.end(), "extension_minutes") == keys.end()) keys.push_back("extension_minutes");
  return keys;
}

std::vector<XlsxCell> Header(const std::vector<std::string>& keys, bool by_grade, bool total) {
  std::vector<XlsxCell> h{std::string("日付")};
  for (const auto& k : keys) h.emplace_back(ReportColumnLabel(k, by_grade && !total));
  if (!total) h.emplace_back(std::string("備考"));
  return h;
}

std::vector<XlsxCell> Counts(XlsxCell label, const ReportCounts& c, const std::vector<std::string>& keys) {
  std::vector<XlsxCell> row{std::move(label)};
  for (const auto& k : keys) row.push_back(Num(ReportColumnValue(c, k)));
  return row;
}

ReportTable FacilityTable(const FacilityReport& r, const std::string& month, const ReportColumns& columns) {
  const bool by_grade = ByGrade(r.facility);
  const auto keys = ColumnsOf(columns, by_grade, false);
  ReportTable t{r.facility.name, r.facility.name + " 利用者実績表 " + month, {Header(keys, by_grade, false)}, {12}};
  for (const auto& d : r.days) {
    auto row = Counts(DayLabel(d.date), d.counts, keys);
    row.emplace_back(d.open ? std::string() : std::string("休館"));
    t.rows.push_back(std::move(row));
  }
  auto sum = Counts(std::string("合計"), r.totals, keys);
  sum.emplace_back(std::string());
  t.rows.push_back(std::move(sum));
  t.rows.push_back({std::string("開館日数"), Num(r.open_days)});
  if (by_grade) {
    t.rows.push_back({});
    t.rows.push_back({std::string("児童"), std::string("学年"), std::string("日数"), std::string("延長(分)")});
    for (const auto& c : r.children) t.rows.push_back({c.name, c.grade, Num(c.days), Num(c.extension_minutes)});
  }
  return t;
}

ReportTable TotalTable(const MonthlyReportData& data, const std::string& month) {
  const auto keys = ColumnsOf(data.columns, false, true);
  ReportTable t{"合計", "全施設 利用者実績表 " + month, {Header(keys, false, true)}, {12}};
  const auto& first = data.facilities.front();
  for (size_t i = 0; i < first.days.size(); ++i) {
    ReportCounts day;
    for (const auto& f : data.facilities) day.Add(f.days[i].counts);
    t.rows.push_back(Counts(DayLabel(first.days[i].date), day, keys));
  }
  t.rows.push_back(Counts(std::string("合計"), data.total, keys));
  t.rows.push_back({std::string("開館日数"), Num(data.open_days)});
  return t;
}

}  // namespace

std::string CellText(const XlsxCell& c) {
  if (auto s = std::get_if<std::string>(&c)) return *s;
  if (auto n = std::get_if<double>(&c)) return fmt::format("{}", static_cast<int64_t>(*n));
  return "";
}

std::string MonthTitle(int year, int month, bool japanese_era) {
  if (!japanese_era || year < 2019) return fmt::format("{}年{}月", year, month);
  const int reiwa = year - 2018;
  return (reiwa == 1 ? std::string("令和元年") : fmt::format("令和{}年", reiwa)) + fmt::format("{}月", month);
}

std::vector<ReportTable> MonthlyReportTables(const MonthlyReportData& data, bool japanese_era) {
  const std::string month = MonthTitle(data.year, data.month, japanese_era);
  std::vector<ReportTable> out;
  for (const auto& f : data.facilities) out.push_back(FacilityTable(f, month, data.columns));
  if (data.facilities.size() > 1) out.push_back(TotalTable(data, month));
  return out;
}

Result<std::string> MonthlyReportXlsx(const MonthlyReportData& data, bool japanese_era) {
  std::vector<XlsxSheet> sheets;
  for (auto& t : MonthlyReportTables(data, japanese_era)) {
    XlsxSheet s{t.name, {{t.title}}, 2, true, t.widths};
    for (auto& row : t.rows) s.rows.push_back(std::move(row));
    sheets.push_back(std::move(s));
  }
  if (sheets.empty()) sheets.push_back({"利用者実績表", {{std::string("施設がありません")}}, 1, true, {}});
  return WriteXlsx(sheets);
}

std::string MonthlyReportCsv(const MonthlyReportData& data, bool japanese_era, bool bom) {
  std::string out = bom ? kCsvBom : "";
  bool first = true;
  for (const auto& t : MonthlyReportTables(data, japanese_era)) {
    if (!first) out += CsvRow({});
    first = false;
    out += CsvRow({t.title});
    for (const auto& row : t.rows) {
      std::vector<std::string> fields;
      for (const auto& c : row) fields.push_back(CellText(c));
      out += CsvRow(fields);
    }
  }
  return out;
}

}  // namespace tadaima::report
