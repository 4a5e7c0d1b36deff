// Notifications: the guardian's inbox, preferences and push subscriptions;
// staff's view of deliveries; live-event listeners.
#include <nlohmann/json.hpp>

#include <set>

#include "base/ids.h"
#include "rules/permissions.h"
#include "service/services.h"
#include "store/audit_store.h"
#include "store/inbox_store.h"
#include "store/notification_preference_store.h"
#include "store/outbox_store.h"
#include "store/push_subscription_store.h"
#include "store/secret_store.h"
#include "store/user_store.h"

namespace tadaima::service {
namespace {

Status GuardianOnly(const Actor& actor) {
  if (actor.role != Role::kGuardian) return Fail(Error::PermissionDenied("guardians only"));
  return {};
}

// Staff may see a row of a facility they cover (org_admin: every row of the organization).
bool StaffSees(const Actor& actor, const Notification& n) {
  if (IsOrgAdmin(actor)) return true;
  return n.facility_id && StaffCoversFacility(actor, *n.facility_id);
}

}  // namespace

Result<notify::VapidKey> Services::VapidKey() {
  std::lock_guard lock(key_mu_);
  if (vapid_key_) return *vapid_key_;
  auto candidate = TRY(notify::NewVapidKey());
  auto pem = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) {
    return store::EnsureServerKey(tx, "vapid_private", candidate.private_pem, clock_.NowMs());
  }));
  vapid_key_ = TRY(notify::LoadVapidKey(pem));
  return *vapid_key_;
}

Result<InboxPage> Services::Inbox(const Actor& actor, bool unread_only, const std::string& cursor, int limit) {
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

Status Services::MarkNotificationRead(const Actor& actor, const std::string& id) {
  TRY_STATUS(GuardianOnly(actor));
  const int64_t now = clock_.NowMs();
  bool found = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) { return store::MarkRead(tx, actor.user_id, id, now); }));
  if (!found) return Fail(Error::NotFound("notification not found"));
  return {};
}

Status Services::MarkAllNotificationsRead(const Actor& actor) {
  TRY_STATUS(GuardianOnly(actor));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) { return store::MarkAllRead(tx, actor.user_id, now); });
}

Result<NotificationPreferences> Services::GetNotificationPreferences(const Actor& actor) {
  TRY_STATUS(GuardianOnly(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::FindPreferences(tx, actor.user_id); });
}

Result<NotificationPreferences> Services::SetNotificationPreferences(const Actor& actor,
                                                                     const NotificationPreferences& p) {
  TRY_STATUS(GuardianOnly(actor));
  if (p.language != "ja" && p.language != "en") return Fail(Error::InvalidField("language", "must be ja or en"));
  if (p.quiet_from.has_value() != p.quiet_to.has_value())
    return Fail(Error::InvalidField("quiet_hours", "needs both from and to"));
  if (p.quiet_from && *p.quiet_from == *p.quiet_to)
    return Fail(Error::InvalidField("quiet_hours.to", "must differ from quiet_hours.from"));
  const int64_t now = clock_.NowMs();
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) { return store::SavePreferences(tx, actor.user_id, p, now); }));
  return p;
}

Result<SubscribedPush> Services::SubscribePush(const Actor& actor, const std::string& endpoint,
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
        return Fail(Error::Conflict("this device receives another account's notifications; turn them off there first",
                                    {{"endpoint", "is registered to another account"}}));
      TRY_STATUS(store::DeleteSubscription(tx, existing->id, "the device signed in as another guardian", now));
    }
    PushSubscription s{NewId(now), actor.organization_id, actor.user_id, endpoint, p256dh, auth, now};
    TRY_STATUS(store::InsertSubscription(tx, s, now));
    return SubscribedPush{s, true};
  });
}

Result<std::vector<PushSubscription>> Services::ListPushSubscriptions(const Actor& actor) {
  TRY_STATUS(GuardianOnly(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::ListSubscriptions(tx, actor.user_id); });
}

Status Services::DeletePushSubscription(const Actor& actor, const std::string& id) {
  TRY_STATUS(GuardianOnly(actor));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto s = TRY(store::FindSubscription(tx, id));
    if (!s || s->user_id != actor.user_id) return Fail(Error::NotFound("subscription not found"));
    return store::DeleteSubscription(tx, id, "the guardian turned off push on this device", now);
  });
}

Result<StaffNotificationPage> Services::ListNotifications(const Actor& actor, const NotificationFilter& f) {
  if (!IsStaff(actor)) return Fail(Error::PermissionDenied("staff only"));
  if (f.facility_id && !StaffCoversFacility(actor, *f.facility_id)) return Fail(Error::NotFound("facility not found"));
  static const std::set<std::string> kStatuses{"pending", "delivered", "dead", "cancelled"};
  static const std::set<std::string> kChannels{"push", "email", "inapp"};
  if (f.status && !kStatuses.count(*f.status))
    return Fail(Error::InvalidField("status", "must be pending, delivered, dead or cancelled"));
  if (f.channel && !kChannels.count(*f.channel)) return Fail(Error::InvalidField("channel", "must be push, email or inapp"));
  store::NotificationQuery q;
  q.organization_id = actor.organization_id;
  if (!IsOrgAdmin(actor)) q.facility_ids = actor.facility_ids;
  q.facility_id = f.facility_id;
  q.child_id = f.child_id;
  q.status = f.status;
  q.channel = f.channel;
  if (f.cursor && !f.cursor->empty()) q.before_id = f.cursor;
  q.limit = f.limit + 1;
  auto rows = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::ListNotifications(tx, q); }));
  StaffNotificationPage page;
  for (auto& r : rows) page.items.push_back({std::move(r.notification), std::move(r.guardian_name), {}});
  if (static_cast<int>(page.items.size()) > f.limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().notification.id;
  }
  return page;
}

Result<StaffNotification> Services::GetNotification(const Actor& actor, const std::string& id) {
  if (!IsStaff(actor)) return Fail(Error::PermissionDenied("staff only"));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<StaffNotification> {
    auto row = TRY(store::FindNotification(tx, actor.organization_id, id));
    if (!row || !StaffSees(actor, row->notification)) return Fail(Error::NotFound("notification not found"));
    return StaffNotification{row->notification, row->guardian_name, TRY(store::ListAttempts(tx, id))};
  });
}

Result<StaffNotification> Services::RetryNotification(const Actor& actor, const std::string& id) {
  if (!IsStaff(actor)) return Fail(Error::PermissionDenied("staff only"));
  const int64_t now = clock_.NowMs();
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto row = TRY(store::FindNotification(tx, actor.organization_id, id));
    if (!row || !StaffSees(actor, row->notification)) return Fail(Error::NotFound("notification not found"));
    if (!TRY(store::RetryNotification(tx, id, now)))
      return Fail(Error::Conflict("only a dead notification can be retried (this one is " +
                                  row->notification.status + ")"));
    return store::InsertAudit(tx, {actor.organization_id, actor.user_id, "notification.retry", "notification", id},
                              NewId(now), now);
  }));
  if (hooks_.outbox_written) hooks_.outbox_written({});
  return GetNotification(actor, id);
}

Result<std::shared_ptr<notify::Listener>> Services::ListenLive(const Actor& actor) {
  if (actor.role == Role::kKiosk) return Fail(Error::PermissionDenied("kiosks have no live events"));
  if (!hooks_.hub) return Fail(Error::Unavailable("live events are not available"));
  notify::Audience a;
  a.organization_id = actor.organization_id;
  a.user_id = actor.user_id;
  a.staff = IsStaff(actor);
  a.all_facilities = IsOrgAdmin(actor);
  a.facility_ids = actor.facility_ids;
  a.family_id = actor.family_id;
  return hooks_.hub->Listen(std::move(a));
}

}  // namespace tadaima::service
