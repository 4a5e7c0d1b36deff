// CSV import of families and children (docs/import.md): the columns and the
// header names each goes by, the file's rows by column, and how rows make
// families. One row per child; rows of one family share its 世帯番号, or
// without one its name and phone. Pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/reasons.h"

namespace tadaima {

struct ImportColumn {
  std::string key;                 // family_name, child_name…
  std::vector<std::string> names;  // the header names it is known by (Japanese first)
  bool required = false;
};
const std::vector<ImportColumn>& ImportColumns();

// A problem of the file: its row (the header is row 1) and column key ("" for the whole row).
struct ImportProblem {
  int row = 0;
  std::string column;
  Problem problem;
};

// The column key of each header cell ("" for a cell left empty); an unknown name,
// a column given twice or a required column missing is a problem of row 1.
std::vector<std::string> MapImportHeader(const std::vector<std::string>& header, std::vector<ImportProblem>& problems);

struct ImportRow {
  int row = 0;  // the header is row 1
  std::map<std::string, std::string> values;  // by column key, trimmed, empty cells left out
  std::optional<std::string> Get(const std::string& key) const;
};
// The records after the header as rows; a record with more cells than the
// header is a problem (too_many_cells) of its row.
std::vector<ImportRow> ImportRows(const std::vector<std::vector<std::string>>& records,
                                  const std::vector<std::string>& keys, std::vector<ImportProblem>& problems);

// The rows of each family, in the order the families first appear.
std::vector<std::vector<const ImportRow*>> GroupImportFamilies(const std::vector<ImportRow>& rows);

// "2019/4/2", "2019-04-02", "2019.4.2" as "2019-04-02"; anything else unchanged
// (the date check names it).
std::string NormalizeImportDate(const std::string& text);

}  // namespace tadaima
