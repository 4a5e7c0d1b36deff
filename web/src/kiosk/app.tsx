// The kiosk page (/kiosk/): pairing first, then the check-in screen. With a stored
// token and the facility it named, the page starts at once, even offline, and asks the
// server again in the background; a token the server refuses (401) is forgotten.
import { useEffect, useState } from 'preact/hooks';
import { syncWithServer } from './clock';
import { ApiError, createKioskApi } from '../shared/api';
import { t, useLang } from '../shared/i18n';
import { Loading } from '../shared/ui/feedback';
import type { KioskMe } from '../shared/types';
import { KioskScreen } from './kiosk_screen';
import { PairingScreen } from './pairing_screen';
import { forgetPairing, storedMe, storedToken, storeMe, storeToken, takeTokenFromUrl } from './pairing';
import { unlockSound } from './sound';

type State =
  | { kind: 'unpaired'; error: string; busy: boolean }
  | { kind: 'checking' }
  | { kind: 'paired'; token: string; me: KioskMe };

function initialState(): State {
  takeTokenFromUrl();
  const token = storedToken();
  const me = storedMe();
  if (token && me) return { kind: 'paired', token, me };
  if (token) return { kind: 'checking' };
  return { kind: 'unpaired', error: '', busy: false };
}

const kHeartbeatMs = 10 * 60 * 1000;

export function App() {
  useLang();
  const [state, setState] = useState<State>(initialState);

  /** Asks the server who the token is; `quiet` keeps the current screen on a network error. */
  const check = async (token: string, quiet: boolean) => {
    try {
      const me = await createKioskApi(token).kioskMe();
      syncWithServer(me.server_time);
      storeMe(me);
      setState({ kind: 'paired', token, me });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        forgetPairing();
        setState({ kind: 'unpaired', error: t('kiosk.pair_bad_token'), busy: false });
      } else if (!quiet) {
        setState({ kind: 'unpaired', error: t('error.network'), busy: false });
      }
    }
  };

  useEffect(() => {
    document.title = t('kiosk.title');
    const token = storedToken();
    if (token) void check(token, state.kind === 'paired');
    // The pairing link opened on a page that is already here changes only the hash.
    const onHash = () => {
      if (!takeTokenFromUrl()) return;
      setState({ kind: 'checking' });
      void check(storedToken()!, false);
    };
    window.addEventListener('hashchange', onHash);
    // A heartbeat: keeps the clock offset fresh and shows staff when the kiosk was last seen.
    const heartbeat = window.setInterval(() => {
      const current = storedToken();
      if (current) void check(current, true);
    }, kHeartbeatMs);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.clearInterval(heartbeat);
    };
  }, []);

  switch (state.kind) {
    case 'checking':
      return <main class="narrow"><Loading label={t('common.loading')} /></main>;
    case 'unpaired':
      return (
        <PairingScreen error={state.error} busy={state.busy} onToken={(token) => {
          void unlockSound();
          storeToken(token);
          setState({ kind: 'unpaired', error: '', busy: true });
          void check(token, false);
        }} />
      );
    case 'paired':
      return (
        <KioskScreen key={state.token} token={state.token} me={state.me} onUnpair={() => {
          forgetPairing();
          setState({ kind: 'unpaired', error: '', busy: false });
        }} />
      );
  }
}
