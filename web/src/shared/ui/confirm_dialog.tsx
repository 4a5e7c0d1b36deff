// A dialog asking to confirm an action that cannot be undone (admin and parents' app):
// `confirm` does it (a danger button); the other button, the close button or Escape do not.
import { t } from '../i18n';
import { Dialog } from './dialog';
import { Button } from './feedback';

export interface ConfirmProps {
  title: string;
  text: string;
  confirm: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog({ title, text, confirm, busy, onConfirm, onClose }: ConfirmProps) {
  return (
    <Dialog title={title} onClose={onClose} closeLabel={t('common.close')}>
      <p>{text}</p>
      <div class="actions">
        <Button variant="danger" busy={busy} onClick={onConfirm}>{confirm}</Button>
        <Button variant="secondary" onClick={onClose}>{t('msg.keep')}</Button>
      </div>
    </Dialog>
  );
}
