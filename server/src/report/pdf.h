// What every PDF we print shares (cairo + pango, Noto Sans CJK): A4 in
// points, text laid out by pango, and the document written to memory.
#pragma once

#include <cairo.h>

#include <functional>
#include <string>

#include "base/error.h"

namespace tadaima::report {

inline constexpr double kMm = 72.0 / 25.4;  // PDF points per millimetre
inline constexpr double kA4Width = 210 * kMm, kA4Height = 297 * kMm;

// Draws `text` at (x, y) wrapped to `width` in `font` ("Noto Sans CJK JP 10");
// returns the height it took.
double PdfText(cairo_t* cr, const std::string& text, double x, double y, double width, const char* font);

// Draws the QR code of `text` in black, its 4-module quiet zone included, in
// the square of `side` at (x, y).
Status PdfQr(cairo_t* cr, const std::string& text, double x, double y, double side);

// A PDF of pages `width` × `height` titled `title`: `draw` draws them
// (cairo_show_page between pages). The bytes, or draw's error.
Result<std::string> RenderPdf(const std::string& title, double width, double height,
                              const std::function<Status(cairo_t*)>& draw);

}  // namespace tadaima::report
