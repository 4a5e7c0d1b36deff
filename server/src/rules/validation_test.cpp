#include "rules/validation.h"

#include <gtest/gtest.h>

#include "rules/search_text.h"

namespace tadaima {
namespace {

TEST(ValidationTest, Names) {
  EXPECT_FALSE(CheckName("山田 太郎"));
  EXPECT_TRUE(CheckName("   "));
  EXPECT_TRUE(CheckName("\xe3\x80\x80"));  // only an ideographic space
  EXPECT_TRUE(CheckName(std::string(101, 'a')));
  EXPECT_FALSE(CheckName(std::string(100, 'a')));
  EXPECT_TRUE(CheckName("a\x01b"));
  EXPECT_TRUE(CheckName("\xff\xfe"));
  EXPECT_EQ(TrimSpaces("\xe3\x80\x80 山田 "), "山田");
}

TEST(ValidationTest, Kana) {
  EXPECT_FALSE(CheckKana("やまだ たろう"));
  EXPECT_FALSE(CheckKana("ヤマダ・タロウ"));
  EXPECT_FALSE(CheckKana("ゆーり"));
  EXPECT_TRUE(CheckKana("山田"));
  EXPECT_TRUE(CheckKana("yamada"));
}

TEST(ValidationTest, EmailPhoneLoginPassword) {
  EXPECT_FALSE(CheckEmail("hanako@example.jp"));
  EXPECT_TRUE(CheckEmail("hanako@"));
  EXPECT_TRUE(CheckEmail("hanako.example.jp"));
  EXPECT_TRUE(CheckEmail("a b@example.jp"));
  EXPECT_FALSE(CheckPhone("026-224-5000"));
  EXPECT_FALSE(CheckPhone("+81 (26) 224 5000"));
  EXPECT_TRUE(CheckPhone("call me"));
  EXPECT_FALSE(CheckLogin("staff.sato"));
  EXPECT_TRUE(CheckLogin("Sato"));
  EXPECT_TRUE(CheckLogin("ab"));
  EXPECT_TRUE(CheckLogin("-ab"));
  EXPECT_FALSE(CheckNewPassword("correct horse"));
  EXPECT_TRUE(CheckNewPassword("short"));
}

TEST(SearchTextTest, FoldsKanaCaseAndSpaces) {
  EXPECT_EQ(NormalizeForSearch("ヤマダ タロウ"), NormalizeForSearch("やまだたろう"));
  EXPECT_EQ(NormalizeForSearch("Sato\xe3\x80\x80Ken"), "satoken");
  EXPECT_EQ(NormalizeForSearch("山田"), "山田");
}

}  // namespace
}  // namespace tadaima
