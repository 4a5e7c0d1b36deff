// The page after the server took a registration (受付完了): what happens next — staff
// check it, the letter with the ID and password at any room's window about ten days on,
// then the app: sign in, register at each room, the family's QR once the room approves.
// The e-mail confirmation is mentioned only when an address was given.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { useTitle } from '../shared/ui/page';
import type { RegistrationForm } from './register_api';

export function DonePage({ form, email }: { form: RegistrationForm; email: string }) {
  useTitle(t('register.done.title'));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);
  const steps = [
    t('register.done.step_review'),
    t('register.done.step_letter'),
    t('register.done.step_app'),
    t('register.done.step_rooms'),
    t('register.done.step_qr'),
  ];
  return (
    <>
      <p class="reg-org">{form.organization.name}</p>
      <h1 ref={heading} tabIndex={-1}>{t('register.done.title')}</h1>
      <div class="alert alert--ok" role="status">
        <p>{t('register.done.lead')}</p>
        {email && <p>{t('register.done.email', { email })}</p>}
      </div>
      <h2>{t('register.done.next')}</h2>
      <ol class="reg-steps">
        {steps.map((step) => <li key={step}>{step}</li>)}
      </ol>
      <p>{t('register.done.keep')}</p>
    </>
  );
}
