#include "report/csv.h"

#include <gtest/gtest.h>

namespace tadaima::report {
namespace {

TEST(CsvTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvRow({"山田 太郎", "15:02"}), "山田 太郎,15:02\r\n");
  EXPECT_EQ(CsvRow({"a,b", "say \"hi\"", "x\ny"}), "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
  EXPECT_EQ(CsvRow({"=SUM(A1)"}), "\"'=SUM(A1)\"\r\n");
  EXPECT_EQ(CsvRow({}), "\r\n");
}

}  // namespace
}  // namespace tadaima::report
