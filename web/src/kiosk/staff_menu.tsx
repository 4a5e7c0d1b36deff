// The staff corner of the kiosk, behind the facility's staff PIN: 職員メニュー first asks
// for it (./pin_pad.tsx → POST /kiosk/unlock); only then does it show which facility
// and device this is, the offline queue, the scans refused when sent late, 名前で受付
// (./name_search.tsx; the stamp shows the normal result screen, so the menu closes) and
// unpairing, confirmed inside the menu with the count of queued scans it would lose
// (it only forgets the token here; staff revoke it on the facility page of the admin).
// Every way the menu closes locks the kiosk again (POST /kiosk/lock, after a stamp by
// name has been answered); it closes by itself when the server's unlock runs out,
// reckoned on the server's clock (./clock.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Api } from '../shared/api';
import { reasonText, t } from '../shared/i18n';
import type { KioskChild, KioskMe } from '../shared/types';
import { Button } from '../shared/ui/feedback';
import { clockTime } from '../shared/ui/time';
import { serverNowMs } from './clock';
import type { KioskController } from './controller';
import { NameSearch } from './name_search';
import { PinPad } from './pin_pad';

export interface StaffMenuProps {
  me: KioskMe;
  api: Api;
  kiosk: KioskController;
  /** Forget the pairing and show the pairing screen. */
  onUnpair: () => void;
}

function errorText(err: unknown): string {
  return err instanceof ApiError ? reasonText(err.reason, {}, err.message) : t('error.network');
}

export function StaffMenu({ me, api, kiosk, onUnpair }: StaffMenuProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState<string | null>(null);
  const [pin_error, setPinError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const unlocked = useRef(false);
  const stamping = useRef<Promise<void>>(Promise.resolve());

  const show = () => {
    setUntil(null);
    setPinError('');
    setConfirming(false);
    setOpen(true);
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();
  const lock = () => {
    if (!unlocked.current) return;
    unlocked.current = false;
    void stamping.current.then(() => api.lockKiosk()).catch(() => undefined);
  };
  /** The dialog closed, whichever way (close button, Escape, a pick, the time running out). */
  const closed = () => {
    setOpen(false);
    setUntil(null);
    setConfirming(false);
    lock();
  };

  useEffect(() => {
    if (!until) return;
    const timer = setTimeout(close, Math.max(0, Date.parse(until) - serverNowMs()));
    return () => clearTimeout(timer);
  }, [until]);

  const unlock = async (pin: string) => {
    try {
      const answer = await api.unlockKiosk(pin);
      unlocked.current = true;
      setPinError('');
      setUntil(answer.unlocked_until);
      return true;
    } catch (err) {
      setPinError(errorText(err));
      return false;
    }
  };
  const pick = (child: KioskChild) => {
    stamping.current = kiosk.stampChild(child.id);
    close();
  };
  const relocked = (message: string) => {
    unlocked.current = false;
    setUntil(null);
    setPinError(message);
  };
  const unpair = () => {
    lock();
    kiosk.forgetAll();
    close();
    onUnpair();
  };

  const queued = kiosk.queue.size();
  const rejected = kiosk.queue.rejected();
  return (
    <>
      <button type="button" class="staff-button" onClick={show}>{t('kiosk.staff_menu')}</button>
      <dialog ref={dialog} class="staff-menu" aria-labelledby="staff-menu-title" onClose={closed}>
        <h2 id="staff-menu-title">{t('kiosk.staff_menu')}</h2>
        {open && !until && <PinPad onSubmit={unlock} error={pin_error} />}
        {until && confirming && (
          <section class="unpair-confirm" aria-labelledby="unpair-question">
            <p id="unpair-question">{t('kiosk.unpair_confirm')}</p>
            <p class={queued > 0 ? 'warning' : undefined}>
              {queued > 0 ? t('kiosk.unpair_queue_warning', { n: queued }) : t('kiosk.unpair_no_queue')}
            </p>
            <div class="actions">
              <Button variant="danger" onClick={unpair}>{t('kiosk.unpair_yes')}</Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>{t('kiosk.unpair_no')}</Button>
            </div>
          </section>
        )}
        {until && !confirming && (
          <>
            <p class="unlocked-until">{t('kiosk.unlocked_until', { time: clockTime(until) })}</p>
            <dl>
              <dt>{t('kiosk.facility')}</dt>
              <dd>{me.facility.name}</dd>
              <dt>{t('kiosk.device')}</dt>
              <dd>{me.kiosk.name}</dd>
              <dt>{t('kiosk.queue')}</dt>
              <dd>{t('kiosk.queue_count', { n: queued })}</dd>
            </dl>
            {rejected.length > 0 && (
              <>
                <h3>{t('kiosk.rejected_title', { n: rejected.length })}</h3>
                <ul class="rejected">
                  {rejected.map((r) => (
                    <li key={r.input.client_id}>
                      <code>{r.input.scanned_at}</code> {r.status} {reasonText(r.reason, r.params, r.message)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <NameSearch api={api} onPick={pick} onLocked={relocked} />
            <div class="actions">
              <button type="button" class="btn btn--danger" onClick={() => setConfirming(true)}>{t('kiosk.unpair')}</button>
            </div>
          </>
        )}
        <div class="actions">
          <button type="button" class="btn btn--primary" onClick={close}>{t('common.close')}</button>
        </div>
      </dialog>
    </>
  );
}
