#include "rules/family_import.h"

#include <gtest/gtest.h>

namespace tadaima {
namespace {

TEST(FamilyImportTest, HeaderNamesInJapaneseOrEnglishAndWhatIsMissing) {
  std::vector<ImportProblem> problems;
  const auto keys = MapImportHeader({"世帯番号", "世帯名", "保護者氏名", "child_name", "生年月日", "備考", ""}, problems);
  EXPECT_EQ(keys, (std::vector<std::string>{"family_key", "family_name", "guardian_name", "child_name", "birth_date", "", ""}));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].column, "備考");
  EXPECT_EQ(problems[0].problem.reason, "unknown_column");

  problems.clear();
  MapImportHeader({"世帯名", "家族名", "児童氏名"}, problems);
  std::vector<std::string> reasons;
  for (const auto& p : problems) reasons.push_back(p.column + ":" + std::string(p.problem.reason));
  EXPECT_EQ(reasons, (std::vector<std::string>{"family_name:duplicate_column", "guardian_name:missing_column",
                                               "birth_date:missing_column"}));
}

TEST(FamilyImportTest, RowsGroupByFamilyKeyElseByNameAndPhoneDigits) {
  std::vector<ImportProblem> problems;
  const std::vector<std::string> keys{"family_key", "family_name", "phone", "child_name"};
  const std::vector<std::vector<std::string>> records{
      {"世帯番号", "世帯名", "電話番号", "児童氏名"},
      {"", "山田", "03-1234-5678", "太郎"},
      {"", "鈴木", "", "花"},
      {"", "山田", "０３１２３４５６７８", "次郎"},  // the same phone typed otherwise
      {"", "", "", ""},                                // an empty row is no row
      {"A1", "佐藤", "", "一"},
      {"A1", "佐藤（母方）", "", "二", "extra"},
  };
  const auto rows = ImportRows(records, keys, problems);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[3].row, 6);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].row, 7);
  EXPECT_EQ(problems[0].problem.reason, "too_many_cells");
  const auto groups = GroupImportFamilies(rows);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].size(), 2u);  // 山田: rows 2 and 4
  EXPECT_EQ(groups[0][1]->row, 4);
  EXPECT_EQ(groups[1].size(), 1u);
  EXPECT_EQ(groups[2].size(), 2u);  // A1, whatever the names say
}

TEST(FamilyImportTest, DatesAsSpreadsheetsWriteThem) {
  EXPECT_EQ(NormalizeImportDate("2019/4/2"), "2019-04-02");
  EXPECT_EQ(NormalizeImportDate("2019-04-02"), "2019-04-02");
  EXPECT_EQ(NormalizeImportDate("2019.12.31"), "2019-12-31");
  EXPECT_EQ(NormalizeImportDate("2019/4-2"), "2019/4-2");
  EXPECT_EQ(NormalizeImportDate("令和1年5月1日"), "令和1年5月1日");
  EXPECT_EQ(NormalizeImportDate("2019/4/2x"), "2019/4/2x");
}

}  // namespace
}  // namespace tadaima
