// What a guardian sets about each child on 家族: whether the child may go home alone
// (ひとりで帰る — a switch saved at once with PATCH /children/{id}, the only key a guardian
// may change there), and the child's care texts (allergy and medical needs, PUT
// /children/{id}/care; staff of the child's facilities read them). The staff-only notes
// are never sent from here: the server keeps them from guardians.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Child, ChildCare } from '../../shared/types';
import { Outcome, useAction } from '../../shared/action';
import { Button, ErrorMessage, Loading, Notice } from '../../shared/ui/feedback';
import { TextAreaField } from '../../shared/ui/fields';
import { useLoad } from '../../shared/data';
import { errorText, useSubmit } from '../../shared/form';
import { formatDayTime } from '../dates';
import { api } from '../../shared/session';

const kCareMax = 1000;

/** One child's card: going home alone, then the care texts. */
export function ChildSettings({ child, onChanged }: { child: Child; onChanged: (c: Child) => void }) {
  const heading_id = `child-settings-${child.id}`;
  return (
    <section class="card pa-child-settings" aria-labelledby={heading_id}>
      <h3 id={heading_id}>{child.name}</h3>
      <LeaveAloneSwitch child={child} onChanged={onChanged} />
      <CareSection child={child} />
    </section>
  );
}

function LeaveAloneSwitch({ child, onChanged }: { child: Child; onChanged: (c: Child) => void }) {
  const [on, setOn] = useState(child.may_leave_alone);
  const action = useAction();
  const hint_id = `alone-hint-${child.id}`;
  const change = (next: boolean) => {
    setOn(next);
    void action.run(async () => {
      try {
        const stored = await api.updateChild(child.id, { may_leave_alone: next });
        setOn(stored.may_leave_alone);
        onChanged(stored);
        return t(stored.may_leave_alone ? 'parent.alone.allowed' : 'parent.alone.not_allowed', { name: child.name });
      } catch (err) {
        setOn(!next);
        throw err;
      }
    });
  };
  return (
    <div class="pa-alone">
      <label class="pa-switch">
        <input type="checkbox" role="switch" name="may_leave_alone" checked={on} disabled={!!action.busy}
          aria-describedby={hint_id} onChange={(e) => change(e.currentTarget.checked)} />
        <span>{t('parent.alone.label')}</span>
      </label>
      <p id={hint_id} class="hint">{t('parent.alone.hint')}</p>
      <Outcome of={action} />
    </div>
  );
}

function CareSection({ child }: { child: Child }) {
  const care = useLoad(() => api.getChildCare(child.id), [child.id]);
  return (
    <div class="pa-care">
      <h4>{t('parent.care.title')}</h4>
      <p class="hint">{t('parent.care.who_sees', { name: child.name })}</p>
      {care.error !== null && <ErrorMessage>{errorText(care.error)}</ErrorMessage>}
      {care.data === null && care.error === null && <Loading label={t('common.loading')} />}
      {care.data && <CareForm child={child} initial={care.data} onSaved={care.set} />}
    </div>
  );
}

function CareForm({ child, initial, onSaved }: { child: Child; initial: ChildCare; onSaved: (c: ChildCare) => void }) {
  const [allergy, setAllergy] = useState(initial.allergy ?? '');
  const [medical, setMedical] = useState(initial.medical ?? '');
  const [saved, setSaved] = useState(false);
  const form = useSubmit();
  const edit = (set: (v: string) => void) => (v: string) => {
    setSaved(false);
    set(v);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      // Only the guardians' two texts: `notes` is the staff's.
      const stored = await api.putChildCare(child.id, { allergy: allergy.trim() || null, medical: medical.trim() || null });
      setAllergy(stored.allergy ?? '');
      setMedical(stored.medical ?? '');
      onSaved(stored);
      setSaved(true);
    });
  };
  return (
    <form ref={form.form_ref} onSubmit={submit} noValidate aria-label={t('parent.care.form_label', { name: child.name })}>
      <ErrorMessage>{form.errors.message}</ErrorMessage>
      <TextAreaField label={t('parent.care.allergy')} name="allergy" value={allergy} onValue={edit(setAllergy)}
        hint={t('parent.care.allergy_hint')} maxLength={kCareMax} rows={2} error={form.field('allergy')} />
      <TextAreaField label={t('parent.care.medical')} name="medical" value={medical} onValue={edit(setMedical)}
        hint={t('parent.care.medical_hint')} maxLength={kCareMax} rows={2} error={form.field('medical')} />
      {initial.updated_at && (
        <p class="meta">
          {initial.updated_by
            ? t('parent.care.updated_by', { at: formatDayTime(initial.updated_at), name: initial.updated_by.name })
            : t('parent.care.updated', { at: formatDayTime(initial.updated_at) })}
        </p>
      )}
      {saved && <Notice>{t('common.saved')}</Notice>}
      <div class="form-submit"><Button type="submit" busy={form.busy}>{t('parent.care.save')}</Button></div>
    </form>
  );
}
