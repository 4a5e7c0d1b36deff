// The sign-in page of the admin and of the parents' app: login and password (the login
// field focused on arrival, Enter submits), a wrong pair answered "ログインIDまたはパスワードが
// 正しくありません". Each front end passes its frame, the texts around the form, and whom it
// turns away: the admin is for staff only, so a guardian is signed out again and told so.
// A user with an initial password is then shown the forced change (../pages/change_password).
import { useState } from 'preact/hooks';
import { useSubmit } from '../form';
import { t, type MessageKey } from '../i18n';
import { api } from '../session';
import type { User } from '../types';
import { Button, ErrorMessage } from '../ui/feedback';
import { TextField } from '../ui/fields';
import { useTitle, type FrameComponent } from '../ui/page';

export interface SignInPageProps {
  /** The front end's frame of a signed-out page. */
  Frame: FrameComponent;
  /** Called with the signed-in user (one not refused). */
  onSignedIn: (user: User) => void;
  /** Why this front end turns `user` away (signed out again, the text shown), or null. */
  refuse?: (user: User) => MessageKey | null;
  /** A lead paragraph under the heading. */
  intro?: MessageKey;
  /** A hint under the form (e.g. where the login comes from). */
  help?: MessageKey;
}

export function SignInPage({ Frame, onSignedIn, refuse, intro, help }: SignInPageProps) {
  useTitle(t('sign_in.title'));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit({ overrides: { unauthenticated: 'error.bad_credentials' } });

  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      const user = await api.login(login.trim(), password);
      const refused = refuse?.(user);
      if (!refused) {
        onSignedIn(user);
        return;
      }
      await api.logout().catch(() => undefined);
      form.fail(t(refused));
    });
  };

  return (
    <Frame>
      <h1>{t('sign_in.title')}</h1>
      {intro && <p class="lead">{t(intro)}</p>}
      <form ref={form.form_ref} onSubmit={submit} noValidate>
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <TextField label={t('sign_in.login')} name="login" value={login} onValue={setLogin}
          autoComplete="username" required autoFocus error={form.field('login')} />
        <TextField label={t('sign_in.password')} name="password" type="password" value={password}
          onValue={setPassword} autoComplete="current-password" required error={form.field('password')} />
        <div class="form-submit"><Button type="submit" busy={form.busy}>{t('sign_in.submit')}</Button></div>
      </form>
      {help && <p class="hint">{t(help)}</p>}
    </Frame>
  );
}
