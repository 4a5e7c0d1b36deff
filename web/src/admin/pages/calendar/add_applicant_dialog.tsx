// Staff apply for a course on a family's behalf (at the window, on the phone): search the
// family (by name or kana), tick the children who come — one seat each — and apply. The
// answer says confirmed, or the place in the waitlist. A refusal (a child outside the
// course's ages or not enrolled at its facility, one already applied) is said beside the
// children, naming the child. One client_id per dialog makes a double submit apply once.
import { useMemo, useState } from 'preact/hooks';
import { newClientId } from '../../../shared/api';
import { useSubmit } from '../../../shared/form';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { Application, CalendarEvent, Family } from '../../../shared/types';
import { Dialog } from '../../../shared/ui/dialog';
import { ageRangeText } from '../../../shared/ui/event_parts';
import { Button, ErrorMessage, Loading } from '../../../shared/ui/feedback';
import { CheckboxGroup, RadioGroup } from '../../../shared/ui/fields';
import { errorText } from '../../form';
import { FamilySearchForm } from '../../family_search';

const kResults = 20;

/** What staff are told once it is done: 確定, or the place in the waitlist. */
export function answerText(a: Application): string {
  return a.status === 'waitlisted'
    ? t('cal.answer_waitlisted', { family: a.family.name, n: a.position ?? '' })
    : t('cal.answer_confirmed', { family: a.family.name });
}

export function AddApplicantDialog({ event, onClose, onDone }: {
  event: CalendarEvent;
  onClose: () => void;
  onDone: (said: string) => void;
}) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ families: Family[] | null; error: string; busy: boolean }>(
    { families: null, error: '', busy: false });
  const [family_id, setFamilyId] = useState('');
  const [child_ids, setChildIds] = useState<string[]>([]);
  const client_id = useMemo(() => newClientId(), [family_id]);
  const family = found.families?.find((f) => f.id === family_id);
  const form = useSubmit({
    stray: 'each',
    fieldName: (name) => {
      const m = /^child_ids\[(\d+)\]$/.exec(name);
      const child = m ? family?.children.find((c) => c.id === child_ids[Number(m[1])]) : undefined;
      return m ? { name: 'child_ids', about: child?.name } : { name };
    },
  });

  const search = (q: string) => {
    setFound({ families: found.families, error: '', busy: true });
    api.listFamilies({ q, limit: kResults }).then(
      (page) => setFound({ families: page.items, error: '', busy: false }),
      (err) => setFound({ families: null, error: errorText(err), busy: false }),
    );
  };
  const choose = (id: string) => {
    setFamilyId(id);
    setChildIds([]);
    form.clear();
  };
  const apply = (e: Event) => {
    e.preventDefault();
    if (form.busy || child_ids.length === 0) return;
    void form.run(async () => onDone(answerText(await api.applyForCourse(event.id, child_ids, client_id))));
  };
  const ages = ageRangeText(event.age_months);

  return (
    <Dialog title={t('cal.add_applicant_title', { title: event.title })} onClose={onClose} closeLabel={t('common.close')}>
      {ages && <p class="hint">{t('cal.add_applicant_ages', { ages })}</p>}
      <FamilySearchForm value={text} onValue={setText} onSearch={search} busy={found.busy} />
      <ErrorMessage>{found.error}</ErrorMessage>
      {found.busy && <Loading label={t('common.loading')} />}
      {found.families?.length === 0 && <p role="status">{t('cal.no_family_found')}</p>}
      {found.families && found.families.length > 0 && (
        <RadioGroup legend={t('cal.pick_family')} name="family" value={family_id} onValue={choose}
          options={found.families.map((f) => ({ value: f.id, label: f.name }))} />
      )}
      {family && (
        <form ref={form.form_ref} onSubmit={apply} noValidate>
          <ErrorMessage>{form.errors.message}</ErrorMessage>
          <CheckboxGroup legend={t('cal.pick_children', { family: family.name })} name="child_ids"
            selected={child_ids} onSelected={setChildIds} error={form.field('child_ids')}
            options={family.children.map((c) => ({
              value: c.id, label: t('cal.child_age', { name: c.name, years: c.age.years, months: c.age.months }),
            }))} />
          <div class="actions">
            <Button type="submit" busy={form.busy} disabled={child_ids.length === 0}>
              {t('cal.apply_for', { n: child_ids.length })}
            </Button>
            <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
