// The frame of the public form: a skip link, a top bar (name, language switch) and <main>.
import type { ComponentChildren } from 'preact';
import { t, useLang } from '../shared/i18n';
import { LangSwitch } from '../shared/ui/page';

export function Frame({ children }: { children: ComponentChildren }) {
  useLang();
  return (
    <>
      <a class="skip-link" href="#main">{t('nav.skip')}</a>
      <header class="topbar reg-topbar">
        <span class="brand">{t('app.title')}</span>
        <LangSwitch label={t('lang.switch_label')} />
      </header>
      <main id="main" class="reg-main" tabIndex={-1}>{children}</main>
    </>
  );
}
