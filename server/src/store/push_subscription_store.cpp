#include "store/push_subscription_store.h"

#include <nlohmann/json.hpp>

namespace tadaima::store {
namespace {

#define TADAIMA_SUBSCRIPTION_COLUMNS "id, organization_id, user_id, endpoint, p256dh, auth, created_at"
constexpr db::Query kFindSubscriptionByEndpoint{
    "find_push_subscription_by_endpoint",
    "SELECT " TADAIMA_SUBSCRIPTION_COLUMNS " FROM push_subscriptions WHERE endpoint = $1"};
constexpr db::Query kFindSubscription{
    "find_push_subscription", "SELECT " TADAIMA_SUBSCRIPTION_COLUMNS " FROM push_subscriptions WHERE id = $1"};
constexpr db::Query kFindSubscriptions{
    "find_push_subscriptions",
    "SELECT " TADAIMA_SUBSCRIPTION_COLUMNS " FROM push_subscriptions WHERE id IN (SELECT value FROM json_each($1))",
    "SELECT " TADAIMA_SUBSCRIPTION_COLUMNS
    " FROM push_subscriptions WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))"};
constexpr db::Query kInsertSubscription{
    "insert_push_subscription",
    "INSERT INTO push_subscriptions (id, organization_id, user_id, endpoint, p256dh, auth, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $7)"};
constexpr db::Query kUpdateSubscriptionKeys{
    "update_push_subscription_keys",
    "UPDATE push_subscriptions SET p256dh = $2, auth = $3, updated_at = $4 WHERE id = $1"};
constexpr db::Query kListSubscriptions{
    "list_push_subscriptions",
    "SELECT " TADAIMA_SUBSCRIPTION_COLUMNS " FROM push_subscriptions WHERE user_id = $1 ORDER BY id"};
constexpr db::Query kDeleteSubscription{"delete_push_subscription", "DELETE FROM push_subscriptions WHERE id = $1"};
constexpr db::Query kCancelForSubscription{
    "cancel_notifications_of_subscription",
    "UPDATE notifications SET status = 'cancelled', last_error = $2, claimed_until = NULL"
    " WHERE channel = 'push' AND target = $1 AND status = 'pending'"};

PushSubscription SubscriptionFrom(const db::Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6)};
}

}  // namespace

Result<std::optional<PushSubscription>> FindSubscriptionByEndpoint(db::Tx& tx, const std::string& endpoint) {
  auto rs = TRY(tx.Exec(kFindSubscriptionByEndpoint, {endpoint}));
  if (rs.empty()) return std::nullopt;
  return SubscriptionFrom(rs.rows[0]);
}

Result<std::optional<PushSubscription>> FindSubscription(db::Tx& tx, const std::string& id) {
  auto rs = TRY(tx.Exec(kFindSubscription, {id}));
  if (rs.empty()) return std::nullopt;
  return SubscriptionFrom(rs.rows[0]);
}

Result<std::vector<PushSubscription>> FindSubscriptions(db::Tx& tx, const std::vector<std::string>& ids) {
  if (ids.empty()) return std::vector<PushSubscription>{};
  auto rs = TRY(tx.Exec(kFindSubscriptions, {nlohmann::json(ids).dump()}));
  std::vector<PushSubscription> out;
  for (const auto& r : rs.rows) out.push_back(SubscriptionFrom(r));
  return out;
}

Status InsertSubscription(db::Tx& tx, const PushSubscription& s, int64_t now) {
  TRY(tx.Exec(kInsertSubscription, {s.id, s.organization_id, s.user_id, s.endpoint, s.p256dh, s.auth, now}));
  return {};
}

Status UpdateSubscriptionKeys(db::Tx& tx, const std::string& id, const std::string& p256dh, const std::string& auth,
                              int64_t now) {
  TRY(tx.Exec(kUpdateSubscriptionKeys, {id, p256dh, auth, now}));
  return {};
}

Result<std::vector<PushSubscription>> ListSubscriptions(db::Tx& tx, const std::string& user_id) {
  auto rs = TRY(tx.Exec(kListSubscriptions, {user_id}));
  std::vector<PushSubscription> out;
  for (const auto& r : rs.rows) out.push_back(SubscriptionFrom(r));
  return out;
}

Status DeleteSubscription(db::Tx& tx, const std::string& id, const std::string& reason, int64_t now) {
  TRY(tx.Exec(kCancelForSubscription, {id, reason}));
  TRY(tx.Exec(kDeleteSubscription, {id}));
  return {};
}

}  // namespace tadaima::store
