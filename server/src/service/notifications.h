// Notifications as people see them: a guardian's inbox, channel preferences
// and push devices; staff's list of deliveries with their history (and
// sending a dead one again); and the live-event stream each may listen to.
// Thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "service/context.h"
#include "service/secrets.h"

namespace tadaima::service {

struct InboxPage {
  std::vector<Notification> items;
  std::optional<std::string> next_cursor;
  int64_t unread = 0;
};
struct NotificationFilter {
  std::optional<std::string> facility_id, child_id, status, channel, cursor;
  int limit = 50;
};
struct StaffNotification {
  Notification notification;
  std::string guardian_name;
  std::vector<NotificationAttempt> history;  // filled by GetNotification
};
struct StaffNotificationPage {
  std::vector<StaffNotification> items;
  std::optional<std::string> next_cursor;
};
struct SubscribedPush {
  PushSubscription subscription;
  bool created = false;
};

class Notifications : AreaService {
 public:
  Notifications(Context& ctx, Secrets& secrets) : AreaService(ctx), secrets_(secrets) {}

  // The server's VAPID public key, for the app's push subscription.
  Result<notify::VapidKey> VapidKey() { return secrets_.VapidKey(); }
  Result<InboxPage> Inbox(const Actor& actor, bool unread_only, const std::string& cursor, int limit);
  Status MarkNotificationRead(const Actor& actor, const std::string& id);
  Status MarkAllNotificationsRead(const Actor& actor);
  Result<NotificationPreferences> GetNotificationPreferences(const Actor& actor);
  Result<NotificationPreferences> SetNotificationPreferences(const Actor& actor, const NotificationPreferences& p);
  Result<SubscribedPush> SubscribePush(const Actor& actor, const std::string& endpoint, const std::string& p256dh,
                                       const std::string& auth);
  Result<std::vector<PushSubscription>> ListPushSubscriptions(const Actor& actor);
  Status DeletePushSubscription(const Actor& actor, const std::string& id);
  Result<StaffNotificationPage> ListNotifications(const Actor& actor, const NotificationFilter& filter);
  Result<StaffNotification> GetNotification(const Actor& actor, const std::string& id);
  Result<StaffNotification> RetryNotification(const Actor& actor, const std::string& id);
  // A listener of the live events the actor may see (staff, guardians).
  Result<std::shared_ptr<notify::Listener>> ListenLive(const Actor& actor);

 private:
  Secrets& secrets_;
};

}  // namespace tadaima::service
