// Contact threads (連絡): a family and a facility write to each other about a
// child. Plain structs, like model.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tadaima {

// Which side of a thread someone writes and reads on.
enum class ThreadSide { kFamily, kStaff };

struct Thread {
  std::string id;
  std::string organization_id;
  std::string facility_id, family_id, child_id;
  std::string subject;
  int64_t posts = 0;        // the last post's seq
  int64_t family_read = 0;  // the seq the family has read up to
  int64_t staff_read = 0;   // the seq the facility's staff have read up to
  std::optional<std::string> client_id;
  std::string created_by_id;
  int64_t created_at = 0;
  int64_t last_post_at = 0;

  // Joined in when read: the names people see, and whether the family is
  // still enrolled at the facility (otherwise the thread is read-only).
  std::string facility_name, family_name, child_name;
  bool open = true;
  ThreadSide last_author = ThreadSide::kFamily;  // who wrote the last post
  std::string last_body;                         // and what

  int64_t UnreadFor(ThreadSide side) const { return posts - (side == ThreadSide::kStaff ? staff_read : family_read); }
};

struct ThreadPost {
  std::string id;
  std::string thread_id;
  int64_t seq = 0;
  ThreadSide author_side = ThreadSide::kFamily;
  std::string author_id, author_name;
  std::string body;
  std::optional<std::string> client_id;
  int64_t created_at = 0;
};

}  // namespace tadaima
