// Workbooks (.xlsx) written with libxlsxwriter from plain tables: every cell a
// value (numbers as numbers), the header rows bold and frozen, A4 pages.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "base/error.h"

namespace tadaima::report {

using XlsxCell = std::variant<std::monostate, std::string, double>;

struct XlsxSheet {
  std::string name;  // made safe and unique for Excel (31 characters, no []:*?/\)
  std::vector<std::vector<XlsxCell>> rows;
  int header_rows = 1;          // bold, frozen, repeated on every printed page
  bool landscape = false;
  std::vector<double> widths;   // characters per column, from the first; others default
};

// The workbook's bytes; internal when the library fails.
Result<std::string> WriteXlsx(const std::vector<XlsxSheet>& sheets);

}  // namespace tadaima::report
