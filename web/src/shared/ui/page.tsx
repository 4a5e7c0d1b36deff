// The parts of a page frame both the admin and the parents' app use: the document title,
// the ja/en switch, the page heading, and moving focus to <main id="main"> after an
// in-app navigation. Each app's layout.tsx builds its own top bar and navigation from them,
// and its <Frame> of a page without navigation (a FrameComponent, which the shared pages
// in ../pages take).
import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { getLang, setLang, t, useLang } from '../i18n';
import { Button } from './feedback';

/** A front end's frame of a page without navigation: its top bar (with `actions`) and <main>. */
export type FrameComponent = ComponentType<{ children: ComponentChildren; actions?: ComponentChildren }>;

/** Sets document.title to "<title> – ただいま". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${t('app.title')}`;
  }, [title]);
}

/** Switches between Japanese and English; `label` is the button's aria-label, if any. */
export function LangSwitch({ label }: { label?: string }) {
  const lang = useLang();
  const other = lang === 'ja' ? 'en' : 'ja';
  return (
    <Button variant="link" onClick={() => setLang(getLang() === 'ja' ? 'en' : 'ja')} label={label}>
      <span lang={other}>{t('lang.switch')}</span>
    </Button>
  );
}

/** After an in-app navigation to `path` (not on the first render), focuses <main id="main">. */
export function useFocusMainOnNavigation(path: string): void {
  const first_path = useRef(path);
  useEffect(() => {
    if (path !== first_path.current) document.getElementById('main')?.focus();
    first_path.current = '';
  }, [path]);
}

/** The heading row of a page (and the document title), with optional actions on the right. */
export function PageHead({ title, children, actionsClass = 'actions' }:
  { title: string; children?: ComponentChildren; actionsClass?: string }) {
  useTitle(title);
  return (
    <div class="page-head">
      <h1>{title}</h1>
      {children && <div class={actionsClass}>{children}</div>}
    </div>
  );
}
