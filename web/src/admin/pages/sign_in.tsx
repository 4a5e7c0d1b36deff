// The sign-in page (staff only; guardians use the family app).
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { User } from '../../shared/types';
import { Button, ErrorMessage } from '../../shared/ui/feedback';
import { TextField } from '../../shared/ui/fields';
import { useSubmit } from '../form';
import { Frame, useTitle } from '../layout';
import { api } from '../../shared/session';

export function SignIn({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  useTitle(t('sign_in.title'));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit({ unauthenticated: 'error.bad_credentials' });

  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      const user = await api.login(login.trim(), password);
      if (user.role === 'guardian') {
        await api.logout().catch(() => undefined);
        form.fail(t('sign_in.staff_only'));
        return;
      }
      onSignedIn(user);
    });
  };

  return (
    <Frame>
      <h1>{t('sign_in.title')}</h1>
      <form ref={form.form_ref} onSubmit={submit} noValidate>
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <TextField label={t('sign_in.login')} name="login" value={login} onValue={setLogin}
          autoComplete="username" required autoFocus error={form.field('login')} />
        <TextField label={t('sign_in.password')} name="password" type="password" value={password}
          onValue={setPassword} autoComplete="current-password" required error={form.field('password')} />
        <Button type="submit" busy={form.busy}>{t('sign_in.submit')}</Button>
      </form>
    </Frame>
  );
}
