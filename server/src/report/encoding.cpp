#include "report/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

#include "rules/validation.h"

namespace tadaima::report {
namespace {

// The length of the UTF-8 sequence starting with byte `b` (1 for a stray byte).
size_t SequenceLength(unsigned char b) {
  if (b >= 0xF0) return 4;
  if (b >= 0xE0) return 3;
  if (b >= 0xC0) return 2;
  return 1;
}

// `text` from one encoding to another (iconv names). A character that cannot be
// converted becomes "?" when `question_marks` (one per UTF-8 sequence); otherwise
// the whole conversion fails.
std::optional<std::string> Convert(const char* from, const char* to, std::string_view text, bool question_marks) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error(std::string("iconv has no ") + from + " → " + to);
  std::string out;
  out.reserve(text.size() * 3 / 2);
  char buffer[256];
  char* in = const_cast<char*>(text.data());
  size_t in_left = text.size();
  bool ok = true;
  while (in_left > 0) {
    char* dst = buffer;
    size_t dst_left = sizeof buffer;
    const size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    out.append(buffer, dst - buffer);
    if (r != static_cast<size_t>(-1) || errno == E2BIG) continue;
    // EILSEQ (no such character, or not the source encoding) or EINVAL (cut short).
    if (!question_marks) {
      ok = false;
      break;
    }
    const size_t skip = std::min(in_left, SequenceLength(static_cast<unsigned char>(*in)));
    in += skip;
    in_left -= skip;
    out += '?';
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace

std::string ToWindows31J(std::string_view utf8) { return *Convert("UTF-8", "CP932", utf8, true); }

std::optional<std::string> SpreadsheetTextToUtf8(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (Utf8Length(bytes) >= 0) return std::string(bytes);
  return Convert("CP932", "UTF-8", bytes, false);
}

}  // namespace tadaima::report
