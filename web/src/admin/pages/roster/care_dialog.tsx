// A child's care texts (アレルギー・医療・メモ) opened from a marker on the roster: loaded
// when the dialog opens (the server records the read in the audit log, which the dialog
// says), read only; they are edited on the family page.
import { Fragment } from 'preact';
import { t } from '../../../shared/i18n';
import { Dialog } from '../../../shared/ui/dialog';
import { Button } from '../../../shared/ui/feedback';
import { careUpdated, kCareKinds } from '../../care';
import { useLoad } from '../../data';
import { api } from '../../../shared/session';
import { LoadStatus } from '../../status';

export interface CareDialogProps {
  child: { id: string; name: string };
  onClose: () => void;
}

export function CareDialog({ child, onClose }: CareDialogProps) {
  const care = useLoad(() => api.getChildCare(child.id), [child.id]);
  const c = care.data;
  return (
    <Dialog title={t('admin_care.child_title', { name: child.name })} onClose={onClose} closeLabel={t('common.close')}>
      <p class="hint">{t('admin_care.audited_read')}</p>
      <LoadStatus loaded={care} />
      {c && (
        <>
          <dl class="facts care-texts">
            {kCareKinds.map(({ kind, label }) => (
              <Fragment key={kind}>
                <dt>{t(label)}</dt>
                <dd class={c[kind] ? 'care-text' : 'meta'}>{c[kind] ?? t('admin_care.none')}</dd>
              </Fragment>
            ))}
          </dl>
          {c.updated_at && <p class="meta">{careUpdated(c)}</p>}
        </>
      )}
      <div class="actions">
        <Button variant="secondary" onClick={onClose}>{t('common.close')}</Button>
      </div>
    </Dialog>
  );
}
