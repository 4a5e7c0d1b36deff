#include "report/csv.h"

#include <gtest/gtest.h>

#include "report/encoding.h"

namespace tadaima::report {
namespace {

TEST(CsvTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvRow({"山田 太郎", "15:02"}), "山田 太郎,15:02\r\n");
  EXPECT_EQ(CsvRow({"a,b", "say \"hi\"", "x\ny"}), "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
  EXPECT_EQ(CsvRow({"=SUM(A1)"}), "\"'=SUM(A1)\"\r\n");
  EXPECT_EQ(CsvRow({}), "\r\n");
}

TEST(CsvTest, ReadsWhatSpreadsheetsWriteAndRefusesBrokenQuotes) {
  auto rows = ReadCsv("世帯名,児童氏名\r\n\"山田, 家\",\"太郎\n（長男）\"\r\n\r\n\"say \"\"hi\"\"\",\n");
  ASSERT_TRUE(rows.has_value());
  ASSERT_EQ(rows->size(), 3u);  // the blank line is no record
  EXPECT_EQ((*rows)[1], (std::vector<std::string>{"山田, 家", "太郎\n（長男）"}));
  EXPECT_EQ((*rows)[2], (std::vector<std::string>{"say \"hi\"", ""}));
  EXPECT_FALSE(ReadCsv("a,b\r\n\"open,c\r\n").has_value());
  EXPECT_FALSE(ReadCsv("a,\"b\"c\r\n").has_value());
}

TEST(CsvTest, SpreadsheetTextIsUtf8OrWindows31J) {
  EXPECT_EQ(SpreadsheetTextToUtf8("\xEF\xBB\xBF世帯名"), "世帯名");
  EXPECT_EQ(SpreadsheetTextToUtf8(ToWindows31J("山田 はなこ，①")), "山田 はなこ，①");
  EXPECT_EQ(SpreadsheetTextToUtf8("\xFF\xFE\x00\x81"), std::nullopt);
}

}  // namespace
}  // namespace tadaima::report
