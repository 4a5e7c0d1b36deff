// Changing one's own password, in the admin and in the parents' app: the current one and
// the new one twice (a mismatch is refused before asking the server; a wrong current
// password comes back next to its field). `forced` right after signing in with an initial
// password: the page stands alone in the front end's frame, with only a sign-out, and the
// current-password field focused; nothing else is shown until it is done. Otherwise it is
// a page inside the signed-in shell, and says when the password was changed.
import { useState } from 'preact/hooks';
import { useSubmit } from '../form';
import { t } from '../i18n';
import { api, useSession } from '../session';
import { Button, ErrorMessage, Notice } from '../ui/feedback';
import { TextField } from '../ui/fields';
import { PageHead, useTitle, type FrameComponent } from '../ui/page';

export interface ChangePasswordPageProps {
  /** Required before anything else (first sign-in). */
  forced: boolean;
  /** The front end's frame of a page without navigation, used when forced. */
  Frame: FrameComponent;
  /** Called once the server accepted the new password. */
  onDone: () => void;
}

export function ChangePasswordPage({ forced, Frame, onDone }: ChangePasswordPageProps) {
  useTitle(t('password.title'));
  const { signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const form = useSubmit();

  const submit = (e: Event) => {
    e.preventDefault();
    setDone(false);
    if (next !== confirm) {
      form.fail(t('password.mismatch'), { confirm_password: t('password.mismatch') });
      return;
    }
    void form.run(async () => {
      await api.changePassword({ current_password: current, new_password: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      onDone();
    });
  };

  const body = (
    <>
      {forced && <Notice>{t('password.forced')}</Notice>}
      {done && <Notice>{t('password.changed')}</Notice>}
      <form ref={form.form_ref} onSubmit={submit} noValidate>
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <TextField label={t('password.current')} name="current_password" type="password" value={current}
          onValue={setCurrent} autoComplete="current-password" required autoFocus={forced}
          error={form.field('current_password')} />
        <TextField label={t('password.new')} name="new_password" type="password" value={next}
          onValue={setNext} autoComplete="new-password" required hint={t('password.new_hint')}
          error={form.field('new_password')} />
        <TextField label={t('password.confirm')} name="confirm_password" type="password" value={confirm}
          onValue={setConfirm} autoComplete="new-password" required error={form.field('confirm_password')} />
        <div class="form-submit"><Button type="submit" busy={form.busy}>{t('password.submit')}</Button></div>
      </form>
    </>
  );
  if (!forced) {
    return (
      <>
        <PageHead title={t('password.title')} />
        {body}
      </>
    );
  }
  const sign_out = <Button variant="link" onClick={() => void signOut()}>{t('nav.sign_out')}</Button>;
  return (
    <Frame actions={sign_out}>
      <h1>{t('password.title')}</h1>
      {body}
    </Frame>
  );
}
