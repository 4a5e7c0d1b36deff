#include "report/pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "report/qr.h"

namespace tadaima::report {

double PdfText(cairo_t* cr, const std::string& text, double x, double y, double width, const char* font) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, desc);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text(layout, text.c_str(), -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  pango_font_description_free(desc);
  g_object_unref(layout);
  return static_cast<double>(h) / PANGO_SCALE;
}

Status PdfQr(cairo_t* cr, const std::string& text, double x, double y, double side) {
  QrMatrix m = TRY(MakeQr(text));
  const double module = side / (m.size + 8), qx = x + 4 * module, qy = y + 4 * module;
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < m.size; ++row)
    for (int col = 0; col < m.size; ++col)
      if (m.at(col, row)) cairo_rectangle(cr, qx + col * module, qy + row * module, module, module);
  cairo_fill(cr);
  return {};
}

Result<std::string> RenderPdf(const std::string& title, double width, double height,
                              const std::function<Status(cairo_t*)>& draw) {
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      [](void* closure, const unsigned char* data, unsigned int n) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), n);
        return CAIRO_STATUS_SUCCESS;
      },
      &out, width, height);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_t* cr = cairo_create(surface);
  const Status status = draw(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t surface_status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  TRY_STATUS(status);
  if (surface_status != CAIRO_STATUS_SUCCESS) return Fail(Error::Internal("cannot make the PDF"));
  return out;
}

}  // namespace tadaima::report
