// Why a notification was not delivered, said to staff: the server records plain English
// text (last_error, a history entry's detail; server/src/notify dispatcher.cpp and
// senders.cpp). The known texts are said in the current language; the server's own text
// stays in a <details> for the administrator. An unknown text is shown as it is.
import { t, type MessageKey } from '../../shared/i18n';

type Said = [MessageKey, Record<string, string>?];

/** The known server texts, by their start; each match gives the key and its params. */
const kKnown: { pattern: RegExp; say: (m: RegExpExecArray) => Said }[] = [
  { pattern: /^no mail server is configured/, say: () => ['notify_error.no_mail_server'] },
  { pattern: /^the device's subscription was removed/, say: () => ['notify_error.subscription_removed'] },
  { pattern: /^the push service no longer knows this device/, say: () => ['notify_error.push_gone'] },
  { pattern: /^endpoint not allowed/, say: () => ['notify_error.endpoint_not_allowed'] },
  { pattern: /^cannot sign the VAPID token/, say: () => ['notify_error.vapid'] },
  { pattern: /^unknown channel/, say: () => ['notify_error.unknown_channel'] },
  { pattern: /^in the inbox$/, say: () => ['notify_error.in_inbox'] },
  { pattern: /^cannot (make|start) a transfer/, say: () => ['notify_error.not_started'] },
  { pattern: /^not finished within the batch's time/, say: () => ['notify_error.too_slow'] },
  { pattern: /^HTTP ([45]\d\d)\b/, say: (m) => ['notify_error.push_refused', { status: m[1] }] },
  { pattern: /\(SMTP ([45]\d\d)\)$/, say: (m) => ['notify_error.mail_refused', { code: m[1] }] },
];

/** The staff's text for a server's delivery text, or null when it is not a known one. */
export function notificationErrorText(raw: string): string | null {
  const gave_up = /^gave up after (\d+) attempts: ([\s\S]*)$/.exec(raw);
  if (gave_up) {
    return t('notify_error.gave_up', { n: gave_up[1], detail: notificationErrorText(gave_up[2]) ?? gave_up[2] });
  }
  for (const { pattern, say } of kKnown) {
    const m = pattern.exec(raw);
    if (m) {
      const [key, params] = say(m);
      return t(key, params);
    }
  }
  return null;
}

/** The translated reason, with the server's text under it in a <details>; nothing for "". */
export function NotificationError({ raw }: { raw: string | null | undefined }) {
  if (!raw) return null;
  const said = notificationErrorText(raw);
  if (!said) return <>{raw}</>;
  return (
    <>
      <span>{said}</span>
      <details class="raw-error">
        <summary>{t('notify_error.raw')}</summary>
        <code>{raw}</code>
      </details>
    </>
  );
}
