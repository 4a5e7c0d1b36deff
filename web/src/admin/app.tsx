// The admin app: finds out who is signed in, then shows sign-in, the forced
// password change, or the page of the current URL inside the shell.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../shared/api';
import { t, useLang } from '../shared/i18n';
import { ErrorMessage, Loading } from '../shared/ui/feedback';
import type { User } from '../shared/types';
import { invalidateFacilities } from './data';
import { Frame } from './layout';
import { ChangePasswordPage } from '../shared/pages/change_password';
import { SignInPage } from '../shared/pages/sign_in';
import { Routes } from './routes';
import { api, SessionContext, type Session } from '../shared/session';

/** The admin is for staff: a guardian who signs in here is signed out again and told so. */
const staffOnly = (user: User) => (user.role === 'guardian' ? 'sign_in.staff_only' as const : null);

type State =
  | { kind: 'loading' }
  | { kind: 'signed_out' }
  | { kind: 'failed' }
  | { kind: 'signed_in'; user: User };

export function App() {
  useLang();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = () =>
    api.me().then(
      (user) => setState(user.role === 'guardian' ? { kind: 'signed_out' } : { kind: 'signed_in', user }),
      (err) => setState(err instanceof ApiError && err.status === 401 ? { kind: 'signed_out' } : { kind: 'failed' }),
    );
  useEffect(() => void load(), []);

  const user = state.kind === 'signed_in' ? state.user : null;
  const session = useMemo<Session | null>(
    () =>
      user && {
        user,
        expire: () => {
          invalidateFacilities();
          setState({ kind: 'signed_out' });
        },
        signOut: async () => {
          await api.logout().catch(() => undefined);
          invalidateFacilities();
          setState({ kind: 'signed_out' });
        },
      },
    [user],
  );

  if (state.kind === 'loading') return <Frame><Loading label={t('common.loading')} /></Frame>;
  if (state.kind === 'failed') return <Frame><ErrorMessage>{t('error.network')}</ErrorMessage></Frame>;
  if (state.kind === 'signed_out' || !session) {
    return <SignInPage Frame={Frame} refuse={staffOnly} onSignedIn={(u) => setState({ kind: 'signed_in', user: u })} />;
  }
  return (
    <SessionContext.Provider value={session}>
      {session.user.must_change_password ? (
        <ChangePasswordPage forced Frame={Frame} onDone={() => void load()} />
      ) : (
        <Routes />
      )}
    </SessionContext.Provider>
  );
}
