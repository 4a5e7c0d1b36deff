#include "report/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace tadaima::report {
namespace {

// A name Excel accepts, unique among `taken`.
std::string SheetName(const std::string& wanted, std::set<std::string>& taken) {
  std::string base;
  for (char c : wanted) base += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
  if (base.empty()) base = "Sheet";
  // 31 characters at most, counted in code points: cut at a code point boundary.
  auto cut = [](const std::string& s, size_t max_cp) {
    size_t cps = 0, i = 0;
    while (i < s.size() && cps < max_cp) {
      const unsigned char b = s[i];
      i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      ++cps;
    }
    return s.substr(0, std::min(i, s.size()));
  };
  std::string name = cut(base, 31);
  for (int n = 2; taken.count(name); ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    name = cut(base, 31 - suffix.size()) + suffix;
  }
  taken.insert(name);
  return name;
}

std::string TempPath() {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/tadaima-xlsx-XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return "";
  close(fd);
  return pattern;
}

}  // namespace

Result<std::string> WriteXlsx(const std::vector<XlsxSheet>& sheets) {
  const std::string path = TempPath();
  if (path.empty()) return Fail(Error::Internal("xlsx: no temporary file"));
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) {
    std::filesystem::remove(path);
    return Fail(Error::Internal("xlsx: cannot create the workbook"));
  }
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xEEEEEE);
  std::set<std::string> taken;
  for (const auto& sheet : sheets) {
    const std::string name = SheetName(sheet.name, taken);
    lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
    worksheet_set_paper(ws, 9);  // A4
    if (sheet.landscape) worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    if (sheet.header_rows > 0) {
      worksheet_freeze_panes(ws, sheet.header_rows, 0);
      worksheet_repeat_rows(ws, 0, sheet.header_rows - 1);
    }
    for (size_t c = 0; c < sheet.widths.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), sheet.widths[c], nullptr);
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      lxw_format* f = static_cast<int>(r) < sheet.header_rows ? bold : nullptr;
      for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const auto& cell = sheet.rows[r][c];
        const auto row = static_cast<lxw_row_t>(r);
        const auto col = static_cast<lxw_col_t>(c);
        if (const auto* s = std::get_if<std::string>(&cell)) worksheet_write_string(ws, row, col, s->c_str(), f);
        else if (const auto* d = std::get_if<double>(&cell)) worksheet_write_number(ws, row, col, *d, f);
        else if (f) worksheet_write_blank(ws, row, col, f);
      }
    }
  }
  const lxw_error closed = workbook_close(book);
  std::string bytes;
  if (closed == LXW_NO_ERROR) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    bytes = s.str();
  }
  std::filesystem::remove(path);
  if (closed != LXW_NO_ERROR) return Fail(Error::Internal(std::string("xlsx: ") + lxw_strerror(closed)));
  return bytes;
}

}  // namespace tadaima::report
