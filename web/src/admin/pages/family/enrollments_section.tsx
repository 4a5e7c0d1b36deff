// Where a family is enrolled: approve pending enrollments, end an enrollment (利用終了,
// after a confirm naming the child and the facility: DELETE /enrollments/{id}), enroll a
// child or the whole family at a facility.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { Enrollment, Family } from '../../../shared/types';
import { Outcome, useAction } from '../../../shared/action';
import { Button, ErrorMessage } from '../../../shared/ui/feedback';
import { namedOptions, SelectField } from '../../../shared/ui/fields';
import { Table } from '../../../shared/ui/table';
import { useFacilities } from '../../data';
import { useSubmit } from '../../form';
import { api } from '../../../shared/session';

const kFamily = 'family';

function EnrollForm({ family, onDone }: { family: Family; onDone: () => void }) {
  const facilities = useFacilities().data ?? [];
  const [facility_id, setFacilityId] = useState('');
  const [chosen_target, setTarget] = useState<string | null>(null);
  const form = useSubmit();
  const facility = facilities.find((f) => f.id === facility_id) ?? facilities[0];
  // A drop-in room enrolls the whole family, other facilities a child: that is the default.
  const target = chosen_target ??
    (facility?.kind === 'drop_in' ? kFamily : (family.children[0]?.id ?? kFamily));
  const chooseFacility = (id: string) => {
    setFacilityId(id);
    setTarget(null);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (!facility) return;
    void form.run(async () => {
      await api.createEnrollment(target === kFamily
        ? { facility_id: facility.id, family_id: family.id }
        : { facility_id: facility.id, child_id: target });
      onDone();
    });
  };
  const targets = [
    ...namedOptions(family.children),
    { value: kFamily, label: t('enrollment.whole_family') },
  ];
  return (
    <form ref={form.form_ref} onSubmit={submit} noValidate class="card" aria-label={t('enrollment.add')}>
      <h3>{t('enrollment.add')}</h3>
      <ErrorMessage>{form.errors.message}</ErrorMessage>
      <div class="row">
        <SelectField label={t('enrollment.facility')} name="facility_id" value={facility?.id ?? ''}
          options={namedOptions(facilities)} onValue={chooseFacility}
          error={form.field('facility_id')} />
        <SelectField label={t('enrollment.target')} name={target === kFamily ? 'family_id' : 'child_id'}
          value={target} options={targets} onValue={setTarget}
          error={form.field(target === kFamily ? 'family_id' : 'child_id')} />
      </div>
      <Button type="submit" busy={form.busy} disabled={!facility}>{t('enrollment.add')}</Button>
    </form>
  );
}

export function EnrollmentsSection({ family, onChanged }: { family: Family; onChanged: () => void }) {
  const facilities = useFacilities().data ?? [];
  const action = useAction();
  const facility_name = (id: string) => facilities.find((f) => f.id === id)?.name ?? id;
  const target_name = (e: Enrollment) =>
    e.child_id ? (family.children.find((c) => c.id === e.child_id)?.name ?? e.child_id) : t('enrollment.whole_family');
  const named = (e: Enrollment) => ({
    target: e.child_id ? target_name(e) : family.name, facility: facility_name(e.facility_id),
  });
  const approve = (e: Enrollment) =>
    action.run(async () => {
      await api.approveEnrollment(e.id);
      onChanged();
    });
  const end = (e: Enrollment) => {
    if (!window.confirm(t('enrollment.end_confirm', named(e)))) return;
    void action.run(async () => {
      await api.deleteEnrollment(e.id);
      onChanged();
      return t('enrollment.ended', named(e));
    });
  };

  return (
    <section aria-labelledby="enrollments">
      <h2 id="enrollments">{t('family.enrollments')}</h2>
      <Outcome of={action} />
      <Table labelledBy="enrollments" rows={family.enrollments} rowKey={(e) => e.id} empty={t('common.none')} columns={[
        { header: t('enrollment.facility'), cell: (e) => facility_name(e.facility_id) },
        { header: t('enrollment.target'), cell: target_name },
        {
          header: t('enrollment.status'),
          cell: (e) => (
            <>
              {t(`enrollment.status.${e.status}`)}{' '}
              {e.status === 'pending' && (
                <Button variant="secondary" onClick={() => void approve(e)}
                  label={`${t('enrollment.approve')}: ${facility_name(e.facility_id)}`}>
                  {t('enrollment.approve')}
                </Button>
              )}
            </>
          ),
        },
        {
          header: t('common.actions'), class: 'no-print',
          cell: (e) => (
            <Button variant="secondary" busy={action.busy !== null} onClick={() => end(e)}
              label={t('enrollment.end_label', named(e))}>
              {t('enrollment.end')}
            </Button>
          ),
        },
      ]} />
      <EnrollForm family={family} onDone={onChanged} />
    </section>
  );
}
