// The monthly usage report (利用者実績表) as files: the same tables, a sheet per
// facility (and 合計 for several), written as XLSX (numbers as numbers, A4
// landscape, the title and header rows frozen), CSV (the blocks one after
// another) and PDF (A4 landscape, a page per table). The columns follow the
// facility's kind — by age band for drop-in rooms and nurseries, by school year
// with the minutes after closing (延長) for after-school clubs — as the
// organization chose them (MonthlyReportData::columns).
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "report/xlsx.h"
#include "rules/usage_stats.h"

namespace tadaima::report {

struct ReportTable {
  std::string name;   // the sheet's name
  std::string title;  // "ひまわり児童クラブ 利用者実績表 2027年6月"
  // The header row, then a row per day, 合計 and 開館日数; after-school clubs then a
  // blank row, the children's header and a row per child.
  std::vector<std::vector<XlsxCell>> rows;
  std::vector<double> widths;
};

// A cell as text: a number without decimals, a string as it is, blank for none.
std::string CellText(const XlsxCell& c);

// "2027年6月", or with the Japanese era "令和9年6月".
std::string MonthTitle(int year, int month, bool japanese_era);
std::vector<ReportTable> MonthlyReportTables(const MonthlyReportData& data, bool japanese_era);

Result<std::string> MonthlyReportXlsx(const MonthlyReportData& data, bool japanese_era);
// UTF-8 with a BOM; the caller may turn it into Windows-31J (report/encoding.h).
std::string MonthlyReportCsv(const MonthlyReportData& data, bool japanese_era, bool bom);
Result<std::string> MonthlyReportPdf(const MonthlyReportData& data, bool japanese_era);

}  // namespace tadaima::report
