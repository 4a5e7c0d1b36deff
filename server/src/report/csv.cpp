#include "report/csv.h"

#include <csv.h>

namespace tadaima::report {

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    // A leading = + - @ would make a spreadsheet run it as a formula.
    bool formula = !f.empty() && (f[0] == '=' || f[0] == '+' || f[0] == '-' || f[0] == '@');
    if (formula || f.find_first_of(",\"\r\n") != std::string::npos) {
      out += '"';
      if (formula) out += '\'';
      for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    } else {
      out += f;
    }
  }
  return out + "\r\n";
}

namespace {

struct Records {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
};

void OnField(void* field, size_t len, void* data) {
  static_cast<Records*>(data)->row.emplace_back(static_cast<const char*>(field), len);
}

void OnRecord(int, void* data) {
  auto* r = static_cast<Records*>(data);
  r->rows.push_back(std::move(r->row));
  r->row.clear();
}

}  // namespace

Result<std::vector<std::vector<std::string>>> ReadCsv(std::string_view text) {
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return Fail(Error::Internal("csv_init failed"));
  Records records;
  const size_t read = csv_parse(&parser, text.data(), text.size(), OnField, OnRecord, &records);
  const bool ok = read == text.size() && csv_fini(&parser, OnField, OnRecord, &records) == 0;
  const int error = csv_error(&parser);
  csv_free(&parser);
  if (!ok)
    return Fail(Error::InvalidArgument("the CSV file is malformed after record " + std::to_string(records.rows.size()) +
                                       ": " + csv_strerror(error)));
  return std::move(records.rows);
}

}  // namespace tadaima::report
