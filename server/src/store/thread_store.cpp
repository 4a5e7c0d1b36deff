#include "store/thread_store.h"

#include <nlohmann/json.hpp>

#include "store/rows.h"

namespace tadaima::store {
namespace {

// The thread, the names people see, its last post, and 1 while the family is still enrolled
// at the facility (the child's own enrollment or the family's, as IsEnrolled).
#define TADAIMA_THREAD_SELECT                                                                                  \
  "SELECT t.id, t.organization_id, t.facility_id, t.family_id, t.child_id, t.subject, t.posts, t.family_read," \
  " t.staff_read, t.client_id, t.created_by_id, t.created_at, t.last_post_at, f.name, fam.name, c.name,"       \
  " lp.author_kind, lp.body,"                                                                                  \
  " CASE WHEN EXISTS (SELECT 1 FROM enrollments e WHERE e.facility_id = t.facility_id AND e.status = 'active'" \
  "   AND (e.child_id = t.child_id OR (e.child_id IS NULL AND e.family_id = t.family_id))) THEN 1 ELSE 0 END"  \
  " FROM threads t JOIN facilities f ON f.id = t.facility_id JOIN families fam ON fam.id = t.family_id"       \
  " JOIN children c ON c.id = t.child_id LEFT JOIN thread_posts lp ON lp.thread_id = t.id AND lp.seq = t.posts"
#define TADAIMA_POST_COLUMNS \
  "id, thread_id, seq, author_kind, author_id, author_name, body, client_id, created_at"

// The list's filters: $1 organization, $2 family ('' any), $3 facility_staff's
// facilities as a JSON array ('' any), $4 one facility ('' any), $5 the side
// whose unread threads only ('' all).
#define TADAIMA_THREAD_FILTER(in_scope)                                                         \
  " WHERE t.organization_id = $1 AND ($2 = '' OR t.family_id = $2)"                              \
  " AND ($3 = '' OR " in_scope ") AND ($4 = '' OR t.facility_id = $4)"                           \
  " AND ($5 = '' OR ($5 = 'staff' AND t.posts > t.staff_read) OR ($5 = 'family' AND t.posts > t.family_read))"
#define TADAIMA_SCOPE_SQLITE "t.facility_id IN (SELECT value FROM json_each(CASE WHEN $3 = '' THEN '[]' ELSE $3 END))"
#define TADAIMA_SCOPE_PG \
  "t.facility_id = ANY (ARRAY(SELECT json_array_elements_text(CASE WHEN $3 = '' THEN '[]' ELSE $3 END::json)))"
// $6: the last id of the page before ('' for the first), $7 its last post time; $8 the limit.
#define TADAIMA_THREAD_PAGE \
  " AND ($6 = '' OR t.last_post_at < $7 OR (t.last_post_at = $7 AND t.id < $6))" \
  " ORDER BY t.last_post_at DESC, t.id DESC LIMIT $8"

constexpr db::Query kInsertThread{
    "insert_thread",
    "INSERT INTO threads (id, organization_id, facility_id, family_id, child_id, subject, posts, family_read,"
    " staff_read, client_id, created_by_id, created_at, last_post_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, 0, 0, 0, $7, $8, $9, $9)"};
constexpr db::Query kFindThread{"find_thread", TADAIMA_THREAD_SELECT " WHERE t.organization_id = $1 AND t.id = $2"};
constexpr db::Query kFindThreadByClientId{
    "find_thread_by_client_id",
    TADAIMA_THREAD_SELECT " WHERE t.organization_id = $1 AND t.family_id = $2 AND t.client_id = $3"};
constexpr db::Query kListThreads{
    "list_threads",
    TADAIMA_THREAD_SELECT TADAIMA_THREAD_FILTER(TADAIMA_SCOPE_SQLITE) TADAIMA_THREAD_PAGE,
    TADAIMA_THREAD_SELECT TADAIMA_THREAD_FILTER(TADAIMA_SCOPE_PG) TADAIMA_THREAD_PAGE};
constexpr db::Query kCountUnreadThreads{
    "count_unread_threads",
    "SELECT COUNT(*) FROM threads t" TADAIMA_THREAD_FILTER(TADAIMA_SCOPE_SQLITE),
    "SELECT COUNT(*) FROM threads t" TADAIMA_THREAD_FILTER(TADAIMA_SCOPE_PG)};
// $4: the author's side ('staff' | 'family'), which has read up to the new post.
constexpr db::Query kBumpThread{
    "bump_thread",
    "UPDATE threads SET posts = posts + 1, last_post_at = $3,"
    " staff_read = CASE WHEN $4 = 'staff' THEN posts + 1 ELSE staff_read END,"
    " family_read = CASE WHEN $4 = 'family' THEN posts + 1 ELSE family_read END"
    " WHERE organization_id = $1 AND id = $2"};
constexpr db::Query kThreadPosts{"thread_post_count", "SELECT posts FROM threads WHERE id = $1"};
constexpr db::Query kInsertPost{
    "insert_thread_post",
    "INSERT INTO thread_posts (" TADAIMA_POST_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"};
constexpr db::Query kFindPostByClientId{
    "find_thread_post_by_client_id",
    "SELECT " TADAIMA_POST_COLUMNS " FROM thread_posts WHERE thread_id = $1 AND client_id = $2"};
constexpr db::Query kListPosts{
    "list_thread_posts", "SELECT " TADAIMA_POST_COLUMNS " FROM thread_posts WHERE thread_id = $1 ORDER BY seq LIMIT 1000"};
constexpr db::Query kMarkStaffRead{
    "mark_thread_read_by_staff",
    "UPDATE threads SET staff_read = posts WHERE organization_id = $1 AND id = $2 AND staff_read < posts"};
constexpr db::Query kMarkFamilyRead{
    "mark_thread_read_by_family",
    "UPDATE threads SET family_read = posts WHERE organization_id = $1 AND id = $2 AND family_read < posts"};

// The side as the unread filters and marks name it.
const char* SideName(ThreadSide s) { return s == ThreadSide::kStaff ? "staff" : "family"; }
// The author_kind of a post by that side.
const char* AuthorKind(ThreadSide s) { return s == ThreadSide::kStaff ? "staff" : "guardian"; }

Thread ThreadFrom(const db::Row& r) {
  Thread t;
  t.id = r.Text(0);
  t.organization_id = r.Text(1);
  t.facility_id = r.Text(2);
  t.family_id = r.Text(3);
  t.child_id = r.Text(4);
  t.subject = r.Text(5);
  t.posts = r.Int(6);
  t.family_read = r.Int(7);
  t.staff_read = r.Int(8);
  t.client_id = r.OptText(9);
  t.created_by_id = r.Text(10);
  t.created_at = r.Int(11);
  t.last_post_at = r.Int(12);
  t.facility_name = r.Text(13);
  t.family_name = r.Text(14);
  t.child_name = r.Text(15);
  t.last_author = r.OptText(16) == "staff" ? ThreadSide::kStaff : ThreadSide::kFamily;
  t.last_body = r.OptText(17).value_or("");
  t.open = r.Bool(18);
  return t;
}

ThreadPost PostFrom(const db::Row& r) {
  ThreadPost p;
  p.id = r.Text(0);
  p.thread_id = r.Text(1);
  p.seq = r.Int(2);
  p.author_side = r.Text(3) == "staff" ? ThreadSide::kStaff : ThreadSide::kFamily;
  p.author_id = r.Text(4);
  p.author_name = r.Text(5);
  p.body = r.Text(6);
  p.client_id = r.OptText(7);
  p.created_at = r.Int(8);
  return p;
}

Result<std::optional<Thread>> OneThread(db::Tx& tx, const db::Query& q, const db::Params& params) {
  auto rs = TRY(tx.Exec(q, params));
  if (rs.empty()) return std::optional<Thread>();
  return std::optional(ThreadFrom(rs.rows[0]));
}

db::Params FilterParams(const ThreadQuery& q) {
  return {q.organization_id, q.family_id.value_or(""),
          q.within_facilities ? nlohmann::json(*q.within_facilities).dump() : std::string(),
          q.facility_id.value_or(""), std::string(q.unread_only ? SideName(q.reader) : "")};
}

}  // namespace

Status InsertThread(db::Tx& tx, const Thread& t) {
  TRY(tx.Exec(kInsertThread, {t.id, t.organization_id, t.facility_id, t.family_id, t.child_id, t.subject,
                              db::Opt(t.client_id), t.created_by_id, t.created_at}));
  return {};
}

Result<std::optional<Thread>> FindThread(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  return OneThread(tx, kFindThread, {organization_id, id});
}

Result<std::optional<Thread>> FindThreadByClientId(db::Tx& tx, const std::string& organization_id,
                                                   const std::string& family_id, const std::string& client_id) {
  return OneThread(tx, kFindThreadByClientId, {organization_id, family_id, client_id});
}

Result<std::vector<Thread>> ListThreads(db::Tx& tx, const ThreadQuery& q) {
  db::Params params = FilterParams(q);
  params.push_back(q.after ? q.after->id : std::string());
  params.push_back(q.after ? q.after->last_post_at : int64_t{0});
  params.push_back(static_cast<int64_t>(q.limit));
  std::vector<Thread> out;
  for (const auto& r : TRY(tx.Exec(kListThreads, params)).rows) out.push_back(ThreadFrom(r));
  return out;
}

Result<int64_t> CountUnreadThreads(db::Tx& tx, const ThreadQuery& q) {
  ThreadQuery unread = q;
  unread.unread_only = true;
  auto rs = TRY(tx.Exec(kCountUnreadThreads, FilterParams(unread)));
  return rs.rows.at(0).Int(0);
}

Status AddPost(db::Tx& tx, const std::string& organization_id, ThreadPost& post) {
  const std::string side = SideName(post.author_side);
  auto bumped = TRY(tx.Exec(kBumpThread, {organization_id, post.thread_id, post.created_at, side}));
  if (bumped.affected != 1) return Fail(Error::NotFound("no such thread"));
  post.seq = TRY(tx.Exec(kThreadPosts, {post.thread_id})).rows.at(0).Int(0);
  TRY(tx.Exec(kInsertPost, {post.id, post.thread_id, post.seq, AuthorKind(post.author_side), post.author_id, post.author_name, post.body,
                            db::Opt(post.client_id), post.created_at}));
  return {};
}

Result<std::optional<ThreadPost>> FindPostByClientId(db::Tx& tx, const std::string& thread_id,
                                                    const std::string& client_id) {
  auto rs = TRY(tx.Exec(kFindPostByClientId, {thread_id, client_id}));
  if (rs.empty()) return std::optional<ThreadPost>();
  return std::optional(PostFrom(rs.rows[0]));
}

Result<std::vector<ThreadPost>> ListPosts(db::Tx& tx, const std::string& thread_id) {
  std::vector<ThreadPost> out;
  for (const auto& r : TRY(tx.Exec(kListPosts, {thread_id})).rows) out.push_back(PostFrom(r));
  return out;
}

Result<bool> MarkThreadRead(db::Tx& tx, const std::string& organization_id, const std::string& id, ThreadSide side) {
  auto rs = TRY(tx.Exec(side == ThreadSide::kStaff ? kMarkStaffRead : kMarkFamilyRead, {organization_id, id}));
  return rs.affected > 0;
}

}  // namespace tadaima::store
