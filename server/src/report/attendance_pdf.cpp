#include "report/attendance_pdf.h"

#include "report/pdf.h"

namespace tadaima::report {
namespace {

constexpr double kLeft = 15 * kMm, kWidth = 180 * kMm, kBottom = kA4Height - 15 * kMm;
constexpr double kLine = 9 * kMm;
constexpr const char* kFont = "Noto Sans CJK JP 10";
constexpr const char* kBold = "Noto Sans CJK JP Bold 10";

struct Pen {
  cairo_t* cr;
  double y = 15 * kMm;
  // A new page when `height` no longer fits.
  void Room(double height) {
    if (y + height <= kBottom) return;
    cairo_show_page(cr);
    y = 15 * kMm;
  }
};

void Row(Pen& pen, const std::string& no, const AttendanceLine& l, bool tick, const char* font) {
  pen.Room(kLine);
  cairo_t* cr = pen.cr;
  const double cols[] = {kLeft, kLeft + 10 * kMm, kLeft + 60 * kMm, kLeft + 105 * kMm, kLeft + 130 * kMm};
  PdfText(cr, no, cols[0], pen.y + 2 * kMm, 9 * kMm, font);
  PdfText(cr, l.name, cols[1], pen.y + 2 * kMm, 48 * kMm, font);
  PdfText(cr, l.kana, cols[2], pen.y + 2 * kMm, 43 * kMm, font);
  PdfText(cr, l.age, cols[3], pen.y + 2 * kMm, 24 * kMm, font);
  PdfText(cr, l.family, cols[4], pen.y + 2 * kMm, 35 * kMm, font);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.4);
  if (tick) {
    cairo_rectangle(cr, kLeft + kWidth - 8 * kMm, pen.y + 1.5 * kMm, 6 * kMm, 6 * kMm);
    cairo_stroke(cr);
  }
  cairo_move_to(cr, kLeft, pen.y + kLine);
  cairo_line_to(cr, kLeft + kWidth, pen.y + kLine);
  cairo_stroke(cr);
  pen.y += kLine;
}

void Section(Pen& pen, const std::string& heading, const std::vector<AttendanceLine>& lines, bool tick) {
  pen.Room(3 * kLine);
  pen.y += PdfText(pen.cr, heading, kLeft, pen.y, kWidth, "Noto Sans CJK JP Bold 12") + 2 * kMm;
  Row(pen, "", {"名前", "ふりがな", "年齢", "世帯"}, false, kBold);
  if (lines.empty()) Row(pen, "", {"（なし）", "", "", ""}, false, kFont);
  for (size_t i = 0; i < lines.size(); ++i) Row(pen, std::to_string(i + 1), lines[i], tick, kFont);
  pen.y += 6 * kMm;
}

}  // namespace

Result<std::string> AttendancePdf(const AttendanceSheet& sheet) {
  return RenderPdf("出席簿 " + sheet.title, kA4Width, kA4Height, [&](cairo_t* cr) -> Status {
    Pen pen{cr};
    pen.y += PdfText(cr, "出席簿", kLeft, pen.y, kWidth, "Noto Sans CJK JP 9");
    pen.y += PdfText(cr, sheet.title, kLeft, pen.y, kWidth, "Noto Sans CJK JP Bold 16") + 2 * kMm;
    for (const auto& line : {sheet.when, sheet.where, sheet.seats})
      if (!line.empty()) pen.y += PdfText(cr, line, kLeft, pen.y, kWidth, kFont) + 1 * kMm;
    pen.y += 6 * kMm;
    Section(pen, "参加者", sheet.confirmed, true);
    if (!sheet.waitlisted.empty()) Section(pen, "キャンセル待ち", sheet.waitlisted, false);
    return {};
  });
}

}  // namespace tadaima::report
