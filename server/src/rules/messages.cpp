#include "rules/messages.h"

#include <algorithm>
#include <cctype>

#include "base/reasons.h"

namespace tadaima {
namespace {

constexpr const char* kChannels[] = {"push", "email", "inapp"};

bool* ChannelFlag(MessageChannels& c, std::string_view name) {
  if (name == "push") return &c.push;
  if (name == "email") return &c.email;
  if (name == "inapp") return &c.inapp;
  return nullptr;
}

// The length of the UTF-8 sequence starting with byte `b` (1 for a stray byte).
size_t SequenceLength(unsigned char b) {
  if (b >= 0xf0) return 4;
  if (b >= 0xe0) return 3;
  if (b >= 0xc0) return 2;
  return 1;
}

}  // namespace

std::string NormalizeMessageText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (s[i] == '\t') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

void CheckMessageText(const std::string& title, const std::string& body, FieldErrors& errs) {
  errs.Check("title", CheckName(title, kMessageTitleMax));
  if (TrimSpaces(body).empty()) errs.Add("body", reason::kEmpty);
  else errs.Check("body", CheckText(body, kMessageBodyMax));
}

MessageChannels ParseChannels(const std::vector<std::string>& names, const std::string& field, FieldErrors& errs) {
  MessageChannels c;
  if (names.empty()) errs.Add(field, reason::kEmpty);
  for (size_t i = 0; i < names.size(); ++i) {
    if (bool* flag = ChannelFlag(c, names[i])) *flag = true;
    else errs.Add(field + "[" + std::to_string(i) + "]", reason::NotAChoice({"push", "email", "inapp"}));
  }
  return c;
}

std::vector<std::string> ChannelNames(const MessageChannels& c) {
  std::vector<std::string> out;
  MessageChannels copy = c;
  for (const char* name : kChannels)
    if (*ChannelFlag(copy, name)) out.push_back(name);
  return out;
}

std::string JoinChannels(const MessageChannels& c) {
  std::string out;
  for (const auto& name : ChannelNames(c)) out += (out.empty() ? "" : ",") + name;
  return out;
}

MessageChannels SplitChannels(std::string_view stored) {
  MessageChannels c;
  size_t start = 0;
  while (start <= stored.size()) {
    size_t end = stored.find(',', start);
    if (end == std::string_view::npos) end = stored.size();
    if (bool* flag = ChannelFlag(c, stored.substr(start, end - start))) *flag = true;
    start = end + 1;
  }
  return c;
}

std::optional<std::string> AttachableType(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  type = TrimSpaces(type);
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (type == "image/jpg") type = "image/jpeg";
  if (type == "application/pdf" || type == "image/png" || type == "image/jpeg") return type;
  return std::nullopt;
}

bool BytesMatchType(std::string_view bytes, const std::string& content_type) {
  if (content_type == "application/pdf") return bytes.substr(0, 5) == "%PDF-";
  if (content_type == "image/png") return bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8);
  if (content_type == "image/jpeg") return bytes.substr(0, 3) == std::string_view("\xff\xd8\xff", 3);
  return false;
}

MaybeProblem CheckAttachmentName(std::string_view name) {
  if (auto p = CheckName(name, kAttachmentNameMax)) return p;
  if (name.find('/') != std::string_view::npos || name.find('\\') != std::string_view::npos)
    return reason::kPathInName;
  return std::nullopt;
}

std::string TextPreview(std::string_view text, long max) {
  std::string out;
  long count = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t n = std::min(SequenceLength(static_cast<unsigned char>(text[i])), text.size() - i);
    if (count == max) return out + "…";
    if (text[i] == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out.append(text.substr(i, n));
    }
    ++count;
    i += n;
  }
  return out;
}

void CheckThreadText(const std::optional<std::string>& subject, const std::string& body, FieldErrors& errs) {
  if (subject) errs.Check("subject", CheckName(*subject, kThreadSubjectMax));
  if (TrimSpaces(body).empty()) errs.Add("body", reason::kEmpty);
  else errs.Check("body", CheckText(body, kThreadPostMax));
}

std::string ThreadSubjectOf(std::string_view body) {
  const std::string_view first = body.substr(0, body.find('\n'));
  return TextPreview(TrimSpaces(std::string(first)), kThreadSubjectFromBody);
}

}  // namespace tadaima
