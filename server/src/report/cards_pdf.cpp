#include "report/cards_pdf.h"

#include "report/pdf.h"

namespace tadaima::report {
namespace {

constexpr double kPageW = kA4Width, kPageH = kA4Height;
constexpr double kCardW = 85.6 * kMm, kCardH = 54 * kMm;
constexpr int kColumns = 2, kRows = 5;
constexpr double kMarginX = (kPageW - kColumns * kCardW) / 2, kMarginY = (kPageH - kRows * kCardH) / 2;

// Short lines just outside each corner, where the scissors go.
void CutMarks(cairo_t* cr, double x, double y) {
  const double gap = 1.5 * kMm, len = 4 * kMm;
  cairo_set_line_width(cr, 0.3);
  cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
  for (double cx : {x, x + kCardW})
    for (double cy : {y, y + kCardH}) {
      double dx = cx == x ? -1 : 1, dy = cy == y ? -1 : 1;
      cairo_move_to(cr, cx + dx * gap, cy);
      cairo_line_to(cr, cx + dx * (gap + len), cy);
      cairo_move_to(cr, cx, cy + dy * gap);
      cairo_line_to(cr, cx, cy + dy * (gap + len));
    }
  cairo_stroke(cr);
}

Status DrawCard(cairo_t* cr, const CardFace& card, double x, double y) {
  CutMarks(cr, x, y);
  cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
  cairo_set_line_width(cr, 0.3);
  cairo_rectangle(cr, x, y, kCardW, kCardH);
  cairo_stroke(cr);
  // The QR at the left, 44 mm with its quiet zone.
  const double qr_side = 44 * kMm;
  TRY_STATUS(PdfQr(cr, card.credential, x + 4 * kMm, y + (kCardH - qr_side) / 2, qr_side));
  cairo_set_source_rgb(cr, 0, 0, 0);
  // Names and places at the right.
  const double tx = x + 50 * kMm, tw = kCardW - 53 * kMm;
  PdfText(cr, "ただいま", tx, y + 4 * kMm, tw, "Noto Sans CJK JP 6");
  PdfText(cr, card.subtitle, tx, y + 10 * kMm, tw, "Noto Sans CJK JP 6.5");
  PdfText(cr, card.title, tx, y + 15 * kMm, tw, "Noto Sans CJK JP Bold 11");
  std::string places;
  for (const auto& p : card.places) places += (places.empty() ? "" : "\n") + p;
  PdfText(cr, places, tx, y + 36 * kMm, tw, "Noto Sans CJK JP 6.5");
  return {};
}

}  // namespace

Result<std::string> CardsPdf(const std::vector<CardFace>& cards) {
  return RenderPdf("ただいま 二次元コードカード", kPageW, kPageH, [&](cairo_t* cr) -> Status {
    if (cards.empty()) PdfText(cr, "印刷するカードはありません。", 20 * kMm, 20 * kMm, 170 * kMm, "Noto Sans CJK JP 12");
    for (size_t i = 0; i < cards.size(); ++i) {
      int slot = static_cast<int>(i % (kColumns * kRows));
      if (i > 0 && slot == 0) cairo_show_page(cr);
      TRY_STATUS(DrawCard(cr, cards[i], kMarginX + (slot % kColumns) * kCardW, kMarginY + (slot / kColumns) * kCardH));
    }
    return {};
  });
}

}  // namespace tadaima::report
