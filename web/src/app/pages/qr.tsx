// The QR code full-screen and bright, to hold up to the reader at the window: the child's
// own code, or the family's code (drop-in rooms read one code for the family). For a child
// who uses drop-in rooms only, the family's code comes first and the child's is the second
// choice; otherwise the child's comes first (?code=family or ?code=child chooses). The screen
// is kept awake while it is shown, where the browser allows. Each code shown is fetched
// fresh and saved on the phone (../saved_qr); without a network the saved code is shown,
// with when it was saved.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api';
import { t } from '../../shared/i18n';
import { ErrorMessage, Loading } from '../../shared/ui/feedback';
import { useMyChildren } from '../children';
import { formatDayTime } from '../../shared/dates';
import { errorText } from '../../shared/form';
import { useSession } from '../../shared/session';
import { useTitle } from '../layout';
import { go, Link } from '../router';
import { api } from '../../shared/session';
import { codeKey, loadCode, saveChildren, savedChildren, savedChildrenOf, svgDataUrl, type SavedChild, type SavedCode } from '../saved_qr';

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

interface QrProps {
  child_id: string | null;
  /** ?code=: "family" or "child" as chosen; else the first for the child. */
  code: string | null;
}

/** Whether the family's code is shown: as chosen, else first for a child of drop-in rooms only. */
function showsFamily(item: SavedChild, code: string | null): boolean {
  if (code === 'family' || code === 'child') return code === 'family';
  return item.drop_in_only === true;
}

/** The QR page of the signed-in guardian: the children from the server, else the saved ones. */
export function QrPage(props: QrProps) {
  const { user } = useSession();
  const children = useMyChildren();
  const fresh = children.data && savedChildren(children.data);
  useEffect(() => void (fresh && saveChildren(user.id, fresh)), [children.data]);
  const offline = !fresh && children.error !== null && !(children.error instanceof ApiError);
  const list = fresh ?? (offline ? savedChildrenOf(user.id) : null);
  const error = list && list.length > 0 ? null : children.error;
  return <QrView {...props} user_id={user.id} list={list} error={error} />;
}

/** The QR page while the server cannot be reached at start: the codes saved for `user_id`. */
export function OfflineQrPage(props: QrProps & { user_id: string }) {
  return <QrView {...props} list={savedChildrenOf(props.user_id)} error={null} />;
}

type Shown = (SavedCode & { saved: boolean }) | null | undefined;

/** The code `key` at `url`: undefined while loading, null when unreachable and none is saved. */
function useCode(user_id: string, key: string | null, url: string | null): { code: Shown; error: unknown } {
  const [got, setGot] = useState<{ key: string | null; code: Shown; error: unknown }>({ key: null, code: undefined, error: null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    // Back online: fetch again, so a reissued code replaces the saved one.
    const again = () => setRound((n) => n + 1);
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, []);
  useEffect(() => {
    if (!key || !url) return;
    let live = true;
    loadCode(user_id, key, url).then(
      (code) => live && setGot({ key, code, error: null }),
      (error: unknown) => live && setGot({ key, code: undefined, error }),
    );
    return () => void (live = false);
  }, [user_id, key, url, round]);
  return got.key === key ? got : { code: undefined, error: null };
}

function QrView({ user_id, list, error, child_id, code: chosen }: QrProps & { user_id: string; list: SavedChild[] | null; error: unknown }) {
  const item = list ? (list.find((c) => c.id === child_id) ?? list[0]) : undefined;
  const family = item ? showsFamily(item, chosen) : false;
  const title = item ? t(family ? 'parent.qr.family_title' : 'parent.qr.title', { name: item.name }) : t('parent.show_qr');
  useTitle(title);
  useWakeLock();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') go('/');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const key = item ? (family ? codeKey('family', item.family_id) : codeKey('child', item.id)) : null;
  const url = item ? (family ? api.familyQrUrl(item.family_id, 'svg') : api.childQrUrl(item.id, 'svg')) : null;
  const shown = useCode(user_id, key, url);

  if (!item) {
    return (
      <>
        {error !== null && <ErrorMessage>{errorText(error)}</ErrorMessage>}
        {list === null ? (error === null && <Loading label={t('common.loading')} />) : <p>{t('parent.no_children')}</p>}
      </>
    );
  }
  const { code } = shown;
  const q = `?child=${encodeURIComponent(item.id)}`;
  return (
    <section class="pa-qr" aria-labelledby="qr-title">
      <h1 id="qr-title" class="pa-qr-name">{title}</h1>
      {code?.saved && (
        <p class="pa-qr-saved" role="status">{t('parent.qr.saved', { at: formatDayTime(code.saved_at) })}</p>
      )}
      {code ? (
        <img class="pa-qr-image" src={svgDataUrl(code.svg)} alt={t('parent.qr.alt', { name: family ? t('parent.qr.family') : item.name })} />
      ) : shown.error !== null || code === null ? (
        <ErrorMessage>{shown.error !== null ? errorText(shown.error) : t('parent.qr.none_saved')}</ErrorMessage>
      ) : (
        <Loading label={t('common.loading')} />
      )}
      <p class="pa-qr-hint">{t('parent.qr.hint')}</p>
      <div class="pa-qr-actions">
        {item.has_drop_in && (
          <Link to={family ? `/qr${q}&code=child` : `/qr${q}&code=family`} class="btn btn--secondary">
            {family ? t('parent.qr.show_child') : t('parent.qr.show_family')}
          </Link>
        )}
        <Link to="/" class="btn btn--primary">{t('common.close')}</Link>
      </div>
    </section>
  );
}
