// The staff corner of the kiosk: which facility and device this is, the offline queue
// and the scans the server refused when they were sent late, and unpairing (which only
// forgets the token here; staff revoke it on the facility page of the admin app).
import { useRef } from 'preact/hooks';
import { reasonText, t } from '../shared/i18n';
import type { KioskMe } from '../shared/types';
import type { StampQueue } from './offline_queue';

export function StaffMenu({ me, queue, onUnpair }: { me: KioskMe; queue: StampQueue; onUnpair: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const queued = queue.size();
  const rejected = queue.rejected();
  const unpair = () => {
    const warning = queued > 0 ? `\n${t('kiosk.unpair_queue_warning', { n: queued })}` : '';
    if (!window.confirm(t('kiosk.unpair_confirm') + warning)) return;
    queue.clear();
    dialog.current?.close();
    onUnpair();
  };
  return (
    <>
      <button type="button" class="staff-button" onClick={() => dialog.current?.showModal()}>
        {t('kiosk.staff_menu')}
      </button>
      <dialog ref={dialog} class="staff-menu" aria-labelledby="staff-menu-title">
        <h2 id="staff-menu-title">{t('kiosk.staff_menu')}</h2>
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
        <div class="actions">
          <button type="button" class="btn btn--danger" onClick={unpair}>{t('kiosk.unpair')}</button>
          <button type="button" class="btn btn--primary" onClick={() => dialog.current?.close()}>{t('common.close')}</button>
        </div>
      </dialog>
    </>
  );
}
