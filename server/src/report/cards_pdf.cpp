#include "report/cards_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

#include "report/qr.h"

namespace tadaima::report {
namespace {

constexpr double kMm = 72.0 / 25.4;  // PDF points per millimetre
constexpr double kPageW = 210 * kMm, kPageH = 297 * kMm;
constexpr double kCardW = 85.6 * kMm, kCardH = 54 * kMm;
constexpr int kColumns = 2, kRows = 5;
constexpr double kMarginX = (kPageW - kColumns * kCardW) / 2, kMarginY = (kPageH - kRows * kCardH) / 2;

void Text(cairo_t* cr, const std::string& text, double x, double y, double width, const char* font) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, desc);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text(layout, text.c_str(), -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(desc);
  g_object_unref(layout);
}

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
  QrMatrix m = TRY(MakeQr(card.credential));
  const double qr_side = 44 * kMm, module = qr_side / (m.size + 8);
  const double qx = x + 4 * kMm + 4 * module, qy = y + (kCardH - qr_side) / 2 + 4 * module;
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < m.size; ++row)
    for (int col = 0; col < m.size; ++col)
      if (m.at(col, row)) cairo_rectangle(cr, qx + col * module, qy + row * module, module, module);
  cairo_fill(cr);
  // Names and places at the right.
  const double tx = x + 50 * kMm, tw = kCardW - 53 * kMm;
  Text(cr, "ただいま", tx, y + 4 * kMm, tw, "Noto Sans CJK JP 6");
  Text(cr, card.subtitle, tx, y + 10 * kMm, tw, "Noto Sans CJK JP 6.5");
  Text(cr, card.title, tx, y + 15 * kMm, tw, "Noto Sans CJK JP Bold 11");
  std::string places;
  for (const auto& p : card.places) places += (places.empty() ? "" : "\n") + p;
  Text(cr, places, tx, y + 36 * kMm, tw, "Noto Sans CJK JP 6.5");
  return {};
}

}  // namespace

Result<std::string> CardsPdf(const std::vector<CardFace>& cards) {
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      [](void* closure, const unsigned char* data, unsigned int n) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), n);
        return CAIRO_STATUS_SUCCESS;
      },
      &out, kPageW, kPageH);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "ただいま 二次元コードカード");
  cairo_t* cr = cairo_create(surface);
  Status status;
  if (cards.empty()) Text(cr, "印刷するカードはありません。", 20 * kMm, 20 * kMm, 170 * kMm, "Noto Sans CJK JP 12");
  for (size_t i = 0; i < cards.size() && status; ++i) {
    int slot = static_cast<int>(i % (kColumns * kRows));
    if (i > 0 && slot == 0) cairo_show_page(cr);
    status = DrawCard(cr, cards[i], kMarginX + (slot % kColumns) * kCardW, kMarginY + (slot / kColumns) * kCardH);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t surface_status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  TRY_STATUS(status);
  if (surface_status != CAIRO_STATUS_SUCCESS) return Fail(Error::Internal("cannot make the PDF"));
  return out;
}

}  // namespace tadaima::report
