// Correcting a visit from the roster: its times — PATCH /visits/{id} with a required
// reason, which the server keeps in the audit log with the before and after; times are
// edited as wall-clock HH:MM on the visit's own dates and UTC offset — and, once the child
// has left, who picked the child up (./pickup_fields → POST /visits/{id}/pickup). Only
// what changed is sent: a pick-up changed alone needs no reason; with the pick-up as it
// was, the dialog corrects the times as before (a reason is required, and the correction
// clears needs_review even with the times unchanged).
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { RosterItem, VisitPatch } from '../../../shared/types';
import { Dialog } from '../../../shared/ui/dialog';
import { Button, ErrorMessage } from '../../../shared/ui/feedback';
import { TextAreaField, TextField } from '../../../shared/ui/fields';
import { calendarDate, clockTime, utcOffset, wallClockTime } from '../../../shared/ui/time';
import { useSubmit } from '../../form';
import { api } from '../../../shared/session';
import { currentPickup, samePickup } from './pickup_choice';
import { PickupFields, type PickupPick } from './pickup_fields';

export interface CorrectionDialogProps {
  item: RosterItem & { visit_id: string; in_at: string };
  onDone: () => void;
  onClose: () => void;
}

export function CorrectionDialog({ item, onDone, onClose }: CorrectionDialogProps) {
  const [in_time, setIn] = useState(clockTime(item.in_at));
  const [out_time, setOut] = useState(clockTime(item.out_at));
  const [reason, setReason] = useState('');
  const was = currentPickup(item);
  const [pick, setPick] = useState<PickupPick>({ input: was, missing_name: false });
  const form = useSubmit();
  const offset = utcOffset(item.in_at);

  const submit = (e: Event) => {
    e.preventDefault();
    if (pick.missing_name) {
      form.fail(t('admin_pickup.other_required'), { pickup_by: t('admin_pickup.other_required') });
      return;
    }
    const patch: VisitPatch = { reason: reason.trim() };
    if (in_time !== clockTime(item.in_at)) patch.in_at = wallClockTime(calendarDate(item.in_at), in_time, offset);
    if (out_time && out_time !== clockTime(item.out_at)) {
      patch.out_at = wallClockTime(calendarDate(item.out_at ?? item.in_at), out_time, offset);
    }
    const new_pickup = pick.input && !samePickup(pick.input, was) ? pick.input : null;
    const times_changed = patch.in_at !== undefined || patch.out_at !== undefined;
    const correct_visit = times_changed || !new_pickup || !!patch.reason;
    if (correct_visit && !patch.reason) {
      form.fail(t('correction.reason_required'), { reason: t('correction.reason_required') });
      return;
    }
    void form.run(async () => {
      if (correct_visit) await api.updateVisit(item.visit_id, patch);
      if (new_pickup) await api.setPickup(item.visit_id, new_pickup);
      onDone();
    });
  };

  return (
    <Dialog title={t('correction.title', { name: item.child.name })} onClose={onClose} closeLabel={t('common.close')}>
      <form ref={form.form_ref} onSubmit={submit} noValidate>
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <div class="row">
          <TextField label={t('correction.in_at')} name="in_at" type="time" value={in_time} required
            onValue={setIn} error={form.field('in_at')} />
          <TextField label={t('correction.out_at')} name="out_at" type="time" value={out_time}
            onValue={setOut} error={form.field('out_at')} />
        </div>
        {item.out_at && <PickupFields item={item} onPick={setPick} error={form.field('pickup_by')} />}
        <TextAreaField label={t('correction.reason')} name="reason" value={reason} required maxLength={200}
          hint={t('correction.reason_hint')} onValue={setReason} error={form.field('reason')} />
        <div class="actions">
          <Button type="submit" busy={form.busy}>{t('correction.submit')}</Button>
          <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
