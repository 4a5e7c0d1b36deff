// The client's calls of notifications, spread into createApi's object (api.ts) so that
// `Api` has them: the signed-in guardian's inbox, preferences and push devices, and the
// delivery of notifications as staff see it. `call` is createApi's: it unwraps a 2xx answer
// (or one key of it) and throws ApiError otherwise.
import { query } from './api';
import type { CallFn } from './message_api';
import type {
  InboxPage,
  InboxParams,
  NotificationPreferences,
  Page,
  PushSubscriptionInfo,
  PushSubscriptionInput,
  StaffNotification,
  StaffNotificationDetail,
  StaffNotificationParams,
} from './types';

const seg = encodeURIComponent;

export function notificationCalls(call: CallFn) {
  return {
    // notifications of the signed-in guardian (issue 4)
    /** The in-app inbox, newest first, with the number of unread items. */
    notifications: (p: InboxParams = {}) =>
      call<InboxPage>('GET', `/api/v1/me/notifications${query({ unread: p.unread ? 'true' : undefined, limit: p.limit, cursor: p.cursor })}`),
    readNotification: (id: string) => call<void>('POST', `/api/v1/me/notifications/${seg(id)}/read`),
    readAllNotifications: () => call<void>('POST', '/api/v1/me/notifications/read-all'),
    notificationPreferences: () =>
      call<NotificationPreferences>('GET', '/api/v1/me/notification-preferences'),
    updateNotificationPreferences: (p: NotificationPreferences) =>
      call<NotificationPreferences>('PUT', '/api/v1/me/notification-preferences', p),
    /** The server's VAPID public key (base64url of the 65-byte P-256 point). */
    pushPublicKey: () => call<string>('GET', '/api/v1/push/public-key', undefined, 'vapid_public_key'),
    /** 201 for a new device, 200 when the endpoint was known (keys updated). */
    addPushSubscription: (input: PushSubscriptionInput) =>
      call<PushSubscriptionInfo>('POST', '/api/v1/me/push-subscriptions', input),
    listPushSubscriptions: () =>
      call<PushSubscriptionInfo[]>('GET', '/api/v1/me/push-subscriptions', undefined, 'items'),
    deletePushSubscription: (id: string) => call<void>('DELETE', `/api/v1/me/push-subscriptions/${seg(id)}`),

    // the delivery of notifications (staff, issue 4)
    /** Newest first, of the facilities the staff member covers. */
    staffNotifications: (p: StaffNotificationParams = {}) =>
      call<Page<StaffNotification>>('GET', `/api/v1/notifications${query({
        facility_id: p.facility_id, child_id: p.child_id, status: p.status, channel: p.channel, limit: p.limit, cursor: p.cursor,
      })}`),
    staffNotification: (id: string) => call<StaffNotificationDetail>('GET', `/api/v1/notifications/${seg(id)}`),
    /** A dead notification goes back to pending. */
    retryNotification: (id: string) => call<StaffNotificationDetail>('POST', `/api/v1/notifications/${seg(id)}/retry`),
  };
}
