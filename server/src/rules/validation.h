// Validation of values people type: names, kana, e-mail addresses, phone
// numbers, logins, passwords. Each returns nullopt when the value is
// acceptable, otherwise the problem (a reason of base/reasons.h) for the
// error's `fields` map. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/error.h"

namespace tadaima {

using MaybeProblem = std::optional<Problem>;

// Leading and trailing ASCII and ideographic (U+3000) spaces removed.
std::string TrimSpaces(std::string_view s);

// nullopt for a missing, empty or all-space value; otherwise the value trimmed.
std::optional<std::string> NonBlank(const std::optional<std::string>& v);

// The number of Unicode code points of valid UTF-8; -1 when not valid UTF-8.
long Utf8Length(std::string_view s);

// A required name: 1..max code points after trimming, no control characters.
MaybeProblem CheckName(std::string_view s, long max = 100);
// Optional free text (address): valid UTF-8, at most `max` code points.
MaybeProblem CheckText(std::string_view s, long max);
// Hiragana, katakana, the long-vowel mark, middle dot and spaces only.
MaybeProblem CheckKana(std::string_view s);
MaybeProblem CheckEmail(std::string_view s);
// Digits with optional +, -, spaces and parentheses; 2..20 characters.
MaybeProblem CheckPhone(std::string_view s);
// 3..64 of [a-z0-9._-], starting with a letter or digit.
MaybeProblem CheckLogin(std::string_view s);
// 8..200 characters.
MaybeProblem CheckNewPassword(std::string_view s);

// A time a request sends: RFC 3339 (not_instant) in the years 2000 to 2999
// (instant_range: nothing Tadaima records lies outside them). Sets `ms` when
// acceptable.
MaybeProblem CheckInstant(std::string_view s, std::optional<int64_t>& ms);

}  // namespace tadaima
