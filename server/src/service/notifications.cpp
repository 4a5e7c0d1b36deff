// Notifications: the guardian's inbox, preferences and push subscriptions;
// staff's view of deliveries; live-event listeners.
#include <nlohmann/json.hpp>

#include <set>

#include "base/ids.h"
#include "rules/permissions.h"
#include "service/notifications.h"
#include "service/filters.h"
#include "store/audit_store.h"
#include "store/inbox_store.h"
#include "store/notification_preference_store.h"
#include "store/outbox_store.h"
#include "store/push_subscription_store.h"
#include "store/secret_store.h"
#include "store/user_store.h"
#include "base/reasons.h"

namespace tadaima::service {
namespace {

Status GuardianOnly(const Actor& actor) {
  TRY_STATUS(RequireGuardian(actor));
  return {};
}

// Staff may see a row of a facility they cover (org_admin: every row of the organization).
bool StaffSees(const Actor& actor, const Notification& n) {
  if (IsOrgAdmin(actor)) return true;
  return n.facility_id && StaffCoversFacility(actor, *n.facility_id);
}

}  // namespace


Result<InboxPage> Notifications::Inbox(const Actor& actor, bool unread_only, const std::string& cursor, int limit) {
  TRY_STATUS(GuardianOnly(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<InboxPage> {
    InboxPage page;
    page.items = TRY(store::ListInbox(tx, actor.user_id, unread_only,
                                      cursor.empty() ? std::nullopt : std::optional(cursor), limit + 1));
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.next_cursor = page.items.back().id;
    }
    page.unread = TRY(store::CountUnread(tx, actor.user_id));
    return page;
  });
}

Status Notifications::MarkNotificationRead(const Actor& actor, const std::string& id) {
  TRY_STATUS(GuardianOnly(actor));
  const int64_t now = clock_.NowMs();
  bool found = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) { return store::MarkRead(tx, actor.user_id, id, now); }));
  if (!found) return Fail(Error::NotFound("notification not found"));
  return {};
}

Status Notifications::MarkAllNotificationsRead(const Actor& actor) {
  TRY_STATUS(GuardianOnly(actor));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) { return store::MarkAllRead(tx, actor.user_id, now); });
}

Result<NotificationPreferences> Notifications::GetNotificationPreferences(const Actor& actor) {
  TRY_STATUS(GuardianOnly(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::FindPreferences(tx, actor.user_id); });
}

Result<NotificationPreferences> Notifications::SetNotificationPreferences(const Actor& actor,
                                                                     const NotificationPreferences& p) {
  TRY_STATUS(GuardianOnly(actor));
  if (p.language != "ja" && p.language != "en") return Fail(Error::InvalidField("language", reason::NotAChoice({"ja", "en"})));
  if (p.quiet_from.has_value() != p.quiet_to.has_value())
    return Fail(Error::InvalidField("quiet_hours", reason::kNeedsFromAndTo));
  if (p.quiet_from && *p.quiet_from == *p.quiet_to)
    return Fail(Error::InvalidField("quiet_hours.to", reason::kSameAsFrom));
  const int64_t now = clock_.NowMs();
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) { return store::SavePreferences(tx, actor.user_id, p, now); }));
  return p;
}

Result<SubscribedPush> Notifications::SubscribePush(const Actor& actor, const std::string& endpoint,
                                               const std::string& p256dh, const std::string& auth) {
  TRY_STATUS(GuardianOnly(actor));
  TRY_STATUS(notify::CheckEndpoint({settings_.push_allowed_hosts}, endpoint));
  TRY_STATUS(notify::CheckSubscriptionKeys(p256dh, auth));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<SubscribedPush> {
    auto existing = TRY(store::FindSubscriptionByEndpoint(tx, endpoint));
    if (existing && existing->user_id == actor.user_id) {
      TRY_STATUS(store::UpdateSubscriptionKeys(tx, existing->id, p256dh, auth, now));
      existing->p256dh = p256dh;
      existing->auth = auth;
      return SubscribedPush{*existing, false};
    }
    if (existing) {
      // A family's shared tablet moves from one guardian to another; a device of
      // another family is not taken over (that would silence its guardian).
      auto owner = TRY(store::FindUser(tx, existing->organization_id, existing->user_id));
      if (existing->organization_id != actor.organization_id || !owner || owner->family_id != actor.family_id)
        return Fail(Error::Conflict(reason::kDeviceOfAnotherAccount,
                                    {{"endpoint", reason::kEndpointTaken}}));
      TRY_STATUS(store::DeleteSubscription(tx, existing->id, "the device signed in as another guardian", now));
    }
    PushSubscription s{NewId(now), actor.organization_id, actor.user_id, endpoint, p256dh, auth, now};
    TRY_STATUS(store::InsertSubscription(tx, s, now));
    return SubscribedPush{s, true};
  });
}

Result<std::vector<PushSubscription>> Notifications::ListPushSubscriptions(const Actor& actor) {
  TRY_STATUS(GuardianOnly(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::ListSubscriptions(tx, actor.user_id); });
}

Status Notifications::DeletePushSubscription(const Actor& actor, const std::string& id) {
  TRY_STATUS(GuardianOnly(actor));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto s = TRY(store::FindSubscription(tx, id));
    if (!s || s->user_id != actor.user_id) return Fail(Error::NotFound("subscription not found"));
    return store::DeleteSubscription(tx, id, "the guardian turned off push on this device", now);
  });
}

Result<StaffNotificationPage> Notifications::ListNotifications(const Actor& actor, const NotificationFilter& f) {
  TRY_STATUS(RequireStaff(actor));
  static const std::set<std::string> kStatuses{"pending", "delivered", "dead", "cancelled"};
  static const std::set<std::string> kChannels{"push", "email", "inapp"};
  if (f.status && !kStatuses.count(*f.status))
    return Fail(Error::InvalidField("status", reason::NotAChoice({"pending", "delivered", "dead", "cancelled"})));
  if (f.channel && !kChannels.count(*f.channel)) return Fail(Error::InvalidField("channel", reason::NotAChoice({"push", "email", "inapp"})));
  store::NotificationQuery q;
  q.organization_id = actor.organization_id;
  if (!IsOrgAdmin(actor)) q.facility_ids = actor.facility_ids;
  q.facility_id = f.facility_id;
  q.child_id = f.child_id;
  q.status = f.status;
  q.channel = f.channel;
  if (f.cursor && !f.cursor->empty()) q.before_id = f.cursor;
  q.limit = f.limit + 1;
  auto rows = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<store::NotificationWithGuardian>> {
    if (f.facility_id) TRY_STATUS(CheckFacilityFilter(tx, actor, *f.facility_id));
    if (f.child_id) TRY_STATUS(CheckChildFilter(tx, actor, *f.child_id));
    return store::ListNotifications(tx, q);
  }));
  StaffNotificationPage page;
  for (auto& r : rows) page.items.push_back({std::move(r.notification), std::move(r.guardian_name), {}});
  if (static_cast<int>(page.items.size()) > f.limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().notification.id;
  }
  return page;
}

Result<StaffNotification> Notifications::GetNotification(const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireStaff(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<StaffNotification> {
    auto row = TRY(store::FindNotification(tx, actor.organization_id, id));
    if (!row || !StaffSees(actor, row->notification)) return Fail(Error::NotFound("notification not found"));
    return StaffNotification{row->notification, row->guardian_name, TRY(store::ListAttempts(tx, id))};
  });
}

Result<StaffNotification> Notifications::RetryNotification(const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireStaff(actor));
  const int64_t now = clock_.NowMs();
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto row = TRY(store::FindNotification(tx, actor.organization_id, id));
    if (!row || !StaffSees(actor, row->notification)) return Fail(Error::NotFound("notification not found"));
    if (!TRY(store::RetryNotification(tx, id, now)))
      return Fail(Error::Conflict(reason::kNotDead.WithText(
          "only a dead notification can be retried (this one is " + row->notification.status + ")")));
    return store::InsertAudit(tx, {actor.organization_id, actor.user_id, "notification.retry", "notification", id},
                              NewId(now), now);
  }));
  if (ctx_.hooks.outbox_written) ctx_.hooks.outbox_written({});
  return GetNotification(actor, id);
}

Result<std::shared_ptr<notify::Listener>> Notifications::ListenLive(const Actor& actor) {
  TRY_STATUS(MayListenLive(actor));
  if (!ctx_.hooks.hub) return Fail(Error::Unavailable(reason::kLiveUnavailable));
  notify::Audience a;
  a.organization_id = actor.organization_id;
  a.user_id = actor.user_id;
  a.staff = IsStaff(actor);
  a.all_facilities = IsOrgAdmin(actor);
  a.facility_ids = actor.facility_ids;
  a.family_id = actor.family_id;
  return ctx_.hooks.hub->Listen(std::move(a));
}

}  // namespace tadaima::service
