#include "rules/family_import.h"

#include <cstdio>
#include <set>

#include "rules/registration.h"
#include "rules/validation.h"

namespace tadaima {

const std::vector<ImportColumn>& ImportColumns() {
  static const std::vector<ImportColumn> kColumns{
      {"family_key", {"世帯番号", "世帯ID", "family_key"}, false},
      {"family_name", {"世帯名", "家族名", "family_name"}, true},
      {"address", {"住所", "address"}, false},
      {"phone", {"電話番号", "電話", "phone"}, false},
      {"guardian_name", {"保護者氏名", "保護者名", "guardian_name"}, true},
      {"guardian_name_kana", {"保護者ふりがな", "保護者フリガナ", "guardian_name_kana"}, false},
      {"relation", {"続柄", "relation"}, false},
      {"email", {"メールアドレス", "メール", "email"}, false},
      {"child_name", {"児童氏名", "児童名", "child_name"}, true},
      {"child_name_kana", {"児童ふりがな", "児童フリガナ", "ふりがな", "child_name_kana"}, false},
      {"birth_date", {"生年月日", "birth_date"}, true},
      {"facility", {"施設名", "施設", "facility"}, false},
  };
  return kColumns;
}

std::optional<std::string> ImportRow::Get(const std::string& key) const {
  auto it = values.find(key);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> MapImportHeader(const std::vector<std::string>& header, std::vector<ImportProblem>& problems) {
  std::vector<std::string> keys;
  std::set<std::string> seen;
  for (const auto& cell : header) {
    const std::string name = TrimSpaces(cell);
    std::string key;
    for (const auto& c : ImportColumns())
      for (const auto& n : c.names)
        if (n == name) key = c.key;
    if (!name.empty() && key.empty()) problems.push_back({1, name, reason::kUnknownColumn});
    if (!key.empty() && !seen.insert(key).second) problems.push_back({1, key, reason::kDuplicateColumn});
    keys.push_back(key);
  }
  for (const auto& c : ImportColumns())
    if (c.required && !seen.count(c.key)) problems.push_back({1, c.key, reason::kMissingColumn});
  return keys;
}

std::vector<ImportRow> ImportRows(const std::vector<std::vector<std::string>>& records,
                                  const std::vector<std::string>& keys, std::vector<ImportProblem>& problems) {
  std::vector<ImportRow> rows;
  for (size_t i = 1; i < records.size(); ++i) {
    ImportRow row;
    row.row = static_cast<int>(i) + 1;
    bool extra = false;
    for (size_t k = 0; k < records[i].size(); ++k) {
      std::string value = TrimSpaces(records[i][k]);
      if (value.empty()) continue;
      if (k >= keys.size()) extra = true;
      else if (!keys[k].empty()) row.values[keys[k]] = std::move(value);
    }
    if (extra) problems.push_back({row.row, "", reason::kTooManyCells});
    if (!row.values.empty()) rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::vector<const ImportRow*>> GroupImportFamilies(const std::vector<ImportRow>& rows) {
  std::vector<std::vector<const ImportRow*>> groups;
  std::map<std::string, size_t> index;
  for (const auto& r : rows) {
    const std::string key = r.Get("family_key") ? "key:" + *r.Get("family_key")
                                                : "name:" + r.Get("family_name").value_or("") + "|" +
                                                      PhoneDigits(r.Get("phone").value_or(""));
    auto [it, fresh] = index.emplace(key, groups.size());
    if (fresh) groups.emplace_back();
    groups[it->second].push_back(&r);
  }
  return groups;
}

std::string NormalizeImportDate(const std::string& text) {
  int y = 0, m = 0, d = 0;
  char s1 = 0, s2 = 0;
  int used = 0;
  if (std::sscanf(text.c_str(), "%4d%c%2d%c%2d%n", &y, &s1, &m, &s2, &d, &used) == 5 &&
      used == static_cast<int>(text.size()) && s1 == s2 && (s1 == '/' || s1 == '-' || s1 == '.')) {
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
    return out;
  }
  return text;
}

}  // namespace tadaima
