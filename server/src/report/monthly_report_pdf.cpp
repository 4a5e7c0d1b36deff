// The monthly usage report as a PDF: A4 landscape, a page (or more) per table,
// the title on top and a grid of the rows; a table longer than a page goes on
// with its header row repeated.
#include <algorithm>

#include "report/monthly_report.h"
#include "report/pdf.h"

namespace tadaima::report {
namespace {

constexpr double kPageWidth = kA4Height, kPageHeight = kA4Width;  // landscape
// A month's 31 days, the header, 合計 and 開館日数 fit one page.
constexpr double kLeft = 10 * kMm, kTop = 8 * kMm, kWidth = kPageWidth - 20 * kMm, kBottom = kPageHeight - 8 * kMm;
constexpr double kRow = 4.6 * kMm, kPad = 0.4 * kMm, kFirstColumn = 24 * kMm;
constexpr const char* kFont = "Noto Sans CJK JP 6";
constexpr const char* kBold = "Noto Sans CJK JP Bold 6";

struct Pen {
  cairo_t* cr;
  double y = kTop;
};

void Line(Pen& pen, const std::vector<XlsxCell>& row, size_t columns, const char* font) {
  const double rest = columns > 1 ? (kWidth - kFirstColumn) / static_cast<double>(columns - 1) : 0;
  double height = kRow;  // a header that wraps (3歳以上未就学) makes its row taller
  for (size_t i = 0; i < row.size() && i < columns; ++i) {
    const double x = i == 0 ? kLeft : kLeft + kFirstColumn + rest * static_cast<double>(i - 1);
    const double h =
        PdfText(pen.cr, CellText(row[i]), x + 0.8 * kMm, pen.y + kPad, (i == 0 ? kFirstColumn : rest) - 1.6 * kMm, font);
    height = std::max(height, h + 2 * kPad);
  }
  cairo_set_source_rgb(pen.cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(pen.cr, 0.3);
  cairo_move_to(pen.cr, kLeft, pen.y + height);
  cairo_line_to(pen.cr, kLeft + kWidth, pen.y + height);
  cairo_stroke(pen.cr);
  cairo_set_source_rgb(pen.cr, 0, 0, 0);
  pen.y += height;
}

void Table(Pen& pen, const ReportTable& t) {
  pen.y = kTop;
  pen.y += PdfText(pen.cr, t.title, kLeft, pen.y, kWidth, "Noto Sans CJK JP Bold 11") + 1.5 * kMm;
  const std::vector<XlsxCell>* header = &t.rows.front();
  size_t columns = header->size();
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const auto& row = t.rows[i];
    if (row.empty()) {  // the children's block begins: its own header next
      header = i + 1 < t.rows.size() ? &t.rows[i + 1] : header;
      columns = header->size();
      pen.y += kRow;
      continue;
    }
    if (pen.y + kRow > kBottom) {
      cairo_show_page(pen.cr);
      pen.y = kTop;
      if (&row != header) Line(pen, *header, columns, kBold);
    }
    Line(pen, row, columns, &row == header ? kBold : kFont);
  }
}

}  // namespace

Result<std::string> MonthlyReportPdf(const MonthlyReportData& data, bool japanese_era) {
  const auto tables = MonthlyReportTables(data, japanese_era);
  const std::string title = "利用者実績表 " + MonthTitle(data.year, data.month, japanese_era);
  return RenderPdf(title, kPageWidth, kPageHeight, [&](cairo_t* cr) -> Status {
    Pen pen{cr};
    if (tables.empty()) PdfText(cr, title + "（施設がありません）", kLeft, kTop, kWidth, "Noto Sans CJK JP 12");
    for (size_t i = 0; i < tables.size(); ++i) {
      if (i > 0) cairo_show_page(cr);
      Table(pen, tables[i]);
    }
    return {};
  });
}

}  // namespace tadaima::report
