// The words of each notification kind, in Japanese and English.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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

// The e-mail's closing lines after the body.
std::string EmailFooter(const std::string& language);

}  // namespace tadaima::notify
