// After a manual departure: who picked the child up (the family's guardians, "その他"),
// or nothing recorded.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { Dialog } from '../../../shared/ui/dialog';
import { Button, ErrorMessage } from '../../../shared/ui/feedback';
import { errorText } from '../../form';
import { api } from '../../../shared/session';

export interface PickupDialogProps {
  visit_id: string;
  name: string;
  choices: string[];
  onDone: () => void;
}

export function PickupDialog({ visit_id, name, choices, onDone }: PickupDialogProps) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const choose = async (choice: string) => {
    setBusy(true);
    try {
      await api.setPickup(visit_id, choice);
      onDone();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('roster.pickup_title', { name })} onClose={onDone} closeLabel={t('common.close')}>
      <ErrorMessage>{error}</ErrorMessage>
      <div class="actions">
        {choices.map((c) => (
          <Button key={c} busy={busy} onClick={() => void choose(c)}>{c}</Button>
        ))}
        <Button variant="secondary" onClick={onDone}>{t('roster.pickup_skip')}</Button>
      </div>
    </Dialog>
  );
}
