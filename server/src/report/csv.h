// CSV (RFC 4180) for spreadsheets: UTF-8 with a byte-order mark so that
// Excel reads Japanese correctly, CRLF line ends, fields quoted when needed.
#pragma once

#include <string>
#include <vector>

namespace tadaima::report {

inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";

// One line of fields, ending with CRLF.
std::string CsvRow(const std::vector<std::string>& fields);

}  // namespace tadaima::report
