#include "base/time.h"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <charconv>
#include <chrono>

namespace tadaima {
namespace {

bool ParseInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc();
}

const date::time_zone* FindZone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace

std::string CivilDate::ToString() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::optional<CivilDate> CivilDate::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  CivilDate d;
  if (!ParseInt(text.substr(0, 4), d.year) || !ParseInt(text.substr(5, 2), d.month) ||
      !ParseInt(text.substr(8, 2), d.day))
    return std::nullopt;
  date::year_month_day ymd{date::year{d.year}, date::month(d.month), date::day(d.day)};
  if (!ymd.ok()) return std::nullopt;
  return d;
}

std::optional<int> ParseClockTime(std::string_view text) {
  int h = 0, m = 0;
  if (text.size() != 5 || text[2] != ':' || !ParseInt(text.substr(0, 2), h) ||
      !ParseInt(text.substr(3, 2), m) || h > 23 || m > 59)
    return std::nullopt;
  return h * 60 + m;
}

std::string FormatClockTime(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

bool IsKnownTimeZone(const std::string& name) { return FindZone(name) != nullptr; }

CivilDate DateAt(int64_t ms, const std::string& time_zone) {
  using namespace std::chrono;
  date::zoned_time zt{FindZone(time_zone), sys_time<milliseconds>{milliseconds{ms}}};
  auto day = date::floor<date::days>(zt.get_local_time());
  date::year_month_day ymd{day};
  return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

int64_t InstantAt(const CivilDate& day, int minutes, const std::string& time_zone) {
  using namespace std::chrono;
  auto local = date::local_days{date::year{day.year} / day.month / day.day} + std::chrono::minutes{minutes};
  auto info = FindZone(time_zone)->get_info(local);
  sys_seconds at = info.result == date::local_info::nonexistent
                       ? info.first.end
                       : sys_seconds{local.time_since_epoch() - info.first.offset};
  return duration_cast<milliseconds>(at.time_since_epoch()).count();
}

CivilDate NextDay(const CivilDate& day) { return AddDays(day, 1); }

CivilDate AddDays(const CivilDate& day, int days) {
  date::year_month_day next{date::sys_days{date::year{day.year} / day.month / day.day} + date::days{days}};
  return {int(next.year()), int(unsigned(next.month())), int(unsigned(next.day()))};
}

int Weekday(const CivilDate& day) {
  return static_cast<int>(date::weekday{date::sys_days{date::year{day.year} / day.month / day.day}}.c_encoding());
}

std::string FormatInstant(int64_t ms, const std::string& time_zone) {
  using namespace std::chrono;
  date::zoned_time zt{FindZone(time_zone), sys_time<seconds>{seconds{ms >= 0 ? ms / 1000 : (ms - 999) / 1000}}};
  auto info = zt.get_info();
  auto offset_min = duration_cast<minutes>(info.offset).count();
  char sign = offset_min < 0 ? '-' : '+';
  offset_min = offset_min < 0 ? -offset_min : offset_min;
  return date::format("%Y-%m-%dT%H:%M:%S", zt.get_local_time()) +
         fmt::format("{}{:02}:{:02}", sign, offset_min / 60, offset_min % 60);
}

std::optional<int64_t> ParseInstant(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)
  if (text.size() < 20) return std::nullopt;
  auto day = CivilDate::Parse(text.substr(0, 10));
  if (!day || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) return std::nullopt;
  int h, mi, s;
  if (text[13] != ':' || text[16] != ':' || !ParseInt(text.substr(11, 2), h) ||
      !ParseInt(text.substr(14, 2), mi) || !ParseInt(text.substr(17, 2), s) || h > 23 || mi > 59 ||
      s > 60)
    return std::nullopt;
  size_t pos = 19;
  int64_t frac_ms = 0;
  if (pos < text.size() && text[pos] == '.') {
    size_t start = ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
    std::string digits(text.substr(start, std::min<size_t>(3, pos - start)));
    while (digits.size() < 3) digits += '0';
    frac_ms = std::stoi(digits);
  }
  if (pos >= text.size()) return std::nullopt;
  int offset_min = 0;
  std::string_view zone = text.substr(pos);
  if (zone == "Z" || zone == "z") {
    offset_min = 0;
  } else {
    int oh, om;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
        !ParseInt(zone.substr(1, 2), oh) || !ParseInt(zone.substr(4, 2), om) || oh > 23 || om > 59)
      return std::nullopt;
    offset_min = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
  }
  using namespace std::chrono;
  auto days = date::sys_days{date::year{day->year} / day->month / day->day};
  int64_t secs = duration_cast<seconds>(days.time_since_epoch()).count() + h * 3600 + mi * 60 + s -
                 offset_min * 60;
  return secs * 1000 + frac_ms;
}

}  // namespace tadaima
