// The paired kiosk: the ready screen (facility, clock, the emergency notices in force,
// "show your card", camera view, queue count) under the result overlays (greeting in the
// words of the facility's kind), the USB scanner input and the staff menu.
import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { createKioskApi } from '../shared/api';
import { EmergencyBanner } from '../shared/ui/emergency_banner';
import { t } from '../shared/i18n';
import type { KioskMe } from '../shared/types';
import { Camera } from './camera';
import { KioskController } from './controller';
import { StampQueue } from './offline_queue';
import { ResultView } from './result_view';
import { ScannerInput } from './scanner_input';
import { soundReady, unlockSound } from './sound';
import { StaffMenu } from './staff_menu';

function useClock(): string {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);
  return `${now.getHours()}:${String(now.getMinutes()).padStart(2, '0')}`;
}

export interface KioskScreenProps {
  token: string;
  me: KioskMe;
  /** Forget the pairing and show the pairing screen. */
  onUnpair: () => void;
}

export function KioskScreen({ token, me, onUnpair }: KioskScreenProps) {
  const api = useMemo(() => createKioskApi(token), [token]);
  const kiosk = useMemo(() => new KioskController(api, me.facility.id, new StampQueue()), [api, me.facility.id]);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const rerender = () => bump(undefined);
  useEffect(() => {
    const unsubscribe = [kiosk.subscribe(rerender), kiosk.queue.subscribe(rerender)];
    kiosk.start();
    return () => {
      kiosk.stop();
      for (const u of unsubscribe) u();
    };
  }, [kiosk]);
  const clock = useClock();
  const [sound_ok, setSoundOk] = useState(soundReady);
  const tap = () => {
    if (!sound_ok) void unlockSound().then(() => setSoundOk(soundReady()));
  };
  const queued = kiosk.queue.size();
  const screen = kiosk.screen;
  const scan = (text: string) => kiosk.scan(text);

  if (screen.kind === 'revoked') {
    return (
      <main class="kiosk kiosk--revoked" lang="ja">
        <section class="overlay overlay--refused" role="alert">
          <p class="headline">{t('kiosk.revoked')}</p>
          <p class="sub">{t('kiosk.revoked_hint')}</p>
          <button type="button" class="big-button" onClick={onUnpair}>{t('kiosk.pair_again')}</button>
        </section>
      </main>
    );
  }

  return (
    <main class="kiosk" onPointerDown={tap}>
      <header class="kiosk-bar">
        <span class="facility-name">{me.facility.name}</span>
        {queued > 0 && <span class="queue-badge" role="status">{t('kiosk.queue_count', { n: queued })}</span>}
        <time class="clock">{clock}</time>
      </header>
      <EmergencyBanner load={api.emergencies} />
      <section class="ready" aria-labelledby="ready-title">
        <h1 id="ready-title" class="ready-title">{t('kiosk.ready')}</h1>
        <p class="ready-hint">{t('kiosk.ready_hint')}</p>
        <Camera onCode={scan} />
      </section>
      <ResultView key={kiosk.seq} kiosk={kiosk} queued={queued} kind={me.facility.kind} />
      <ScannerInput onCode={scan} screen={screen} />
      {!sound_ok && <p class="sound-hint">{t('kiosk.sound_hint')}</p>}
      <StaffMenu me={me} api={api} kiosk={kiosk} onUnpair={onUnpair} />
    </main>
  );
}
