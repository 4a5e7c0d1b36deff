// The pre-registration form of one organization: its name and the rooms it covers, then
// the family (世帯, address, phone, e-mail), the guardians, the children, the consent and
// the hidden honeypot, and the send button. The server judges: each field error shows
// next to its input (../shared/form's useSubmit, by reason). A form token sent too soon
// (filled_too_fast) asks to check and send again, keeping everything typed; an expired one
// (form_expired, or not_form_token) fetches a new form and asks the same; too many sendings (429) ask to try
// later. `onSent` gets the e-mail address given, if any, once the server took it.
import { useState } from 'preact/hooks';
import { ApiError } from '../shared/api_error';
import { useSubmit } from '../shared/form';
import { t } from '../shared/i18n';
import { Button, ErrorMessage } from '../shared/ui/feedback';
import { useTitle } from '../shared/ui/page';
import { Consent } from './consent';
import { emptyDraft, registrationInput, type RegistrationDraft } from './draft';
import { RegField } from './field';
import { Honeypot } from './honeypot';
import { ChildList, GuardianList } from './people';
import { fetchRegistrationForm, sendRegistration, type RegistrationForm } from './register_api';
import { Rooms } from './rooms';

/** What a form-token problem asks of the parent, if the error is only that. */
function tokenProblem(err: unknown): 'filled_too_fast' | 'form_expired' | null {
  if (!(err instanceof ApiError) || err.status !== 400) return null;
  const reason: string = err.fieldReasons.form_token ?? err.reason;
  const others = Object.keys(err.fields).filter((name) => name !== 'form_token');
  if (others.length > 0) return null;
  if (reason === 'filled_too_fast') return reason;
  // A token of another form (or a damaged one) is renewed like an old one.
  return reason === 'form_expired' || reason === 'not_form_token' ? 'form_expired' : null;
}

/** Names a field error that has no input of its own (e.g. the number of children). */
function fieldAbout(name: string): { name: string; about?: string } {
  if (name === 'guardians') return { name, about: t('register.guardians') };
  if (name === 'children') return { name, about: t('register.children') };
  return { name };
}

export function FormPage(props: { form: RegistrationForm; onSent: (email: string) => void }) {
  const [form, setForm] = useState(props.form);
  const [draft, setDraft] = useState<RegistrationDraft>(emptyDraft);
  const submit = useSubmit({
    overrides: { too_many_registrations: 'register.too_many', too_many_requests: 'register.too_many' },
    fieldName: fieldAbout,
  });
  useTitle(t('register.title'));
  const set = (patch: Partial<RegistrationDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const field = submit.field;

  const send = async (e: Event) => {
    e.preventDefault();
    let ask = null as string | null;
    const ok = await submit.run(async () => {
      try {
        await sendRegistration(registrationInput(form, draft));
      } catch (err) {
        const problem = tokenProblem(err);
        if (!problem) throw err;
        if (problem === 'form_expired') {
          // A new token (it too needs its minimum time before it is taken).
          setForm(await fetchRegistrationForm(form.organization.id));
          ask = t('register.expired');
        } else {
          ask = t('register.too_fast');
        }
      }
    });
    if (ask) submit.fail(ask);
    else if (ok) props.onSent(draft.email.trim());
  };

  return (
    <>
      <p class="reg-org">{form.organization.name}</p>
      <h1>{t('register.title')}</h1>
      <p class="reg-lead">{t('register.lead', { org: form.organization.name })}</p>
      <Rooms rooms={form.rooms} />
      <form ref={submit.form_ref} class="reg-form" onSubmit={send} aria-label={t('register.form_label')}>
        <p class="hint">{t('register.required_note')}</p>
        <section class="reg-section" aria-labelledby="reg-family-title">
          <h2 id="reg-family-title">{t('register.family')}</h2>
          <RegField label={t('register.family_name')} name="family_name" value={draft.family_name} required maxLength={100}
            autoComplete="family-name" hint={t('register.family_name_hint')}
            onValue={(family_name) => set({ family_name })} error={field('family_name')} />
          <RegField label={t('register.address')} name="address" value={draft.address} maxLength={200}
            autoComplete="street-address" hint={t('register.optional')}
            onValue={(address) => set({ address })} error={field('address')} />
          <RegField label={t('register.phone')} name="phone" type="tel" inputMode="tel" value={draft.phone} required maxLength={20}
            autoComplete="tel" hint={t('register.phone_hint')} onValue={(phone) => set({ phone })} error={field('phone')} />
          <RegField label={t('register.email')} name="email" type="email" inputMode="email" value={draft.email} maxLength={254}
            autoComplete="email" hint={t('register.email_hint')} onValue={(email) => set({ email })} error={field('email')} />
        </section>
        <GuardianList items={draft.guardians} error={field}
          onChange={(guardians) => { submit.clear(); set({ guardians }); }} />
        <ChildList items={draft.children} error={field}
          onChange={(children) => { submit.clear(); set({ children }); }} />
        <Consent org={form.organization.name} checked={draft.consent} onChecked={(consent) => set({ consent })}
          error={field('consent')} />
        <Honeypot value={draft.website} onValue={(website) => set({ website })} />
        <ErrorMessage>{submit.errors.message}</ErrorMessage>
        <div class="reg-submit">
          <Button type="submit" busy={submit.busy}>{t('register.submit')}</Button>
        </div>
      </form>
    </>
  );
}
