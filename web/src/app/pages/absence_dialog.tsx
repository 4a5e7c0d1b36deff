// お休みの連絡: today's absence of one child, at any hour. It is stored as today's plan
// (status absent, with the reason); staff acknowledge it (確認中 → 確認済).
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { MyChild } from '../../shared/types';
import { Dialog } from '../../shared/ui/dialog';
import { Button, ErrorMessage } from '../../shared/ui/feedback';
import { namedOptions, SelectField, TextAreaField } from '../../shared/ui/fields';
import { planFacilities } from '../children';
import { formatDay } from '../dates';
import { useSubmit } from '../../shared/form';
import { api } from '../../shared/session';

export function AbsenceDialog({ item, onClose, onDone }: { item: MyChild; onClose: () => void; onDone: () => void }) {
  const facilities = planFacilities(item);
  const [facility_id, setFacilityId] = useState(
    facilities.find((f) => f.id === item.today.facility_id)?.id ?? facilities[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const form = useSubmit({ fieldName: (name) => ({ name: name.replace(/^days\[\d+\]\./, '') }) });

  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api.putPlans(item.child.id, {
        facility_id,
        days: [{ date: item.today.date, status: 'absent', reason: reason.trim() || undefined }],
      });
      onDone();
    });
  };

  return (
    <Dialog title={t('parent.absence.title', { name: item.child.name })} onClose={onClose} closeLabel={t('common.close')}>
      <form ref={form.form_ref} onSubmit={submit} noValidate>
        <p>{t('parent.absence.intro', { date: formatDay(item.today.date) })}</p>
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        {facilities.length > 1 && (
          <SelectField label={t('parent.facility')} name="facility_id" value={facility_id}
            options={namedOptions(facilities)} onValue={setFacilityId}
            error={form.field('facility_id')} />
        )}
        <TextAreaField label={t('parent.absence.reason')} name="reason" value={reason} onValue={setReason}
          hint={t('parent.absence.reason_hint')} maxLength={200} error={form.field('reason')} />
        <div class="actions">
          <Button type="submit" busy={form.busy}>{t('parent.absence.submit')}</Button>
          <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

