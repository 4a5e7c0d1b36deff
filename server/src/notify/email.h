// E-mail messages: MIME text (RFC 5322, RFC 2045, RFC 2047) for one
// notification, plain text in UTF-8.
#pragma once

#include <cstdint>
#include <string>

namespace tadaima::notify {

struct MailMessage {
  std::string from, to;
  std::string subject;  // UTF-8
  std::string body;     // UTF-8, lines separated by \n
  std::string message_id;  // without angle brackets
  int64_t date_ms = 0;
  std::string time_zone = "UTC";  // of the Date header
};

// The whole message with CRLF line ends, ready for SMTP DATA.
std::string BuildMime(const MailMessage& m);

// An RFC 2047 encoded header value: ASCII text as is, otherwise UTF-8
// base64 encoded-words of at most 75 characters, never splitting a character.
std::string EncodeHeaderText(const std::string& utf8);

// RFC 5322 date-time in `time_zone`: "Sat, 21 Nov 2026 23:10:00 +0900".
std::string MailDate(int64_t ms, const std::string& time_zone);

}  // namespace tadaima::notify
