// The dialogs of a pending registration: 却下 with its reason (required, at most 500
// characters), and 既存の世帯に統合 — choose one of the possible duplicates or any family
// found by name or kana (the family search of the family list), then approve into it. Each
// says its failure inside itself, by the reasons' texts (a registration someone else decided
// meanwhile: registration_decided).
import { useState } from 'preact/hooks';
import { useAction } from '../../../shared/action';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { ApprovedRegistration, Registration } from '../../../shared/types';
import { Dialog } from '../../../shared/ui/dialog';
import { Button, ErrorMessage, Loading } from '../../../shared/ui/feedback';
import { RadioGroup, TextAreaField } from '../../../shared/ui/fields';
import { FamilySearchForm } from '../../family_search';
import { errorText, useSubmit } from '../../form';
import { groupDuplicates, whyText } from './registration_item';

const kMaxReason = 500;
const kResults = 20;

export function RejectDialog({ r, onClose, onDone }: {
  r: Registration;
  onClose: () => void;
  onDone: (rejected: Registration) => void;
}) {
  const [reason, setReason] = useState('');
  const form = useSubmit();
  const submit = (e: Event) => {
    e.preventDefault();
    if (form.busy) return;
    const text = reason.trim();
    if (!text) {
      form.fail(t('admin_reg.reject_reason_missing'), { reason: t('admin_reg.reject_reason_missing') });
      return;
    }
    void form.run(async () => onDone(await api.rejectRegistration(r.id, text)));
  };
  return (
    <Dialog title={t('admin_reg.reject_title', { family: r.family_name })} onClose={onClose} closeLabel={t('common.close')}>
      <form ref={form.form_ref} onSubmit={submit} noValidate>
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <TextAreaField label={t('admin_reg.reject_reason')} name="reason" value={reason} onValue={setReason}
          required maxLength={kMaxReason} hint={t('admin_reg.reject_reason_hint')} error={form.field('reason')} />
        <div class="actions">
          <Button type="submit" variant="danger" busy={form.busy}>{t('admin_reg.reject_submit')}</Button>
          <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

interface Choice {
  id: string;
  label: string;
  name: string;
}

export function MergeDialog({ r, onClose, onDone }: {
  r: Registration;
  onClose: () => void;
  onDone: (approved: ApprovedRegistration, into: string) => void;
}) {
  const candidates: Choice[] = groupDuplicates(r.possible_duplicates).filter((g) => g.d.family_id).map((g) => ({
    id: g.d.family_id!, name: g.d.family_name, label: `${g.d.family_name}${t('admin_reg.duplicate_why', { why: whyText(g) })}`,
  }));
  const [chosen, setChosen] = useState(candidates[0]?.id ?? '');
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ choices: Choice[] | null; error: string; busy: boolean }>(
    { choices: null, error: '', busy: false });
  const action = useAction();

  const search = (q: string) => {
    setFound({ choices: found.choices, error: '', busy: true });
    api.listFamilies({ q, limit: kResults }).then(
      (page) => setFound({
        choices: page.items.filter((f) => !candidates.some((c) => c.id === f.id))
          .map((f) => ({ id: f.id, name: f.name, label: f.name })),
        error: '',
        busy: false,
      }),
      (err) => setFound({ choices: null, error: errorText(err), busy: false }),
    );
  };
  const choices = [...candidates, ...(found.choices ?? [])];
  const into = choices.find((c) => c.id === chosen);
  const merge = () => {
    if (!into) return;
    void action.run(async () => onDone(await api.approveRegistration(r.id, into.id), into.name));
  };

  return (
    <Dialog title={t('admin_reg.merge_title', { family: r.family_name })} onClose={onClose} closeLabel={t('common.close')}>
      <p>{t('admin_reg.merge_intro')}</p>
      <p class="hint">{t('admin_reg.merge_search_hint')}</p>
      <FamilySearchForm value={text} onValue={setText} onSearch={search} busy={found.busy} />
      <ErrorMessage>{found.error}</ErrorMessage>
      {found.busy && <Loading label={t('common.loading')} />}
      {found.choices?.length === 0 && <p role="status">{t('admin_reg.merge_none_found')}</p>}
      {choices.length > 0 && (
        <RadioGroup legend={t('admin_reg.merge_pick')} name="merge_into_family_id" value={chosen} onValue={setChosen}
          options={choices.map((c) => ({ value: c.id, label: c.label }))} />
      )}
      <ErrorMessage>{action.error}</ErrorMessage>
      <div class="actions">
        <Button busy={action.busy !== null} disabled={!into} onClick={merge}>{t('admin_reg.merge_submit')}</Button>
        <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </Dialog>
  );
}
