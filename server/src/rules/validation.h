// Validation of values people type: names, kana, e-mail addresses, phone
// numbers, logins, passwords. Each returns nullopt when the value is
// acceptable, otherwise the problem in a short English phrase for the
// error's `fields` map. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tadaima {

using Problem = std::optional<std::string>;

// Leading and trailing ASCII and ideographic (U+3000) spaces removed.
std::string TrimSpaces(std::string_view s);

// The number of Unicode code points of valid UTF-8; -1 when not valid UTF-8.
long Utf8Length(std::string_view s);

// A required name: 1..max code points after trimming, no control characters.
Problem CheckName(std::string_view s, long max = 100);
// Optional free text (address): valid UTF-8, at most `max` code points.
Problem CheckText(std::string_view s, long max);
// Hiragana, katakana, the long-vowel mark, middle dot and spaces only.
Problem CheckKana(std::string_view s);
Problem CheckEmail(std::string_view s);
// Digits with optional +, -, spaces and parentheses; 2..20 characters.
Problem CheckPhone(std::string_view s);
// 3..64 of [a-z0-9._-], starting with a letter or digit.
Problem CheckLogin(std::string_view s);
// 8..200 characters.
Problem CheckNewPassword(std::string_view s);

}  // namespace tadaima
