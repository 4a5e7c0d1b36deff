// Editing a family's name, address and phone.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { Family } from '../../../shared/types';
import { Button, ErrorMessage, Notice } from '../../../shared/ui/feedback';
import { TextField } from '../../../shared/ui/fields';
import { useSubmit } from '../../form';
import { api } from '../../../shared/session';

export function FamilyInfo({ family, onSaved }: { family: Family; onSaved: (family: Family) => void }) {
  const [name, setName] = useState(family.name);
  const [address, setAddress] = useState(family.address ?? '');
  const [phone, setPhone] = useState(family.phone ?? '');
  const [saved, setSaved] = useState(false);
  const form = useSubmit();

  const submit = (e: Event) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      const updated = await api.updateFamily(family.id, {
        name: name.trim(),
        address: address.trim() || null,
        phone: phone.trim() || null,
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
        <TextField label={t('family.name')} name="name" value={name} onValue={setName} required
          maxLength={100} autoComplete="off" error={form.field('name')} />
        <div class="row">
          <TextField label={t('family.address')} name="address" value={address} onValue={setAddress}
            autoComplete="off" error={form.field('address')} />
          <TextField label={t('family.phone')} name="phone" type="tel" value={phone} onValue={setPhone}
            autoComplete="off" error={form.field('phone')} />
        </div>
        <Button type="submit" busy={form.busy}>{t('common.save')}</Button>
      </form>
    </section>
  );
}
