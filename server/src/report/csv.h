// CSV (RFC 4180) for spreadsheets: UTF-8 with a byte-order mark so that
// Excel reads Japanese correctly, CRLF line ends, fields quoted when needed;
// and the CSV files staff bring (read with libcsv).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace tadaima::report {

inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";

// One line of fields, ending with CRLF.
std::string CsvRow(const std::vector<std::string>& fields);

// The records of CSV text (RFC 4180, quotes strict; blank lines skipped), each a
// list of fields; a malformed file is invalid_argument naming the record.
Result<std::vector<std::vector<std::string>>> ReadCsv(std::string_view text);

}  // namespace tadaima::report
