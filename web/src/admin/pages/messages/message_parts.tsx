// What the message pages share: the labels of a message's priority, status and channels,
// its read share, and (from ../../../shared/ui/confirm_dialog) the dialog asking to confirm.
import { t, type MessageKey } from '../../../shared/i18n';
import type { MessageChannel, MessagePriority, StaffMessage } from '../../../shared/types';

export { MessageText } from '../../../shared/ui/message_text';

export const kMessageChannels: readonly MessageChannel[] = ['push', 'email', 'inapp'];

export const channelLabel = (c: MessageChannel) => t(`msg.channel.${c}` as MessageKey);
export const priorityLabel = (p: MessagePriority) => t(`msg.priority.${p}` as MessageKey);

/** An emergency notice sent and not yet ended: shown as a banner, may be ended. */
export const inForce = (m: StaffMessage) => m.priority === 'emergency' && m.status === 'sent' && !m.ended_at;

/** The status as staff say it: 送信済み, 予約, 取消, or for an emergency 緊急連絡中 / 終了. */
export function StatusBadge({ message: m }: { message: StaffMessage }) {
  const [key, badge] =
    m.status === 'scheduled' ? ['scheduled', 'n-pending']
    : m.status === 'cancelled' ? ['cancelled', 'n-cancelled']
    : inForce(m) ? ['in_force', 'n-dead']
    : m.priority === 'emergency' ? ['ended', 'unplanned']
    : ['sent', 'n-delivered'];
  return <span class={`badge badge--${badge}`}>{t(`msg.status.${key}` as MessageKey)}</span>;
}

/** 緊急 as a badge for an emergency; the plain word otherwise. */
export function PriorityBadge({ priority }: { priority: MessagePriority }) {
  if (priority !== 'emergency') return <>{priorityLabel(priority)}</>;
  return <span class="badge badge--not_arrived">{priorityLabel(priority)}</span>;
}

/** Read of the total as a whole percentage (0 when none was reached). */
export const readPercent = (read: number, families: number) => (families ? Math.round((read * 100) / families) : 0);

export { ConfirmDialog, type ConfirmProps } from '../../../shared/ui/confirm_dialog';
