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

// The e-mail's closing lines after the body.
std::string EmailFooter(const std::string& language);

}  // namespace tadaima::notify
