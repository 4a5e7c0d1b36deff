#include "report/csv.h"

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

}  // namespace tadaima::report
