#include "store/notification_preference_store.h"

#include "store/notification_rows.h"

namespace tadaima::store {
namespace {

constexpr db::Query kFindPreferences{
    "find_notification_preferences",
    "SELECT " TADAIMA_PREFERENCE_COLUMNS " FROM notification_preferences p WHERE p.user_id = $1"};
constexpr db::Query kSavePreferences{
    "save_notification_preferences",
    "INSERT INTO notification_preferences (user_id, stamps_push, stamps_email, stamps_inapp, messages_push,"
    " messages_email, messages_inapp, quiet_from, quiet_to, language, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (user_id) DO UPDATE SET"
    " stamps_push = excluded.stamps_push, stamps_email = excluded.stamps_email,"
    " stamps_inapp = excluded.stamps_inapp, messages_push = excluded.messages_push,"
    " messages_email = excluded.messages_email, messages_inapp = excluded.messages_inapp,"
    " quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to, language = excluded.language,"
    " updated_at = excluded.updated_at"};

}  // namespace

Result<NotificationPreferences> FindPreferences(db::Tx& tx, const std::string& user_id) {
  auto rs = TRY(tx.Exec(kFindPreferences, {user_id}));
  if (rs.empty()) return NotificationPreferences{};
  return PreferencesFrom(rs.rows[0], 0);
}

Status SavePreferences(db::Tx& tx, const std::string& user_id, const NotificationPreferences& p, int64_t now) {
  auto quiet = [&](const std::optional<int>& v) { return v ? db::Value(int64_t{*v}) : db::Value(nullptr); };
  TRY(tx.Exec(kSavePreferences,
              {user_id, int64_t{p.stamps.push}, int64_t{p.stamps.email}, int64_t{p.stamps.inapp},
               int64_t{p.messages.push}, int64_t{p.messages.email}, int64_t{p.messages.inapp}, quiet(p.quiet_from),
               quiet(p.quiet_to), p.language, now}));
  return {};
}

}  // namespace tadaima::store
