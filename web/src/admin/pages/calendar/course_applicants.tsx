// A course's applicants (講座の申込): seats taken of the capacity, the attendance list to
// print (出席簿, PDF), the confirmed families by application time and the waitlist in
// order (its place, and "あと N 席で確定" — the seats it still waits for), each family's
// children with their ages and its seats. Staff add a family's children by hand
// (./add_applicant_dialog) and remove an application after confirming; freed seats go
// to the waitlist in order.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { Application, CalendarEvent } from '../../../shared/types';
import { Outcome, useAction } from '../../../shared/action';
import { ConfirmDialog } from '../../../shared/ui/confirm_dialog';
import { Button } from '../../../shared/ui/feedback';
import { Table, type Column } from '../../../shared/ui/table';
import { useLoad } from '../../data';
import { LoadStatus } from '../../status';
import { shortDateTime } from '../roster/roster_row';
import { AddApplicantDialog } from './add_applicant_dialog';

const childrenText = (a: Application) =>
  a.children.map((c) => t('cal.child_age', { name: c.name, years: c.age.years, months: c.age.months })).join('、');

function columns(waitlist: boolean, busy: string | null, onRemove: (a: Application) => void): (Column<Application> | false)[] {
  return [
    waitlist && { header: t('cal.col_position'), class: 'nowrap', cell: (a) => t('cal.position', { n: a.position ?? '' }) },
    { header: t('cal.col_family'), rowHeader: true, cell: (a) => a.family.name },
    { header: t('cal.col_children'), cell: childrenText },
    { header: t('cal.col_seats_n'), class: 'nowrap', cell: (a) => a.seats },
    waitlist && {
      header: t('cal.col_waiting_for'), class: 'nowrap',
      cell: (a) => (a.waiting_for_seats ? t('cal.waiting_for', { n: a.waiting_for_seats }) : '—'),
    },
    { header: t('cal.col_applied_at'), class: 'nowrap', cell: (a) => shortDateTime(a.created_at) },
    {
      header: t('common.actions'), class: 'no-print',
      cell: (a) => (
        <Button variant="danger" busy={busy === a.id} onClick={() => onRemove(a)}
          label={t('cal.remove_label', { family: a.family.name })}>{t('cal.remove')}</Button>
      ),
    },
  ];
}

export function CourseApplicants({ event, onChange }: { event: CalendarEvent; onChange: () => void }) {
  const [tick, setTick] = useState(0);
  const loaded = useLoad(() => api.courseApplications(event.id), [event.id, tick]);
  const action = useAction<string>();
  const [removing, setRemoving] = useState<Application | null>(null);
  const [adding, setAdding] = useState(false);
  const changed = () => {
    setTick((n) => n + 1);
    onChange();
  };
  const remove = (a: Application) => {
    setRemoving(null);
    void action.run(async () => {
      await api.cancelApplication(a.id);
      changed();
      return t('cal.removed', { family: a.family.name });
    }, { tag: a.id });
  };
  const list = loaded.data;
  const open = event.status === 'scheduled';
  const cols = (waitlist: boolean) => columns(waitlist, action.busy, setRemoving);

  return (
    <section aria-labelledby="applicants-title">
      <div class="card-head">
        <h2 id="applicants-title">{t('cal.applicants')}</h2>
        <div class="actions no-print">
          {open && <Button onClick={() => setAdding(true)}>{t('cal.add_applicant')}</Button>}
          <a class="btn btn--secondary" href={api.attendancePdfUrl(event.id)} target="_blank" rel="noopener">
            {t('cal.attendance_pdf')}
          </a>
        </div>
      </div>
      <Outcome of={action} />
      <LoadStatus loaded={loaded} />
      {list && (
        <>
          <p class="totals" role="status">
            {list.capacity === null
              ? t('cal.taken_unlimited', { taken: list.seats_taken })
              : t('cal.taken_of', { taken: list.seats_taken, capacity: list.capacity })}
          </p>
          <h3 id="confirmed-title">{t('cal.confirmed_n', { n: list.confirmed.length })}</h3>
          <Table labelledBy="confirmed-title" rows={list.confirmed} rowKey={(a) => a.id} empty={t('cal.no_confirmed')}
            columns={cols(false)} />
          <h3 id="waitlist-title">{t('cal.waitlist_n', { n: list.waitlisted.length })}</h3>
          <Table labelledBy="waitlist-title" rows={list.waitlisted} rowKey={(a) => a.id} empty={t('cal.no_waitlist')}
            columns={cols(true)} />
        </>
      )}
      {removing && (
        <ConfirmDialog title={t('cal.remove_confirm_title', { family: removing.family.name })}
          text={t('cal.remove_confirm_text')} confirm={t('cal.remove')}
          onConfirm={() => remove(removing)} onClose={() => setRemoving(null)} />
      )}
      {adding && (
        <AddApplicantDialog event={event} onClose={() => setAdding(false)} onDone={(said) => {
          setAdding(false);
          action.say(said);
          changed();
        }} />
      )}
    </section>
  );
}
