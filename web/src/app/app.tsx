// The parents' app: finds out who is signed in, then shows sign-in, the forced password
// change, or the page of the current URL inside the shell. Staff signed in on the same
// browser are pointed to the admin pages. The session cookie lasts 30 days, so a parent
// stays signed in until signing out; signing out also ends push on this device and
// forgets the survey drafts kept on it.
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
import { QrPage } from './pages/qr';
import { SettingsPage } from './pages/settings';
import { SurveyPage } from './pages/survey';
import { SurveysPage } from './pages/surveys';
import { ThreadPage } from './pages/thread';
import { NewThreadPage, ThreadsPage } from './pages/threads';
import { Link, match, useLocation } from './router';
import { forgetSurveyDrafts } from './survey_draft';
import { api, SessionContext, type Session } from '../shared/session';

type State =
  | { kind: 'loading' }
  | { kind: 'signed_out' }
  | { kind: 'failed' }
  | { kind: 'staff'; user: User }
  | { kind: 'signed_in'; user: User };

export function App() {
  useLang();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const accept = (user: User) => setState(user.role === 'guardian' ? { kind: 'signed_in', user } : { kind: 'staff', user });
  const load = () =>
    api.me().then(accept, (err) =>
      setState(err instanceof ApiError && err.status === 401 ? { kind: 'signed_out' } : { kind: 'failed' }));
  useEffect(() => void load(), []);

  const signOut = async () => {
    closeLiveEvents();
    // This device stops receiving the notifications of the one signing out.
    await disablePush().catch(() => undefined);
    await api.logout().catch(() => undefined);
    forgetSurveyDrafts();
    setState({ kind: 'signed_out' });
  };

  const user = state.kind === 'signed_in' ? state.user : null;
  const session = useMemo<Session | null>(
    () =>
      user && {
        user,
        expire: () => {
          closeLiveEvents();
          setState({ kind: 'signed_out' });
        },
        signOut,
      },
    [user],
  );

  if (state.kind === 'loading') return <Frame><Loading label={t('common.loading')} /></Frame>;
  if (state.kind === 'failed') {
    return (
      <Frame>
        <ErrorMessage>{t('error.network')}</ErrorMessage>
        <Button onClick={() => { setState({ kind: 'loading' }); void load(); }}>{t('parent.retry')}</Button>
      </Frame>
    );
  }
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
      return <QrPage child_id={child} family={params.get('code') === 'family'} />;
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
