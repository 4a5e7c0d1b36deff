// iCalendar (RFC 5545) written with libical: the entries of a family's
// calendar feed, or one entry to add to a phone's calendar. Times are UTC;
// all-day entries are dates of the organization's zone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/event.h"

namespace tadaima::report {

struct IcsEntry {
  CalendarEvent event;
  std::optional<std::string> mark;  // put before the summary: the family's application ("申込済み")
};

struct IcsCalendar {
  std::string name;       // X-WR-CALNAME: what a phone shows for the subscription
  std::string time_zone;  // the organization's, for all-day dates
  std::string uid_domain; // UID = <entry id>@<uid_domain>
  int64_t now = 0;        // DTSTAMP
};

std::string CalendarIcs(const IcsCalendar& calendar, const std::vector<IcsEntry>& entries);

}  // namespace tadaima::report
