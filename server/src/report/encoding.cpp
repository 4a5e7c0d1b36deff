#include "report/encoding.h"

#include <iconv.h>

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

}  // namespace

std::string ToWindows31J(std::string_view utf8) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv has no CP932");
  std::string out;
  out.reserve(utf8.size());
  char buffer[256];
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  while (in_left > 0) {
    char* dst = buffer;
    size_t dst_left = sizeof buffer;
    const size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    out.append(buffer, dst - buffer);
    if (r != static_cast<size_t>(-1) || errno == E2BIG) continue;
    // EILSEQ (no such character in CP932, or not UTF-8) or EINVAL (cut short): one "?" for the character.
    const size_t skip = std::min(in_left, SequenceLength(static_cast<unsigned char>(*in)));
    in += skip;
    in_left -= skip;
    out += '?';
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  iconv_close(cd);
  return out;
}

std::optional<std::string> SpreadsheetTextToUtf8(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (Utf8Length(bytes) >= 0) return std::string(bytes);
  iconv_t cd = iconv_open("UTF-8", "CP932");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv has no CP932");
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  char buffer[256];
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  bool ok = true;
  while (in_left > 0) {
    char* dst = buffer;
    size_t dst_left = sizeof buffer;
    const size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    out.append(buffer, dst - buffer);
    if (r != static_cast<size_t>(-1) || errno == E2BIG) continue;
    ok = false;  // neither UTF-8 nor Windows-31J
    break;
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace tadaima::report
