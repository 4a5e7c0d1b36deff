#include "rules/validation.h"
#include "base/reasons.h"
#include "base/time.h"

#include <cstdint>
#include <vector>

namespace tadaima {
namespace {

// Decodes UTF-8; false when invalid.
bool Decode(std::string_view s, std::vector<char32_t>& out) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    char32_t cp = len == 1 ? c : c & (0xff >> (len + 1));
    for (int k = 1; k < len; ++k) {
      unsigned char cc = s[i + k];
      if ((cc >> 6) != 2) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    out.push_back(cp);
    i += len;
  }
  return true;
}

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }

}  // namespace

std::string TrimSpaces(std::string_view s) {
  auto starts_with_space = [](std::string_view v) {
    return (!v.empty() && (v[0] == ' ' || v[0] == '\t')) || v.substr(0, 3) == "\xe3\x80\x80";
  };
  auto ends_with_space = [](std::string_view v) {
    return (!v.empty() && (v.back() == ' ' || v.back() == '\t')) ||
           (v.size() >= 3 && v.substr(v.size() - 3) == "\xe3\x80\x80");
  };
  while (starts_with_space(s)) s.remove_prefix(s[0] == ' ' || s[0] == '\t' ? 1 : 3);
  while (ends_with_space(s)) s.remove_suffix(s.back() == ' ' || s.back() == '\t' ? 1 : 3);
  return std::string(s);
}

std::optional<std::string> NonBlank(const std::optional<std::string>& v) {
  if (!v) return std::nullopt;
  std::string t = TrimSpaces(*v);
  return t.empty() ? std::nullopt : std::optional(t);
}

long Utf8Length(std::string_view s) {
  std::vector<char32_t> cps;
  return Decode(s, cps) ? static_cast<long>(cps.size()) : -1;
}

MaybeProblem CheckText(std::string_view s, long max) {
  std::vector<char32_t> cps;
  if (!Decode(s, cps)) return reason::kInvalidUtf8;
  if (static_cast<long>(cps.size()) > max) return reason::TooLong(max);
  for (char32_t c : cps)
    if (c < 0x20 && c != '\n') return reason::kControlCharacters;
  return std::nullopt;
}

MaybeProblem CheckName(std::string_view s, long max) {
  std::string trimmed = TrimSpaces(s);
  if (trimmed.empty()) return reason::kEmpty;
  if (auto p = CheckText(trimmed, max)) return p;
  if (trimmed.find('\n') != std::string::npos) return reason::kMultiline;
  return std::nullopt;
}

MaybeProblem CheckKana(std::string_view s) {
  std::vector<char32_t> cps;
  if (!Decode(s, cps)) return reason::kInvalidUtf8;
  if (cps.size() > 100) return reason::TooLong(100);
  for (char32_t c : cps) {
    bool kana = (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c == 0x30fc ||
                c == 0x30fb || c == 0x309d || c == 0x309e || c == 0x30fd || c == 0x30fe || IsSpace(c);
    if (!kana) return reason::kNotKana;
  }
  return std::nullopt;
}

MaybeProblem CheckEmail(std::string_view s) {
  if (s.size() > 254) return reason::TooLong(254);
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos)
    return reason::kNotEmail;
  std::string_view domain = s.substr(at + 1);
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return reason::kNotEmail;
  for (char c : s)
    if (static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == ',' || c == ';')
      return reason::kNotEmail;
  return std::nullopt;
}

MaybeProblem CheckPhone(std::string_view s) {
  if (s.size() < 2 || s.size() > 20) return reason::LengthRange(2, 20);
  int digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != '+' && c != '-' && c != ' ' && c != '(' && c != ')')
      return reason::kPhoneCharacters;
  }
  if (digits < 2) return reason::kPhoneDigits;
  return std::nullopt;
}

MaybeProblem CheckLogin(std::string_view s) {
  if (s.size() < 3 || s.size() > 64) return reason::LengthRange(3, 64);
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
      return reason::kLoginCharacters;
  if (s[0] == '.' || s[0] == '_' || s[0] == '-') return reason::kLoginStart;
  return std::nullopt;
}

MaybeProblem CheckInstant(std::string_view s, std::optional<int64_t>& ms) {
  constexpr int64_t kFrom = 946'684'800'000;      // 2000-01-01T00:00:00Z
  constexpr int64_t kUntil = 32'503'680'000'000;  // 3000-01-01T00:00:00Z
  auto parsed = ParseInstant(s);
  if (!parsed) return reason::kNotInstant;
  if (*parsed < kFrom || *parsed >= kUntil) return reason::kInstantRange;
  ms = parsed;
  return std::nullopt;
}

MaybeProblem CheckNewPassword(std::string_view s) {
  long n = Utf8Length(s);
  if (n < 0) return reason::kInvalidUtf8;
  if (n < 8) return reason::TooShort(8);
  if (n > 200) return reason::TooLong(200);
  return std::nullopt;
}

}  // namespace tadaima
