// After a manual departure: who picked the child up — one of the family's guardians
// (the stamp answer's pickup_choices), ひとりで帰る (only when the answer's pickup_alone:
// the guardians allow it), or その他 with the person's name — or nothing recorded.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { PickupInput } from '../../../shared/types';
import { Dialog } from '../../../shared/ui/dialog';
import { Outcome, useAction } from '../../../shared/action';
import { Button } from '../../../shared/ui/feedback';
import { TextField } from '../../../shared/ui/fields';
import { api } from '../../../shared/session';
import { kMaxPickupName } from './pickup_choice';

export interface PickupDialogProps {
  visit_id: string;
  name: string;
  /** The family's guardians as "relation name". */
  choices: string[];
  /** Whether ひとりで帰る may be offered. */
  alone: boolean;
  onDone: () => void;
}

export function PickupDialog({ visit_id, name, choices, alone, onDone }: PickupDialogProps) {
  const action = useAction();
  const [other, setOther] = useState('');
  const [other_error, setOtherError] = useState('');
  const record = (input: PickupInput) =>
    action.run(async () => {
      await api.setPickup(visit_id, input);
      onDone();
    });
  const recordOther = (e: Event) => {
    e.preventDefault();
    if (!other.trim()) {
      setOtherError(t('admin_pickup.other_required'));
      return;
    }
    setOtherError('');
    void record({ pickup_by: other.trim() });
  };
  return (
    <Dialog title={t('roster.pickup_title', { name })} onClose={onDone} closeLabel={t('common.close')}>
      <Outcome of={action} />
      <div class="actions">
        {choices.map((c) => (
          <Button key={c} busy={!!action.busy} onClick={() => void record({ pickup_by: c })}>{c}</Button>
        ))}
        {alone && (
          <Button busy={!!action.busy} onClick={() => void record({ alone: true })}>{t('admin_pickup.alone')}</Button>
        )}
      </div>
      <form onSubmit={recordOther} noValidate class="row row--end" aria-label={t('admin_pickup.other')}>
        <TextField label={t('admin_pickup.other_name')} name="pickup_by" value={other} maxLength={kMaxPickupName}
          onValue={setOther} error={other_error} />
        <div class="field">
          <Button type="submit" variant="secondary" busy={!!action.busy}>{t('admin_pickup.other_record')}</Button>
        </div>
      </form>
      <div class="actions">
        <Button variant="secondary" onClick={onDone}>{t('roster.pickup_skip')}</Button>
      </div>
    </Dialog>
  );
}
