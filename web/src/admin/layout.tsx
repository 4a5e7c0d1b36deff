// The frame of every admin page: the top bar (brand, navigation with the number of plan
// changes waiting under 連絡 and of unread contact threads under 保護者連絡, language, sign-out) and the page heading (from
// ../shared/ui/page). Signed-out pages use <Frame> without navigation. 事前登録 shows to
// org_admin and to the staff of a drop-in room (a registration covers every room).
import type { ComponentChildren } from 'preact';
import { t, useLang, type MessageKey } from '../shared/i18n';
import { Button } from '../shared/ui/feedback';
import { LangSwitch, PageHead as SharedPageHead, useFocusMainOnNavigation } from '../shared/ui/page';
import { Link, useLocation } from './router';
import { isAdmin, useSession } from '../shared/session';
import { useFacilities } from './data';
import { usePendingCount } from './pending';
import { useUnreadThreadCount } from './thread_count';

export { useTitle } from '../shared/ui/page';

function Brand() {
  return (
    <span class="brand">
      {t('app.title')} <span class="brand-sub">{t('app.admin')}</span>
    </span>
  );
}

/** A page without navigation (sign-in, forced password change). */
export function Frame({ children, actions }: { children: ComponentChildren; actions?: ComponentChildren }) {
  useLang();
  return (
    <>
      <a class="skip-link" href="#main">{t('nav.skip')}</a>
      <header class="topbar">
        <Brand />
        {actions}
        <LangSwitch />
      </header>
      <main id="main" class="narrow" tabIndex={-1}>{children}</main>
    </>
  );
}

const kSections: { to: string; key: MessageKey; admin_only: boolean; drop_in?: boolean }[] = [
  { to: '/families', key: 'nav.families', admin_only: false },
  { to: '/registrations', key: 'admin_reg.nav', admin_only: false, drop_in: true },
  { to: '/roster', key: 'nav.roster', admin_only: false },
  { to: '/plans', key: 'nav.pending', admin_only: false },
  { to: '/threads', key: 'thread.nav_admin', admin_only: false },
  { to: '/visits', key: 'nav.visits', admin_only: false },
  { to: '/notifications', key: 'nav.notifications', admin_only: false },
  { to: '/messages', key: 'msg.nav', admin_only: false },
  { to: '/calendar', key: 'cal.nav', admin_only: false },
  { to: '/surveys', key: 'survey.nav', admin_only: false },
  { to: '/stats', key: 'stats.nav', admin_only: false },
  { to: '/facilities', key: 'nav.facilities', admin_only: false },
  { to: '/staff', key: 'nav.staff', admin_only: true },
];

/** 連絡 with the number of plan changes waiting: 「連絡 3」, read as 「連絡 3件（未確認）」. */
function PendingLabel() {
  const n = usePendingCount();
  if (!n) return <>{t('nav.pending')}</>;
  return (
    <>
      {t('nav.pending')} <span class="nav-count">{n}</span>
      <span class="visually-hidden">{t('nav.pending_suffix')}</span>
    </>
  );
}

/** 保護者連絡 with the number of threads not read: 「保護者連絡 2」, read as 「保護者連絡 2件（未読）」. */
function ThreadsLabel() {
  const n = useUnreadThreadCount();
  if (!n) return <>{t('thread.nav_admin')}</>;
  return (
    <>
      {t('thread.nav_admin')} <span class="nav-count">{n}</span>
      <span class="visually-hidden">{t('thread.nav_admin_suffix')}</span>
    </>
  );
}

/** The signed-in frame: navigation on top, the page in <main>. */
export function Shell({ children }: { children: ComponentChildren }) {
  useLang();
  const { user, signOut } = useSession();
  const { path } = useLocation();
  const facilities = useFacilities();
  const drop_in = isAdmin(user) || !!facilities.data?.some((f) => f.kind === 'drop_in');
  useFocusMainOnNavigation(path);
  return (
    <>
      <a class="skip-link" href="#main">{t('nav.skip')}</a>
      <header class="topbar">
        <Brand />
        <nav aria-label={t('nav.label')}>
          <ul class="nav">
            {kSections
              .filter((s) => (!s.admin_only || isAdmin(user)) && (!s.drop_in || drop_in))
              .map((s) => (
                <li key={s.to}>
                  <Link to={s.to} current={path === s.to || path.startsWith(`${s.to}/`)}>
                    {s.to === '/plans' ? <PendingLabel /> : s.to === '/threads' ? <ThreadsLabel /> : t(s.key)}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <span class="who">{t('nav.signed_in_as', { name: user.name })}</span>
        <LangSwitch />
        <Button variant="link" onClick={() => void signOut()}>{t('nav.sign_out')}</Button>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}

/** The heading row of a page; its actions are left out of print. */
export function PageHead({ title, children }: { title: string; children?: ComponentChildren }) {
  return <SharedPageHead title={title} actionsClass="actions no-print">{children}</SharedPageHead>;
}
