// The frame of every page of the parents' app: a top bar (name, language switch) and, when
// signed in, a tab bar at the bottom of the screen within thumb's reach (home, plans,
// notifications and contact threads with their unread counts, settings), and above every
// page the emergency notices in force. Signed-out pages use <Frame>. The title, language switch and page heading are ../shared/ui/page's.
import type { ComponentChildren } from 'preact';
import { t, useLang, type MessageKey } from '../shared/i18n';
import { LangSwitch as SharedLangSwitch, useFocusMainOnNavigation } from '../shared/ui/page';
import { FreshLink, useFresh } from '../shared/fresh';
import { Link, useLocation } from './router';
import { api } from '../shared/session';
import { useUnreadThreads } from './thread_count';
import { EmergencyBanner } from '../shared/ui/emergency_banner';

export { PageHead, useTitle } from '../shared/ui/page';

/** The language switch, labelled for screen readers. */
export function LangSwitch() {
  return <SharedLangSwitch label={t('lang.switch_label')} />;
}

/** A page without the tab bar (sign-in, the forced password change). */
export function Frame({ children, actions }: { children: ComponentChildren; actions?: ComponentChildren }) {
  useLang();
  return (
    <>
      <a class="skip-link" href="#main">{t('nav.skip')}</a>
      <header class="topbar pa-topbar">
        <span class="brand">{t('app.title')}</span>
        {actions}
        <LangSwitch />
      </header>
      <main id="main" class="pa-main" tabIndex={-1}>{children}</main>
    </>
  );
}

type IconName = 'home' | 'calendar' | 'bell' | 'chat' | 'gear';

const kIconPaths: Record<IconName, string> = {
  home: 'M3 11 12 3l9 8M5.5 9.5V21h13V9.5M10 21v-6h4v6',
  calendar: 'M4 6h16v15H4zM4 10h16M8 3v5M16 3v5M8 14h2M14 14h2M8 17h2',
  bell: 'M6 17V11a6 6 0 0 1 12 0v6l2 2H4zM10 21h4',
  chat: 'M4 4h16v12H9l-5 4zM8 9h8M8 12h5',
  gear: 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9 7 7M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1',
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg class="pa-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={kIconPaths[name]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

const kTabs: { to: string; key: MessageKey; icon: IconName }[] = [
  { to: '/', key: 'parent.nav.home', icon: 'home' },
  { to: '/plans', key: 'parent.nav.plans', icon: 'calendar' },
  { to: '/notifications', key: 'parent.nav.notifications', icon: 'bell' },
  { to: '/threads', key: 'thread.nav_app', icon: 'chat' },
  { to: '/settings', key: 'parent.nav.settings', icon: 'gear' },
];

const unread_link = new FreshLink<number>();

/** Asks the tab bar to fetch the unread count again (after marking items read). */
export function refreshUnread(): void {
  unread_link.reload();
}

function useUnreadCount(): number {
  const unread = useFresh(
    'unread',
    () => api.notifications({ limit: 1 }).then((page) => page.unread_count),
    (event) => event.type === 'notification' || event.type === 'push',
    { link: unread_link },
  );
  return unread.data ?? 0;
}

function isCurrent(tab: string, path: string): boolean {
  if (tab === '/') {
    return path === '/' || path.startsWith('/children/') || path === '/qr' || path === '/history' || path === '/rooms'
      || path === '/surveys' || path.startsWith('/surveys/')
      || path === '/calendar' || path.startsWith('/calendar/');
  }
  if (tab === '/notifications' && (path === '/messages' || path.startsWith('/messages/'))) return true;
  return path === tab || path.startsWith(`${tab}/`);
}

/** The signed-in frame: top bar, the page in <main>, the tab bar. */
export function Shell({ children }: { children: ComponentChildren }) {
  useLang();
  const { path } = useLocation();
  const unread = useUnreadCount();
  const unread_threads = useUnreadThreads();
  useFocusMainOnNavigation(path);
  return (
    <>
      <a class="skip-link" href="#main">{t('nav.skip')}</a>
      <header class="topbar pa-topbar">
        <span class="brand">{t('app.title')}</span>
        <LangSwitch />
      </header>
      <main id="main" class="pa-main pa-main--tabs" tabIndex={-1}>
        <EmergencyBanner load={api.emergencies} more={(n) => (
          <Link to={`/messages/${encodeURIComponent(n.id)}`} label={t('emergency.more_label', { title: n.title })}>
            {t('emergency.more')}
          </Link>
        )} />
        {children}
      </main>
      <nav class="pa-tabs" aria-label={t('nav.label')}>
        <ul>
          {kTabs.map((tab) => {
            const count = tab.to === '/notifications' ? unread : tab.to === '/threads' ? unread_threads : 0;
            const label = count > 0
              ? t(tab.to === '/threads' ? 'thread.nav_app_unread' : 'parent.nav.notifications_unread', { n: count })
              : undefined;
            return (
              <li key={tab.to}>
                <Link to={tab.to} current={isCurrent(tab.to, path)} label={label}>
                  <Icon name={tab.icon} />
                  <span>{t(tab.key)}</span>
                  {count > 0 && <span class="pa-count" aria-hidden="true">{count > 99 ? '99+' : count}</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
