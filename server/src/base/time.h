// Calendar dates, clock times and instants in an organization's time zone.
//
// Instants are int64 milliseconds since the Unix epoch everywhere in the
// server (and in the database); dates are civil dates without a zone.
// Time zones are IANA names read from the system's tz database.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tadaima {

struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  auto operator<=>(const CivilDate&) const = default;
  // "YYYY-MM-DD".
  std::string ToString() const;
  // Parses "YYYY-MM-DD"; nullopt unless it names a real date (no 2027-02-30).
  static std::optional<CivilDate> Parse(std::string_view text);
};

// Minutes since midnight of "HH:MM" (00:00..23:59); nullopt otherwise.
std::optional<int> ParseClockTime(std::string_view text);
std::string FormatClockTime(int minutes);

// True when `name` is a time zone the tz database knows.
bool IsKnownTimeZone(const std::string& name);

// The civil date at instant `ms` in `time_zone`. REQUIRES: IsKnownTimeZone.
CivilDate DateAt(int64_t ms, const std::string& time_zone);

// The instant of `minutes` past local midnight of `day` in `time_zone` (the
// earlier instant when the local time occurs twice, the next valid one when
// it is skipped). REQUIRES: IsKnownTimeZone(time_zone).
int64_t InstantAt(const CivilDate& day, int minutes, const std::string& time_zone);

// The day after `day`.
CivilDate NextDay(const CivilDate& day);
// `day` moved by `days` (negative: back).
CivilDate AddDays(const CivilDate& day, int days);
// The day of the week: 0 Sunday .. 6 Saturday.
int Weekday(const CivilDate& day);

// RFC 3339 with the zone's offset, seconds precision: 2026-11-21T15:04:05+09:00.
// REQUIRES: IsKnownTimeZone(time_zone).
std::string FormatInstant(int64_t ms, const std::string& time_zone);

// Parses RFC 3339 with an offset or Z (fractional seconds allowed).
std::optional<int64_t> ParseInstant(std::string_view text);

}  // namespace tadaima
