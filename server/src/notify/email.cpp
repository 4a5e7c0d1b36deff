#include "notify/email.h"

#include <date/date.h>
#include <date/tz.h>
#include <sodium.h>

#include <chrono>
#include <cstring>

namespace tadaima::notify {
namespace {

std::string Base64(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool PrintableAscii(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

// Length of the UTF-8 sequence starting with `lead`.
size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xe) return 3;
  if ((lead >> 3) == 0x1e) return 4;
  return 1;
}

// Header values never carry line breaks from data.
std::string OneLine(std::string s) {
  for (auto& c : s)
    if (c == '\r' || c == '\n') c = ' ';
  return s;
}

}  // namespace

std::string EncodeHeaderText(const std::string& utf8) {
  const std::string text = OneLine(utf8);
  if (PrintableAscii(text)) return text;
  // "=?UTF-8?B?" + base64 + "?=" within 75 characters: at most 45 bytes of text per word.
  constexpr size_t kMaxBytes = 45;
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = i;
    while (end < text.size()) {
      size_t next = end + SequenceLength(static_cast<unsigned char>(text[end]));
      if (next - i > kMaxBytes) break;
      end = next;
    }
    if (end == i) end = std::min(text.size(), i + 1);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string MailDate(int64_t ms, const std::string& time_zone) {
  using namespace std::chrono;
  const auto at = floor<seconds>(sys_time<milliseconds>(milliseconds(ms)));
  try {
    return date::format("%a, %d %b %Y %H:%M:%S %z", date::make_zoned(time_zone, at));
  } catch (const std::exception&) {
    return date::format("%a, %d %b %Y %H:%M:%S +0000", at);
  }
}

std::string BuildMime(const MailMessage& m) {
  std::string body;
  for (char c : m.body) {
    if (c == '\n') body += "\r\n";
    else if (c != '\r') body += c;
  }
  const std::string encoded = Base64(body);
  std::string out;
  out += "Date: " + MailDate(m.date_ms, m.time_zone) + "\r\n";
  out += "From: " + OneLine(m.from) + "\r\n";
  out += "To: " + OneLine(m.to) + "\r\n";
  out += "Subject: " + EncodeHeaderText(m.subject) + "\r\n";
  out += "Message-ID: <" + OneLine(m.message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  out += "\r\n";
  for (size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

}  // namespace tadaima::notify
