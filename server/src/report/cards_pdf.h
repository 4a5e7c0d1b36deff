// Printable QR cards as PDF (cairo + pango, Noto Sans CJK): credit-card sized
// cards, ten to an A4 page, each with cut marks. A single card prints on A4
// the same way, so a home printer and scissors make it.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"

namespace tadaima::report {

struct CardFace {
  std::string title;                // the child's or family's name
  std::string subtitle;             // kana, or the children's names
  std::vector<std::string> places;  // facility names
  std::string credential;           // the QR's text
};

// The PDF bytes. An empty list gives one page saying there is nothing to print.
Result<std::string> CardsPdf(const std::vector<CardFace>& cards);

}  // namespace tadaima::report
