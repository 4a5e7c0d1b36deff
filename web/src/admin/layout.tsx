// The frame of every admin page: the top bar (brand, navigation, language, sign-out)
// and the document title. Signed-out pages use <Frame> without navigation.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { getLang, setLang, t, useLang, type MessageKey } from '../shared/i18n';
import { Button } from '../shared/ui/feedback';
import { Link, useLocation } from './router';
import { isAdmin, useSession } from './session';

/** Sets document.title to "<title> – ただいま". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${t('app.title')}`;
  }, [title]);
}

export function LangSwitch() {
  const lang = useLang();
  const other = lang === 'ja' ? 'en' : 'ja';
  return (
    <Button variant="link" onClick={() => setLang(getLang() === 'ja' ? 'en' : 'ja')}>
      <span lang={other}>{t('lang.switch')}</span>
    </Button>
  );
}

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

const kSections: { to: string; key: MessageKey; admin_only: boolean }[] = [
  { to: '/families', key: 'nav.families', admin_only: false },
  { to: '/roster', key: 'nav.roster', admin_only: false },
  { to: '/visits', key: 'nav.visits', admin_only: false },
  { to: '/notifications', key: 'nav.notifications', admin_only: false },
  { to: '/facilities', key: 'nav.facilities', admin_only: false },
  { to: '/staff', key: 'nav.staff', admin_only: true },
];

/** The signed-in frame: navigation on top, the page in <main>. */
export function Shell({ children }: { children: ComponentChildren }) {
  useLang();
  const { user, signOut } = useSession();
  const { path } = useLocation();
  const first_path = useRef(path);
  useEffect(() => {
    // After an in-app navigation, start reading (and tabbing) at the new page.
    if (path !== first_path.current) document.getElementById('main')?.focus();
    first_path.current = '';
  }, [path]);
  return (
    <>
      <a class="skip-link" href="#main">{t('nav.skip')}</a>
      <header class="topbar">
        <Brand />
        <nav aria-label={t('nav.label')}>
          <ul class="nav">
            {kSections
              .filter((s) => !s.admin_only || isAdmin(user))
              .map((s) => (
                <li key={s.to}>
                  <Link to={s.to} current={path === s.to || path.startsWith(`${s.to}/`)}>{t(s.key)}</Link>
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

/** The heading row of a page, with optional actions on the right. */
export function PageHead({ title, children }: { title: string; children?: ComponentChildren }) {
  useTitle(title);
  return (
    <div class="page-head">
      <h1>{title}</h1>
      {children && <div class="actions no-print">{children}</div>}
    </div>
  );
}
