// The QR code full-screen and bright, to hold up to the reader at the window: the child's
// own code, or the family's code (drop-in rooms read one code for the family). The screen
// is kept awake while it is shown, where the browser allows.
import { useEffect } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { ErrorMessage, Loading } from '../../shared/ui/feedback';
import { pickChild, useMyChildren } from '../children';
import { errorText } from '../../shared/form';
import { useTitle } from '../layout';
import { go, Link } from '../router';
import { api } from '../../shared/session';

/** Keeps the screen on while mounted (Screen Wake Lock), where supported. */
function useWakeLock(): void {
  useEffect(() => {
    const wake = (navigator as Navigator & { wakeLock?: { request: (type: 'screen') => Promise<{ release: () => Promise<void> }> } }).wakeLock;
    if (!wake) return;
    let lock: { release: () => Promise<void> } | null = null;
    let live = true;
    const acquire = () => {
      if (document.visibilityState !== 'visible') return;
      wake.request('screen').then((l) => {
        if (live) lock = l;
        else void l.release();
      }, () => undefined);
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', acquire);
      void lock?.release().catch(() => undefined);
    };
  }, []);
}

export function QrPage({ child_id, family }: { child_id: string | null; family: boolean }) {
  const children = useMyChildren();
  const item = children.data ? pickChild(children.data, child_id) : undefined;
  const title = item ? t(family ? 'parent.qr.family_title' : 'parent.qr.title', { name: item.child.name }) : t('parent.show_qr');
  useTitle(title);
  useWakeLock();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') go('/');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!item) {
    return (
      <>
        {children.error !== null && <ErrorMessage>{errorText(children.error)}</ErrorMessage>}
        {children.data === null ? <Loading label={t('common.loading')} /> : <p>{t('parent.no_children')}</p>}
      </>
    );
  }
  const has_drop_in = item.facilities.some((f) => f.kind === 'drop_in');
  const src = family ? api.familyQrUrl(item.child.family_id, 'svg') : api.childQrUrl(item.child.id, 'svg');
  const q = `?child=${encodeURIComponent(item.child.id)}`;
  return (
    <section class="pa-qr" aria-labelledby="qr-title">
      <h1 id="qr-title" class="pa-qr-name">{title}</h1>
      <img class="pa-qr-image" src={src} alt={t('parent.qr.alt', { name: family ? t('parent.qr.family') : item.child.name })} />
      <p class="pa-qr-hint">{t('parent.qr.hint')}</p>
      <div class="pa-qr-actions">
        {has_drop_in && (
          <Link to={family ? `/qr${q}` : `/qr${q}&code=family`} class="btn btn--secondary">
            {family ? t('parent.qr.show_child') : t('parent.qr.show_family')}
          </Link>
        )}
        <Link to="/" class="btn btn--primary">{t('common.close')}</Link>
      </div>
    </section>
  );
}
