// Contact threads and their posts (sql/migrations/*/0008_threads.sql).
//
// Contracts: every query takes the organization id and never returns or
// changes another organization's rows. A thread read from here carries the
// names of its facility, family and child and whether the family is still
// enrolled there (Thread::open). Lists are the most recently written first and
// page on with a ThreadCursor.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/thread.h"

namespace tadaima::store {

// A thread of the family with the same client_id exists: conflict.
Status InsertThread(db::Tx& tx, const Thread& t);
Result<std::optional<Thread>> FindThread(db::Tx& tx, const std::string& organization_id, const std::string& id);
Result<std::optional<Thread>> FindThreadByClientId(db::Tx& tx, const std::string& organization_id,
                                                   const std::string& family_id, const std::string& client_id);

// Where a page of threads ends.
struct ThreadCursor {
  int64_t last_post_at = 0;
  std::string id;
};
struct ThreadQuery {
  std::string organization_id;
  ThreadSide reader = ThreadSide::kStaff;  // whose unread marks `unread_only` means
  std::optional<std::string> family_id;    // a guardian: only the family's
  // facility_staff: only threads of these facilities.
  std::optional<std::vector<std::string>> within_facilities;
  std::optional<std::string> facility_id;
  bool unread_only = false;
  std::optional<ThreadCursor> after;
  int limit = 50;
};
Result<std::vector<Thread>> ListThreads(db::Tx& tx, const ThreadQuery& q);
// How many threads of the query (cursor and limit ignored) have posts the reader has not read.
Result<int64_t> CountUnreadThreads(db::Tx& tx, const ThreadQuery& q);

// Appends the post (its seq is set here) and moves the thread's last post
// time; the author's side has read up to it.
Status AddPost(db::Tx& tx, const std::string& organization_id, ThreadPost& post);
Result<std::optional<ThreadPost>> FindPostByClientId(db::Tx& tx, const std::string& thread_id,
                                                    const std::string& client_id);
// The thread's posts in order, the first 1,000.
Result<std::vector<ThreadPost>> ListPosts(db::Tx& tx, const std::string& thread_id);
// The side has read every post; false when it already had.
Result<bool> MarkThreadRead(db::Tx& tx, const std::string& organization_id, const std::string& id, ThreadSide side);

}  // namespace tadaima::store
