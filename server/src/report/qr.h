// QR codes of credentials: the module matrix (libqrencode, error correction
// level M) and its PNG and SVG images. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"

namespace tadaima::report {

struct QrMatrix {
  int size = 0;               // modules per side, without the quiet zone
  std::vector<bool> dark;     // size * size, row by row
  int version = 0;
  bool at(int x, int y) const { return dark[y * size + x]; }
};

Result<QrMatrix> MakeQr(const std::string& text);
// A black-on-white PNG, `scale` pixels per module, 4-module quiet zone.
Result<std::string> QrPng(const std::string& text, int scale = 8);
// An SVG with one path of the dark modules, 4-module quiet zone.
Result<std::string> QrSvg(const std::string& text);

}  // namespace tadaima::report
