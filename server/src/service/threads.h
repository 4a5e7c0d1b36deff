// Contact threads (連絡) — API.md "Messages and contact threads": a guardian
// writes to a facility about a child at any hour, its staff reply. A thread
// belongs to the family (every guardian reads and writes it) and to the
// facility (all its staff do); each side has its own unread count, and a
// side's own post reads what came before it. A staff post is told to the
// family's guardians through the outbox (their channels for messages); every
// post is a live `thread` event to the facility's staff and the family, which
// keeps staff's count in the navigation fresh. Once the family has no active
// enrollment at the facility the thread is read-only (thread_closed).
//
// Guardians see their family's threads, staff those of their facilities;
// any other thread is not_found. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/thread.h"
#include "service/context.h"

namespace tadaima::service {

struct NewThreadInput {
  std::string child_id, facility_id;
  std::optional<std::string> subject;  // absent: the start of the body's first line
  std::string body;
  std::optional<std::string> client_id;
};

struct ThreadListFilter {
  std::optional<std::string> facility_id;
  bool unread_only = false;
  std::string cursor;
  int limit = 50;
};
struct ThreadPage {
  std::vector<Thread> items;
  std::optional<std::string> next_cursor;
  int64_t unread_threads = 0;  // of the filter's threads, cursor aside: how many the reader has not read
};

struct ThreadDetail {
  Thread thread;
  std::vector<ThreadPost> posts;
};

struct Written {
  Thread thread;
  ThreadPost post;
  bool replayed = false;  // the client_id was seen before: the first answer again
};

// Which side the actor reads and writes on: staff or their family.
ThreadSide SideOf(const Actor& actor);

class Threads : AreaService {
 public:
  explicit Threads(Context& ctx) : AreaService(ctx) {}

  // POST /threads: a guardian opens a thread about a child of the family at a
  // facility where it is enrolled, with its first post.
  Result<Written> Create(const Actor& actor, const NewThreadInput& in);
  // GET /threads: the reader's threads, the most recently written first.
  Result<ThreadPage> List(const Actor& actor, const ThreadListFilter& filter);
  // GET /threads/{id}: the thread and its posts; the reader's side has read them.
  Result<ThreadDetail> Get(const Actor& actor, const std::string& id);
  // POST /threads/{id}/messages.
  Result<Written> Post(const Actor& actor, const std::string& id, const std::string& body,
                       const std::optional<std::string>& client_id);

 private:
  // After a commit: the live `thread` event to the facility's staff and the family.
  void Announce(const Thread& t) const;
};

}  // namespace tadaima::service
