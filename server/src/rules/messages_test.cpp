#include "rules/messages.h"

#include <gtest/gtest.h>

#include <map>

namespace tadaima {
namespace {

// The reasons recorded, by field.
std::map<std::string, std::string> Reasons(const FieldErrors& errs) {
  std::map<std::string, std::string> out;
  if (auto status = errs.ToStatus(); !status)
    for (const auto& [field, problem] : status.error().fields) out[field] = problem.reason;
  return out;
}

TEST(MessagesTest, NormalizesLineEndsTabsAndTrailingSpace) {
  EXPECT_EQ(NormalizeMessageText("a\r\nb\rc\td  \n\n"), "a\nb\nc d");
  EXPECT_EQ(NormalizeMessageText("明日は\r\n休館です"), "明日は\n休館です");
  EXPECT_EQ(NormalizeMessageText(""), "");
}

TEST(MessagesTest, ChecksTitleAndBody) {
  FieldErrors ok;
  CheckMessageText("台風のため休館します", "本日は休館です。\nご注意ください。", ok);
  EXPECT_TRUE(ok.empty());

  FieldErrors empty;
  CheckMessageText("  ", "\u3000", empty);
  EXPECT_EQ(Reasons(empty), (std::map<std::string, std::string>{{"body", "empty"}, {"title", "empty"}}));

  FieldErrors bad;
  CheckMessageText("line\nbreak", std::string(kMessageBodyMax + 1, 'a'), bad);
  EXPECT_EQ(Reasons(bad), (std::map<std::string, std::string>{{"body", "too_long"}, {"title", "multiline"}}));

  FieldErrors longest;
  std::string body;
  for (long i = 0; i < kMessageBodyMax; ++i) body += "あ";
  CheckMessageText(std::string(kMessageTitleMax, 't'), body, longest);
  EXPECT_TRUE(longest.empty());

  FieldErrors control;
  CheckMessageText("t", "bell\x07", control);
  EXPECT_EQ(Reasons(control), (std::map<std::string, std::string>{{"body", "control_characters"}}));
}

TEST(MessagesTest, ParsesChannelsNamingTheUnknownOne) {
  FieldErrors errs;
  auto c = ParseChannels({"email", "inapp"}, "channels", errs);
  EXPECT_TRUE(errs.empty());
  EXPECT_FALSE(c.push);
  EXPECT_TRUE(c.email);
  EXPECT_TRUE(c.inapp);
  EXPECT_EQ(JoinChannels(c), "email,inapp");
  EXPECT_EQ(ChannelNames(SplitChannels("push,inapp")), (std::vector<std::string>{"push", "inapp"}));
  EXPECT_EQ(JoinChannels(SplitChannels(JoinChannels({true, true, true}))), "push,email,inapp");

  FieldErrors unknown;
  ParseChannels({"push", "fax"}, "channels", unknown);
  EXPECT_EQ(Reasons(unknown), (std::map<std::string, std::string>{{"channels[1]", "not_a_choice"}}));
  FieldErrors none;
  ParseChannels({}, "channels", none);
  EXPECT_EQ(Reasons(none), (std::map<std::string, std::string>{{"channels", "empty"}}));
}

TEST(MessagesTest, AttachesPdfPngAndJpegOnly) {
  EXPECT_EQ(AttachableType("application/pdf"), "application/pdf");
  EXPECT_EQ(AttachableType("Image/PNG; charset=binary"), "image/png");
  EXPECT_EQ(AttachableType("image/jpg"), "image/jpeg");
  EXPECT_EQ(AttachableType("text/html"), std::nullopt);
  EXPECT_EQ(AttachableType("image/svg+xml"), std::nullopt);
  EXPECT_EQ(AttachableType(""), std::nullopt);

  EXPECT_TRUE(BytesMatchType("%PDF-1.7\n...", "application/pdf"));
  EXPECT_TRUE(BytesMatchType(std::string("\x89PNG\r\n\x1a\n\0\0", 10), "image/png"));
  EXPECT_TRUE(BytesMatchType("\xff\xd8\xff\xe0", "image/jpeg"));
  EXPECT_FALSE(BytesMatchType("<html>", "application/pdf"));
  EXPECT_FALSE(BytesMatchType("%PDF-1.7", "image/png"));
  EXPECT_FALSE(BytesMatchType("", "image/jpeg"));
}

TEST(MessagesTest, AttachmentNamesAreFileNames) {
  EXPECT_EQ(CheckAttachmentName("ルームだより12月号.pdf"), std::nullopt);
  EXPECT_EQ(CheckAttachmentName("")->reason, "empty");
  EXPECT_EQ(CheckAttachmentName("../etc/passwd")->reason, "path_in_name");
  EXPECT_EQ(CheckAttachmentName("a\\b.pdf")->reason, "path_in_name");
  EXPECT_EQ(CheckAttachmentName("a\nb.pdf")->reason, "multiline");
  EXPECT_EQ(CheckAttachmentName(std::string(kAttachmentNameMax + 1, 'a'))->reason, "too_long");
}

TEST(MessagesTest, PreviewCutsAtACodePointAndJoinsLines) {
  EXPECT_EQ(NotificationPreview("本日は\n休館です"), "本日は 休館です");
  std::string exact;
  for (long i = 0; i < kNotificationPreviewMax; ++i) exact += "あ";
  EXPECT_EQ(NotificationPreview(exact), exact);
  EXPECT_EQ(NotificationPreview(exact + "い"), exact + "…");
  EXPECT_EQ(NotificationPreview(""), "");
}

TEST(MessagesTest, ThreadPostsHaveABodyWithinTheLimitAndAnOptionalSubject) {
  auto reasons = [](std::optional<std::string> subject, const std::string& body) {
    FieldErrors errs;
    CheckThreadText(subject, body, errs);
    return Reasons(errs);
  };
  using Map = std::map<std::string, std::string>;
  EXPECT_EQ(reasons(std::nullopt, "熱があります"), Map{});
  EXPECT_EQ(reasons(std::string("お迎え"), std::string(kThreadPostMax, 'a')), Map{});
  EXPECT_EQ(reasons(std::nullopt, "\u3000 "), (Map{{"body", "empty"}}));
  EXPECT_EQ(reasons(std::nullopt, std::string(kThreadPostMax + 1, 'a')), (Map{{"body", "too_long"}}));
  EXPECT_EQ(reasons(std::string("二行の\n件名"), "本文"), (Map{{"subject", "multiline"}}));
}

TEST(MessagesTest, AThreadWithoutSubjectIsNamedByTheStartOfItsFirstLine) {
  EXPECT_EQ(ThreadSubjectOf("  今日は17時半にお迎えに行きます\nよろしくお願いします"), "今日は17時半にお迎えに行きます");
  std::string line;
  for (long i = 0; i < kThreadSubjectFromBody + 5; ++i) line += "あ";
  std::string cut;
  for (long i = 0; i < kThreadSubjectFromBody; ++i) cut += "あ";
  EXPECT_EQ(ThreadSubjectOf(line), cut + "…");
}

}  // namespace
}  // namespace tadaima
