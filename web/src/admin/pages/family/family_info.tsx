// Editing a family's name, address and phone.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { Family } from '../../../shared/types';
import { Button, ErrorMessage, Notice } from '../../../shared/ui/feedback';
import { useSubmit } from '../../form';
import { FamilyFields, type FamilyDraft } from '../../people_fields';
import { api } from '../../../shared/session';

export function FamilyInfo({ family, onSaved }: { family: Family; onSaved: (family: Family) => void }) {
  const [draft, setDraft] = useState<FamilyDraft>(
    { name: family.name, address: family.address ?? '', phone: family.phone ?? '' });
  const [saved, setSaved] = useState(false);
  const form = useSubmit();

  const submit = (e: Event) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      const updated = await api.updateFamily(family.id, {
        name: draft.name.trim(),
        address: draft.address.trim() || null,
        phone: draft.phone.trim() || null,
      });
      onSaved(updated);
      setSaved(true);
    });
  };

  return (
    <section aria-labelledby="family-info">
      <h2 id="family-info">{t('family.edit_title')}</h2>
      <form ref={form.form_ref} onSubmit={submit} noValidate class="card">
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <Notice>{saved && t('common.saved')}</Notice>
        <FamilyFields value={draft} onChange={setDraft} error={form.field} />
        <Button type="submit" busy={form.busy}>{t('common.save')}</Button>
      </form>
    </section>
  );
}
