// The words of each notification kind, in Japanese and English.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tadaima::notify {

struct Wording {
  std::string title;  // also the e-mail subject
  std::string body;
};

struct WordingInput {
  std::string kind;      // arrival | departure | not_arrived
  std::string language;  // ja | en
  std::string child_name, facility_name;
  std::optional<int64_t> at;
  std::optional<std::string> pickup_by;
  std::string time_zone;
  bool left_alone = false;  // departures: went home alone
};
Wording Word(const WordingInput& in);

// A message's notification title: staff's title, a reminder marked as one.
std::string MessageTitle(const std::string& language, const std::string& title, bool reminder);
// A message's e-mail text after staff's body: the attachments named (they
// open in the app) and the link to the message, when there is one.
std::string MessageEmailTail(const std::string& language, const std::vector<std::string>& attachment_names,
                             const std::string& url);

// The title of a notification of a staff post in a contact thread.
std::string ThreadPostTitle(const std::string& language, const std::string& facility_name);

// A survey sent, or a reminder of it: its title and when it closes.
Wording SurveyWording(const std::string& language, const std::string& title, int64_t closes_at,
                      const std::string& time_zone, bool reminder);

// What the calendar tells families about an entry.
enum class CalendarNews {
  kAnnounced,         // a new event or course
  kClosure,           // a closure on a day the child was planned
  kClosureCancelled,  // that closure is off: the facility opens
  kPromoted,          // the waitlisted application is now confirmed
  kChanged,           // the time of an entry applied for changed
  kCancelled,         // an entry applied for is cancelled
};
// `when`: EventWhen's text.
Wording CalendarWording(const std::string& language, CalendarNews news, const std::string& title,
                        const std::string& when);
// "6月11日（金）" for an all-day entry of one day, "6月11日（金）〜6月12日（土）" of
// several, else "6月20日（日）10:00〜11:00" (en: ISO dates).
std::string EventWhen(const std::string& language, int64_t starts_at, int64_t ends_at, bool all_day,
                      const std::string& time_zone);

// The e-mail's closing lines after the body.
std::string EmailFooter(const std::string& language);

}  // namespace tadaima::notify
