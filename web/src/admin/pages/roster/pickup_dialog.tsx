// After a manual departure: who picked the child up (the family's guardians, "その他"),
// or nothing recorded.
import { t } from '../../../shared/i18n';
import { Dialog } from '../../../shared/ui/dialog';
import { Outcome, useAction } from '../../../shared/action';
import { Button } from '../../../shared/ui/feedback';
import { api } from '../../../shared/session';

export interface PickupDialogProps {
  visit_id: string;
  name: string;
  choices: string[];
  onDone: () => void;
}

export function PickupDialog({ visit_id, name, choices, onDone }: PickupDialogProps) {
  const action = useAction();
  const choose = (choice: string) =>
    action.run(async () => {
      await api.setPickup(visit_id, choice);
      onDone();
    });
  return (
    <Dialog title={t('roster.pickup_title', { name })} onClose={onDone} closeLabel={t('common.close')}>
      <Outcome of={action} />
      <div class="actions">
        {choices.map((c) => (
          <Button key={c} busy={!!action.busy} onClick={() => void choose(c)}>{c}</Button>
        ))}
        <Button variant="secondary" onClick={onDone}>{t('roster.pickup_skip')}</Button>
      </div>
    </Dialog>
  );
}
