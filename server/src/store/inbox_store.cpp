#include "store/inbox_store.h"

#include "store/notification_rows.h"

namespace tadaima::store {
namespace {

constexpr db::Query kListInbox{
    "list_inbox",
    "SELECT " TADAIMA_NOTIFICATION_COLUMNS " FROM notifications n WHERE n.user_id = $1 AND n.channel = 'inapp'"
    " AND ($2 = 0 OR n.read_at IS NULL) AND ($3 = '' OR n.id < $3) ORDER BY n.id DESC LIMIT $4"};
constexpr db::Query kCountUnread{
    "count_unread",
    "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND channel = 'inapp' AND read_at IS NULL"};
constexpr db::Query kMarkRead{
    "mark_notification_read",
    "UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE user_id = $1 AND id = $2 AND channel = 'inapp'"};
constexpr db::Query kMarkAllRead{
    "mark_all_notifications_read",
    "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND channel = 'inapp' AND read_at IS NULL"};

}  // namespace

Result<std::vector<Notification>> ListInbox(db::Tx& tx, const std::string& user_id, bool unread_only,
                                            const std::optional<std::string>& before_id, int limit) {
  auto rs = TRY(tx.Exec(kListInbox, {user_id, int64_t{unread_only}, before_id.value_or(""), int64_t{limit}}));
  std::vector<Notification> out;
  for (const auto& r : rs.rows) out.push_back(NotificationFrom(r));
  return out;
}

Result<int64_t> CountUnread(db::Tx& tx, const std::string& user_id) {
  auto rs = TRY(tx.Exec(kCountUnread, {user_id}));
  return rs.rows.at(0).Int(0);
}

Result<bool> MarkRead(db::Tx& tx, const std::string& user_id, const std::string& id, int64_t now) {
  auto rs = TRY(tx.Exec(kMarkRead, {user_id, id, now}));
  return rs.affected > 0;
}

Status MarkAllRead(db::Tx& tx, const std::string& user_id, int64_t now) {
  TRY(tx.Exec(kMarkAllRead, {user_id, now}));
  return {};
}

}  // namespace tadaima::store
