#include "report/qr.h"

#include <png.h>
#include <qrencode.h>

#include <memory>

namespace tadaima::report {
namespace {

constexpr int kQuiet = 4;

}  // namespace

Result<QrMatrix> MakeQr(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) return Fail(Error::Internal("cannot encode the QR code"));
  QrMatrix m;
  m.size = code->width;
  m.version = code->version;
  m.dark.resize(m.size * m.size);
  for (int i = 0; i < m.size * m.size; ++i) m.dark[i] = code->data[i] & 1;
  return m;
}

Result<std::string> QrPng(const std::string& text, int scale) {
  QrMatrix m = TRY(MakeQr(text));
  const int side = (m.size + 2 * kQuiet) * scale;
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) return Fail(Error::Internal("cannot make a PNG"));
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return Fail(Error::Internal("cannot make a PNG"));
  }
  png_set_write_fn(
      png, &out,
      [](png_structp p, png_bytep data, png_size_t n) {
        static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<char*>(data), n);
      },
      nullptr);
  png_set_IHDR(png, info, side, side, 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  std::vector<png_byte> row(side);
  for (int y = 0; y < side; ++y) {
    int my = y / scale - kQuiet;
    for (int x = 0; x < side; ++x) {
      int mx = x / scale - kQuiet;
      bool dark = mx >= 0 && my >= 0 && mx < m.size && my < m.size && m.at(mx, my);
      row[x] = dark ? 0 : 255;
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

Result<std::string> QrSvg(const std::string& text) {
  QrMatrix m = TRY(MakeQr(text));
  const int side = m.size + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x)
      if (m.at(x, y)) path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(side) + " " +
         std::to_string(side) + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
         "<path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
}

}  // namespace tadaima::report
