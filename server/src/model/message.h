// Messages (お知らせ) staff send to the families an audience reaches, their
// attachments and each family's receipt. Plain structs, like model.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"

namespace tadaima {

struct Attachment {
  std::string id;
  std::string organization_id;
  std::string name;          // the file name phones show and save under
  std::string content_type;  // application/pdf | image/png | image/jpeg
  int64_t size = 0;
  std::string created_by_id;
  int64_t created_at = 0;
};

struct MessageChannels {
  bool push = false, email = false, inapp = false;
};

struct Message {
  std::string id;
  std::string organization_id;
  std::string title, body;
  bool emergency = false;  // priority: emergency | normal
  Audience audience;
  MessageChannels channels;
  std::string status = "scheduled";  // scheduled | sent | cancelled
  int64_t send_at = 0;
  std::optional<int64_t> sent_at, cancelled_at, ended_at;
  std::optional<std::string> ended_by_name;
  int64_t families = 0, guardians = 0;  // reached when it was sent
  std::optional<std::string> client_id;
  std::string created_by_id, created_by_name;
  int64_t created_at = 0, updated_at = 0;
  std::vector<std::string> facility_ids;  // sorted
  std::vector<Attachment> attachments;    // in the sender's order
};

// A family's receipt of a sent message.
struct MessageReceipt {
  std::string family_id, family_name;
  std::optional<int64_t> read_at;
  std::optional<std::string> read_by_name;
  int reminders = 0;
};

}  // namespace tadaima
