// One child's care details on the family page: whether the guardians allow the child to
// go home alone (ひとりで帰る; staff may change it too), and the allergy, medical and notes
// texts. The texts load only when staff press 「表示」, since the server records every read
// by staff in the audit log; then they are edited in place (≤ 1000 characters each, an
// emptied one cleared) and 「隠す」 puts them away again.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { Child, ChildCare } from '../../../shared/types';
import { Outcome, useAction } from '../../../shared/action';
import { Button, ErrorMessage, Notice } from '../../../shared/ui/feedback';
import { TextAreaField } from '../../../shared/ui/fields';
import { careUpdated } from '../../care';
import { errorText, useSubmit } from '../../form';
import { api } from '../../../shared/session';

const kMaxCare = 1000;

type CareDraft = { allergy: string; medical: string; notes: string };
const draftOf = (care: ChildCare): CareDraft =>
  ({ allergy: care.allergy ?? '', medical: care.medical ?? '', notes: care.notes ?? '' });

function CareForm({ child, care, onSaved }: { child: Child; care: ChildCare; onSaved: (care: ChildCare) => void }) {
  const [draft, setDraft] = useState(draftOf(care));
  const [saved, setSaved] = useState(false);
  const form = useSubmit();
  const set = (patch: Partial<CareDraft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const submit = (e: Event) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      const orNull = (text: string) => text.trim() || null;
      onSaved(await api.putChildCare(child.id, {
        allergy: orNull(draft.allergy), medical: orNull(draft.medical), notes: orNull(draft.notes),
      }));
      setSaved(true);
    });
  };
  return (
    <form ref={form.form_ref} onSubmit={submit} noValidate aria-label={t('admin_care.form', { name: child.name })}>
      <ErrorMessage>{form.errors.message}</ErrorMessage>
      <Notice>{saved && t('common.saved')}</Notice>
      <TextAreaField label={t('admin_care.allergy')} name="allergy" value={draft.allergy} maxLength={kMaxCare}
        hint={t('admin_care.allergy_hint')} onValue={(allergy) => set({ allergy })} error={form.field('allergy')} />
      <TextAreaField label={t('admin_care.medical')} name="medical" value={draft.medical} maxLength={kMaxCare}
        hint={t('admin_care.medical_hint')} onValue={(medical) => set({ medical })} error={form.field('medical')} />
      <TextAreaField label={t('admin_care.notes')} name="notes" value={draft.notes} maxLength={kMaxCare}
        hint={t('admin_care.notes_hint')} onValue={(notes) => set({ notes })} error={form.field('notes')} />
      {care.updated_at && <p class="meta">{careUpdated(care)}</p>}
      <Button type="submit" busy={form.busy}>{t('common.save')}</Button>
    </form>
  );
}

/** ひとりで帰る: the guardians' permission, which staff may also change. */
function LeaveAlone({ child, onChanged }: { child: Child; onChanged: () => void }) {
  const action = useAction();
  const toggle = () =>
    action.run(async () => {
      await api.updateChild(child.id, { may_leave_alone: !child.may_leave_alone });
      onChanged();
    });
  return (
    <div class="leave-alone">
      <p>
        <strong>{t('admin_care.leave_alone')}：</strong>
        <span data-may-leave-alone={child.may_leave_alone ? 'yes' : 'no'}>
          {child.may_leave_alone ? t('admin_care.leave_alone_yes') : t('admin_care.leave_alone_no')}
        </span>
        {' '}
        <Button variant="link" busy={!!action.busy} onClick={() => void toggle()}
          label={t(child.may_leave_alone ? 'admin_care.leave_alone_revoke_label' : 'admin_care.leave_alone_grant_label', { name: child.name })}>
          {child.may_leave_alone ? t('admin_care.leave_alone_revoke') : t('admin_care.leave_alone_grant')}
        </Button>
      </p>
      <p class="hint">{t('admin_care.leave_alone_hint')}</p>
      <Outcome of={action} />
    </div>
  );
}

export function ChildCareCard({ child, onChanged }: { child: Child; onChanged: () => void }) {
  const [care, setCare] = useState<ChildCare | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const title_id = `care-${child.id}`;
  const show = async () => {
    setBusy(true);
    setError('');
    try {
      setCare(await api.getChildCare(child.id));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby={title_id}>
      <h3 id={title_id}>{t('admin_care.child_title', { name: child.name })}</h3>
      <LeaveAlone child={child} onChanged={onChanged} />
      <ErrorMessage>{error}</ErrorMessage>
      {care ? (
        <>
          <CareForm child={child} care={care} onSaved={setCare} />
          <Button variant="secondary" onClick={() => setCare(null)} label={t('admin_care.hide_label', { name: child.name })}>
            {t('admin_care.hide')}
          </Button>
        </>
      ) : (
        <p>
          <Button variant="secondary" busy={busy} onClick={() => void show()} label={t('admin_care.show_label', { name: child.name })}>
            {t('admin_care.show')}
          </Button>
          {' '}<span class="hint">{t('admin_care.audited')}</span>
        </p>
      )}
    </section>
  );
}
