// The emergency notices in force (GET /emergencies) as a banner at the top of the parents'
// app, the kiosk and the roster, until staff end them. Fetched when shown, every poll_ms,
// and whenever the page becomes visible again; a failed fetch keeps what was shown (a
// notice must not vanish because the network did). Changes are announced assertively.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { EmergencyNotice } from '../types';

export const kEmergencyPollMs = 30_000;

export interface EmergencyBannerProps {
  /** The caller's GET /emergencies (the kiosk's with its token). */
  load: () => Promise<EmergencyNotice[]>;
  poll_ms?: number;
  /** A link to the whole notice, where there is a page for it (the parents' app). */
  more?: (notice: EmergencyNotice) => ComponentChildren;
}

/** The first `max` characters of the body, lines joined. */
const preview = (body: string, max = 120) => {
  const text = body.replace(/\s*\n\s*/g, ' ');
  return [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text;
};

export function EmergencyBanner({ load, poll_ms = kEmergencyPollMs, more }: EmergencyBannerProps) {
  const [notices, setNotices] = useState<EmergencyNotice[]>([]);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    let live = true;
    // Only the latest fetch's answer is shown: an older, slower one never brings back an ended notice.
    let latest = 0;
    const fetchNow = () => {
      const seq = ++latest;
      return loader.current().then((got) => live && seq === latest && setNotices(got), () => undefined);
    };
    const onVisible = () => document.visibilityState === 'visible' && void fetchNow();
    void fetchNow();
    const timer = setInterval(() => void fetchNow(), poll_ms);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [poll_ms]);

  return (
    <div class="emergency-banners" aria-live="assertive">
      {notices.map((n) => (
        <section key={n.id} class="emergency-banner" aria-label={t('emergency.label')}>
          <p class="emergency-title"><span class="emergency-badge">{t('emergency.badge')}</span> {n.title}</p>
          <p class="emergency-body">{preview(n.body)}</p>
          {more?.(n)}
        </section>
      ))}
    </div>
  );
}
