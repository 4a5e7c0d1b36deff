// Push subscriptions: the browsers (phones) on which a guardian turned on
// Web Push, each an endpoint of a push service with the keys to encrypt for
// it. The outbox addresses push rows to a subscription by its id (target).
//
// Contracts: an endpoint belongs to one subscription (a taken endpoint comes
// back as kConflict); lookups are by id, endpoint or user, which the caller
// has checked belong to the actor. Deleting a subscription cancels the push
// rows still pending for it, in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/model.h"

namespace tadaima::store {

Result<std::optional<PushSubscription>> FindSubscriptionByEndpoint(db::Tx& tx, const std::string& endpoint);
Result<std::optional<PushSubscription>> FindSubscription(db::Tx& tx, const std::string& id);
// The subscriptions of these ids that still exist, in no particular order.
Result<std::vector<PushSubscription>> FindSubscriptions(db::Tx& tx, const std::vector<std::string>& ids);
Status InsertSubscription(db::Tx& tx, const PushSubscription& s, int64_t now);
// Replaces the keys of a subscription (a browser that subscribed again).
Status UpdateSubscriptionKeys(db::Tx& tx, const std::string& id, const std::string& p256dh, const std::string& auth,
                              int64_t now);
// The user's subscriptions by id.
Result<std::vector<PushSubscription>> ListSubscriptions(db::Tx& tx, const std::string& user_id);
// Deletes the subscription and cancels its pending push rows (status
// cancelled, last_error `reason`); a missing one is no error.
Status DeleteSubscription(db::Tx& tx, const std::string& id, const std::string& reason, int64_t now);

}  // namespace tadaima::store
