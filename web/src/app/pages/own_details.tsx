// The signed-in guardian's own contact details on 家族: furigana, e-mail address and phone,
// saved with PATCH /guardians/{own id}; the server's error for each field shows next to
// it. Says what the e-mail address and the phone are for. Every guardian's details are
// shown in the family's list (<GuardianLine>), read-only: each guardian edits their own.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Guardian } from '../../shared/types';
import { Button, ErrorMessage, Notice } from '../../shared/ui/feedback';
import { TextField } from '../../shared/ui/fields';
import { useSubmit } from '../../shared/form';
import { api } from '../../shared/session';

/** Null for an empty (or blank) entry: the server clears the field. */
const orNull = (text: string): string | null => text.trim() || null;

export function OwnDetailsForm({ me, onSaved }: { me: Guardian; onSaved: (g: Guardian) => void }) {
  const [name_kana, setNameKana] = useState(me.name_kana ?? '');
  const [email, setEmail] = useState(me.email ?? '');
  const [phone, setPhone] = useState(me.phone ?? '');
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
      const stored = await api.updateGuardian(me.id, { name_kana: orNull(name_kana), email: orNull(email), phone: orNull(phone) });
      setNameKana(stored.name_kana ?? '');
      setEmail(stored.email ?? '');
      setPhone(stored.phone ?? '');
      onSaved(stored);
      setSaved(true);
    });
  };
  return (
    <form ref={form.form_ref} class="card pa-own" onSubmit={submit} noValidate aria-labelledby="own-title">
      <h2 id="own-title">{t('parent.me.title')}</h2>
      <p>{t('parent.me.intro', { name: me.name })}</p>
      <ErrorMessage>{form.errors.message}</ErrorMessage>
      <TextField label={t('child.name_kana')} name="name_kana" value={name_kana} onValue={edit(setNameKana)}
        hint={t('parent.me.kana_hint')} autoComplete="off" error={form.field('name_kana')} />
      <TextField label={t('guardian.email')} name="email" type="email" value={email} onValue={edit(setEmail)}
        hint={t('parent.me.email_hint')} autoComplete="email" maxLength={254} error={form.field('email')} />
      <TextField label={t('family.phone')} name="phone" type="tel" value={phone} onValue={edit(setPhone)}
        hint={t('parent.me.phone_hint')} autoComplete="tel" maxLength={20} error={form.field('phone')} />
      {saved && <Notice>{t('parent.me.saved')}</Notice>}
      <div class="form-submit"><Button type="submit" busy={form.busy}>{t('common.save')}</Button></div>
    </form>
  );
}

/** A guardian in the family's list, read-only: name, relation, furigana, phone, login (自分 for the signed-in one). */
export function GuardianLine({ guardian: g, me }: { guardian: Guardian; me: boolean }) {
  return (
    <li>
      <strong>{g.name}</strong>
      {g.relation && <span>（{g.relation}）</span>}
      {me && <span class="badge">{t('parent.me.badge')}</span>}
      <span class="pa-person-meta">
        {g.name_kana && <span>{t('parent.me.kana_value', { kana: g.name_kana })}</span>}
        {g.phone && <span>{t('parent.me.phone_value', { phone: g.phone })}</span>}
        <span>{t('parent.me.login_value', { login: g.login })}</span>
      </span>
    </li>
  );
}
