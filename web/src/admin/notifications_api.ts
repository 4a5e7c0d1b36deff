// The staff side of the notification outbox (issue 4): the delivery list, one
// notification with its delivery history, and retrying a dead one. Calls go through
// the admin's one API client (CSRF header, same origin).
import { ApiError, query } from '../shared/api';
import type { NotificationKind, Page } from '../shared/types';
import { api } from './session';

export type NotificationStatus = 'pending' | 'delivered' | 'dead' | 'cancelled';
export type NotificationChannel = 'push' | 'email' | 'inapp';

export const kNotificationStatuses: readonly NotificationStatus[] = ['pending', 'delivered', 'dead', 'cancelled'];
export const kNotificationChannels: readonly NotificationChannel[] = ['push', 'email', 'inapp'];

/** One delivery of one event to one guardian on one channel. */
export interface StaffNotification {
  id: string;
  kind: NotificationKind | string;
  channel: NotificationChannel | string;
  status: NotificationStatus | string;
  guardian: { id: string; name: string };
  child_id?: string | null;
  child_name?: string | null;
  facility_id?: string | null;
  attempts: number;
  last_error?: string | null;
  created_at: string;
  delivered_at?: string | null;
  next_attempt_at?: string | null;
}

export interface DeliveryAttempt {
  at: string;
  result: string;
  detail?: string | null;
}

export interface StaffNotificationDetail extends StaffNotification {
  history: DeliveryAttempt[];
}

export interface NotificationFilter {
  facility_id?: string;
  child_id?: string;
  status?: string;
  channel?: string;
}

async function call<T>(method: 'GET' | 'POST', path: string): Promise<T> {
  const res = await api.request<T>(method, path);
  if (res.status < 200 || res.status > 299) throw new ApiError(res.status, res.body);
  return res.body;
}

export const notificationsApi = {
  /** Newest first, of the facilities the staff member covers. */
  list: (f: NotificationFilter, cursor: string | null, limit = 50): Promise<Page<StaffNotification>> =>
    call<Page<StaffNotification>>('GET', `/api/v1/notifications${query({
      facility_id: f.facility_id, child_id: f.child_id, status: f.status, channel: f.channel, cursor, limit,
    })}`),
  get: (id: string): Promise<StaffNotificationDetail> =>
    call<StaffNotificationDetail>('GET', `/api/v1/notifications/${encodeURIComponent(id)}`),
  /** A dead notification goes back to pending. */
  retry: async (id: string): Promise<void> => {
    await call<unknown>('POST', `/api/v1/notifications/${encodeURIComponent(id)}/retry`);
  },
};
