// The parents' app: finds out who is signed in, then shows sign-in, the forced password
// change, or the page of the current URL inside the shell. Staff signed in on the same
// browser are pointed to the admin pages. The session cookie lasts 30 days, so a parent
// stays signed in until signing out; signing out also ends push on this device and
// forgets the survey drafts and the QR codes kept on it. While the server cannot be
// reached at start, /qr still shows the codes saved for the last user (../saved_qr).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../shared/api';
import { t, useLang } from '../shared/i18n';
import type { User } from '../shared/types';
import { Button, ErrorMessage, Loading } from '../shared/ui/feedback';
import { closeLiveEvents } from '../shared/live';
import { ChangePasswordPage } from '../shared/pages/change_password';
import { SignInPage } from '../shared/pages/sign_in';
import { disablePush } from './push';
import { Frame, Shell, useTitle } from './layout';
import { CalendarPage } from './pages/calendar';
import { CalendarEntryPage } from './pages/calendar_entry';
import { FamilyPage } from './pages/family';
import { HistoryPage } from './pages/history';
import { HomePage } from './pages/home';
import { InboxPage } from './pages/inbox';
import { MessagePage } from './pages/message';
import { MessagesPage } from './pages/messages';
import { PlansPage } from './pages/plans';
import { RoomsPage } from './pages/rooms';
import { OfflineQrPage, QrPage } from './pages/qr';
import { SettingsPage } from './pages/settings';
import { SurveyPage } from './pages/survey';
import { SurveysPage } from './pages/surveys';
import { ThreadPage } from './pages/thread';
import { NewThreadPage, ThreadsPage } from './pages/threads';
import { Link, match, useLocation } from './router';
import { forgetSurveyDrafts } from './survey_draft';
import { forgetSavedQr, lastSavedUser } from './saved_qr';
import { api, hasSessionCookie, SessionContext, type Session } from '../shared/session';

type State =
  | { kind: 'loading' }
  | { kind: 'signed_out' }
  | { kind: 'failed' }
  | { kind: 'staff'; user: User }
  | { kind: 'signed_in'; user: User };

export function App() {
  useLang();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const accept = (user: User) => {
    forgetSavedQr(user.role === 'guardian' ? user.id : null);
    setState(user.role === 'guardian' ? { kind: 'signed_in', user } : { kind: 'staff', user });
  };
  const signedOut = () => {
    forgetSavedQr();
    setState({ kind: 'signed_out' });
  };
  const load = () =>
    api.me().then(accept, (err) => (err instanceof ApiError && err.status === 401 ? signedOut() : setState({ kind: 'failed' })));
  useEffect(() => void load(), []);
  useEffect(() => {
    if (state.kind !== 'failed') return;
    const again = () => void load();
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [state.kind]);

  const signOut = async () => {
    closeLiveEvents();
    // This device stops receiving the notifications of the one signing out.
    await disablePush().catch(() => undefined);
    await api.logout().catch(() => undefined);
    forgetSurveyDrafts();
    signedOut();
  };

  const user = state.kind === 'signed_in' ? state.user : null;
  const session = useMemo<Session | null>(
    () =>
      user && {
        user,
        expire: () => {
          closeLiveEvents();
          signedOut();
        },
        signOut,
      },
    [user],
  );

  if (state.kind === 'loading') return <Frame><Loading label={t('common.loading')} /></Frame>;
  if (state.kind === 'failed') return <Unreachable retry={() => { setState({ kind: 'loading' }); void load(); }} />;
  if (state.kind === 'staff') return <StaffHere onSignOut={() => void signOut()} />;
  if (state.kind === 'signed_out' || !session) {
    return <SignInPage Frame={Frame} intro="parent.sign_in_intro" help="parent.sign_in_help" onSignedIn={accept} />;
  }
  return (
    <SessionContext.Provider value={session}>
      {session.user.must_change_password ? (
        <ChangePasswordPage forced Frame={Frame} onDone={() => void load()} />
      ) : (
        <Shell><Routes /></Shell>
      )}
    </SessionContext.Provider>
  );
}

/** The server cannot be reached: say so; /qr shows the codes saved for the last user. */
function Unreachable({ retry }: { retry: () => void }) {
  const { path, params } = useLocation();
  const saved_user = hasSessionCookie() ? lastSavedUser() : null;
  if (saved_user && path === '/qr') {
    return (
      <Frame>
        <OfflineQrPage user_id={saved_user} child_id={params.get('child')} code={params.get('code')} />
      </Frame>
    );
  }
  return (
    <Frame>
      <ErrorMessage>{t('error.network')}</ErrorMessage>
      <div class="actions">
        <Button onClick={retry}>{t('parent.retry')}</Button>
        {saved_user && <Link to="/qr" class="btn btn--secondary">{t('parent.qr.show_saved')}</Link>}
      </div>
    </Frame>
  );
}

function StaffHere({ onSignOut }: { onSignOut: () => void }) {
  useTitle(t('parent.staff_title'));
  return (
    <Frame>
      <h1>{t('parent.staff_title')}</h1>
      <p>{t('parent.staff_body')}</p>
      <div class="actions">
        <a class="btn btn--primary" href="/admin/">{t('parent.staff_admin')}</a>
        <Button variant="secondary" onClick={onSignOut}>{t('nav.sign_out')}</Button>
      </div>
    </Frame>
  );
}

function Routes() {
  const { path, params } = useLocation();
  const child = params.get('child');
  const month = params.get('month');
  switch (path) {
    case '/':
      return <HomePage />;
    case '/qr':
      return <QrPage child_id={child} code={params.get('code')} />;
    case '/plans':
      return <PlansPage child_id={child} month={month} />;
    case '/history':
      return <HistoryPage child_id={child} month={month} />;
    case '/notifications':
      return <InboxPage />;
    case '/settings':
      return <SettingsPage />;
    case '/messages':
      return <MessagesPage />;
    case '/threads':
      return <ThreadsPage />;
    case '/surveys':
      return <SurveysPage />;
    case '/threads/new':
      return <NewThreadPage child_id={child} />;
    case '/calendar':
      return <CalendarPage />;
    case '/family':
      return <FamilyPage />;
    case '/rooms':
      return <RoomsPage />;
    case '/password':
      return <ChangePasswordPage forced={false} Frame={Frame} onDone={() => undefined} />;
    default: {
      let m: Record<string, string> | null;
      if ((m = match('/messages/:id', path))) return <MessagePage key={m.id} id={m.id} />;
      if ((m = match('/threads/:id', path))) return <ThreadPage key={m.id} id={m.id} />;
      if ((m = match('/calendar/:id', path))) return <CalendarEntryPage key={m.id} id={m.id} />;
      if ((m = match('/surveys/:id', path))) return <SurveyPage key={m.id} id={m.id} />;
      return <NotFound />;
    }
  }
}

function NotFound() {
  useTitle(t('not_found.title'));
  return (
    <>
      <h1>{t('not_found.title')}</h1>
      <p><Link to="/">{t('parent.nav.home')}</Link></p>
    </>
  );
}
