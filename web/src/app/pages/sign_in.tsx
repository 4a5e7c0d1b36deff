// Sign-in with the login and password from the facility's window (an initial password
// leads on to the forced password change).
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { User } from '../../shared/types';
import { Button, ErrorMessage } from '../../shared/ui/feedback';
import { TextField } from '../../shared/ui/fields';
import { useSubmit } from '../../shared/form';
import { Frame, useTitle } from '../layout';
import { api } from '../../shared/session';

export function SignIn({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  useTitle(t('sign_in.title'));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit({ overrides: { unauthenticated: 'error.bad_credentials' } });

  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => onSignedIn(await api.login(login.trim(), password)));
  };

  return (
    <Frame>
      <h1>{t('sign_in.title')}</h1>
      <p class="pa-lead">{t('parent.sign_in_intro')}</p>
      <form ref={form.form_ref} onSubmit={submit} noValidate>
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <TextField label={t('sign_in.login')} name="login" value={login} onValue={setLogin}
          autoComplete="username" required autoFocus error={form.field('login')} />
        <TextField label={t('sign_in.password')} name="password" type="password" value={password}
          onValue={setPassword} autoComplete="current-password" required error={form.field('password')} />
        <div class="pa-wide"><Button type="submit" busy={form.busy}>{t('sign_in.submit')}</Button></div>
      </form>
      <p class="hint">{t('parent.sign_in_help')}</p>
    </Frame>
  );
}
