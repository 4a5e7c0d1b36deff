// Attachment files in a directory: written whole, read back, missing ones named.
#include "store/attachment_files.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/ids.h"

namespace tadaima::store {
namespace {

namespace fs = std::filesystem;

class AttachmentFilesTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tadaima-attachments-" + NewId(1));
    ASSERT_TRUE(PrepareAttachmentDir((dir_ / "nested").string()));
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(AttachmentFilesTest, KeepsTheBytesUnderTheOrganizationAndReadsThemBack) {
  const std::string dir = (dir_ / "nested").string(), org = NewId(2), id = NewId(3);
  const std::string bytes("%PDF-1.7\n\0\xff binary", 19);
  ASSERT_TRUE(WriteAttachmentFile(dir, org, id, bytes));
  EXPECT_TRUE(fs::exists(fs::path(dir) / org / id));
  EXPECT_FALSE(fs::exists(fs::path(dir) / org / (id + ".part")));
  auto back = ReadAttachmentFile(dir, org, id);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, bytes);
}

TEST_F(AttachmentFilesTest, AMissingFileIsNotFoundAndPathsAreNeverTaken) {
  const std::string dir = (dir_ / "nested").string();
  auto missing = ReadAttachmentFile(dir, NewId(2), NewId(4));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(WriteAttachmentFile(dir, "..", NewId(5), "x"));
  EXPECT_FALSE(ReadAttachmentFile(dir, NewId(2), "../../etc/passwd"));
}

}  // namespace
}  // namespace tadaima::store
